using EasternSelect.Domain.Common;

namespace EasternSelect.Domain.Committees;

/// <summary>Where an anomaly comes from. Only delistings exist on this branch; the other sources join as their features do.</summary>
public enum AnomalyKind
{
    Delisting,
    RejectedLot,
    FailedSpotCheck,
    FactoryAuditFinding,
    QualityComplaint,
    MajorCase,
}

public enum AnomalyMeetingKind
{
    Internal,
    External,
}

public enum AnomalyMeetingStatus
{
    Open,
    Closed,
}

/// <summary>PDCA: plan, do, check, act, then closed.</summary>
public enum ActionItemStatus
{
    Plan,
    Do,
    Check,
    Act,
    Closed,
}

/// <summary>One anomaly gathered from its source, before it is snapshotted into a meeting.</summary>
public sealed record Anomaly(AnomalyKind Kind, int SourceId, int? SupplierId, string? SupplierName, int? ProductId, string? ProductName, DateOnly OccurredOn, string Summary, string Link);

/// <summary>The monthly 品質異常會議, internal or external (with invited suppliers).</summary>
public sealed class AnomalyMeeting : AggregateRoot
{
    /// <summary>The first day of the month whose anomalies the meeting reviews.</summary>
    public DateOnly Month { get; private set; }

    public DateOnly MeetingDate { get; private set; }

    public AnomalyMeetingKind Kind { get; private set; }

    public AnomalyMeetingStatus Status { get; private set; } = AnomalyMeetingStatus.Open;

    public string ChairName { get; private set; } = string.Empty;

    public string? Attendees { get; private set; }

    public DateTime? ClosedUtc { get; private set; }

    public List<AnomalyMeetingSupplier> Suppliers { get; } = [];

    public List<MeetingAnomaly> Anomalies { get; } = [];

    public List<ActionItem> ActionItems { get; } = [];

    /// <summary>Opens a meeting and snapshots the month's anomalies; an external meeting keeps only its invited suppliers' ones.</summary>
    public static AnomalyMeeting Open(DateOnly month, DateOnly meetingDate, AnomalyMeetingKind kind, IReadOnlyCollection<int> supplierIds, string chairName, string? attendees, IEnumerable<Anomaly> anomalies)
    {
        if (kind == AnomalyMeetingKind.External && supplierIds.Count == 0)
        {
            throw new DomainRuleException("Anomaly.ExternalNeedsSupplier");
        }

        var meeting = new AnomalyMeeting
        {
            Month = new DateOnly(month.Year, month.Month, 1),
            MeetingDate = meetingDate,
            Kind = kind,
            ChairName = chairName,
            Attendees = string.IsNullOrWhiteSpace(attendees) ? null : attendees.Trim(),
        };
        if (kind == AnomalyMeetingKind.External)
        {
            meeting.Suppliers.AddRange(supplierIds.Distinct().Select(id => new AnomalyMeetingSupplier { SupplierId = id }));
        }

        var invited = supplierIds.ToHashSet();
        meeting.Anomalies.AddRange(anomalies
            .Where(a => kind == AnomalyMeetingKind.Internal || (a.SupplierId is { } s && invited.Contains(s)))
            .OrderBy(a => a.OccurredOn).ThenBy(a => a.Kind)
            .Select(a => new MeetingAnomaly
            {
                Kind = a.Kind, SourceId = a.SourceId, SupplierId = a.SupplierId, SupplierName = a.SupplierName, ProductId = a.ProductId,
                ProductName = a.ProductName, OccurredOn = a.OccurredOn, Summary = a.Summary, Link = a.Link,
            }));
        return meeting;
    }

    /// <summary>Records what the meeting said about one of its anomalies (an empty text clears it); only while the meeting is open.</summary>
    public void Discuss(MeetingAnomaly anomaly, string? discussion)
    {
        ArgumentNullException.ThrowIfNull(anomaly);
        EnsureOpen();
        if (!Anomalies.Contains(anomaly))
        {
            throw new DomainRuleException("Anomaly.NotFound");
        }

        anomaly.Discussion = string.IsNullOrWhiteSpace(discussion) ? null : discussion.Trim();
    }

