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

    public ListingStatus ListingStatus { get; set; } = ListingStatus.Listed;

    public string? DelistingReason { get; set; }

    public DateTime? DelistedUtc { get; set; }

    public int MonthlyUnitsSold { get; set; }

    /// <summary>Takes the product off sale (下架) with a reason. Throws when it is not listed or the reason is empty.</summary>
    public void Delist(string reason, DateTime utc)
    {
        if (ListingStatus != ListingStatus.Listed)
        {
            throw new InvalidOperationException($"Product {Sku} is not listed.");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new ArgumentException("A delisting reason is required.", nameof(reason));
        }

        ListingStatus = ListingStatus.Delisted;
        DelistingReason = reason.Trim();
        DelistedUtc = utc;
    }
}
