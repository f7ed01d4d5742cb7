using EasternSelect.Domain.Inspections;
using EasternSelect.Domain.Sampling;
using EasternSelect.Domain.Suppliers;
using Microsoft.EntityFrameworkCore;

namespace EasternSelect.Data.Queries;

/// <summary>
/// Incoming-inspection sums over original inspections (re-inspections are the same lot again). Rates in percent,
/// defined by <see cref="KpiDefinitions"/> (defect, shortage, return of lots); pass = accepted ÷ decided lots;
/// inspection ratio = decided ÷ received lots. Each rate is compared with its own target of the year (<see cref="KpiTargetValues"/>).
/// </summary>
public sealed record QualityFigures(
    string Key, int LotsReceived, int LotsDecided, int LotsRejected, long UnitsReceived, long UnitsDecided, long UnitsReturned,
    long EstimatedDefective, long UnitsShort)
{
    public decimal DefectRate => Percent(EstimatedDefective, UnitsDecided);

    public decimal ShortageRate => Percent(UnitsShort, UnitsReceived + UnitsShort);

    public decimal ReturnRate => Percent(UnitsReturned, UnitsDecided);

    public decimal PassRate => Percent(LotsDecided - LotsRejected, LotsDecided);

    public decimal InspectionRatio => Percent(LotsDecided, LotsReceived);

    public bool DefectOverTarget(KpiTargetValues targets) => DefectRate > Target(targets).DefectPercent;

    public bool ShortageOverTarget(KpiTargetValues targets) => ShortageRate > Target(targets).ShortagePercent;

    public bool ReturnOverTarget(KpiTargetValues targets) => ReturnRate > Target(targets).ReturnPercent;

    /// <summary>Every rate within its own target.</summary>
    public bool MeetsTargets(KpiTargetValues targets) => !DefectOverTarget(targets) && !ShortageOverTarget(targets) && !ReturnOverTarget(targets);

    public static QualityFigures Empty(string key) => new(key, 0, 0, 0, 0, 0, 0, 0, 0);

    /// <summary>The total of several groups' figures.</summary>
    public static QualityFigures Sum(string key, IEnumerable<QualityFigures> figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        var list = figures.ToList();
        return new QualityFigures(
            key, list.Sum(m => m.LotsReceived), list.Sum(m => m.LotsDecided), list.Sum(m => m.LotsRejected),
            list.Sum(m => m.UnitsReceived), list.Sum(m => m.UnitsDecided), list.Sum(m => m.UnitsReturned),
            list.Sum(m => m.EstimatedDefective), list.Sum(m => m.UnitsShort));
    }

    private static decimal Percent(long part, long whole) => KpiDefinitions.Percent(part, whole);

    private static KpiTargetValues Target(KpiTargetValues targets) => targets ?? throw new ArgumentNullException(nameof(targets));
}

/// <summary>One group's quality figures with its key (a month, a category, a supplier).</summary>
public sealed record QualityGroup<TKey>(TKey Key, QualityFigures Figures);

/// <summary>
/// The inspection figures every page shares: quality figures over original lots by the month received (a lot's
/// <see cref="IncomingLot.Month"/> is its Taiwan receiving month), open corrective actions and the spot-check items
/// still due. Aggregated in SQL; callers check their own policy.
/// </summary>
public static class InspectionFigures
{
    /// <summary>The original (not re-inspection) lots received in the months <paramref name="fromMonth"/> to <paramref name="toMonth"/>.</summary>
    public static IQueryable<IncomingLot> OriginalLots(PortalDbContext db, DateOnly fromMonth, DateOnly toMonth)
    {
        ArgumentNullException.ThrowIfNull(db);
        var from = IncomingLot.MonthOf(fromMonth);
        var to = IncomingLot.MonthOf(toMonth);
        return db.IncomingLots.AsNoTracking().Where(x => !x.IsReinspection && x.Month >= from && x.Month <= to);
    }