    /// <summary>
    /// Decides a PDCA action item, optionally answering one of the meeting's anomalies (whose supplier it then concerns).
    /// An external meeting's items concern one of its invited suppliers, so each supplier's minutes show its own.
    /// </summary>
    public ActionItem AddActionItem(string description, string ownerUserId, string ownerName, DateOnly dueDate, MeetingAnomaly? anomaly, int? supplierId)
    {
        EnsureOpen();
        if (string.IsNullOrWhiteSpace(description))
        {
            throw new DomainRuleException("Anomaly.DescriptionRequired");
        }

        if (string.IsNullOrEmpty(ownerUserId))
        {
            throw new DomainRuleException("Anomaly.OwnerRequired");
        }

        if (anomaly is not null && !Anomalies.Contains(anomaly))
        {
            throw new DomainRuleException("Anomaly.NotFound");
        }

        var concerns = anomaly?.SupplierId ?? supplierId;
        if (Kind == AnomalyMeetingKind.External && (concerns is null || Suppliers.All(s => s.SupplierId != concerns)))
        {
            throw new DomainRuleException("Anomaly.ExternalItemNeedsSupplier");
        }

        var item = new ActionItem(Id, anomaly?.Id, concerns, description.Trim(), ownerUserId, ownerName, dueDate);
        ActionItems.Add(item);
        return item;
    }

    public void Close(DateTime utc)
    {
        EnsureOpen();
        Status = AnomalyMeetingStatus.Closed;
        ClosedUtc = utc;
    }

    private void EnsureOpen()
    {
        if (Status != AnomalyMeetingStatus.Open)
        {
            throw new DomainRuleException("Anomaly.MeetingClosed");
        }
    }

}

public sealed class AnomalyMeetingSupplier : Entity
{
    public int AnomalyMeetingId { get; set; }

    public int SupplierId { get; set; }
}

/// <summary>An anomaly as the meeting saw it (a snapshot: the minutes do not change when the source does), and its discussion.</summary>
public sealed class MeetingAnomaly : Entity
{
    public int AnomalyMeetingId { get; set; }

    public AnomalyKind Kind { get; set; }

    public int SourceId { get; set; }

    public int? SupplierId { get; set; }

    public string? SupplierName { get; set; }

    public int? ProductId { get; set; }

    public string? ProductName { get; set; }

    public DateOnly OccurredOn { get; set; }

    public string Summary { get; set; } = string.Empty;

    public string Link { get; set; } = string.Empty;

    public string? Discussion { get; internal set; }
}

/// <summary>A PDCA action item decided at a meeting, owned by a portal user, carried to later meetings until closed.</summary>
public sealed class ActionItem : AggregateRoot
{
    internal ActionItem(int anomalyMeetingId, int? meetingAnomalyId, int? supplierId, string description, string ownerUserId, string ownerName, DateOnly dueDate)
    {
        AnomalyMeetingId = anomalyMeetingId;
        MeetingAnomalyId = meetingAnomalyId;
        SupplierId = supplierId;
        Description = description;
        OwnerUserId = ownerUserId;
        OwnerName = ownerName;
        DueDate = dueDate;
    }

    // For EF.
    private ActionItem()
    {
    }

    public int AnomalyMeetingId { get; private set; }

    public AnomalyMeeting? Meeting { get; private set; }

    /// <summary>The anomaly it answers, if any.</summary>
    public int? MeetingAnomalyId { get; private set; }

    /// <summary>The supplier it concerns, if any: an external meeting's minutes show only that supplier's items.</summary>
    public int? SupplierId { get; private set; }

    public string Description { get; private set; } = string.Empty;

    public string OwnerUserId { get; private set; } = string.Empty;

    public string OwnerName { get; private set; } = string.Empty;

    public DateOnly DueDate { get; private set; }

    public ActionItemStatus Status { get; private set; } = ActionItemStatus.Plan;

    public string? Note { get; private set; }

    public DateTime? ClosedUtc { get; private set; }

    public bool IsOverdue(DateOnly today) => Status != ActionItemStatus.Closed && DueDate < today;

    /// <summary>Moves the item along PDCA. A closed item stays closed; any open step may follow any other (PDCA repeats).</summary>
    public void ChangeStatus(ActionItemStatus status, string? note, DateTime utc)
    {
        if (Status == ActionItemStatus.Closed)
        {
            throw new DomainRuleException("Anomaly.ActionItemClosed");
        }

        if (!Enum.IsDefined(status))
        {
            throw new DomainRuleException("Anomaly.StatusInvalid");
        }

        Status = status;
        if (!string.IsNullOrWhiteSpace(note))
        {
            Note = note.Trim();
        }

        ClosedUtc = status == ActionItemStatus.Closed ? utc : null;
    }
}
