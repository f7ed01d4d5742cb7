using EasternSelect.Domain.Common;
using EasternSelect.Domain.Inspections;

namespace EasternSelect.Domain.Suppliers;

public sealed class Product : AggregateRoot
{
    public const int ReasonMaxLength = 500;

    public string Sku { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public int SupplierId { get; set; }

    public Supplier? Supplier { get; set; }

    public SupplierCategory Category { get; set; }

    public SalesChannel Channel { get; set; }

    public decimal Price { get; set; }

    private ListingStatus _listingStatus = ListingStatus.Pending;

    private string? _delistingReason;

    private DateTime? _delistedUtc;

    private ListingSide? _delistedBy;

    /// <summary>
    /// A new product is pending (待上架) until its sample pre-inspection passes; given otherwise only for history and test data.
    /// Later only the methods below change it.
    /// </summary>
    public ListingStatus ListingStatus { get => _listingStatus; init => _listingStatus = value; }

    public string? DelistingReason { get => _delistingReason; init => _delistingReason = value; }

    public DateTime? DelistedUtc { get => _delistedUtc; init => _delistedUtc = value; }

    /// <summary>Which side delisted the product; null on delistings recorded before the side was kept (treated as supplier-side).</summary>
    public ListingSide? DelistedBy { get => _delistedBy; init => _delistedBy = value; }

    /// <summary>Why a QA manager listed the product without a passed pre-inspection (例外上架).</summary>
    public string? ListingExceptionReason { get; private set; }

    public string? ListingExceptionBy { get; private set; }

    public DateTime? ListingExceptionUtc { get; private set; }

    public int MonthlyUnitsSold { get; set; }

    /// <summary>Takes the product off sale (下架) with a reason, remembering which side did. Refused when it is not listed or the reason is empty.</summary>
    public void Delist(string reason, DateTime utc, ListingSide by)
    {
        if (ListingStatus != ListingStatus.Listed)
        {
            throw new DomainRuleException("Product.NotListed");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainRuleException("Product.DelistReasonRequired");
        }

        _listingStatus = ListingStatus.Delisted;
        _delistingReason = reason.Trim();
        _delistedUtc = utc;
        _delistedBy = by;
    }

    /// <summary>Puts a delisted product back on sale; a QA delisting only by QA. The delisting reason and date go with the old state.</summary>
    public void Relist(ListingSide by)
    {
        if (ListingStatus != ListingStatus.Delisted)
        {
            throw new DomainRuleException(ListingStatus == ListingStatus.Pending ? "Product.PendingNotDelisted" : "Product.NotDelisted");
        }

        if (DelistedBy == ListingSide.QualityAssurance && by != ListingSide.QualityAssurance)
        {
            throw new DomainRuleException("Product.RelistNeedsQaManager");
        }

        _listingStatus = ListingStatus.Listed;
        _delistingReason = null;
        _delistedUtc = null;
        _delistedBy = null;
    }

    /// <summary>
    /// A confirmed, passed (or conditionally passed) sample pre-inspection lists a pending product; a product already
    /// listed or delisted keeps its status (a delisting is undone only by <see cref="Relist"/>). True when it listed the product.
    /// </summary>
    public bool ListAfterPreInspection(SamplePreInspection inspection)
    {
        ArgumentNullException.ThrowIfNull(inspection);
        if (inspection.ProductId != Id || !inspection.Passed)
        {
            throw new DomainRuleException("Product.PreInspectionNotPassed");
        }

        if (ListingStatus != ListingStatus.Pending)
        {
            return false;
        }

        _listingStatus = ListingStatus.Listed;
        return true;
    }

    /// <summary>The QA manager lists a pending product without a passed pre-inspection; the reason, who and when stay on the product.</summary>
    public void ListByException(string reason, string by, DateTime utc)
    {
        if (ListingStatus != ListingStatus.Pending)
        {
            throw new DomainRuleException("Product.NotPending");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainRuleException("Product.ExceptionReasonRequired");
        }

        if (reason.Trim().Length > ReasonMaxLength)
        {
            throw new DomainRuleException("Product.ExceptionReasonTooLong");
        }

        _listingStatus = ListingStatus.Listed;
        ListingExceptionReason = reason.Trim();
        ListingExceptionBy = by;
        ListingExceptionUtc = utc;
    }
}
