using EasternSelect.Domain.Common;
using EasternSelect.Domain.Privacy;

namespace EasternSelect.Domain.Casework;

public enum CaseEventKind
{
    Created,
    Assigned,
    StatusChanged,
    Reopened,
    Note,
    Attachment,
    MajorCase,
    RootCause,
    AuditorAssigned,
    Finding,
    Conclusion,
    SignOff,
}

/// <summary>One line of a case's history: every step of the workflow is recorded here, never edited.</summary>
public sealed class CaseEvent : Entity
{
    public int CaseId { get; set; }

    public DateTime AtUtc { get; set; }

    public CaseEventKind Kind { get; set; }

    public CaseStatus? From { get; set; }

    public CaseStatus? To { get; set; }

    public string? ById { get; set; }

    public string ByName { get; set; } = string.Empty;

    /// <summary>A note, finding or reason; may hold anything a customer said, so the audit log shows only its length.</summary>
    [PersonalData(PersonalDataKind.FreeText)]
    public string? Text { get; set; }
}

/// <summary>A file attached to a case (photos of a defect, a supplier's invoice).</summary>
public sealed class CaseAttachment : Entity
{
    public int CaseId { get; set; }

    public int FileId { get; set; }

    [PersonalData(PersonalDataKind.FileName)]
    public string FileName { get; set; } = string.Empty;

    public long Length { get; set; }

    public DateTime AddedUtc { get; set; }

    public string AddedBy { get; set; } = string.Empty;
}

/// <summary>Who did something to a case.</summary>
public readonly record struct CaseActor(string? Id, string Name);
