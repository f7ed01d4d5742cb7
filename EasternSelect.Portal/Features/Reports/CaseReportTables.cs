using System.Globalization;
using EasternSelect.Domain.Casework;
using EasternSelect.Data.Queries;
using Microsoft.Extensions.Localization;

namespace EasternSelect.Portal.Features.Reports;

/// <summary>Complaint and grievance tables the ESG chapter and the casework reports share. Aggregates only; each figure links to its records.</summary>
public static class CaseReportTables
{
    /// <summary>A drill-down address for a figure: the row's period plus the figure's own filter.</summary>
    public delegate string LinkFor<in T>(T row, params (string Name, object? Value)[] filter);

    /// <summary>
    /// 近 3 年 3 項指標績效: one row per period with the counts behind each rate, so every figure can be checked. Counts and rates
    /// link to their records (a rate to its numerator); an average does not (a linked number is a count), its count beside it does.
    /// </summary>
    public static ReportTable ComplaintIndicators(string title, IReadOnlyList<ComplaintYearKpi> rows, LinkFor<ComplaintYearKpi> link, IStringLocalizer<SharedResource> l, Func<ComplaintYearKpi, string>? label = null, string? labelHeader = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(link);
        ArgumentNullException.ThrowIfNull(l);
        label ??= y => y.Year.ToString(CultureInfo.InvariantCulture);
        return new(
            title,
            [
                new(labelHeader ?? l["ComplaintKpis.Year"]), new(l["ComplaintKpis.Complaints"], CellKind.Number), new(l["Reports.Cases.Closed"], CellKind.Number),
                new(l["Reports.Cases.ClosedWithin7Days"], CellKind.Number), new(l["ComplaintKpis.ClosureRate"], CellKind.Percent),
                new(l["Reports.Cases.OnlineClosed"], CellKind.Number), new(l["ComplaintKpis.OnlineHours"], CellKind.Number),
                new(l["ComplaintKpis.Shipped"], CellKind.Number), new(l["ComplaintKpis.ComplaintRate"], CellKind.Percent),
                new(l["ComplaintKpis.Excluded"], CellKind.Number),
            ],
            rows.Select(y => (IReadOnlyList<ReportCell>)
            [
                ReportCell.Of(label(y)),
                ReportCell.Of(y.Complaints).To(link(y)),
                ReportCell.Of(y.Closed).To(link(y, ("closed", true))),
                ReportCell.Of(y.ClosedWithinTarget).To(link(y, ("closedWithinSla", true))),
                ReportCell.Percent(Fraction(y.ClosureRate), 1).To(link(y, ("closedWithinSla", true))),
                ReportCell.Of(y.OnlineClosed).To(link(y, ("online", true), ("closed", true))),
                ReportCell.Of((decimal?)y.AverageOnlineHandlingHours, 1),
                ReportCell.Of(y.UnitsShipped),
                ReportCell.Percent(Fraction(y.ComplaintRate), 3).To(link(y)),
                ReportCell.Of(y.ExcludedComplaints),
            ]).ToList());
    }

    /// <summary>近 3 年客戶主要反映內容: one row per topic (largest in the last year first), one column per year.</summary>
    public static ReportTable ComplaintTopics(string title, IReadOnlyList<int> years, IReadOnlyList<TopicFigure> topics, IStringLocalizer<SharedResource> l)
    {
        ArgumentNullException.ThrowIfNull(years);
        ArgumentNullException.ThrowIfNull(topics);
        ArgumentNullException.ThrowIfNull(l);
        var last = years[^1];
        var rows = topics.GroupBy(t => t.Code)
            .OrderBy(g => g.First().Excluded).ThenByDescending(g => g.Where(t => t.Year == last).Sum(t => t.Count)).ThenBy(g => g.First().SortOrder)
            .Select(g => (IReadOnlyList<ReportCell>)
            [
                ReportCell.Of(g.First().Excluded ? l["ComplaintKpis.ExcludedTopic", g.First().Name].Value : g.First().Name),
                .. years.Select(y => ReportCell.Of(g.Where(t => t.Year == y).Sum(t => t.Count)).To(Records.RecordLinks.For(Records.ComplaintRecords.Name, ("year", y), ("topic", g.Key)))),
            ]).ToList();
        return new(
            title,
            [new(l["Records.Complaints.Topic"]), .. years.Select(y => new ReportColumn(y.ToString(CultureInfo.InvariantCulture), CellKind.Number))],
            rows,
            [ReportCell.Of(l["Reports.Total"].Value), .. years.Select(y => ReportCell.Of(topics.Where(t => t.Year == y && !t.Excluded).Sum(t => t.Count)).To(Records.RecordLinks.For(Records.ComplaintRecords.Name, ("year", y))))]);
    }

