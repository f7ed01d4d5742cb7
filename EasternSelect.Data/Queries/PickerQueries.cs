using EasternSelect.Domain.Suppliers;
using Microsoft.EntityFrameworkCore;

// The ToLower() calls below are translated to SQL lower(), never run in .NET, so no culture applies.
#pragma warning disable CA1304

namespace EasternSelect.Data.Queries;

/// <summary>A supplier as every supplier picker offers it.</summary>
public sealed record SupplierChoice(int Id, string Name, string TaxId, SupplierCategory Category, string CountryCode, SupplierStatus Status, SupplierTier Tier);

/// <summary>A product as every product picker offers it.</summary>
public sealed record ProductChoice(int Id, string Sku, string Name, int SupplierId, string SupplierName, SupplierCategory Category,
    ListingStatus ListingStatus, SalesChannel Channel, decimal Price);

/// <summary>Which suppliers a picker may offer; the call site's rule, the matching stays the same.</summary>
public enum SupplierPickFilter
{
    All,

    /// <summary>Every supplier not terminated.</summary>
    NotTerminated,

    /// <summary>Suppliers an inspector may visit: qualified, under review or suspended.</summary>
    Inspectable,

    Qualified,
}

/// <summary>Which products a picker may offer.</summary>
public enum ProductPickFilter
{
    All,
    Listed,

    /// <summary>Listed or pending (待上架): what a sample pre-inspection may be started on.</summary>
    NotDelisted,
}

/// <summary>
/// The one matching rule of the supplier and product pickers: the typed text is a case-insensitive part of the
/// supplier's name or tax id, or of the product's name or SKU; matches ordered by name (suppliers) or SKU (products), at most <see cref="Limit"/>.
/// </summary>
public static class PickerQueries
{
    public const int Limit = 20;

    public static async Task<IReadOnlyList<SupplierChoice>> SuppliersAsync(PortalDbContext db, string? text, SupplierPickFilter filter, CancellationToken ct)
    {
        var suppliers = filter switch
        {
            SupplierPickFilter.NotTerminated => db.Suppliers.Where(s => s.Status != SupplierStatus.Terminated),
            SupplierPickFilter.Inspectable => db.Suppliers.Where(s => s.Status == SupplierStatus.Qualified || s.Status == SupplierStatus.UnderReview || s.Status == SupplierStatus.Suspended),
            SupplierPickFilter.Qualified => db.Suppliers.Where(s => s.Status == SupplierStatus.Qualified),
            _ => db.Suppliers,
        };
        if (Term(text) is { } term)
        {
            // lower() in SQL on both sides: SQLite compares case-sensitively, SQL Server by its collation; this matches the same on both.
            suppliers = suppliers.Where(s => s.Name.ToLower().Contains(term) || s.TaxId.ToLower().Contains(term));
        }

        return await suppliers.AsNoTracking().OrderBy(s => s.Name).ThenBy(s => s.Id).Take(Limit)
            .Select(s => new SupplierChoice(s.Id, s.Name, s.TaxId, s.Category, s.CountryCode, s.Status, s.Tier))
            .ToListAsync(ct);
    }

    /// <param name="supplierId">Only this supplier's products, when the form already has a supplier.</param>
    public static async Task<IReadOnlyList<ProductChoice>> ProductsAsync(PortalDbContext db, string? text, ProductPickFilter filter, int? supplierId, CancellationToken ct)
    {
        var products = filter switch
        {
            ProductPickFilter.Listed => db.Products.Where(p => p.ListingStatus == ListingStatus.Listed),
            ProductPickFilter.NotDelisted => db.Products.Where(p => p.ListingStatus != ListingStatus.Delisted),
            _ => db.Products,
        };
        if (supplierId is { } id)
        {
            products = products.Where(p => p.SupplierId == id);
        }

        if (Term(text) is { } term)
        {
            products = products.Where(p => p.Name.ToLower().Contains(term) || p.Sku.ToLower().Contains(term));
        }

        return await products.AsNoTracking().OrderBy(p => p.Sku).ThenBy(p => p.Id).Take(Limit)
            .Select(p => new ProductChoice(p.Id, p.Sku, p.Name, p.SupplierId, p.Supplier!.Name, p.Category, p.ListingStatus, p.Channel, p.Price))
            .ToListAsync(ct);
    }

    /// <summary>One supplier as a picker shows it, for a form that opens with a supplier already chosen.</summary>
    public static Task<SupplierChoice?> SupplierAsync(PortalDbContext db, int id, CancellationToken ct) =>
        db.Suppliers.AsNoTracking().Where(s => s.Id == id)
            .Select(s => new SupplierChoice(s.Id, s.Name, s.TaxId, s.Category, s.CountryCode, s.Status, s.Tier))
            .SingleOrDefaultAsync(ct);

    /// <summary>One product as a picker shows it, for a form that opens with a product already chosen.</summary>
    public static Task<ProductChoice?> ProductAsync(PortalDbContext db, int id, CancellationToken ct) =>
        db.Products.AsNoTracking().Where(p => p.Id == id)
            .Select(p => new ProductChoice(p.Id, p.Sku, p.Name, p.SupplierId, p.Supplier!.Name, p.Category, p.ListingStatus, p.Channel, p.Price))
            .SingleOrDefaultAsync(ct);

    private static string? Term(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : text.Trim().ToLowerInvariant();
}
