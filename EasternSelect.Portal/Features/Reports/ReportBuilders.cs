using System.Globalization;
using EasternSelect.Domain.Committees;
using EasternSelect.Domain.Reviews;
using EasternSelect.Domain.Training;
using EasternSelect.Portal.Features.Committees;
using EasternSelect.Portal.Features.Reports.Records;
using Microsoft.Extensions.Localization;

namespace EasternSelect.Portal.Features.Reports;

/// <summary>Tables and charts more than one report shows, in the seed's layout.</summary>
public static class ReportBuilders
{
    /// <summary>近 3 年審查結果: year, document / on-site reviews, qualified, pass ratio, spot-checked suppliers.</summary>
    public static ReportTable ReviewTable(string title, IReadOnlyList<ReviewYearSummary> years, IStringLocalizer<SharedResource> l)
    {
        ArgumentNullException.ThrowIfNull(years);
        ArgumentNullException.ThrowIfNull(l);
        return new(
            title,
            [
                new(l["Review.Year"]), new(l["Review.DocumentCount"], CellKind.Number), new(l["Review.OnSiteCount"], CellKind.Number),
                new(l["Review.QualifiedCount"], CellKind.Number), new(l["Review.PassRatio"], CellKind.Percent), new(l["Review.SpotCheckCount"], CellKind.Number),
            ],
            years.Select(y => (IReadOnlyList<ReportCell>)
            [
                ReportCell.Of(y.Year.ToString(CultureInfo.InvariantCulture)),
                ReportCell.Of(y.DocumentReviews).To(ReviewRecords.Link(y.Year, ReviewMethod.Document)),
                ReportCell.Of(y.OnSiteReviews).To(ReviewRecords.Link(y.Year, ReviewMethod.OnSite)),
                ReportCell.Of(y.Qualified).To(ReviewRecords.Link(y.Year, status: ReviewStatus.Qualified)),
                ReportCell.Percent(y.PassRatioPercent / 100m).To(ReviewRecords.Link(y.Year)),
                ReportCell.Of(y.SpotCheckedSuppliers).To(SpotCheckRecords.Link(y.Year)),
            ]).ToList());
    }

    public static ReportChart ReviewChart(IReadOnlyList<ReviewYearSummary> years, IStringLocalizer<SharedResource> l)
    {
        ArgumentNullException.ThrowIfNull(years);
        ArgumentNullException.ThrowIfNull(l);
        return new(
            l["Review.SummaryTitle"], ChartKind.Bar, years.Select(y => y.Year.ToString(CultureInfo.InvariantCulture)).ToList(),
            [
                new(l["Review.DocumentCount"], years.Select(y => (decimal)y.DocumentReviews).ToList()),
                new(l["Review.OnSiteCount"], years.Select(y => (decimal)y.OnSiteReviews).ToList()),
                new(l["Review.QualifiedCount"], years.Select(y => (decimal)y.Qualified).ToList()),
            ]);
    }

    /// <summary>The seed's training table: one row per measure (訓練家數, 訓練總時數, 受訓總人次), one column per year.</summary>
    public static ReportTable TrainingTable(string title, IReadOnlyList<TrainingYearSummary> years, IStringLocalizer<SharedResource> l)
    {
        ArgumentNullException.ThrowIfNull(years);
        ArgumentNullException.ThrowIfNull(l);
        IReadOnlyList<ReportCell> Row(string label, Func<TrainingYearSummary, decimal> value) =>
            [ReportCell.Of(label), .. years.Select(y => ReportCell.Of(value(y), value(y) == Math.Floor(value(y)) ? 0 : 1).To(TrainingRecords.Link(y.Year)))];
        return new(
            title,
            [new(l["Training.Item"]), .. years.Select(y => new ReportColumn(y.Year.ToString(CultureInfo.InvariantCulture), CellKind.Number))],
            [
                Row(l["Training.CompaniesTrained"], y => y.CompaniesTrained),
                Row(l["Training.TotalHours"], y => y.TotalHours),
                Row(l["Training.PersonTimes"], y => y.PersonTimes),
            ]);
    }

    public static ReportChart TrainingChart(IReadOnlyList<TrainingYearSummary> years, IStringLocalizer<SharedResource> l)
    {
        ArgumentNullException.ThrowIfNull(years);
        ArgumentNullException.ThrowIfNull(l);
        return new(
            l["Training.SummaryTitle"], ChartKind.Line, years.Select(y => y.Year.ToString(CultureInfo.InvariantCulture)).ToList(),
            [
                new(l["Training.CompaniesTrained"], years.Select(y => (decimal)y.CompaniesTrained).ToList()),
                new(l["Training.TotalHours"], years.Select(y => y.TotalHours).ToList()),
                new(l["Training.PersonTimes"], years.Select(y => (decimal)y.PersonTimes).ToList()),
            ]);
    }

