using EasternSelect.Domain.Inspections;
using EasternSelect.Domain.Reviews;
using Microsoft.EntityFrameworkCore;

namespace EasternSelect.Data.Queries;

/// <summary>The database side of the spot-check candidate rules: loads what <see cref="SpotCheckCandidateRules"/> needs for a month.</summary>
public static class SpotCheckInputs
{
    /// <summary>
    /// Complaints and units shipped per supplier over the <paramref name="lookbackMonths"/> months before <paramref name="month"/>.
    /// The one place the complaint rate is read: for now from <see cref="Domain.Tiering.SupplierMonthlyRecord"/>
    /// (entered or imported per supplier); when casework complaints exist, count them here per product/supplier instead.
    /// </summary>
    public static async Task<IReadOnlyList<SupplierComplaintTotals>> ComplaintTotalsAsync(PortalDbContext db, DateOnly month, int lookbackMonths, CancellationToken ct)
    {
        var to = new DateOnly(month.Year, month.Month, 1);
        var from = to.AddMonths(-Math.Max(lookbackMonths, 1));
        return await db.SupplierMonthlyRecords.AsNoTracking()
            .Where(r => r.Month >= from && r.Month < to)
            .GroupBy(r => r.SupplierId)
            .Select(g => new SupplierComplaintTotals(g.Key, g.Sum(r => r.Complaints), g.Sum(r => r.UnitsShipped)))
            .ToListAsync(ct);
    }

    /// <summary>Everything the rules read for the month, then the proposal.</summary>
    public static async Task<CandidateProposal> ProposeAsync(PortalDbContext db, DateOnly month, SpotCheckRuleSettings settings, CancellationToken ct)
    {
        var first = new DateOnly(month.Year, month.Month, 1);
        var products = await db.Products.AsNoTracking()
            .Select(p => new CandidateProduct(p.Id, p.SupplierId, p.ListingStatus, p.MonthlyUnitsSold))
            .ToListAsync(ct);
        var totals = await ComplaintTotalsAsync(db, first, settings.ComplaintLookbackMonths, ct);
        var flagFrom = first.AddMonths(-settings.FlagMonths);
        var flagTo = first.AddMonths(1);
        var flags = await db.ProductFlags.AsNoTracking().Where(f => f.Date >= flagFrom && f.Date < flagTo)
            .Select(f => new CandidateFlag(f.Id, f.ProductId, f.Kind, f.Date, f.Source))
            .ToListAsync(ct);
        var followUps = await db.MonthlySpotChecks.AsNoTracking()
            .Where(c => c.Month == first && c.Status != SpotCheckStatus.Cancelled)
            .Select(c => new DueFollowUp(c.Id, c.SupplierId))
            .ToListAsync(ct);
        return SpotCheckCandidateRules.Propose(first, settings, products, totals, flags, followUps);
    }
}
