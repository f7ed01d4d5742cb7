namespace EasternSelect.Domain.Sampling;

public enum InspectionSeverity
{
    Normal,
    Tightened,
    Reduced,
}