    /// <summary>Grievances by topic (rows) and outcome (columns, then not yet concluded and the total).</summary>
    public static ReportTable GrievanceTopicOutcome(string title, int year, GrievanceFiguresSet figures, IStringLocalizer<SharedResource> l)
    {
        ArgumentNullException.ThrowIfNull(figures);
        ArgumentNullException.ThrowIfNull(l);
        var outcomes = Enum.GetValues<GrievanceOutcome>();
        string Link(params (string Name, object? Value)[] filter) => Records.RecordLinks.For(Records.GrievanceRecords.Name, [("year", year), .. filter]);
        IReadOnlyList<ReportCell> Row(string label, GrievanceTopic? topic) =>
        [
            ReportCell.Of(label),
            .. outcomes.Select(o => ReportCell.Of(figures.Count(topic, o)).To(Link(("topic", topic), ("outcome", o)))),
            ReportCell.Of(figures.Count(topic, concluded: false)).To(Link(("topic", topic), ("concluded", false))),
            ReportCell.Of(figures.Count(topic)).To(Link(("topic", topic))),
        ];
        return new(
            title,
            [
                new(l["Grievance.Topic"]), .. outcomes.Select(o => new ReportColumn(l["GrievanceOutcome." + o], CellKind.Number)),
                new(l["Records.Grievances.Pending"], CellKind.Number), new(l["Reports.Total"], CellKind.Number),
            ],
            Enum.GetValues<GrievanceTopic>().Select(t => Row(l["GrievanceTopic." + t], t)).ToList(),
            Row(l["Reports.Total"], null));
    }

    /// <summary>Received, closed, closed by the due date and the average closure time of a year's grievances.</summary>
    public static ReportTable GrievanceClosure(string title, int year, GrievanceFiguresSet figures, IStringLocalizer<SharedResource> l)
    {
        ArgumentNullException.ThrowIfNull(figures);
        ArgumentNullException.ThrowIfNull(l);
        string Link(params (string Name, object? Value)[] filter) => Records.RecordLinks.For(Records.GrievanceRecords.Name, [("year", year), .. filter]);
        return new(
            title,
            [new(l["Reports.Label"]), new(l["Reports.Actual"], CellKind.Number)],
            [
                [ReportCell.Of(l["Reports.Grievances.Received"].Value), ReportCell.Of(figures.Received).To(Link())],
                [ReportCell.Of(l["Reports.Grievances.Closed"].Value), ReportCell.Of(figures.Closed).To(Link(("closed", true)))],
                [ReportCell.Of(l["Reports.Grievances.ClosedWithinTarget"].Value), ReportCell.Of(figures.ClosedWithinTarget).To(Link(("closedWithinTarget", true)))],
                [ReportCell.Of(l["Reports.Grievances.AverageDays"].Value), ReportCell.Of((decimal?)figures.AverageClosureDays, 1)],
            ]);
    }

    /// <summary>Grievances by how they came in (the public form, an officer's record).</summary>
    public static ReportTable GrievanceSources(string title, int year, GrievanceFiguresSet figures, IStringLocalizer<SharedResource> l)
    {
        ArgumentNullException.ThrowIfNull(figures);
        ArgumentNullException.ThrowIfNull(l);
        string Link(params (string Name, object? Value)[] filter) => Records.RecordLinks.For(Records.GrievanceRecords.Name, [("year", year), .. filter]);
        return new(
            title,
            [new(l["Records.Grievances.Source"]), new(l["Reports.Grievances.Received"], CellKind.Number), new(l["Reports.Grievances.Closed"], CellKind.Number)],
            Enum.GetValues<GrievanceSource>().Select(s => (IReadOnlyList<ReportCell>)
            [
                ReportCell.Of(l["GrievanceSource." + s].Value),
                ReportCell.Of(figures.Count(source: s)).To(Link(("source", s))),
                ReportCell.Of(figures.Count(source: s, closed: true)).To(Link(("source", s), ("closed", true))),
            ]).ToList(),
            [ReportCell.Of(l["Reports.Total"].Value), ReportCell.Of(figures.Received).To(Link()), ReportCell.Of(figures.Closed).To(Link(("closed", true)))]);
    }

    private static decimal? Fraction(double? value) => value is { } v ? (decimal)v : null;
}
