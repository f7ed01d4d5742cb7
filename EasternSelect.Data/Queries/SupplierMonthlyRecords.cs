using EasternSelect.Domain.Inspections;
using EasternSelect.Domain.Sampling;
using EasternSelect.Domain.Tiering;
using Microsoft.EntityFrameworkCore;

namespace EasternSelect.Data.Queries;

/// <summary>The one writer of the lot-derived fields of <see cref="SupplierMonthlyRecord"/>, used by the inspection services and the demo seeder alike.</summary>
public static class SupplierMonthlyRecords
{
    /// <summary>
    /// Upserts the records of the month from its original lots (all suppliers with lots that month when
    /// <paramref name="supplierIds"/> is null): LotsInspected, LotsRejected, UnitsReceived, DefectiveUnits, ShortUnits and
    /// LateCorrectiveActions (requests due that month and late as of <paramref name="today"/>, a Taiwan day). Other fields
    /// are kept. Saves; runs in the caller's transaction. Returns how many suppliers had lots.
    /// </summary>
    public static async Task<int> UpsertLotFiguresAsync(PortalDbContext db, DateOnly month, IReadOnlyCollection<int>? supplierIds, DateOnly today, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        month = IncomingLot.MonthOf(month);
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

            record.RecordLots(sum.Inspected, sum.Rejected, sum.Received, sum.Defective, sum.Short, late.GetValueOrDefault(sum.SupplierId));
        }

        // The seeder turns automatic change detection off for speed; the records changed here must still be saved.
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(ct);
        return sums.Count;
    }
}
