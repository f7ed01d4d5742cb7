using System.Globalization;
using EasternSelect.Data;
using EasternSelect.Domain.Casework;
using EasternSelect.Domain.Common;
using EasternSelect.Domain.Privacy;
using EasternSelect.Portal.Features.Casework.Complaints;
using EasternSelect.Portal.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace EasternSelect.Portal.Features.Reports.Records;

/// <summary>
/// <c>/reports/records/complaints</c>: the complaints behind a complaint figure of the reports, the KPI page and the CX and
/// executive dashboards, filtered with the KPI definitions of <see cref="ComplaintKpiService"/> (opened in the period,
/// Taiwan calendar). Filters: <c>year</c> (and <c>month</c>) or <c>from</c>/<c>to</c> (months yyyy-MM or days yyyy-MM-dd,
/// inclusive); <c>topic</c> (category code), <c>channel</c>, <c>status</c>, <c>closed</c>, <c>closedWithinSla</c>,
/// <c>online</c>, <c>major</c>. The customer's name is shown masked, nothing else of them.
/// </summary>
public sealed class ComplaintRecords(
    IDbContextFactory<PortalDbContext> contexts, PolicyGuard guard, IAuthorizationService authorization, CurrentUser currentUser, IStringLocalizer<SharedResource> l)
    : IRecordSource
{
    public const string Name = "complaints";

    public string Source => Name;

    public string Policy => Policies.ComplaintKpis;

    public async Task<RecordList> ListAsync(RecordFilter filter, RecordPage page, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(page);
        await guard.EnsureAsync(Policy);
        var period = filter.Instants();
        var words = new List<string> { RecordTables.Period(l, period.From, period.To, period.Days) };
        await using var db = await contexts.CreateDbContextAsync(ct);
        var complaints = ComplaintKpiService.Opened(db, period.Range.FromUtc, period.Range.ToUtc);
        if (filter.Text("topic") is { } code)
        {
            var category = await db.ComplaintCategories.AsNoTracking().Where(c => c.Code == code).Select(c => new { c.Id, c.NameZh, c.NameEn }).SingleOrDefaultAsync(ct)
                ?? throw new RecordFilterException("topic is not a known complaint category code.");
            complaints = complaints.Where(c => c.CategoryId == category.Id);
            words.Add($"{l["Records.Complaints.Topic"]}：{(CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.Ordinal) ? category.NameZh : category.NameEn)}");
        }
        else
        {
            // Every complaint figure leaves out the topics counted apart (excluded from the statistics); so do its records.
            complaints = complaints.Where(c => !db.ComplaintCategories.Any(k => k.Id == c.CategoryId && k.ExcludedFromStatistics));
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
        var linked = (await authorization.AuthorizeAsync(currentUser.Principal, Policies.Complaints)).Succeeded;
        var rows = await complaints.OrderByDescending(c => c.OpenedUtc).ThenByDescending(c => c.Id).Skip(page.Skip).Take(page.Size)
            .Select(c => new { c.Id, c.Number, c.OpenedUtc, c.Channel, c.CategoryId, c.Status, c.IsMajor, c.ClosedUtc, c.HandlingHours, c.ClosedWithinTarget, c.CustomerName })
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
                ReportCell.Of(c.Number).To(linked ? $"/complaints/{c.Id}" : null), ReportCell.Of(TaiwanTime.DateOf(c.OpenedUtc)), ReportCell.Of(l["ComplaintChannel." + c.Channel].Value),
                ReportCell.Of(topics.GetValueOrDefault(c.CategoryId, "?")), ReportCell.Of(l["CaseStatus." + c.Status].Value), ReportCell.Of(c.IsMajor ? yes : no),
                ReportCell.Of(c.ClosedUtc is { } closedUtc ? TaiwanTime.DateOf(closedUtc) : null), ReportCell.Of((decimal?)c.HandlingHours, 1),
                ReportCell.Of(c.ClosedWithinTarget switch { true => yes, false => no, null => string.Empty }), ReportCell.Of(PersonalDataMask.Name(c.CustomerName)),
            ]).ToList());
        return new RecordList(
            l["Records.Complaints.Title"], string.Join(" · ", words), table, total, page,
            ["number", "opened", "channel", "topic", "status", "major", "closed", "hours", "within", "customer"]);
    }
}
