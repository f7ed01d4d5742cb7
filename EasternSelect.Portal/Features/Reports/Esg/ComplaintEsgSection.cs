using System.Globalization;
using EasternSelect.Data;
using EasternSelect.Data.Queries;
using EasternSelect.Portal.Features.Reports.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace EasternSelect.Portal.Features.Reports.Esg;

/// <summary>
/// 2.3.2 傾聽客戶心聲: the seed's three complaint indicators (客訴處理 7 日內結案率, 網路案件處理時效, 客訴率) for the
/// year and the two before, and the main complaint topics (近 3 年客戶主要反映內容), with the definitions of
/// <see cref="ComplaintFigures"/> (Taiwan years). Only the complaint rate has a target in the seed (最高目標 0%), so only it is a
/// KPI tile; the other indicators are table figures. Aggregates only; every figure links to its complaints.
/// </summary>
public sealed class ComplaintEsgSection(IDbContextFactory<PortalDbContext> contexts, IStringLocalizer<SharedResource> l) : IEsgSection
{
    public int Order => 400;

    public async Task<IReadOnlyList<ReportSection>> BuildAsync(int year, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var found = await ComplaintFigures.YearsAsync(db, year - 2, year, ct);
        var years = Enumerable.Range(year - 2, 3)
            .Select(y => found.FirstOrDefault(k => k.Year == y) ?? new ComplaintYearKpi(y, 0, 0, 0, null, 0, 0)).ToList();
        var topics = await ComplaintFigures.TopicsAsync(db, year - 2, year, ct);
        var current = years[^1];

        var blocks = new List<ReportBlock>
        {
            new ReportParagraph(l["Reports.Esg.ComplaintsText", year - 2, year].Value),
            new ReportParagraph(l["Reports.Esg.ComplaintsYearText", year, current.Complaints.ToString("N0", CultureInfo.CurrentCulture),
                Percent(current.ClosureRate, 1), current.AverageOnlineHandlingHours?.ToString("0.0", CultureInfo.CurrentCulture) ?? "—"].Value),
        };
        if (current.ComplaintRate is { } rate)
        {
            blocks.Add(new ReportKpis(
                [new KpiTile(l["ComplaintKpis.ComplaintRate"], 0m, (decimal)rate, KpiGoal.AtMost, CellKind.Percent, 3, Link: Link(year))],
                l["Reports.Target"], l["Reports.Met"], l["Reports.NotMet"]));
        }
        else
        {
            blocks.Add(new ReportParagraph(l["Reports.Esg.ComplaintRateMissing", year].Value));
        }

        blocks.Add(CaseReportTables.ComplaintIndicators(l["Reports.Esg.ComplaintIndicators"], years, (y, f) => Link(y.Year, f), l));
        blocks.Add(new ReportParagraph(l["Reports.Esg.ComplaintNotes"].Value));
        return
        [
            new(l["Reports.Esg.Complaints"], blocks),
            new(l["Reports.Esg.ComplaintTopics"], [CaseReportTables.ComplaintTopics(l["Reports.Esg.ComplaintTopics"], years.Select(y => y.Year).ToList(), topics, l)]),
        ];
    }

    private static string Link(int year, params (string Name, object? Value)[] filter) =>
        RecordLinks.For(ComplaintRecords.Name, [("year", year), .. filter]);

    private static string Percent(double? fraction, int decimals) =>
        fraction is { } f ? ReportCell.Percent((decimal)f, decimals).Display(CultureInfo.CurrentCulture) : "—";
}