    /// <summary>商品評議會議紀錄: the meeting, then per proposal every department's scores, the weighted scores and the decision.</summary>
    public static ReportDocument ProductReviewMinutes(ProductReviewMinutes m, IStringLocalizer<SharedResource> l)
    {
        ArgumentNullException.ThrowIfNull(m);
        ArgumentNullException.ThrowIfNull(l);
        var culture = CultureInfo.CurrentCulture;
        var weights = $"{l["Committee.Weights"]}：{l["ScoreCriterion.Presentation"]} {m.Weights.Presentation}%、{l["ScoreCriterion.SellingPoint"]} {m.Weights.SellingPoint}%、"
            + $"{l["ScoreCriterion.Price"]} {m.Weights.Price}%、{l["ScoreCriterion.Quality"]} {m.Weights.Quality}% · {l["Committee.PassThreshold"]}：{m.PassThreshold.ToString("0.##", culture)}";
        var header = new List<ReportBlock>
        {
            new ReportParagraph($"{l["Committee.Status"]}：{l["ReviewMeetingStatus." + m.Status]} · {l["Committee.Chair"]}：{m.ChairName ?? "—"}"),
            new ReportParagraph(weights),
            new ReportParagraph($"{l["Committee.Attendees"]}：" + string.Join("、", m.Attendees.Select(a => a.Chair ? $"{a.Name}（{l["Committee.Chair"]}）" : $"{a.Name}（{l["CommitteeDepartment." + a.Department]}）"))),
        };
        if (!m.ScoresFinal)
        {
            header.Add(new ReportParagraph(l["Committee.MinutesDraft"]));
        }

        var sections = new List<ReportSection> { new(l["Committee.MeetingTitle"], header) };
        ReportColumn[] criteria =
        [
            new(l["ScoreCriterion.Presentation"], CellKind.Number), new(l["ScoreCriterion.SellingPoint"], CellKind.Number),
            new(l["ScoreCriterion.Price"], CellKind.Number), new(l["ScoreCriterion.Quality"], CellKind.Number), new(l["Committee.Weighted"], CellKind.Number),
        ];
        foreach (var p in m.Proposals)
        {
            var title = $"{p.Number}. {p.ProductName}" + (p.IsNewProduct ? $"（{l["Committee.NewProduct"]}）" : string.Empty);
            var blocks = new List<ReportBlock>
            {
                new ReportParagraph($"{l["Committee.Supplier"]}：{p.SupplierName} · {l["Committee.Channel"]}：{l["SalesChannel." + p.Channel]} · "
                    + $"{l["Committee.ProposedPrice"]}：NT$ {p.ProposedPrice.ToString("N0", culture)} · {l["Committee.SubmittedBy"]}：{p.SubmittedByName}"),
                new ReportParagraph($"{l["Committee.SellingPoints"]}：{p.SellingPoints}"),
                new ReportParagraph($"{l["Committee.PreInspection"]}：{p.SamplePreInspectionResult ?? l["Committee.PreInspectionNone"].Value}"),
            };
            if (m.ScoresFinal)
            {
                blocks.Add(new ReportTable(
                    title + " · " + l["Committee.Member"],
                    [new(l["Committee.Department"]), new(l["Committee.Member"]), .. criteria],
                    p.Scores.OrderBy(s => s.Department).ThenBy(s => s.MemberName, StringComparer.Ordinal).Select(s => (IReadOnlyList<ReportCell>)
                    [
                        ReportCell.Of(l["CommitteeDepartment." + s.Department].Value), ReportCell.Of(s.MemberName), ReportCell.Of(s.Presentation), ReportCell.Of(s.SellingPoint),
                        ReportCell.Of(s.Price), ReportCell.Of(s.Quality), ReportCell.Of(s.Weighted, 1),
                    ]).ToList()));
                blocks.Add(new ReportTable(
                    title + " · " + l["Committee.Department"],
                    [new(l["Committee.Department"]), .. criteria],
                    Enum.GetValues<CommitteeDepartment>().Select(d => p.Departments.FirstOrDefault(x => x.Department == d) is { } r
                        ? (IReadOnlyList<ReportCell>)
                        [
                            ReportCell.Of(l["CommitteeDepartment." + d].Value), ReportCell.Of(r.Presentation, 1), ReportCell.Of(r.SellingPoint, 1),
                            ReportCell.Of(r.Price, 1), ReportCell.Of(r.Quality, 1), ReportCell.Of(r.Weighted, 1),
                        ]
                        : [ReportCell.Of(l["CommitteeDepartment." + d].Value), ReportCell.Empty, ReportCell.Empty, ReportCell.Empty, ReportCell.Empty, ReportCell.Empty]).ToList(),
                    [ReportCell.Of(l["Committee.Overall"].Value), ReportCell.Empty, ReportCell.Empty, ReportCell.Empty, ReportCell.Empty, ReportCell.Of(p.Overall, 1)]));
                blocks.Add(new ReportParagraph($"{l["Committee.Overall"]}：{p.Overall?.ToString("0.0", culture) ?? "—"}（{(p.Passed ? l["Committee.Passed"] : l["Committee.NotPassed"])}）"));
            }

            var decision = $"{l["Committee.Decision"]}：{(p.Decision is { } d ? l["CommitteeDecision." + d].Value : l["Committee.Undecided"].Value)}"
                + (p.DecidedByName is null ? string.Empty : $"（{p.DecidedByName}）")
                + (string.IsNullOrWhiteSpace(p.DecisionConditions) ? string.Empty : $" · {l["Committee.Conditions"]}：{p.DecisionConditions}");
            blocks.Add(new ReportParagraph(decision));
            sections.Add(new ReportSection(title, blocks));
        }

        return new ReportDocument($"{l["Committee.MinutesTitle"]} {m.MeetingDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}", null, sections);
    }

