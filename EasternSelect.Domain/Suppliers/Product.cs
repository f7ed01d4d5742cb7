using EasternSelect.Domain.Common;

namespace EasternSelect.Domain.Suppliers;

public sealed class Product : AggregateRoot
{
    public string Sku { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public int SupplierId { get; set; }

    public Supplier? Supplier { get; set; }

    public SupplierCategory Category { get; set; }

    public SalesChannel Channel { get; set; }

    public decimal Price { get; set; }

    private ListingStatus _listingStatus = ListingStatus.Listed;

    private string? _delistingReason;

    private DateTime? _delistedUtc;

    /// <summary>Given when the product is created (history, test data); later only <see cref="Delist"/> and <see cref="Relist"/> change it.</summary>
    public ListingStatus ListingStatus { get => _listingStatus; init => _listingStatus = value; }

    public string? DelistingReason { get => _delistingReason; init => _delistingReason = value; }

    public DateTime? DelistedUtc { get => _delistedUtc; init => _delistedUtc = value; }

    public int MonthlyUnitsSold { get; set; }

    /// <summary>Takes the product off sale (下架) with a reason. Refused when it is not listed or the reason is empty.</summary>
    public void Delist(string reason, DateTime utc)
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
    }

    /// <summary>Puts a delisted product back on sale; the delisting reason and date go with the old state. Refused when it is listed.</summary>
    public void Relist()
    {
        if (ListingStatus != ListingStatus.Delisted)
        {
            throw new DomainRuleException("Product.NotDelisted");
        }

        _listingStatus = ListingStatus.Listed;
        _delistingReason = null;
        _delistedUtc = null;
    }
}
