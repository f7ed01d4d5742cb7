namespace EasternSelect.Domain.Inspections;

/// <summary>How serious a nonconformity found against a checklist item is (嚴重 / 主要 / 次要缺點).</summary>
public enum DefectClass
{
    Critical,
    Major,
    Minor,
}
