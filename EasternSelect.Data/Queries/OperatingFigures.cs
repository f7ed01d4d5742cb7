using EasternSelect.Domain.Common;
using EasternSelect.Domain.Inspections;
using EasternSelect.Domain.Operations;
using EasternSelect.Domain.Suppliers;
using Microsoft.EntityFrameworkCore;

namespace EasternSelect.Data.Queries;

/// <summary>
/// The one set of KPI definitions every page shows (quality page, dashboards, ESG). Each figure has a caption key
/// (numerator ÷ denominator) shown next to it. Incoming-inspection rates come from lots (<see cref="QualityFigures"/>);
/// customer-side rates from the imported <see cref="ProductMonthlyOperatingData"/>.
/// </summary>
public static class KpiDefinitions
{
    public const string IncomingDefect = "Kpi.Def.IncomingDefect";
    public const string IncomingShortage = "Kpi.Def.IncomingShortage";
    public const string IncomingReturn = "Kpi.Def.IncomingReturn";
    public const string CustomerReturn = "Kpi.Def.CustomerReturn";
    public const string QualityReturn = "Kpi.Def.QualityReturn";
    public const string NonQualityReturn = "Kpi.Def.NonQualityReturn";
    public const string ComplaintRate = "Kpi.Def.ComplaintRate";
    public const string LocalProcurement = "Kpi.Def.LocalProcurement";

    /// <summary>part ÷ whole in percent, two decimals; 0 when nothing was counted.</summary>
    public static decimal Percent(long part, long whole) => whole == 0 ? 0m : decimal.Round(100m * part / whole, 2);
}

/// <summary>Customer-side returns over imported months: return rate = all returned ÷ shipped; quality and non-quality return each ÷ shipped.</summary>
public sealed record CustomerReturnFigures(long UnitsShipped, long UnitsReturnedQuality, long UnitsReturnedOther)
{
    public decimal ReturnRate => KpiDefinitions.Percent(UnitsReturnedQuality + UnitsReturnedOther, UnitsShipped);

    public decimal QualityReturnRate => KpiDefinitions.Percent(UnitsReturnedQuality, UnitsShipped);

    public decimal NonQualityReturnRate => KpiDefinitions.Percent(UnitsReturnedOther, UnitsShipped);

    public bool HasData => UnitsShipped > 0;

    public bool ReturnOverTarget(KpiTargetValues targets) => ReturnRate > (targets ?? throw new ArgumentNullException(nameof(targets))).ReturnPercent;

    public bool NonQualityReturnOverTarget(KpiTargetValues targets) =>
        NonQualityReturnRate > (targets ?? throw new ArgumentNullException(nameof(targets))).NonQualityReturnPercent;
}

/// <summary>The targets that apply in a year (<see cref="SetInYear"/> is the year they were set for; null = the seed report's defaults).</summary>
public sealed record KpiTargetValues(int? SetInYear, decimal DefectPercent, decimal ShortagePercent, decimal ReturnPercent, decimal NonQualityReturnPercent)
{
    public static readonly KpiTargetValues SeedDefaults = new(null, 3m, 3m, 3m, 5m);

    /// <summary>各類商品檢驗比率 100%: every received lot inspected (a standing rule, not a yearly target).</summary>
    public const decimal InspectionRatioPercent = 100m;
}

/// <summary>Complaints opened in the months ÷ units shipped in them, per product or supplier; rate in percent.</summary>
public sealed record ComplaintRateFigure(int Id, int Complaints, long UnitsShipped)
{
    public decimal? RatePercent => UnitsShipped == 0 ? null : decimal.Round(100m * Complaints / UnitsShipped, 4);
}

/// <summary>Local procurement of a year from the imported supplier-year volumes (本地採購比例 = local volume ÷ all volume).</summary>
public sealed record LocalProcurementFigures(int Year, int Suppliers, int LocalSuppliers, decimal Volume, decimal LocalVolume)
{
    public decimal LocalSharePercent => Volume == 0 ? 0m : decimal.Round(100m * LocalVolume / Volume, 1);
}

/// <summary>The reads over the imported operating data; the one place shipped, returned and sold units are summed.</summary>
public static class OperatingFigures
{
    /// <summary>Units shipped per month whose first day lies in [<paramref name="firstDay"/>, <paramref name="lastDay"/>].</summary>
    public static async Task<Dictionary<DateOnly, long>> ShippedByMonthAsync(PortalDbContext db, DateOnly firstDay, DateOnly lastDay, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.ProductMonthlyOperatingData.AsNoTracking().Where(d => d.Month >= firstDay && d.Month <= lastDay)
            .GroupBy(d => d.Month).Select(g => new { Month = g.Key, Units = g.Sum(d => (long)d.UnitsShipped) })
            .ToDictionaryAsync(g => g.Month, g => g.Units, ct);
    }

    /// <summary>
    /// The customer returns of the months <paramref name="fromMonth"/> to <paramref name="toMonth"/> (both included),
    /// optionally of one product category or one supplier's products.
    /// </summary>
    public static async Task<CustomerReturnFigures> ReturnsAsync(
        PortalDbContext db, DateOnly fromMonth, DateOnly toMonth, SupplierCategory? category, int? supplierId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var from = IncomingLot.MonthOf(fromMonth);
        var to = IncomingLot.MonthOf(toMonth);
        var rows = db.ProductMonthlyOperatingData.AsNoTracking().Where(d => d.Month >= from && d.Month <= to);
        if (category is { } c)
        {
            rows = rows.Where(d => db.Products.Any(p => p.Id == d.ProductId && p.Category == c));
        }

        if (supplierId is { } s)
        {
            rows = rows.Where(d => db.Products.Any(p => p.Id == d.ProductId && p.SupplierId == s));
        }

        var sums = await rows
            .GroupBy(d => 1)
            .Select(g => new { Shipped = g.Sum(d => (long)d.UnitsShipped), Quality = g.Sum(d => (long)d.UnitsReturnedQuality), Other = g.Sum(d => (long)d.UnitsReturnedOther) })
            .FirstOrDefaultAsync(ct);
        return new CustomerReturnFigures(sums?.Shipped ?? 0, sums?.Quality ?? 0, sums?.Other ?? 0);
    }

