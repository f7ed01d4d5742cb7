using EasternSelect.Domain.Common;
using EasternSelect.Domain.Privacy;

namespace EasternSelect.Domain.Casework;

/// <summary>
/// The casework core shared by complaints and grievances: number, status workflow, assignment,
/// history, attachments and the SLA clocks. Every change goes through a method that records a <see cref="CaseEvent"/>.
/// </summary>
public abstract class CaseFile : AggregateRoot
{
    /// <summary>C2020-000123 for a complaint, G2020-0065 for a grievance; unique.</summary>
    public string Number { get; set; } = string.Empty;

    public CaseStatus Status { get; set; } = CaseStatus.New;

    [PersonalData(PersonalDataKind.FreeText)]
    public string Description { get; set; } = string.Empty;

    public DateTime OpenedUtc { get; set; }

    public string? AssigneeId { get; set; }

    public string? AssigneeName { get; set; }

    public DateTime? FirstResponseUtc { get; set; }

    public DateTime? FirstResponseDueUtc { get; set; }

    public DateTime ClosureDueUtc { get; set; }

    public DateTime? ResolvedUtc { get; set; }

    public DateTime? ClosedUtc { get; set; }

    /// <summary>Hours from opening to closing, stamped at closure so KPIs aggregate in SQL.</summary>
    public double? HandlingHours { get; set; }

    public bool? ClosedWithinTarget { get; set; }

    public int ReopenCount { get; set; }

    /// <summary>The last change anyone made (the digest and "changed since read" compare with it).</summary>
    public DateTime LastActivityUtc { get; set; }

    public List<CaseEvent> Events { get; set; } = [];

    public List<CaseAttachment> Attachments { get; set; } = [];

    /// <summary>Starts the clocks and records the intake. <paramref name="firstResponseDueUtc"/> is null when the case has no response target.</summary>
    public void Open(string number, DateTime utc, DateTime closureDueUtc, DateTime? firstResponseDueUtc, CaseActor by)
    {
        Number = number;
        OpenedUtc = utc;
        ClosureDueUtc = closureDueUtc;
        FirstResponseDueUtc = firstResponseDueUtc;
        Status = CaseStatus.New;
        Record(CaseEventKind.Created, by, utc, to: CaseStatus.New);
    }

    /// <summary>Gives the case to a person; a new case becomes Assigned, later statuses stay where they are.</summary>
    public void Assign(CaseActor assignee, CaseActor by, DateTime utc)
    {
        if (Status == CaseStatus.Closed)
        {
            throw new CaseRuleException("Case.Error.Closed");
        }

        AssigneeId = assignee.Id;
        AssigneeName = assignee.Name;
        var from = Status;
        if (Status == CaseStatus.New)
        {
            Status = CaseStatus.Assigned;
        }

        Record(CaseEventKind.Assigned, by, utc, from, Status, assignee.Name);
    }

    /// <summary>Moves along the workflow; closing asks the case kind for its closure rule (<see cref="CloseBlocker"/>).</summary>
    public void MoveTo(CaseStatus to, CaseActor by, DateTime utc, string? note = null)
    {
        var from = Status;
        if (!CaseWorkflow.CanMove(from, to))
        {
            throw new CaseRuleException("Case.Error.Transition");
        }

        if (to == CaseStatus.Closed && CloseBlocker() is { } blocker)
        {
            throw new CaseRuleException(blocker);
        }

        var reopen = CaseWorkflow.IsReopen(from, to);
        if (reopen && string.IsNullOrWhiteSpace(note))
        {
            throw new CaseRuleException("Case.Error.ReopenReason");
        }

        Status = to;
        if (to != CaseStatus.Assigned)
        {
            FirstResponseUtc ??= utc;
        }

        switch (to)
        {
            case CaseStatus.Resolved:
                ResolvedUtc = utc;
                break;
            case CaseStatus.Closed:
                ClosedUtc = utc;
                ResolvedUtc ??= utc;
                HandlingHours = Math.Round((utc - OpenedUtc).TotalHours, 2);
                ClosedWithinTarget = utc <= ClosureDueUtc;
                break;
        }

        if (reopen)
        {
            ReopenCount++;
            ResolvedUtc = null;
            ClosedUtc = null;
            HandlingHours = null;
            ClosedWithinTarget = null;
            OnReopened();
        }

        Record(reopen ? CaseEventKind.Reopened : CaseEventKind.StatusChanged, by, utc, from, to, Blank(note));
    }

    /// <summary>A note counts as the first response when none was given yet.</summary>
    public void AddNote(string text, CaseActor by, DateTime utc)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new CaseRuleException("Case.Error.NoteEmpty");
        }

        FirstResponseUtc ??= utc;
        Record(CaseEventKind.Note, by, utc, text: text.Trim());
    }

    public void Attach(int fileId, string fileName, long length, CaseActor by, DateTime utc)
    {
        Attachments.Add(new CaseAttachment { FileId = fileId, FileName = fileName, Length = length, AddedBy = by.Name, AddedUtc = utc });
        Record(CaseEventKind.Attachment, by, utc, text: fileName);
    }

    /// <summary>The localization key of what stops this case from closing, or null.</summary>
    public abstract string? CloseBlocker();

    /// <summary>Clears what closing required, so the case is closed again on fresh grounds.</summary>
    protected virtual void OnReopened()
    {
    }

    protected void Record(CaseEventKind kind, CaseActor by, DateTime utc, CaseStatus? from = null, CaseStatus? to = null, string? text = null)
    {
        Events.Add(new CaseEvent { Kind = kind, AtUtc = utc, ById = by.Id, ByName = by.Name, From = from, To = to, Text = text });
        LastActivityUtc = utc;
    }

    protected static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>A case rule was broken; <see cref="Exception.Message"/> is a localization key.</summary>
public sealed class CaseRuleException(string key) : InvalidOperationException(key)
{
    public string Key { get; } = key;
}
