using EasternSelect.Data;
using EasternSelect.Domain.Common;
using EasternSelect.Domain.Reviews;
using EasternSelect.Portal.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace EasternSelect.Portal.Features.Suppliers.Reviews;

/// <summary>近 3 年審查結果: the seed's yearly table of document and on-site reviews, qualified verdicts and spot-checked suppliers.</summary>
public sealed class ReviewYearSummaryService(IDbContextFactory<PortalDbContext> contexts, PolicyGuard guard, TimeProvider clock)
{
    public const int MinYear = 2000;

    public const int MaxYearSpan = 20;

    /// <summary>
    /// For the Taiwan years from..to: reviews decided in the year by method, qualified verdicts, the pass ratio,
    /// and the distinct suppliers with a (not cancelled) monthly spot check in the year.
    /// </summary>
    public async Task<IReadOnlyList<ReviewYearSummary>> YearSummaryAsync(int fromYear, int toYear, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.SupplierRegistry);
        var error = CheckYearRange(fromYear, toYear, clock.TaipeiToday().Year);
        if (error is not null)
        {
            throw new ArgumentOutOfRangeException(nameof(fromYear), error);
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var range = new UtcRange(TaiwanTime.Year(fromYear).FromUtc, TaiwanTime.Year(toYear).ToUtc);
        var decided = await db.QualificationReviews.AsNoTracking()
            .Where(r => r.VerdictUtc >= range.FromUtc && r.VerdictUtc < range.ToUtc && (r.Status == ReviewStatus.Qualified || r.Status == ReviewStatus.Rejected))
            .Select(r => new { r.VerdictUtc, r.Method, r.Status })
            .ToListAsync(ct);
        var firstMonth = new DateOnly(fromYear, 1, 1);
        var afterLastMonth = new DateOnly(toYear + 1, 1, 1);
        var checks = await db.MonthlySpotChecks.AsNoTracking()
            .Where(c => c.Month >= firstMonth && c.Month < afterLastMonth && c.Status != SpotCheckStatus.Cancelled)
            .Select(c => new { c.Month, c.SupplierId })
            .ToListAsync(ct);
        return Enumerable.Range(fromYear, toYear - fromYear + 1).Select(year =>
        {
            var inYear = decided.Where(r => TaiwanTime.YearOf(r.VerdictUtc!.Value) == year).ToList();
            return new ReviewYearSummary(
                year,
                inYear.Count(r => r.Method == ReviewMethod.Document),
                inYear.Count(r => r.Method == ReviewMethod.OnSite),
                inYear.Count(r => r.Status == ReviewStatus.Qualified),
                checks.Where(c => c.Month.Year == year).Select(c => c.SupplierId).Distinct().Count());
        }).ToList();
    }

    /// <summary>Validates a year range typed by a person: a resource key, or null when the range is usable.</summary>
    public static string? CheckYearRange(int fromYear, int toYear, int currentYear)
    {
        if (fromYear < MinYear || toYear > currentYear + 1)
        {
            return "Review.YearOutOfRange";
        }

        if (toYear < fromYear)
        {
            return "Review.YearOrder";
        }

        return toYear - fromYear >= MaxYearSpan ? "Review.YearSpanTooLong" : null;
    }
}
