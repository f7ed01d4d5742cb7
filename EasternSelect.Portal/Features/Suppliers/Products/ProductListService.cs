using EasternSelect.Data;
using EasternSelect.Domain.Suppliers;
using EasternSelect.Portal.Features.Suppliers.Registry;
using EasternSelect.Portal.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace EasternSelect.Portal.Features.Suppliers.Products;

public enum ProductSort
{
    Name,
    Sku,
    Price,
    UnitsSold,
}

public sealed record ProductQuery(string? Search, SupplierCategory? Category, ListingStatus? Listing, SalesChannel? Channel, ProductSort Sort, bool Descending, int Page, int PageSize);

public sealed record ProductRow(int Id, string Sku, string Name, string SupplierName, SupplierCategory Category, SalesChannel Channel, decimal Price, ListingStatus ListingStatus, string? DelistingReason, int MonthlyUnitsSold,
    ListingSide? DelistedBy = null, string? ListingExceptionReason = null, string? ListingExceptionBy = null);

public sealed class ProductListService(IDbContextFactory<PortalDbContext> contexts, PolicyGuard guard)
{
    public async Task<PagedResult<ProductRow>> SearchAsync(ProductQuery query, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.ProductCatalogue);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var products = db.Products.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = query.Search.Trim();
            products = term.StartsWith('P') && term.Skip(1).All(char.IsAsciiDigit)
                ? products.Where(p => p.Sku.StartsWith(term))
                : products.Where(p => p.Name.Contains(term));
        }

        if (query.Category is { } category)
        {
            products = products.Where(p => p.Category == category);
        }

        if (query.Listing is { } listing)
        {
            products = products.Where(p => p.ListingStatus == listing);
        }

        if (query.Channel is { } channel)
        {
            products = products.Where(p => p.Channel == channel);
        }

        products = (query.Sort, query.Descending) switch
        {
            (ProductSort.Sku, false) => products.OrderBy(p => p.Sku),
            (ProductSort.Sku, true) => products.OrderByDescending(p => p.Sku),
            (ProductSort.Price, false) => products.OrderBy(p => p.Price).ThenBy(p => p.Id),
            (ProductSort.Price, true) => products.OrderByDescending(p => p.Price).ThenBy(p => p.Id),
            (ProductSort.UnitsSold, false) => products.OrderBy(p => db.ProductMonthlyOperatingData.Where(d => d.ProductId == p.Id).OrderByDescending(d => d.Month).Select(d => d.UnitsSold).FirstOrDefault()).ThenBy(p => p.Id),
            (ProductSort.UnitsSold, true) => products.OrderByDescending(p => db.ProductMonthlyOperatingData.Where(d => d.ProductId == p.Id).OrderByDescending(d => d.Month).Select(d => d.UnitsSold).FirstOrDefault()).ThenBy(p => p.Id),
            (_, true) => products.OrderByDescending(p => p.Name),
            _ => products.OrderBy(p => p.Name),
        };

        // Counting 580,000 rows on every page turn is the slow part; the count runs on the filtered index only.
        var total = await products.CountAsync(ct);
        var size = Math.Clamp(query.PageSize, 1, SupplierListService.MaxPageSize);
        var rows = await products.Skip(Math.Max(query.Page, 0) * size).Take(size)
            .Select(p => new ProductRow(p.Id, p.Sku, p.Name, p.Supplier!.Name, p.Category, p.Channel, p.Price, p.ListingStatus, p.DelistingReason,
                db.ProductMonthlyOperatingData.Where(d => d.ProductId == p.Id).OrderByDescending(d => d.Month).Select(d => d.UnitsSold).FirstOrDefault(),
                p.DelistedBy, p.ListingExceptionReason, p.ListingExceptionBy))
            .ToListAsync(ct);
        return new PagedResult<ProductRow>(rows, total);
    }
}
