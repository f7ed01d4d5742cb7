using EasternSelect.Data;
using EasternSelect.Data.Queries;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace EasternSelect.Portal.Features.Reports.Esg;

/// <summary>
/// 供應商即時申訴服務平台: the year's grievances (the seed: 65 in 2020) by topic and outcome, how many were closed and
/// how fast, and the principles 明白講 / 保護您 / 立馬辦 / 客觀查. Counts only (保護您: no identity, subject or content).
/// </summary>
public sealed class GrievanceEsgSection(IDbContextFactory<PortalDbContext> contexts, IStringLocalizer<SharedResource> l) : IEsgSection
{
    public int Order => 500;

    public async Task<IReadOnlyList<ReportSection>> BuildAsync(int year, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var figures = await GrievanceFigures.YearAsync(db, year, ct);
        return
        [
            new(l["Reports.Esg.Grievances"],
            [
                new ReportParagraph(l["Reports.Esg.GrievancesText", year, figures.Received, figures.Closed].Value),
                new ReportParagraph(l["Reports.Esg.GrievancePrinciples"].Value),
                CaseReportTables.GrievanceTopicOutcome(l["Reports.Esg.GrievancesByTopic"], year, figures, l),
                CaseReportTables.GrievanceClosure(l["Reports.Esg.GrievanceClosure"], year, figures, l),
            ]),
        ];
    }
}
