using System.ComponentModel.DataAnnotations;
using EasternSelect.Domain.Casework;
using EasternSelect.Portal.Infrastructure.Localization;

namespace EasternSelect.Portal.Features.Casework.Complaints;

/// <summary>The intake form. Customer contact details are personal data: after saving they are shown masked.</summary>
public sealed class ComplaintForm
{
    public ComplaintChannel Channel { get; set; } = ComplaintChannel.Phone;

    [RequiredField, MaxTextLength(100)]
    public string CustomerName { get; set; } = string.Empty;

    [RequiredField, MaxTextLength(30), RegularExpression(@"^[0-9+()\- ]{8,30}$", ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.Phone))]
    public string CustomerPhone { get; set; } = string.Empty;

    [EmailField, MaxTextLength(256)]
    public string? CustomerEmail { get; set; }

    [MaxTextLength(300)]
    public string? CustomerAddress { get; set; }

    [MaxTextLength(40)]
    public string? OrderNumber { get; set; }

    public int? ProductId { get; set; }

    [Range(1, int.MaxValue, ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.Required))]
    public int CategoryId { get; set; }

    [RequiredField, MaxTextLength(4000)]
    public string Description { get; set; } = string.Empty;

    /// <summary>The agent flags a major case by hand (the portal also looks at the text).</summary>
    public MajorCaseReason MajorReasons { get; set; }
}

public enum ComplaintView
{
    Open,
    Attention,
    Major,
    Mine,
    Closed,
    All,
}

/// <summary><paramref name="Sla"/>: open complaints whose closure clock is on track, due soon or breached (the dashboard's SLA chart).</summary>
public sealed record ComplaintQuery(string? Search, ComplaintView View, int? CategoryId, ComplaintChannel? Channel, int Page, int PageSize, SlaStatus? Sla = null);

public sealed record ComplaintRow(
    int Id, string Number, DateTime OpenedUtc, ComplaintChannel Channel, string Category, CaseStatus Status, bool IsMajor,
    string? AssigneeName, string CustomerName, string CustomerPhone, SlaView Sla);

public sealed record ComplaintCategoryView(int Id, string Code, string NameZh, string NameEn, int SortOrder, bool Active)
{
    public string Name => System.Globalization.CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.Ordinal) ? NameZh : NameEn;
}

public sealed record ProductPick(int Id, string Sku, string Name, int SupplierId, string SupplierName)
{
    public override string ToString() => Sku + " " + Name;
}

/// <summary>A complaint as the detail page shows it: contacts masked, history, clocks and what the person may do.</summary>
public sealed record ComplaintDetail(
    int Id, string Number, CaseStatus Status, ComplaintChannel Channel, string Category, int CategoryId,
    string CustomerName, string CustomerPhone, string? CustomerEmail, string? CustomerAddress,
    string? OrderNumber, ProductPick? Product, string? SupplierName, string Description,
    bool IsMajor, MajorCaseReason MajorReasons, bool MajorDetected,
    RootCause? RootCause, string? RootCauseNote, string? AssigneeId, string? AssigneeName,
    DateTime OpenedUtc, DateTime? ClosedUtc, int ReopenCount, SlaView Sla, Guid Version,
    IReadOnlyList<CaseEventView> History, IReadOnlyList<CaseAttachmentView> Attachments,
    bool CanWork, bool CanTake, IReadOnlyList<CaseStatus> NextStatuses);

public enum ComplaintField
{
    CustomerName,
    CustomerPhone,
    CustomerEmail,
    CustomerAddress,
}