    /// <summary>The figures of each group of lots (the one place the sums are written).</summary>
    public static async Task<IReadOnlyList<QualityGroup<TKey>>> GroupsAsync<TKey>(IQueryable<IGrouping<TKey, IncomingLot>> groups, CancellationToken ct)
    {
        var rows = await groups.Select(g => new
        {
            g.Key,
            Lots = g.Count(),
            Decided = g.Sum(x => x.Status == LotStatus.Decided ? 1 : 0),
            Rejected = g.Sum(x => x.Decision == LotDecision.Rejected ? 1 : 0),
            Units = g.Sum(x => (long)x.LotSize),
            UnitsDecided = g.Sum(x => x.Status == LotStatus.Decided ? (long)x.LotSize : 0L),
            UnitsReturned = g.Sum(x => x.Decision == LotDecision.Rejected ? (long)x.LotSize : 0L),
            Defective = g.Sum(x => (long)x.EstimatedDefectiveUnits),
            Short = g.Sum(x => (long)x.UnitsShort),
        }).ToListAsync(ct);
        return [.. rows.Select(r => new QualityGroup<TKey>(r.Key, new QualityFigures(
            Convert.ToString(r.Key, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty,
            r.Lots, r.Decided, r.Rejected, r.Units, r.UnitsDecided, r.UnitsReturned, r.Defective, r.Short)))];
    }

    /// <summary>The figures of each month from <paramref name="fromMonth"/> to <paramref name="toMonth"/>; months without lots are absent.</summary>
    public static async Task<IReadOnlyList<(DateOnly Month, QualityFigures Figures)>> MonthsAsync(PortalDbContext db, DateOnly fromMonth, DateOnly toMonth, CancellationToken ct)
    {
        var byMonth = await GroupsAsync(OriginalLots(db, fromMonth, toMonth).GroupBy(x => x.Month), ct);
        return [.. byMonth.OrderBy(m => m.Key).Select(m => (m.Key, m.Figures))];
    }

    /// <summary>The figures of the months <paramref name="fromMonth"/> to <paramref name="toMonth"/>, total and by category.</summary>
    public static async Task<(QualityFigures Total, IReadOnlyList<(SupplierCategory Category, QualityFigures Figures)> ByCategory)> PeriodAsync(
        PortalDbContext db, DateOnly fromMonth, DateOnly toMonth, CancellationToken ct)
    {
        var byCategory = await GroupsAsync(OriginalLots(db, fromMonth, toMonth).GroupBy(x => x.Category), ct);
        return (QualityFigures.Sum("total", byCategory.Select(c => c.Figures)), [.. byCategory.OrderBy(c => c.Key).Select(c => (c.Key, c.Figures))]);
    }

    /// <summary>A Taiwan calendar year's figures, total and by category.</summary>
    public static Task<(QualityFigures Total, IReadOnlyList<(SupplierCategory Category, QualityFigures Figures)> ByCategory)> YearAsync(
        PortalDbContext db, int year, CancellationToken ct) => PeriodAsync(db, new DateOnly(year, 1, 1), new DateOnly(year, 12, 1), ct);

    /// <summary>
    /// Open corrective-action requests; with <paramref name="overdueOn"/> (a Taiwan day), only those late on that day
    /// (<see cref="CorrectiveAction.IsLate"/>: open and past the due date).
    /// </summary>
    public static IQueryable<CorrectiveAction> OpenCorrectiveActions(IQueryable<CorrectiveAction> actions, DateOnly? overdueOn)
    {
        ArgumentNullException.ThrowIfNull(actions);
        var open = actions.Where(c => c.Status == CorrectiveActionStatus.Open);
        return overdueOn is { } today ? open.Where(c => c.DueOn < today) : open;
    }

    /// <summary>The items of a confirmed month's spot-check list still waiting for a result.</summary>
    public static IQueryable<SpotCheckItem> DueSpotCheckItems(PortalDbContext db, DateOnly month)
    {
        ArgumentNullException.ThrowIfNull(db);
        var first = IncomingLot.MonthOf(month);
        return db.SpotCheckItems.AsNoTracking().Where(i => !i.Removed && i.Outcome == null && db.SpotCheckMonths.Any(m => m.Id == i.SpotCheckMonthId && m.Month == first));
    }
}
