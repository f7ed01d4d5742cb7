using EasternSelect.Domain.Common;
using EasternSelect.Domain.Operations;
using Microsoft.EntityFrameworkCore;

namespace EasternSelect.Data.Seed;

/// <summary>
/// Demo operating data, as the order-system import would write it: units shipped, returned and sold per product for
/// 2020 (the demo's report year) and the twelve months before today, and each supplier's yearly volume from 2018 on.
/// </summary>
public sealed class OperatingDataSeeder : IDemoSeeder
{
    public const int ReportYear = 2020;

    public string Name => "monthly operating data (units shipped, returned, sold) and supplier-year volumes";

    public Task<bool> HasDataAsync(PortalDbContext db, CancellationToken ct) => db.ProductMonthlyOperatingData.AnyAsync(ct);

    public async Task SeedAsync(PortalDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var products = await db.Products.AsNoTracking().OrderBy(p => p.Id).Select(p => p.Id).ToListAsync(ct);
        var suppliers = await db.Suppliers.AsNoTracking().OrderBy(s => s.Id).Select(s => new { s.Id, s.CountryCode, s.YearlyTransactionVolume }).ToListAsync(ct);
        if (products.Count == 0)
        {
            return;
        }

        var random = new Random(4500);
        var today = clock.TaipeiToday();
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        var months = Enumerable.Range(1, 12).Select(m => new DateOnly(ReportYear, m, 1))
            .Concat(Enumerable.Range(1, 12).Select(back => thisMonth.AddMonths(-back)))
            .Distinct().Order().ToList();
        db.AuditSuppressed = true;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        foreach (var month in months)
        {
            foreach (var productId in products)
            {
                // About 45,000 units a day over the catalogue (the seed report's scale), uneven between products.
                var shipped = (int)(random.NextDouble() * random.NextDouble() * 1_400);
                var quality = (int)(shipped * random.NextDouble() * 0.03);
                var other = (int)(shipped * random.NextDouble() * 0.06);
                db.ProductMonthlyOperatingData.Add(new ProductMonthlyOperatingData
                {
                    ProductId = productId, Month = month, UnitsShipped = shipped, UnitsReturnedQuality = quality, UnitsReturnedOther = other,
                    UnitsSold = Math.Max(0, shipped + random.Next(-20, 21)),
                });
            }

            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }

        for (var year = ReportYear - 2; year <= today.Year; year++)
        {
            foreach (var s in suppliers)
            {
                db.SupplierYearlyVolumes.Add(new SupplierYearlyVolume
                {
                    SupplierId = s.Id, Year = year, IsLocal = s.CountryCode == "TW",
                    TransactionVolume = decimal.Round(s.YearlyTransactionVolume * (decimal)(0.8 + (random.NextDouble() * 0.4)), 0),
                });
            }
        }

        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        await SeedAudit.WriteAsync(db, clock, nameof(ProductMonthlyOperatingData), $"Seeded demo operating data for {months.Count} months and supplier volumes.", ct);
    }
}
