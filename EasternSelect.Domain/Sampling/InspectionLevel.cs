namespace EasternSelect.Domain.Sampling;

public enum InspectionLevel
{
    S1,
    S2,
    S3,
    S4,
    I,
    II,
    III,
}
