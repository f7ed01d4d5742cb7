using EasternSelect.Domain.Common;
using EasternSelect.Data;
using EasternSelect.Domain.Inspections;
using EasternSelect.Domain.Sampling;
using EasternSelect.Domain.Suppliers;
using EasternSelect.Domain.Tiering;
using EasternSelect.Portal.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace EasternSelect.Portal.Features.Inspections.Quality;

public sealed record QualityQuery(DateOnly FromMonth, DateOnly ToMonth, SupplierCategory? Category, int? SupplierId);

/// <summary>
/// Sums over original inspections (re-inspections are the same lot again). Rates in percent:
/// defect = estimated defective ÷ units in decided lots; shortage = short ÷ ordered (received + short);
/// return = units of rejected lots ÷ units in decided lots; pass = accepted ÷ decided lots;
/// inspection ratio = decided ÷ received lots.
/// </summary>
public sealed record QualityFigures(
    string Key, int LotsReceived, int LotsDecided, int LotsRejected, long UnitsReceived, long UnitsDecided, long UnitsReturned,
    long EstimatedDefective, long UnitsShort)
{
    public const decimal TargetPercent = 3m;

    public decimal DefectRate => Percent(EstimatedDefective, UnitsDecided);

    public decimal ShortageRate => Percent(UnitsShort, UnitsReceived + UnitsShort);

    public decimal ReturnRate => Percent(UnitsReturned, UnitsDecided);

    public decimal PassRate => Percent(LotsDecided - LotsRejected, LotsDecided);

    public decimal InspectionRatio => Percent(LotsDecided, LotsReceived);

    public bool MeetsTargets => DefectRate + ShortageRate <= TargetPercent && ReturnRate <= TargetPercent;

    private static decimal Percent(long part, long whole) => whole == 0 ? 0m : decimal.Round(100m * part / whole, 2);
}

public sealed record QualityReport(
    QualityFigures Total, IReadOnlyList<(DateOnly Month, QualityFigures Figures)> ByMonth, IReadOnlyList<(SupplierCategory Category, QualityFigures Figures)> ByCategory,
    IReadOnlyList<(int SupplierId, string SupplierName, QualityFigures Figures)> WorstSuppliers);

/// <summary>
/// Quality figures from the incoming lots, aggregated in SQL, and the supplier monthly records the
/// tier evaluation reads: only the fields the lots own are written (not shipped units, complaints or audit findings).
/// </summary>
public sealed class QualityFiguresService(IDbContextFactory<PortalDbContext> contexts, PolicyGuard guard, TimeProvider time)
{
    public const int WorstSupplierCount = 30;

    public DateOnly Today => time.TaipeiToday();

    public async Task<QualityReport> FiguresAsync(QualityQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        await guard.EnsureAsync(Policies.Inspections);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var from = IncomingLot.MonthOf(query.FromMonth);
        var to = IncomingLot.MonthOf(query.ToMonth);
        var lots = db.IncomingLots.AsNoTracking().Where(x => !x.IsReinspection && x.Month >= from && x.Month <= to);
        if (query.Category is { } category)
        {
            lots = lots.Where(x => x.Category == category);
        }

        if (query.SupplierId is { } supplierId)
        {
            lots = lots.Where(x => x.SupplierId == supplierId);
        }

        var byMonth = await Aggregate(lots.GroupBy(x => x.Month)).ToListAsync(ct);
        var byCategory = await Aggregate(lots.GroupBy(x => x.Category)).ToListAsync(ct);
        var bySupplier = await Aggregate(lots.GroupBy(x => x.SupplierId)).ToListAsync(ct);
        var worst = bySupplier.Where(s => s.Figures.LotsDecided > 0)
            .OrderByDescending(s => s.Figures.DefectRate + s.Figures.ShortageRate + s.Figures.ReturnRate).ThenBy(s => s.Key).Take(WorstSupplierCount).ToList();
        var worstIds = worst.Select(w => w.Key).ToList();
        var names = await db.Suppliers.AsNoTracking().Where(s => worstIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, ct);

        var total = new QualityFigures(
            "total", byMonth.Sum(m => m.Figures.LotsReceived), byMonth.Sum(m => m.Figures.LotsDecided), byMonth.Sum(m => m.Figures.LotsRejected),
            byMonth.Sum(m => m.Figures.UnitsReceived), byMonth.Sum(m => m.Figures.UnitsDecided), byMonth.Sum(m => m.Figures.UnitsReturned),
            byMonth.Sum(m => m.Figures.EstimatedDefective), byMonth.Sum(m => m.Figures.UnitsShort));
        return new QualityReport(
            total,
            [.. byMonth.OrderBy(m => m.Key).Select(m => (m.Key, m.Figures))],
            [.. byCategory.OrderBy(c => c.Key).Select(c => (c.Key, c.Figures))],
            [.. worst.Select(w => (w.Key, names.GetValueOrDefault(w.Key, "?"), w.Figures))]);
    }

