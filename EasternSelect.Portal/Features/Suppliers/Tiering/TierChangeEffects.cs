using EasternSelect.Data;
using EasternSelect.Domain.Common;
using EasternSelect.Domain.Reviews;
using EasternSelect.Domain.Suppliers;
using EasternSelect.Domain.Tiering;
using Microsoft.EntityFrameworkCore;

namespace EasternSelect.Portal.Features.Suppliers.Tiering;

/// <summary>What a tier change did besides the tier: the streams it moved and the month of the spot check it scheduled (if any).</summary>
public sealed record TierEffects(int StreamsMoved, DateOnly? SpotCheckMonth);

/// <summary>
/// A tier change takes effect (<see cref="InspectionIntensity"/>): the supplier's inspection streams move toward the new tier's
/// severity, each move kept as a transition with the reason "tier change", and a tier that asks for monthly spot checks gets one
/// in the next month whose spot-check list is not confirmed yet. Runs on the caller's context, so it is saved with the tier change.
/// </summary>
public sealed class TierChangeEffects(TimeProvider clock)
{
    public async Task<TierEffects> ApplyAsync(PortalDbContext db, SupplierTierChange change, string by, DateTime utc, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(change);
        var streams = await db.InspectionStreams.Where(s => s.SupplierId == change.SupplierId).OrderBy(s => s.Id).ToListAsync(ct);
        var moved = streams.Count(s => s.FollowTierChange(change.From, change.To, by, utc) is not null);

        if (!InspectionIntensity.For(change.To).MonthlySpotCheck)
        {
            return new TierEffects(moved, null);
        }

        var month = await NextOpenSpotCheckMonthAsync(db, ct);
        if (await db.MonthlySpotChecks.AnyAsync(c => c.SupplierId == change.SupplierId && c.Month == month, ct))
        {
            // Already due that month (a qualification follow-up): one check covers both.
            return new TierEffects(moved, month);
        }

        db.MonthlySpotChecks.Add(MonthlySpotCheck.ForTier(change.SupplierId, change.To, month));
        return new TierEffects(moved, month);
    }

    /// <summary>The first month after today (Taipei) whose spot-check list the QA manager has not confirmed yet.</summary>
    private async Task<DateOnly> NextOpenSpotCheckMonthAsync(PortalDbContext db, CancellationToken ct)
    {
        var today = clock.TaipeiToday();
        var month = new DateOnly(today.Year, today.Month, 1).AddMonths(1);
        var confirmed = await db.SpotCheckMonths.AsNoTracking().Where(m => m.Month >= month).Select(m => m.Month).ToListAsync(ct);
        while (confirmed.Contains(month))
        {
            month = month.AddMonths(1);
        }

        return month;
    }
}
