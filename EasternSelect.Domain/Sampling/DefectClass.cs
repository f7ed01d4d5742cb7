namespace EasternSelect.Domain.Sampling;

public enum DefectClass
{
    Critical,
    Major,
    Minor,
}