    /// <summary>品質異常會議紀錄: the anomalies with their discussion, the action items (owner, due date, PDCA status) and the open items carried over.</summary>
    public static ReportDocument AnomalyMinutes(AnomalyMeetingMinutes m, IStringLocalizer<SharedResource> l)
    {
        ArgumentNullException.ThrowIfNull(m);
        ArgumentNullException.ThrowIfNull(l);
        var header = new List<ReportBlock>
        {
            new ReportParagraph($"{l["Anomaly.MeetingDate"]}：{m.MeetingDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} · {l["Committee.Chair"]}：{m.ChairName} · "
                + $"{l["Committee.Status"]}：{l["AnomalyMeetingStatus." + m.Status]}"),
        };
        if (m.Attendees is not null)
        {
            header.Add(new ReportParagraph($"{l["Anomaly.Attendees"]}：{m.Attendees}"));
        }

        if (m.Suppliers.Count > 0)
        {
            header.Add(new ReportParagraph($"{l["Anomaly.InvitedSuppliers"]}：{string.Join("、", m.Suppliers.Select(s => s.Name))}"));
        }

        var anomalies = new ReportTable(
            l["Anomaly.Anomalies"],
            [new(l["Anomaly.Date"], CellKind.Date), new(l["Anomaly.AnomalyKind"]), new(l["Committee.Supplier"]), new(l["Committee.Product"]), new(l["Anomaly.Summary"]), new(l["Anomaly.Discussion"])],
            m.Anomalies.Select(a => (IReadOnlyList<ReportCell>)
            [
                ReportCell.Of(a.OccurredOn), ReportCell.Of(l["AnomalyKind." + a.Kind].Value), ReportCell.Of(a.SupplierName), ReportCell.Of(a.ProductName),
                ReportCell.Of(a.Summary), ReportCell.Of(a.Discussion),
            ]).ToList());
        ReportTable Items(string title, IReadOnlyList<ActionItemView> items) => new(
            title,
            [new(l["Anomaly.ActionItem"]), new(l["Anomaly.Owner"]), new(l["Anomaly.DueDate"], CellKind.Date), new(l["Anomaly.ActionStatus"]), new(l["Anomaly.Note"])],
            items.Select(i => (IReadOnlyList<ReportCell>)
            [
                ReportCell.Of(i.Description), ReportCell.Of(i.OwnerName), ReportCell.Of(i.DueDate),
                ReportCell.Of(l["ActionItemStatus." + i.Status].Value + (i.Overdue ? $"（{l["Anomaly.Overdue"]}）" : string.Empty)), ReportCell.Of(i.Note),
            ]).ToList());
        var sections = new List<ReportSection>
        {
            new(l["Anomaly.MeetingTitle"], header),
            new(l["Anomaly.Anomalies"], [anomalies]),
            new(l["Anomaly.ActionItems"], [Items(l["Anomaly.ActionItems"], m.ActionItems)]),
        };
        if (m.CarriedOver.Count > 0)
        {
            sections.Add(new ReportSection(l["Anomaly.CarriedOver"], [Items(l["Anomaly.CarriedOver"], m.CarriedOver)]));
        }

        var supplier = m.SupplierId is { } id ? m.Suppliers.FirstOrDefault(s => s.Id == id)?.Name : null;
        return new ReportDocument(
            $"{l["Anomaly.MinutesTitle"]} {m.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture)}（{l["AnomalyMeetingKind." + m.Kind]}）",
            supplier is null ? null : $"{l["Anomaly.SupplierMinutes"]}：{supplier}", sections);
    }
}
