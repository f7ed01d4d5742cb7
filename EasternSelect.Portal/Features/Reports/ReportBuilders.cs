using System.Globalization;
using EasternSelect.Domain.Qualification;
using EasternSelect.Domain.Training;
using EasternSelect.Portal.Infrastructure.Localization;
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
                ReportCell.Of(y.Year.ToString(CultureInfo.InvariantCulture)), ReportCell.Of(y.DocumentReviews), ReportCell.Of(y.OnSiteReviews),
                ReportCell.Of(y.Qualified), ReportCell.Percent(y.PassRatioPercent / 100m), ReportCell.Of(y.SpotCheckedSuppliers),
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
            [ReportCell.Of(label), .. years.Select(y => ReportCell.Of(value(y), value(y) == Math.Floor(value(y)) ? 0 : 1))];
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
}
