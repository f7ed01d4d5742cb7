using EasternSelect.Data;
using EasternSelect.Domain.Privacy;
using EasternSelect.Domain.Suppliers;
using EasternSelect.Portal.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace EasternSelect.Portal.Features.Suppliers.Registry;

public enum SupplierSort
{
    Name,
    TaxId,
    Category,
    Status,
    Volume,
}

public sealed record SupplierQuery(string? Search, SupplierCategory? Category, SupplierStatus? Status, SupplierSort Sort, bool Descending, int Page, int PageSize);

/// <summary>A registry row. Contact fields are masked here, before they leave the service.</summary>
public sealed record SupplierRow(int Id, string Name, string TaxId, SupplierCategory Category, string CountryCode, SupplierStatus Status, SupplierTier Tier,
    string ContactName, string ContactPhone, decimal YearlyTransactionVolume);

public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Total);

public sealed class SupplierListService(IDbContextFactory<PortalDbContext> contexts, PolicyGuard guard)
{
    public const int MaxPageSize = 100;

    public async Task<PagedResult<SupplierRow>> SearchAsync(SupplierQuery query, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.SupplierRegistry);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var suppliers = Filter(db.Suppliers.AsNoTracking(), query);
        suppliers = (query.Sort, query.Descending) switch
        {
            (SupplierSort.TaxId, false) => suppliers.OrderBy(s => s.TaxId),
            (SupplierSort.TaxId, true) => suppliers.OrderByDescending(s => s.TaxId),
            (SupplierSort.Category, false) => suppliers.OrderBy(s => s.Category).ThenBy(s => s.Name),
            (SupplierSort.Category, true) => suppliers.OrderByDescending(s => s.Category).ThenBy(s => s.Name),
            (SupplierSort.Status, false) => suppliers.OrderBy(s => s.Status).ThenBy(s => s.Name),
            (SupplierSort.Status, true) => suppliers.OrderByDescending(s => s.Status).ThenBy(s => s.Name),
            (SupplierSort.Volume, false) => suppliers.OrderBy(s => db.SupplierYearlyVolumes.Where(v => v.SupplierId == s.Id).OrderByDescending(v => v.Year).Select(v => v.TransactionVolume).FirstOrDefault()).ThenBy(s => s.Id),
            (SupplierSort.Volume, true) => suppliers.OrderByDescending(s => db.SupplierYearlyVolumes.Where(v => v.SupplierId == s.Id).OrderByDescending(v => v.Year).Select(v => v.TransactionVolume).FirstOrDefault()).ThenBy(s => s.Id),
            (_, true) => suppliers.OrderByDescending(s => s.Name),
            _ => suppliers.OrderBy(s => s.Name),
        };

        var total = await suppliers.CountAsync(ct);
        var size = Math.Clamp(query.PageSize, 1, MaxPageSize);
        var rows = await suppliers.Skip(Math.Max(query.Page, 0) * size).Take(size)
            .Select(s => new { s.Id, s.Name, s.TaxId, s.Category, s.CountryCode, s.Status, s.Tier, s.ContactName, s.ContactPhone, YearlyTransactionVolume = db.SupplierYearlyVolumes.Where(v => v.SupplierId == s.Id).OrderByDescending(v => v.Year).Select(v => v.TransactionVolume).FirstOrDefault() })
            .ToListAsync(ct);
        return new PagedResult<SupplierRow>(
            rows.Select(s => new SupplierRow(s.Id, s.Name, s.TaxId, s.Category, s.CountryCode, s.Status, s.Tier,
                PersonalDataMask.Name(s.ContactName), PersonalDataMask.Phone(s.ContactPhone), s.YearlyTransactionVolume)).ToList(),
            total);
    }

    /// <summary>The list's search and filters, shared with the Excel export.</summary>
    internal static IQueryable<Supplier> Filter(IQueryable<Supplier> suppliers, SupplierQuery query)
    {
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = query.Search.Trim();
            suppliers = term.All(char.IsAsciiDigit)
                ? suppliers.Where(s => s.TaxId.StartsWith(term))
                : suppliers.Where(s => s.Name.Contains(term));
        }

        if (query.Category is { } category)
        {
            suppliers = suppliers.Where(s => s.Category == category);
        }

        if (query.Status is { } status)
        {
            suppliers = suppliers.Where(s => s.Status == status);
        }

        return suppliers;
    }
}