    /// <summary>
    /// A calendar year's figures (total and by category) for reports such as the ESG chapter: the same sums as
    /// <see cref="FiguresAsync"/>, aggregates only. The caller checks its own policy.
    /// </summary>
    public static async Task<(QualityFigures Total, IReadOnlyList<(SupplierCategory Category, QualityFigures Figures)> ByCategory)> YearFiguresAsync(
        PortalDbContext db, int year, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await PeriodFiguresAsync(db, new DateOnly(year, 1, 1), new DateOnly(year, 12, 1), ct);
    }

    /// <summary>The figures of the months <paramref name="fromMonth"/> to <paramref name="toMonth"/> (first days, inclusive), total and by category; the caller checks its own policy.</summary>
    public static async Task<(QualityFigures Total, IReadOnlyList<(SupplierCategory Category, QualityFigures Figures)> ByCategory)> PeriodFiguresAsync(
        PortalDbContext db, DateOnly fromMonth, DateOnly toMonth, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var from = IncomingLot.MonthOf(fromMonth);
        var to = IncomingLot.MonthOf(toMonth);
        var lots = db.IncomingLots.AsNoTracking().Where(x => !x.IsReinspection && x.Month >= from && x.Month <= to);
        var byCategory = await Aggregate(lots.GroupBy(x => x.Category)).ToListAsync(ct);
        var total = new QualityFigures(
            "total", byCategory.Sum(m => m.Figures.LotsReceived), byCategory.Sum(m => m.Figures.LotsDecided), byCategory.Sum(m => m.Figures.LotsRejected),
            byCategory.Sum(m => m.Figures.UnitsReceived), byCategory.Sum(m => m.Figures.UnitsDecided), byCategory.Sum(m => m.Figures.UnitsReturned),
            byCategory.Sum(m => m.Figures.EstimatedDefective), byCategory.Sum(m => m.Figures.UnitsShort));
        return (total, [.. byCategory.OrderBy(c => c.Key).Select(c => (c.Key, c.Figures))]);
    }

    /// <summary>
    /// The figures of each month from <paramref name="fromMonth"/> to <paramref name="toMonth"/> (months without lots are
    /// absent), the same sums as <see cref="FiguresAsync"/>, aggregated in SQL. The caller checks its own policy.
    /// </summary>
    public static async Task<IReadOnlyList<(DateOnly Month, QualityFigures Figures)>> MonthFiguresAsync(
        PortalDbContext db, DateOnly fromMonth, DateOnly toMonth, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var from = IncomingLot.MonthOf(fromMonth);
        var to = IncomingLot.MonthOf(toMonth);
        var lots = db.IncomingLots.AsNoTracking().Where(x => !x.IsReinspection && x.Month >= from && x.Month <= to);
        var byMonth = await Aggregate(lots.GroupBy(x => x.Month)).ToListAsync(ct);
        return [.. byMonth.OrderBy(m => m.Key).Select(m => (m.Key, m.Figures))];
    }

    /// <summary>The total of several months' figures.</summary>
    public static QualityFigures Sum(string key, IEnumerable<QualityFigures> figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        var list = figures.ToList();
        return new QualityFigures(
            key, list.Sum(m => m.LotsReceived), list.Sum(m => m.LotsDecided), list.Sum(m => m.LotsRejected),
            list.Sum(m => m.UnitsReceived), list.Sum(m => m.UnitsDecided), list.Sum(m => m.UnitsReturned),
            list.Sum(m => m.EstimatedDefective), list.Sum(m => m.UnitsShort));
    }

