using EasternSelect.Domain.Committees;

namespace EasternSelect.Portal.Features.Committees;

public sealed record AnomalyMeetingRow(int Id, DateOnly Month, DateOnly MeetingDate, AnomalyMeetingKind Kind, AnomalyMeetingStatus Status, int Anomalies, int ActionItems, int OpenActionItems);

public sealed record MeetingAnomalyView(int Id, AnomalyKind Kind, int SourceId, int? SupplierId, string? SupplierName, int? ProductId, string? ProductName,
    DateOnly OccurredOn, string Summary, string Link, string? Discussion);

public sealed record ActionItemView(int Id, Guid Version, int MeetingId, DateOnly MeetingMonth, int? MeetingAnomalyId, int? SupplierId, string Description,
    string OwnerUserId, string OwnerName, DateOnly DueDate, ActionItemStatus Status, string? Note, bool Overdue);

public sealed record AnomalyMeetingDetail(int Id, Guid Version, DateOnly Month, DateOnly MeetingDate, AnomalyMeetingKind Kind, AnomalyMeetingStatus Status,
    string ChairName, string? Attendees, IReadOnlyList<SupplierPick> Suppliers, IReadOnlyList<MeetingAnomalyView> Anomalies,
    IReadOnlyList<ActionItemView> ActionItems, IReadOnlyList<ActionItemView> CarriedOver);

public sealed record UserPick(string Id, string Name);

public sealed class AnomalyMeetingForm
{
    public DateTime? Month { get; set; }

    public DateTime? MeetingDate { get; set; }

    public AnomalyMeetingKind Kind { get; set; } = AnomalyMeetingKind.Internal;

    public List<int> SupplierIds { get; set; } = [];

    public string? Attendees { get; set; }
}

public sealed class ActionItemForm
{
    public string? Description { get; set; }

    public string? OwnerUserId { get; set; }

    public DateTime? DueDate { get; set; }

    public int? MeetingAnomalyId { get; set; }

    public int? SupplierId { get; set; }
}

/// <summary>
/// 會議紀錄 of a quality-anomaly meeting as plain data. <see cref="SupplierId"/> set means the copy for one invited supplier:
/// only that supplier's anomalies and action items.
/// </summary>
public sealed record AnomalyMeetingMinutes(int MeetingId, DateOnly Month, DateOnly MeetingDate, AnomalyMeetingKind Kind, AnomalyMeetingStatus Status,
    string ChairName, string? Attendees, int? SupplierId, IReadOnlyList<SupplierPick> Suppliers, IReadOnlyList<MeetingAnomalyView> Anomalies,
    IReadOnlyList<ActionItemView> ActionItems, IReadOnlyList<ActionItemView> CarriedOver);
