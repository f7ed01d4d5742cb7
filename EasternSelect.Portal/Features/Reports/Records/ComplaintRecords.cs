using System.Globalization;
using EasternSelect.Data;
using EasternSelect.Domain.Casework;
using EasternSelect.Domain.Privacy;
using EasternSelect.Portal.Features.Casework.Complaints;
using EasternSelect.Portal.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace EasternSelect.Portal.Features.Reports.Records;

/// <summary>
/// <c>/reports/records/complaints</c>: the complaints behind a complaint figure, filtered with the KPI definitions of
/// <see cref="ComplaintKpiService"/> (opened in the period, UTC). Filters: <c>year</c> (and <c>month</c>) or
/// <c>from</c>/<c>to</c> (yyyy-MM-dd, inclusive); <c>topic</c> (category code), <c>channel</c>, <c>status</c>,
/// <c>closed</c>, <c>closedWithinSla</c>, <c>online</c>, <c>major</c>. The customer's name is shown masked, nothing else of them.
/// </summary>
public sealed class ComplaintRecords(IDbContextFactory<PortalDbContext> contexts, PolicyGuard guard, IStringLocalizer<SharedResource> l) : IRecordSource
{
    public const string Name = "complaints";

    public string Source => Name;

    public string Policy => Policies.ComplaintKpis;

    public async Task<RecordList> ListAsync(RecordFilter filter, int limit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await guard.EnsureAsync(Policy);
        var words = new List<string>();
        var (from, to) = Period(filter, words);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var complaints = ComplaintKpiService.Opened(db, from, to);
        if (filter.Text("topic") is { } code)
        {
            var category = await db.ComplaintCategories.AsNoTracking().Where(c => c.Code == code).Select(c => new { c.Id, c.NameZh, c.NameEn }).SingleOrDefaultAsync(ct)
                ?? throw new RecordFilterException("topic is not a known complaint category code.");
            complaints = complaints.Where(c => c.CategoryId == category.Id);
            words.Add($"{l["Records.Complaints.Topic"]}：{(CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.Ordinal) ? category.NameZh : category.NameEn)}");
        }

        if (filter.Enum<ComplaintChannel>("channel") is { } channel)
        {
            complaints = complaints.Where(c => c.Channel == channel);
            words.Add($"{l["Records.Complaints.Channel"]}：{l["ComplaintChannel." + channel]}");
        }

        if (filter.Enum<CaseStatus>("status") is { } status)
        {
            complaints = complaints.Where(c => c.Status == status);
            words.Add($"{l["Records.Complaints.Status"]}：{l["CaseStatus." + status]}");
        }

        if (filter.Bool("online") is { } online)
        {
            complaints = ComplaintKpiService.Online(complaints, online);
            words.Add(online ? l["Records.Complaints.Online"] : l["Records.Complaints.NotOnline"]);
        }

        if (filter.Bool("closed") is { } closed)
        {
            complaints = closed ? ComplaintKpiService.Closed(complaints) : complaints.Where(c => c.ClosedUtc == null);
            words.Add(closed ? l["Records.Complaints.Closed"] : l["Records.Complaints.NotClosed"]);
        }

        if (filter.Bool("closedWithinSla") is { } within)
        {
            complaints = within ? ComplaintKpiService.ClosedWithinTarget(complaints) : complaints.Where(c => c.ClosedUtc != null && c.ClosedWithinTarget != true);
            words.Add(within ? l["Records.Complaints.WithinSla"] : l["Records.Complaints.MissedSla"]);
        }

        if (filter.Bool("major") is { } major)
        {
            complaints = complaints.Where(c => c.IsMajor == major);
            words.Add(major ? l["Records.Complaints.Major"] : l["Records.Complaints.NotMajor"]);
        }

        var total = await complaints.CountAsync(ct);
        var zh = CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.Ordinal);
        var topics = await db.ComplaintCategories.AsNoTracking().ToDictionaryAsync(c => c.Id, c => zh ? c.NameZh : c.NameEn, ct);
        var rows = await complaints.OrderByDescending(c => c.OpenedUtc).ThenByDescending(c => c.Id).Take(Math.Max(limit, 0))
            .Select(c => new { c.Number, c.OpenedUtc, c.Channel, c.CategoryId, c.Status, c.IsMajor, c.ClosedUtc, c.HandlingHours, c.ClosedWithinTarget, c.CustomerName })
            .ToListAsync(ct);
        var yes = l["Records.Yes"].Value;
        var no = l["Records.No"].Value;
        var table = new ReportTable(
            l["Records.Complaints.Title"],
            [
                new(l["Records.Complaints.Number"]), new(l["Records.Complaints.Opened"], CellKind.Date), new(l["Records.Complaints.Channel"]),
                new(l["Records.Complaints.Topic"]), new(l["Records.Complaints.Status"]), new(l["Records.Complaints.Major"]),
                new(l["Records.Complaints.ClosedOn"], CellKind.Date), new(l["Records.Complaints.HandlingHours"], CellKind.Number),
                new(l["Records.Complaints.WithinSla"]), new(l["Records.Complaints.Customer"]),
            ],
            rows.Select(c => (IReadOnlyList<ReportCell>)
            [
                ReportCell.Of(c.Number), ReportCell.Of(DateOnly.FromDateTime(c.OpenedUtc)), ReportCell.Of(l["ComplaintChannel." + c.Channel].Value),
                ReportCell.Of(topics.GetValueOrDefault(c.CategoryId, "?")), ReportCell.Of(l["CaseStatus." + c.Status].Value), ReportCell.Of(c.IsMajor ? yes : no),
                ReportCell.Of(c.ClosedUtc is { } closedUtc ? DateOnly.FromDateTime(closedUtc) : null), ReportCell.Of((decimal?)c.HandlingHours, 1),
                ReportCell.Of(c.ClosedWithinTarget switch { true => yes, false => no, null => string.Empty }), ReportCell.Of(PersonalDataMask.Name(c.CustomerName)),
            ]).ToList());
        return new RecordList(l["Records.Complaints.Title"], string.Join(" · ", words), table, total);
    }

    /// <summary>The period of the filter: a year (optionally one month of it), or inclusive ISO dates from/to.</summary>
    private (DateTime From, DateTime To) Period(RecordFilter filter, List<string> words)
    {
        if (filter.Text("from") is { } fromText)
        {
            if (filter.Text("year") is not null || filter.Text("month") is not null)
            {
                throw new RecordFilterException("Give either year (and month) or from/to.");
            }

            var from = Date(fromText, "from");
            var to = Date(filter.Text("to") ?? throw new RecordFilterException("to is required with from."), "to");
            if (to < from)
            {
                throw new RecordFilterException("to must not be before from.");
            }

            words.Add(l["Records.Period", from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)]);
            return (from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
        }

        var year = filter.Year;
        if (filter.Int("month", 1, 12) is { } month)
        {
            words.Add(l["Records.YearMonth", year, month]);
            var start = new DateTime(year, month, 1, 0, 0, 0, DateTimeKind.Utc);
            return (start, start.AddMonths(1));
        }

        words.Add(l["Records.Year", year]);
        var first = new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        return (first, first.AddYears(1));
    }

    private static DateOnly Date(string text, string name) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && date.Year is >= 2000 and <= 2100
            ? date
            : throw new RecordFilterException($"{name} must be a date yyyy-MM-dd.");
}
