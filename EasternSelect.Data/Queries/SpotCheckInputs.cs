using EasternSelect.Domain.Inspections;
using EasternSelect.Domain.Reviews;
using Microsoft.EntityFrameworkCore;

namespace EasternSelect.Data.Queries;

/// <summary>The database side of the spot-check candidate rules: loads what <see cref="SpotCheckCandidateRules"/> needs for a month.</summary>
public static class SpotCheckInputs
{
    /// <summary>
    /// Complaints and units shipped per product over the <paramref name="lookbackMonths"/> months before <paramref name="month"/>:
    /// casework complaints about the product ÷ its imported units shipped (<see cref="OperatingFigures.ProductComplaintRatesAsync"/>).
    /// </summary>
    public static async Task<IReadOnlyList<ProductComplaintTotals>> ComplaintTotalsAsync(PortalDbContext db, DateOnly month, int lookbackMonths, CancellationToken ct)
    {
        var to = new DateOnly(month.Year, month.Month, 1);
        var from = to.AddMonths(-Math.Max(lookbackMonths, 1));
        var rates = await OperatingFigures.ProductComplaintRatesAsync(db, from, to.AddMonths(-1), ct);
        return [.. rates.Select(r => new ProductComplaintTotals(r.Id, r.Complaints, (int)Math.Min(r.UnitsShipped, int.MaxValue)))];
    }

    /// <summary>Everything the rules read for the month, then the proposal.</summary>
    public static async Task<CandidateProposal> ProposeAsync(PortalDbContext db, DateOnly month, SpotCheckRuleSettings settings, CancellationToken ct)
    {
        var first = new DateOnly(month.Year, month.Month, 1);
        // Top sales rank by the units sold of the month before, as imported from the order system.
        var sold = await OperatingFigures.UnitsSoldAsync(db, first.AddMonths(-1), ct);
        var products = (await db.Products.AsNoTracking().Select(p => new { p.Id, p.SupplierId, p.ListingStatus }).ToListAsync(ct))
            .Select(p => new CandidateProduct(p.Id, p.SupplierId, p.ListingStatus, sold.GetValueOrDefault(p.Id)))
            .ToList();
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
