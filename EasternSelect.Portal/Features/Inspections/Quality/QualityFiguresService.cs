using EasternSelect.Data;
using EasternSelect.Data.Queries;
using EasternSelect.Domain.Common;
using EasternSelect.Domain.Inspections;
using EasternSelect.Domain.Suppliers;
using EasternSelect.Portal.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace EasternSelect.Portal.Features.Inspections.Quality;

public sealed record QualityQuery(DateOnly FromMonth, DateOnly ToMonth, SupplierCategory? Category, int? SupplierId);

public sealed record QualityReport(
    QualityFigures Total, IReadOnlyList<(DateOnly Month, QualityFigures Figures)> ByMonth, IReadOnlyList<(SupplierCategory Category, QualityFigures Figures)> ByCategory,
    IReadOnlyList<(int SupplierId, string SupplierName, QualityFigures Figures)> WorstSuppliers,
    CustomerReturnFigures Returns, KpiTargetValues Targets);

/// <summary>
/// The quality page: incoming-inspection figures from the lots (<see cref="InspectionFigures"/>), customer returns from
/// the imported operating data, the targets of the period's last year (<see cref="OperatingFigures.TargetsAsync"/>),
/// and the recomputation of the supplier monthly records the tier evaluation reads (only the fields the lots own).
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
        var lots = InspectionFigures.OriginalLots(db, query.FromMonth, query.ToMonth);
        if (query.Category is { } category)
        {
            lots = lots.Where(x => x.Category == category);
        }

        if (query.SupplierId is { } supplierId)
        {
            lots = lots.Where(x => x.SupplierId == supplierId);
        }

        var byMonth = await InspectionFigures.GroupsAsync(lots.GroupBy(x => x.Month), ct);
        var byCategory = await InspectionFigures.GroupsAsync(lots.GroupBy(x => x.Category), ct);
        var bySupplier = await InspectionFigures.GroupsAsync(lots.GroupBy(x => x.SupplierId), ct);
        var targets = await OperatingFigures.TargetsAsync(db, query.ToMonth.Year, ct);
        // Worst first by how many rates miss their own target, then by the highest single rate (rates are never summed).
        var worst = bySupplier.Where(s => s.Figures.LotsDecided > 0)
            .OrderByDescending(s => (s.Figures.DefectOverTarget(targets) ? 1 : 0) + (s.Figures.ShortageOverTarget(targets) ? 1 : 0) + (s.Figures.ReturnOverTarget(targets) ? 1 : 0))
            .ThenByDescending(s => Math.Max(s.Figures.DefectRate, Math.Max(s.Figures.ShortageRate, s.Figures.ReturnRate)))
            .ThenBy(s => s.Key).Take(WorstSupplierCount).ToList();
        var worstIds = worst.Select(w => w.Key).ToList();
        var names = await db.Suppliers.AsNoTracking().Where(s => worstIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, ct);

        var total = QualityFigures.Sum("total", byMonth.Select(m => m.Figures));
        var returns = await OperatingFigures.ReturnsAsync(db, query.FromMonth, query.ToMonth, query.Category, query.SupplierId, ct);
        return new QualityReport(
            total,
            [.. byMonth.OrderBy(m => m.Key).Select(m => (m.Key, m.Figures))],
            [.. byCategory.OrderBy(c => c.Key).Select(c => (c.Key, c.Figures))],
            [.. worst.Select(w => (w.Key, names.GetValueOrDefault(w.Key, "?"), w.Figures))],
            returns,
            targets);
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

    /// <summary>The lot-derived fields of the month's supplier records (<see cref="SupplierMonthlyRecords.UpsertLotFiguresAsync"/>).</summary>
    public static Task<int> UpsertMonthlyRecordsAsync(PortalDbContext db, DateOnly month, IReadOnlyCollection<int>? supplierIds, DateOnly today, CancellationToken ct) =>
        SupplierMonthlyRecords.UpsertLotFiguresAsync(db, month, supplierIds, today, ct);
}
