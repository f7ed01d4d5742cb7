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
}
