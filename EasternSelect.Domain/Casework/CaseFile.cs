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
    public string Number { get; private set; } = string.Empty;

    public CaseStatus Status { get; private set; } = CaseStatus.New;

    [PersonalData(PersonalDataKind.FreeText)]
    public string Description { get; set; } = string.Empty;

    public DateTime OpenedUtc { get; private set; }

    public string? AssigneeId { get; private set; }

    public string? AssigneeName { get; private set; }

    public DateTime? FirstResponseUtc { get; private set; }

    public DateTime? FirstResponseDueUtc { get; private set; }

    public DateTime ClosureDueUtc { get; private set; }

    public DateTime? ResolvedUtc { get; private set; }

    public DateTime? ClosedUtc { get; private set; }

    /// <summary>Hours from opening to closing, stamped at closure so KPIs aggregate in SQL.</summary>
    public double? HandlingHours { get; private set; }

    public bool? ClosedWithinTarget { get; private set; }

    public int ReopenCount { get; private set; }

    /// <summary>The last change anyone made (the digest and "changed since read" compare with it).</summary>
    public DateTime LastActivityUtc { get; private set; }

    public List<CaseEvent> Events { get; private set; } = [];

    public List<CaseAttachment> Attachments { get; private set; } = [];

    /// <summary>Starts the clocks and records the intake. <paramref name="firstResponseDueUtc"/> is null when the case has no response target.</summary>
    public void Open(string number, DateTime utc, DateTime closureDueUtc, DateTime? firstResponseDueUtc, CaseActor by)
    {
        // A case is opened once: its number and clocks are what every later step and KPI is measured against.
        if (Events.Count > 0)
        {
            throw new DomainRuleException("Case.Error.Transition");
        }

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
            throw new DomainRuleException("Case.Error.Closed");
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
            throw new DomainRuleException("Case.Error.Transition");
        }

        if (to == CaseStatus.Closed && CloseBlocker() is { } blocker)
        {
            throw new DomainRuleException(blocker);
        }

        var reopen = CaseWorkflow.IsReopen(from, to);
        if (reopen && string.IsNullOrWhiteSpace(note))
        {
            throw new DomainRuleException("Case.Error.ReopenReason");
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
            throw new DomainRuleException("Case.Error.NoteEmpty");
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