    /// <summary>Complaint rate per product over the Taiwan months <paramref name="fromMonth"/> to <paramref name="toMonth"/>: complaints opened about it ÷ its units shipped.</summary>
    public static async Task<IReadOnlyList<ComplaintRateFigure>> ProductComplaintRatesAsync(PortalDbContext db, DateOnly fromMonth, DateOnly toMonth, CancellationToken ct)
    {
        var (from, to, range) = Window(fromMonth, toMonth);
        var shipped = await db.ProductMonthlyOperatingData.AsNoTracking().Where(d => d.Month >= from && d.Month <= to)
            .GroupBy(d => d.ProductId).Select(g => new { Id = g.Key, Units = g.Sum(d => (long)d.UnitsShipped) })
            .ToDictionaryAsync(g => g.Id, g => g.Units, ct);
        var complaints = await ComplaintFigures.Opened(db, range).Where(c => c.ProductId != null)
            .GroupBy(c => c.ProductId!.Value).Select(g => new { Id = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Id, g => g.Count, ct);
        return Merge(shipped, complaints);
    }

    /// <summary>
    /// Complaint rate per supplier over the Taiwan months: complaints opened naming the supplier (or about one of its
    /// products) ÷ units shipped of its products.
    /// </summary>
    public static async Task<IReadOnlyList<ComplaintRateFigure>> SupplierComplaintRatesAsync(PortalDbContext db, DateOnly fromMonth, DateOnly toMonth, CancellationToken ct)
    {
        var (from, to, range) = Window(fromMonth, toMonth);
        var shipped = await db.ProductMonthlyOperatingData.AsNoTracking().Where(d => d.Month >= from && d.Month <= to)
            .Join(db.Products, d => d.ProductId, p => p.Id, (d, p) => new { p.SupplierId, d.UnitsShipped })
            .GroupBy(x => x.SupplierId).Select(g => new { Id = g.Key, Units = g.Sum(x => (long)x.UnitsShipped) })
            .ToDictionaryAsync(g => g.Id, g => g.Units, ct);
        var complaints = await ComplaintFigures.Opened(db, range)
            .Select(c => c.SupplierId ?? db.Products.Where(p => p.Id == c.ProductId).Select(p => (int?)p.SupplierId).FirstOrDefault())
            .Where(id => id != null)
            .GroupBy(id => id!.Value).Select(g => new { Id = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Id, g => g.Count, ct);
        return Merge(shipped, complaints);
    }

    /// <summary>Units sold per product in a month (top sales).</summary>
    public static async Task<Dictionary<int, int>> UnitsSoldAsync(PortalDbContext db, DateOnly month, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var first = IncomingLot.MonthOf(month);
        return await db.ProductMonthlyOperatingData.AsNoTracking().Where(d => d.Month == first)
            .ToDictionaryAsync(d => d.ProductId, d => d.UnitsSold, ct);
    }

    /// <summary>The targets of <paramref name="year"/>: its own, else the latest earlier year's, else the seed report's defaults.</summary>
    public static async Task<KpiTargetValues> TargetsAsync(PortalDbContext db, int year, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var target = await db.KpiTargets.AsNoTracking().Where(t => t.Year <= year).OrderByDescending(t => t.Year).FirstOrDefaultAsync(ct);
        return target is null ? KpiTargetValues.SeedDefaults
            : new KpiTargetValues(target.Year, target.DefectPercent, target.ShortagePercent, target.ReturnPercent, target.NonQualityReturnPercent);
    }

    /// <summary>Local procurement of the report's year only (never another year's volumes).</summary>
    public static async Task<LocalProcurementFigures> LocalProcurementAsync(PortalDbContext db, int year, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await db.SupplierYearlyVolumes.AsNoTracking().Where(v => v.Year == year)
            .Select(v => new { v.IsLocal, v.TransactionVolume }).ToListAsync(ct);
        return new LocalProcurementFigures(year, rows.Count, rows.Count(r => r.IsLocal), rows.Sum(r => r.TransactionVolume), rows.Where(r => r.IsLocal).Sum(r => r.TransactionVolume));
    }

    private static (DateOnly From, DateOnly To, UtcRange Range) Window(DateOnly fromMonth, DateOnly toMonth)
    {
        var from = IncomingLot.MonthOf(fromMonth);
        var to = IncomingLot.MonthOf(toMonth);
        return (from, to, new UtcRange(TaiwanTime.Month(from.Year, from.Month).FromUtc, TaiwanTime.Month(to.Year, to.Month).ToUtc));
    }

    private static List<ComplaintRateFigure> Merge(Dictionary<int, long> shipped, Dictionary<int, int> complaints) =>
        [.. shipped.Keys.Union(complaints.Keys).Order().Select(id => new ComplaintRateFigure(id, complaints.GetValueOrDefault(id), shipped.GetValueOrDefault(id)))];
}
