using EasternSelect.Domain.Common;
using System.Globalization;
using EasternSelect.Data;
using EasternSelect.Data.Queries;
using EasternSelect.Domain.Casework;
using EasternSelect.Domain.Inspections;
using EasternSelect.Domain.Sampling;
using EasternSelect.Portal.Features.Reports.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace EasternSelect.Portal.Features.Reports;

/// <summary>
/// The monthly inspection report, the complaint statistics and the grievance statistics. The caller
/// (<see cref="ReportService.BuildAsync"/>) has checked the report's policy. No personal data: complaints and
/// grievances appear only as counts, lots and audits only with company and product names.
/// </summary>
public sealed class CaseReports(IDbContextFactory<PortalDbContext> contexts, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    /// <summary>The month's lots by category, the ≤ 3% targets, the rejected lots, corrective actions and factory audits.</summary>
    public async Task<ReportDocument> InspectionsAsync(DateOnly month, CancellationToken ct)
    {
        month = IncomingLot.MonthOf(month);
        var next = month.AddMonths(1);
        var today = clock.TaipeiToday();
        await using var db = await contexts.CreateDbContextAsync(ct);
        var (total, byCategory) = await InspectionFigures.PeriodAsync(db, month, month, ct);
        var targets = await OperatingFigures.TargetsAsync(db, month.Year, ct);
        var rejected = await db.IncomingLots.AsNoTracking()
            .Where(x => !x.IsReinspection && x.Month == month && x.Decision == LotDecision.Rejected)
            .OrderBy(x => x.ReceivedOn).ThenBy(x => x.LotNumber)
            .Select(x => new
            {
                x.LotNumber, x.ReceivedOn, Supplier = x.Supplier!.Name, x.Product!.Sku, Product = x.Product.Name, x.Category, x.DefectsFound, x.EstimatedDefectiveUnits,
                Action = db.CorrectiveActions.Where(c => c.IncomingLotId == x.Id).Select(c => (CorrectiveActionStatus?)c.Status).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var requested = db.CorrectiveActions.AsNoTracking().Where(c => c.RequestedOn >= month && c.RequestedOn < next);
        var actions = new
        {
            Opened = await requested.CountAsync(ct),
            Accepted = await requested.CountAsync(c => c.Status == CorrectiveActionStatus.Accepted, ct),
            Open = await InspectionFigures.OpenCorrectiveActions(requested, null).CountAsync(ct),
            Overdue = await InspectionFigures.OpenCorrectiveActions(requested, today).CountAsync(ct),
        };
        var audits = await db.FactoryAudits.AsNoTracking().Where(a => a.AuditDate >= month && a.AuditDate < next)
            .OrderBy(a => a.AuditDate).ThenBy(a => a.Id)
            .Select(a => new { a.AuditDate, Supplier = a.Supplier!.Name, a.FactoryName, a.Reason, a.Status })
            .ToListAsync(ct);

        ReportCell Rate(decimal percent) => ReportCell.Percent(percent / 100m, 2);
        // Each rate against its own target of the year (KpiTarget), never a sum of rates.
        var kpis = new ReportKpis(
            [
                new KpiTile(l["Quality.DefectRate"], targets.DefectPercent / 100m, total.DefectRate / 100m, KpiGoal.AtMost, CellKind.Percent, 2),
                new KpiTile(l["Quality.ShortageRate"], targets.ShortagePercent / 100m, total.ShortageRate / 100m, KpiGoal.AtMost, CellKind.Percent, 2),
                new KpiTile(l["Quality.ReturnRate"], targets.ReturnPercent / 100m, total.ReturnRate / 100m, KpiGoal.AtMost, CellKind.Percent, 2),
            ],
            l["Reports.Target"], l["Reports.Met"], l["Reports.NotMet"]);
        IReadOnlyList<ReportCell> Figures(string label, QualityFigures f) =>
        [
            ReportCell.Of(label), ReportCell.Of(f.LotsReceived), ReportCell.Of(f.LotsDecided), ReportCell.Of(f.LotsRejected),
            Rate(f.InspectionRatio), Rate(f.PassRate), Rate(f.DefectRate), Rate(f.ShortageRate), Rate(f.ReturnRate),
        ];
        var categories = new ReportTable(
            l["Reports.Inspections.ByCategory"],
            [
                new(l["Suppliers.Category"]), new(l["Quality.LotsReceived"], CellKind.Number), new(l["Quality.LotsDecided"], CellKind.Number),
                new(l["Quality.LotsRejected"], CellKind.Number), new(l["Quality.InspectionRatio"], CellKind.Percent), new(l["Quality.PassRate"], CellKind.Percent),
                new(l["Quality.DefectRate"], CellKind.Percent), new(l["Quality.ShortageRate"], CellKind.Percent), new(l["Quality.ReturnRate"], CellKind.Percent),
            ],
            byCategory.Select(c => Figures(l["SupplierCategory." + c.Category], c.Figures)).ToList(),
            Figures(l["Reports.Total"], total));
        var rejectedTable = new ReportTable(
            l["Reports.Inspections.RejectedLots"],
            [
                new(l["Lots.LotNumber"]), new(l["Lots.ReceivedOn"], CellKind.Date), new(l["Committee.Supplier"]),
                new(l["Committee.Product"]), new(l["Suppliers.Category"]), new(l["Reports.Inspections.DefectsFound"], CellKind.Number),
                new(l["Reports.Inspections.EstimatedDefective"], CellKind.Number), new(l["Reports.Inspections.CorrectiveAction"]),
            ],
            rejected.Select(x => (IReadOnlyList<ReportCell>)
            [
                ReportCell.Of(x.LotNumber), ReportCell.Of(x.ReceivedOn), ReportCell.Of(x.Supplier), ReportCell.Of($"{x.Sku} {x.Product}"),
                ReportCell.Of(l["SupplierCategory." + x.Category].Value), ReportCell.Of(x.DefectsFound), ReportCell.Of(x.EstimatedDefectiveUnits),
                ReportCell.Of(x.Action is { } a ? l["CorrectiveActionStatus." + a].Value : l["Reports.Inspections.NoAction"].Value),
            ]).ToList(),
            [ReportCell.Of(l["Reports.Inspections.RejectedCount", rejected.Count].Value), .. Enumerable.Repeat(ReportCell.Empty, 7)]);
        var actionTable = new ReportTable(
            l["Reports.Inspections.CorrectiveActions"],
            [new(l["Reports.Label"]), new(l["Reports.Actual"], CellKind.Number)],
            [
                [ReportCell.Of(l["Reports.Inspections.ActionsOpened"].Value), ReportCell.Of(actions.Opened)],
                [ReportCell.Of(l["Reports.Inspections.ActionsAccepted"].Value), ReportCell.Of(actions.Accepted)],
                [ReportCell.Of(l["Reports.Inspections.ActionsOpen"].Value), ReportCell.Of(actions.Open)],
                [ReportCell.Of(l["Reports.Inspections.ActionsOverdue", today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)].Value), ReportCell.Of(actions.Overdue)],
            ]);
        var auditTable = new ReportTable(
            l["Reports.Inspections.Audits"],
            [new(l["Reports.Inspections.AuditDate"], CellKind.Date), new(l["Committee.Supplier"]), new(l["Reports.Inspections.Factory"]), new(l["Reports.Esg.AuditReason"]), new(l["Reports.Status"])],
            audits.Select(a => (IReadOnlyList<ReportCell>)
            [
                ReportCell.Of(a.AuditDate), ReportCell.Of(a.Supplier), ReportCell.Of(a.FactoryName), ReportCell.Of(l["AuditReason." + a.Reason].Value),
                ReportCell.Of(l["AuditStatus." + a.Status].Value),
            ]).ToList(),
            [ReportCell.Of(l["Reports.Inspections.AuditCount", audits.Count].Value), ReportCell.Empty, ReportCell.Empty, ReportCell.Empty, ReportCell.Empty]);
        var monthText = month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        return new ReportDocument(
            l["Reports.Inspections.Title"], l["Reports.Inspections.Subtitle", monthText],
            [
                new(l["Reports.Inspections.Summary"],
                [
                    new ReportParagraph(l["Reports.Inspections.Text", monthText, total.LotsReceived.ToString("N0", CultureInfo.CurrentCulture),
                        total.LotsDecided.ToString("N0", CultureInfo.CurrentCulture), total.LotsRejected.ToString("N0", CultureInfo.CurrentCulture), audits.Count].Value),
                    kpis,
                    categories,
                ]),
                new(l["Reports.Inspections.RejectedLots"], [rejectedTable, actionTable]),
                new(l["Reports.Inspections.Audits"], [auditTable]),
            ]);
    }

    /// <summary>Complaints opened from <paramref name="from"/> to <paramref name="to"/> (inclusive, Taiwan days): indicators, SLA, channels, statuses, topics.</summary>
    public async Task<ReportDocument> ComplaintsAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        var nowUtc = clock.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(ct);
        var figures = await ComplaintFigures.PeriodAsync(db, from, to, ct);
        var channels = await ComplaintFigures.ChannelsAsync(db, from, to, ct);
        var topics = await ComplaintFigures.TopicsAsync(db, from, to, ct);
        var opened = ComplaintFigures.Opened(db, TaiwanTime.Days(from, to));
        var statuses = await opened.GroupBy(c => c.Status).Select(g => new { Status = g.Key, Count = g.Count() }).ToListAsync(ct);
        var sla = await opened.GroupBy(c => 1).Select(g => new
        {
            Missed = g.Count(c => c.ClosedUtc != null && c.ClosedWithinTarget != true),
            OpenOverdue = g.Count(c => c.ClosedUtc == null && c.ClosureDueUtc < nowUtc),
            OpenOnTime = g.Count(c => c.ClosedUtc == null && c.ClosureDueUtc >= nowUtc),
            Major = g.Count(c => c.IsMajor),
            AllHours = g.Where(c => c.ClosedUtc != null).Average(c => c.HandlingHours),
            Day = g.Count(c => c.ClosedUtc != null && c.HandlingHours <= 24),
            ThreeDays = g.Count(c => c.ClosedUtc != null && c.HandlingHours > 24 && c.HandlingHours <= 72),
            Week = g.Count(c => c.ClosedUtc != null && c.HandlingHours > 72 && c.HandlingHours <= 168),
            Longer = g.Count(c => c.ClosedUtc != null && c.HandlingHours > 168),
        }).SingleOrDefaultAsync(ct);

        var fromText = from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var toText = to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        string Link(params (string Name, object? Value)[] filter) => RecordLinks.For(ComplaintRecords.Name, [("from", fromText), ("to", toText), .. filter]);
        var period = l["Reports.Complaints.Period", fromText, toText].Value;
        var indicators = CaseReportTables.ComplaintIndicators(l["Reports.Complaints.Indicators"], [figures], (_, f) => Link(f), l, _ => period, l["Reports.Complaints.PeriodHeader"]);
        var slaTable = new ReportTable(
            l["Reports.Complaints.Sla"],
            [new(l["Reports.Label"]), new(l["Reports.Actual"], CellKind.Number)],
            [
                [ReportCell.Of(l["Reports.Complaints.SlaMet"].Value), ReportCell.Of(figures.ClosedWithinTarget).To(Link(("closedWithinSla", true)))],
                [ReportCell.Of(l["Reports.Complaints.SlaMissed"].Value), ReportCell.Of(sla?.Missed ?? 0).To(Link(("closedWithinSla", false)))],
                [ReportCell.Of(l["Reports.Complaints.OpenOverdue"].Value), ReportCell.Of(sla?.OpenOverdue ?? 0)],
                [ReportCell.Of(l["Reports.Complaints.OpenOnTime"].Value), ReportCell.Of(sla?.OpenOnTime ?? 0)],
                [ReportCell.Of(l["Reports.Complaints.Major"].Value), ReportCell.Of(sla?.Major ?? 0).To(Link(("major", true)))],
            ]);
        var handling = new ReportTable(
            l["Reports.Complaints.HandlingTime"],
            [new(l["Reports.Label"]), new(l["Reports.Actual"], CellKind.Number)],
            [
                [ReportCell.Of(l["Reports.Complaints.AverageHours"].Value), ReportCell.Of(sla?.AllHours is { } h ? Math.Round((decimal)h, 1) : null, 1)],
                [ReportCell.Of(l["ComplaintKpis.OnlineHours"].Value), ReportCell.Of((decimal?)figures.AverageOnlineHandlingHours, 1)],
                [ReportCell.Of(l["Reports.Complaints.WithinDay"].Value), ReportCell.Of(sla?.Day ?? 0)],
                [ReportCell.Of(l["Reports.Complaints.WithinThreeDays"].Value), ReportCell.Of(sla?.ThreeDays ?? 0)],
                [ReportCell.Of(l["Reports.Complaints.WithinWeek"].Value), ReportCell.Of(sla?.Week ?? 0)],
                [ReportCell.Of(l["Reports.Complaints.OverWeek"].Value), ReportCell.Of(sla?.Longer ?? 0)],
            ]);
        var channelTable = new ReportTable(
            l["Reports.Complaints.ByChannel"],
            [
                new(l["Records.Complaints.Channel"]), new(l["ComplaintKpis.Complaints"], CellKind.Number), new(l["Reports.Cases.Closed"], CellKind.Number),
                new(l["Reports.Cases.ClosedWithin7Days"], CellKind.Number), new(l["ComplaintKpis.ClosureRate"], CellKind.Percent),
            ],
            channels.Select(c => (IReadOnlyList<ReportCell>)
            [
                ReportCell.Of(l["ComplaintChannel." + c.Channel].Value), ReportCell.Of(c.Figures.Complaints).To(Link(("channel", c.Channel))),
                ReportCell.Of(c.Figures.Closed).To(Link(("channel", c.Channel), ("closed", true))),
                ReportCell.Of(c.Figures.ClosedWithinTarget).To(Link(("channel", c.Channel), ("closedWithinSla", true))),
                ReportCell.Percent(c.Figures.ClosureRate is { } r ? (decimal)r : null, 1).To(Link(("channel", c.Channel), ("closedWithinSla", true))),
            ]).ToList(),
            [
                ReportCell.Of(l["Reports.Total"].Value), ReportCell.Of(figures.Complaints).To(Link()), ReportCell.Of(figures.Closed).To(Link(("closed", true))),
                ReportCell.Of(figures.ClosedWithinTarget).To(Link(("closedWithinSla", true))),
                ReportCell.Percent(figures.ClosureRate is { } t ? (decimal)t : null, 1).To(Link(("closedWithinSla", true))),
            ]);
        var statusTable = new ReportTable(
            l["Reports.Complaints.ByStatus"],
            [new(l["Records.Complaints.Status"]), new(l["ComplaintKpis.Complaints"], CellKind.Number)],
            Enum.GetValues<CaseStatus>().Select(s => (IReadOnlyList<ReportCell>)
                [ReportCell.Of(l["CaseStatus." + s].Value), ReportCell.Of(statuses.FirstOrDefault(x => x.Status == s)?.Count ?? 0).To(Link(("status", s)))]).ToList(),
            [ReportCell.Of(l["Reports.Total"].Value), ReportCell.Of(statuses.Sum(x => x.Count)).To(Link())]);
        var byTopic = topics.GroupBy(t => t.Code).Select(g => (g.Key, g.First().Name, g.First().SortOrder, Count: g.Sum(t => t.Count))).OrderByDescending(t => t.Count).ThenBy(t => t.SortOrder).ToList();
        var topicTotal = byTopic.Sum(t => t.Count);
        var topicTable = new ReportTable(
            l["Reports.Complaints.ByTopic"],
            [new(l["Records.Complaints.Topic"]), new(l["ComplaintKpis.Complaints"], CellKind.Number), new(l["Reports.Complaints.Share"], CellKind.Percent)],
            byTopic.Select(t => (IReadOnlyList<ReportCell>)
            [
                ReportCell.Of(t.Name), ReportCell.Of(t.Count).To(Link(("topic", t.Key))), ReportCell.Percent(topicTotal == 0 ? null : (decimal)t.Count / topicTotal, 1),
            ]).ToList(),
            [ReportCell.Of(l["Reports.Total"].Value), ReportCell.Of(topicTotal).To(Link()), ReportCell.Percent(topicTotal == 0 ? null : 1m, 1)]);
        return new ReportDocument(
            l["Reports.Complaints.Title"], l["Reports.Complaints.Subtitle", fromText, toText],
            [
                new(l["Reports.Complaints.Indicators"],
                [
                    new ReportParagraph(l["Reports.Complaints.Text", period, figures.Complaints.ToString("N0", CultureInfo.CurrentCulture), figures.Closed.ToString("N0", CultureInfo.CurrentCulture)].Value),
                    indicators, slaTable, handling,
                    new ReportParagraph(l["Reports.Esg.ComplaintNotes"].Value),
                ]),
                new(l["Reports.Complaints.Counts"], [channelTable, statusTable]),
                new(l["Reports.Complaints.ByTopic"], [topicTable]),
            ]);
    }

    /// <summary>The year's grievances: received and closed, topic × outcome, by channel, closure times per topic. Counts only.</summary>
    public async Task<ReportDocument> GrievancesAsync(int year, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var figures = await GrievanceFigures.YearAsync(db, year, ct);
        string Link(params (string Name, object? Value)[] filter) => RecordLinks.For(GrievanceRecords.Name, [("year", year), .. filter]);
        var closure = new ReportTable(
            l["Reports.Grievances.ClosureByTopic"],
            [
                new(l["Grievance.Topic"]), new(l["Reports.Grievances.Received"], CellKind.Number), new(l["Reports.Grievances.Closed"], CellKind.Number),
                new(l["Reports.Grievances.AverageDays"], CellKind.Number),
            ],
            Enum.GetValues<GrievanceTopic>().Select(t => (IReadOnlyList<ReportCell>)
            [
                ReportCell.Of(l["GrievanceTopic." + t].Value), ReportCell.Of(figures.Count(t)).To(Link(("topic", t))),
                ReportCell.Of(figures.Count(t, closed: true)).To(Link(("topic", t), ("closed", true))),
                ReportCell.Of((decimal?)figures.AverageClosureDaysOf(t), 1),
            ]).ToList(),
            [
                ReportCell.Of(l["Reports.Total"].Value), ReportCell.Of(figures.Received).To(Link()), ReportCell.Of(figures.Closed).To(Link(("closed", true))),
                ReportCell.Of((decimal?)figures.AverageClosureDays, 1),
            ]);
        return new ReportDocument(
            l["Reports.Grievances.Title"], l["Reports.Grievances.Subtitle", year],
            [
                new(l["Reports.Esg.Grievances"],
                [
                    new ReportParagraph(l["Reports.Esg.GrievancesText", year, figures.Received, figures.Closed].Value),
                    new ReportParagraph(l["Reports.Esg.GrievancePrinciples"].Value),
                    CaseReportTables.GrievanceClosure(l["Reports.Esg.GrievanceClosure"], year, figures, l),
                ]),
                new(l["Reports.Esg.GrievancesByTopic"], [CaseReportTables.GrievanceTopicOutcome(l["Reports.Esg.GrievancesByTopic"], year, figures, l)]),
                new(l["Reports.Grievances.BySource"], [CaseReportTables.GrievanceSources(l["Reports.Grievances.BySource"], year, figures, l), closure]),
            ]);
    }
}