    /// <summary>Rewrites the lot-derived fields of every supplier's record for the month from its lots.</summary>
    public async Task<int> RecomputeMonthAsync(DateOnly month, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.Inspections);
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var count = await UpsertMonthlyRecordsAsync(db, IncomingLot.MonthOf(month), supplierIds: null, Today, ct);
        await transaction.CommitAsync(ct);
        return count;
    }

    /// <summary>
    /// Upserts <see cref="SupplierMonthlyRecord"/> for the month from the lots (all suppliers with lots that month when
    /// <paramref name="supplierIds"/> is null): LotsInspected, LotsRejected, UnitsReceived, DefectiveUnits, ShortUnits and
    /// LateCorrectiveActions (requests due that month and late as of <paramref name="today"/>). Other fields are kept.
    /// Runs in the caller's transaction.
    /// </summary>
    public static async Task<int> UpsertMonthlyRecordsAsync(PortalDbContext db, DateOnly month, IReadOnlyCollection<int>? supplierIds, DateOnly today, CancellationToken ct)
    {
        var lots = db.IncomingLots.AsNoTracking().Where(x => x.Month == month && !x.IsReinspection);
        if (supplierIds is not null)
        {
            lots = lots.Where(x => supplierIds.Contains(x.SupplierId));
        }

        var sums = await lots.GroupBy(x => x.SupplierId).Select(g => new
        {
            SupplierId = g.Key,
            Inspected = g.Sum(x => x.Status == LotStatus.Decided ? 1 : 0),
            Rejected = g.Sum(x => x.Decision == LotDecision.Rejected ? 1 : 0),
            Received = g.Sum(x => x.LotSize),
            Defective = g.Sum(x => x.EstimatedDefectiveUnits),
            Short = g.Sum(x => x.UnitsShort),
        }).ToListAsync(ct);
        var ids = sums.Select(s => s.SupplierId).ToList();
        var next = month.AddMonths(1);
        var late = await db.CorrectiveActions.AsNoTracking()
            .Where(c => ids.Contains(c.SupplierId) && c.DueOn >= month && c.DueOn < next
                && ((c.Status == CorrectiveActionStatus.Open && c.DueOn < today) || (c.Status == CorrectiveActionStatus.Accepted && c.AcceptedOn > c.DueOn)))
            .GroupBy(c => c.SupplierId).Select(g => new { SupplierId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.SupplierId, g => g.Count, ct);
        var records = await db.SupplierMonthlyRecords.Where(r => r.Month == month && ids.Contains(r.SupplierId)).ToDictionaryAsync(r => r.SupplierId, ct);
        foreach (var sum in sums)
        {
            if (!records.TryGetValue(sum.SupplierId, out var record))
            {
                record = new SupplierMonthlyRecord { SupplierId = sum.SupplierId, Month = month };
                db.SupplierMonthlyRecords.Add(record);
            }

            record.LotsInspected = sum.Inspected;
            record.LotsRejected = sum.Rejected;
            record.UnitsReceived = sum.Received;
            record.DefectiveUnits = sum.Defective;
            record.ShortUnits = sum.Short;
            record.LateCorrectiveActions = late.GetValueOrDefault(sum.SupplierId);
        }

        await db.SaveChangesAsync(ct);
        return sums.Count;
    }

    private static IQueryable<GroupSums<TKey>> Aggregate<TKey>(IQueryable<IGrouping<TKey, IncomingLot>> groups) =>
        groups.Select(g => new GroupSums<TKey>(
            g.Key,
            g.Count(),
            g.Sum(x => x.Status == LotStatus.Decided ? 1 : 0),
            g.Sum(x => x.Decision == LotDecision.Rejected ? 1 : 0),
            g.Sum(x => (long)x.LotSize),
            g.Sum(x => x.Status == LotStatus.Decided ? (long)x.LotSize : 0L),
            g.Sum(x => x.Decision == LotDecision.Rejected ? (long)x.LotSize : 0L),
            g.Sum(x => (long)x.EstimatedDefectiveUnits),
            g.Sum(x => (long)x.UnitsShort)));

    private sealed record GroupSums<TKey>(TKey Key, int Lots, int Decided, int Rejected, long Units, long UnitsDecided, long UnitsReturned, long Defective, long Short)
    {
        public QualityFigures Figures => new(Convert.ToString(Key, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty, Lots, Decided, Rejected, Units, UnitsDecided, UnitsReturned, Defective, Short);
    }
}
