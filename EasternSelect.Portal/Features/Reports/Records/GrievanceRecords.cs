using EasternSelect.Data;
using EasternSelect.Domain.Casework;
using EasternSelect.Domain.Common;
using EasternSelect.Portal.Features.Casework.Grievances;
using EasternSelect.Portal.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace EasternSelect.Portal.Features.Reports.Records;

/// <summary>
/// <c>/reports/records/grievances</c>: the grievances behind a grievance figure, with the definitions of
/// <see cref="GrievanceFigures"/>. Filters: <c>year</c> (required: the grievance figures count calendar years), <c>topic</c>, <c>outcome</c>, <c>concluded</c>, <c>source</c>,
/// <c>closed</c>, <c>closedWithinTarget</c>. 保護您: no identity, company, subject or content — the case number, dates,
/// topic, channel, status and outcome only. A third-party auditor sees only the cases assigned to it, as everywhere.
/// </summary>
public sealed class GrievanceRecords(IDbContextFactory<PortalDbContext> contexts, PolicyGuard guard, CurrentUser currentUser, IStringLocalizer<SharedResource> l) : IRecordSource
{
    public const string Name = "grievances";

    public string Source => Name;

    public string Policy => Policies.Grievances;

    public async Task<RecordList> ListAsync(RecordFilter filter, RecordPage page, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(page);
        await guard.EnsureAsync(Policy);
        var year = filter.Year;
        var topic = filter.Enum<GrievanceTopic>("topic");
        var outcome = filter.Enum<GrievanceOutcome>("outcome");
        var concluded = filter.Bool("concluded");
        var source = filter.Enum<GrievanceSource>("source");
        var closed = filter.Bool("closed");
        var within = filter.Bool("closedWithinTarget");
        var words = new List<string> { l["Records.Year", year] };
        if (topic is { } t)
        {
            words.Add($"{l["Grievance.Topic"]}：{l["GrievanceTopic." + t]}");
        }

        if (outcome is { } o)
        {
            words.Add($"{l["Records.Grievances.Outcome"]}：{l["GrievanceOutcome." + o]}");
        }

        if (concluded is { } c)
        {
            words.Add(c ? l["Records.Grievances.Concluded"] : l["Records.Grievances.Pending"]);
        }

        if (source is { } s)
        {
            words.Add($"{l["Records.Grievances.Source"]}：{l["GrievanceSource." + s]}");
        }

        if (closed is { } cl)
        {
            words.Add(cl ? l["Records.Grievances.Closed"] : l["Records.Grievances.NotClosed"]);
        }

        if (within is { } w)
        {
            words.Add(w ? l["Records.Grievances.WithinTarget"] : l["Records.Grievances.MissedTarget"]);
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var (from, to) = GrievanceFigures.Year(year);
        var grievances = GrievanceService.VisibleTo(GrievanceFigures.Where(GrievanceFigures.Opened(db, from, to), topic, outcome, concluded, source, closed, within), currentUser.Principal);
        var total = await grievances.CountAsync(ct);
        var rows = await grievances.OrderByDescending(g => g.OpenedUtc).ThenByDescending(g => g.Id).Skip(page.Skip).Take(page.Size)
            .Select(g => new { g.Number, g.OpenedUtc, g.Topic, g.Source, g.Status, g.Outcome, g.ClosedUtc, g.HandlingHours, g.ClosedWithinTarget })
            .ToListAsync(ct);
        var yes = l["Records.Yes"].Value;
        var no = l["Records.No"].Value;
        var table = new ReportTable(
            l["Records.Grievances.Title"],
            [
                new(l["Records.Grievances.Number"]), new(l["Records.Grievances.Opened"], CellKind.Date), new(l["Grievance.Topic"]),
                new(l["Records.Grievances.Source"]), new(l["Records.Grievances.Status"]), new(l["Records.Grievances.Outcome"]),
                new(l["Records.Grievances.ClosedOn"], CellKind.Date), new(l["Records.Grievances.ClosureDays"], CellKind.Number), new(l["Records.Grievances.WithinTarget"]),
            ],
            rows.Select(g => (IReadOnlyList<ReportCell>)
            [
                ReportCell.Of(g.Number), ReportCell.Of(TaiwanTime.DateOf(g.OpenedUtc)), ReportCell.Of(l["GrievanceTopic." + g.Topic].Value),
                ReportCell.Of(l["GrievanceSource." + g.Source].Value), ReportCell.Of(l["CaseStatus." + g.Status].Value),
                ReportCell.Of(g.Outcome is { } x ? l["GrievanceOutcome." + x].Value : l["Records.Grievances.Pending"].Value),
                ReportCell.Of(g.ClosedUtc is { } closedUtc ? TaiwanTime.DateOf(closedUtc) : null),
                ReportCell.Of(g.HandlingHours is { } h ? Math.Round((decimal)h / 24, 1) : null, 1),
                ReportCell.Of(g.ClosedWithinTarget switch { true => yes, false => no, null => string.Empty }),
            ]).ToList());
        return new RecordList(l["Records.Grievances.Title"], string.Join(" · ", words), table, total, page);
    }
}
