namespace EasternSelect.Domain.Privacy;

/// <summary>
/// Marks a property that holds personal data. Lists, exports, reports and the audit log show it
/// masked with <see cref="PersonalDataMask"/>; unmasking is a permission and is audited.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = true)]
public sealed class PersonalDataAttribute(PersonalDataKind kind) : Attribute
{
    public PersonalDataKind Kind { get; } = kind;
}

public enum PersonalDataKind
{
    Name,
    Phone,
    Email,
    Address,
    NationalId,
    /// <summary>Free text that may hold anything: never shown in the log, only its length.</summary>
    FreeText,
    /// <summary>An uploaded file's name ("王小明診斷書.pdf"): only the extension is kept.</summary>
    FileName,
}
