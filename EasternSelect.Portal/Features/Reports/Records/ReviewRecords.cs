using System.Globalization;
using EasternSelect.Data;
using EasternSelect.Domain.Common;
using EasternSelect.Domain.Reviews;
using EasternSelect.Portal.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace EasternSelect.Portal.Features.Reports.Records;

/// <summary>
/// reviews?year=&amp;method=&amp;status=: the qualification reviews decided in the year (qualified or rejected, by
/// verdict date), the records behind the review-results table; spot-checks?year=: the suppliers checked that year.
/// </summary>
public sealed class ReviewRecords(IDbContextFactory<PortalDbContext> contexts, IStringLocalizer<SharedResource> l) : IRecordSource
{
    public const string Name = "reviews";

    public string Source => Name;

    public string Policy => Policies.SupplierReports;

    public static string Link(int year, ReviewMethod? method = null, ReviewStatus? status = null) =>
        RecordLinks.For(Name, ("year", year), ("method", method), ("status", status));

    public async Task<RecordList> ListAsync(RecordFilter filter, RecordPage page, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var period = filter.Instants();
        var (start, end) = (period.Range.FromUtc, period.Range.ToUtc);
        var method = filter.Enum<ReviewMethod>("method");
        var status = filter.Enum<ReviewStatus>("status");
        await using var db = await contexts.CreateDbContextAsync(ct);
        var query = db.QualificationReviews.AsNoTracking()
            .Where(r => r.VerdictUtc >= start && r.VerdictUtc < end && (r.Status == ReviewStatus.Qualified || r.Status == ReviewStatus.Rejected));
        query = method is { } m ? query.Where(r => r.Method == m) : query;
        query = status is { } s ? query.Where(r => r.Status == s) : query;
        var description = RecordTables.Describe(
            (l["Records.PeriodLabel"], RecordTables.Period(l, period.From, period.To, period.Days)),
            (l["Review.Method"], method is null ? null : l["ReviewMethod." + method].Value),
            (l["Review.Status"], status is null ? null : l["ReviewStatus." + status].Value));
        return await RecordTables.ListAsync(
            query.OrderBy(r => r.VerdictUtc).ThenBy(r => r.Id).Select(r => new { r.Id, Supplier = r.Supplier!.Name, r.Method, r.Status, r.VerdictUtc, r.ReviewerName }),
            page, l["Records.Reviews"], description,
            [new(l["Review.Supplier"]), new(l["Review.Method"]), new(l["Review.Status"]), new(l["Records.VerdictDate"], CellKind.Date), new(l["Review.Reviewer"])],
            r =>
            [
                ReportCell.Of(r.Supplier).To($"/suppliers/reviews/{r.Id}"), ReportCell.Of(l["ReviewMethod." + r.Method].Value), ReportCell.Of(l["ReviewStatus." + r.Status].Value),
                ReportCell.Of(TaiwanTime.DateOf(r.VerdictUtc!.Value)), ReportCell.Of(r.ReviewerName),
            ],
            ct);
    }
}

/// <summary>spot-checks?year=: the suppliers given a monthly spot check (月檢抽驗) in the year, with how many checks.</summary>
public sealed class SpotCheckRecords(IDbContextFactory<PortalDbContext> contexts, IStringLocalizer<SharedResource> l) : IRecordSource
{
    public const string Name = "spot-checks";

    public string Source => Name;

    public string Policy => Policies.SupplierReports;

    public static string Link(int year) => RecordLinks.For(Name, ("year", year));

    public async Task<RecordList> ListAsync(RecordFilter filter, RecordPage page, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var (first, last) = filter.Months();
        var from = first;
        var to = last.AddMonths(1);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var query = db.MonthlySpotChecks.AsNoTracking().Where(c => c.Month >= from && c.Month < to && c.Status != SpotCheckStatus.Cancelled)
            .GroupBy(c => new { c.SupplierId, c.Supplier!.Name })
            .Select(g => new { g.Key.SupplierId, g.Key.Name, Checks = g.Count(), First = g.Min(c => c.Month) });
        return await RecordTables.ListAsync(
            query.OrderBy(x => x.Name).ThenBy(x => x.SupplierId), page, l["Records.SpotChecks"],
            RecordTables.Describe((l["Records.PeriodLabel"], RecordTables.Period(l, first, last))),
            [new(l["Review.Supplier"]), new(l["Records.Checks"], CellKind.Number), new(l["Records.FirstMonth"])],
            x => [ReportCell.Of(x.Name).To($"/suppliers/{x.SupplierId}"), ReportCell.Of(x.Checks), ReportCell.Of(x.First.ToString("yyyy-MM", CultureInfo.InvariantCulture))],
            ct);
    }
}
