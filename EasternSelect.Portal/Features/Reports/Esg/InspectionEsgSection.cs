using EasternSelect.Data;
using EasternSelect.Data.Queries;
using EasternSelect.Domain.Inspections;
using EasternSelect.Portal.Features.Reports.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace EasternSelect.Portal.Features.Reports.Esg;

/// <summary>
/// 品質檢驗: the year's inspection ratio and pass rate by category, factory audits by reason, and the defect /
/// shortage / return rates against their ≤ 3% targets (from the incoming lots, as on the quality page). Aggregates only.
/// </summary>
public sealed class InspectionEsgSection(IDbContextFactory<PortalDbContext> contexts, IStringLocalizer<SharedResource> l) : IEsgSection
{
    public int Order => 300;

    public async Task<IReadOnlyList<ReportSection>> BuildAsync(int year, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var (total, byCategory) = await InspectionFigures.YearAsync(db, year, ct);
        var from = new DateOnly(year, 1, 1);
        var to = from.AddYears(1);
        var audits = await db.FactoryAudits.AsNoTracking().Where(a => a.AuditDate >= from && a.AuditDate < to)
            .GroupBy(a => a.Reason).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var auditCounts = Enum.GetValues<AuditReason>().Select(r => (Reason: r, Count: audits.FirstOrDefault(a => a.Key == r)?.Count ?? 0)).ToList();

        ReportCell Rate(decimal percent) => ReportCell.Percent(percent / 100m, 1);
        var categories = new ReportTable(
            l["Reports.Esg.InspectionByCategory"],
            [
                new(l["Suppliers.Category"]), new(l["Quality.LotsReceived"], CellKind.Number), new(l["Quality.LotsDecided"], CellKind.Number),
                new(l["Quality.InspectionRatio"], CellKind.Percent), new(l["Quality.PassRate"], CellKind.Percent),
            ],
            byCategory.Select(c => (IReadOnlyList<ReportCell>)
            [
                ReportCell.Of(l["SupplierCategory." + c.Category].Value),
                ReportCell.Of(c.Figures.LotsReceived).To(LotRecords.Link(year, c.Category)),
                ReportCell.Of(c.Figures.LotsDecided).To(LotRecords.Link(year, c.Category, decided: true)),
                Rate(c.Figures.InspectionRatio).To(LotRecords.Link(year, c.Category)),
                Rate(c.Figures.PassRate).To(LotRecords.Link(year, c.Category, decided: true)),
            ]).ToList(),
            [
                ReportCell.Of(l["Reports.Total"].Value), ReportCell.Of(total.LotsReceived).To(LotRecords.Link(year)), ReportCell.Of(total.LotsDecided).To(LotRecords.Link(year, decided: true)),
                Rate(total.InspectionRatio).To(LotRecords.Link(year)), Rate(total.PassRate).To(LotRecords.Link(year, decided: true)),
            ]);
        var auditTable = new ReportTable(
            l["Reports.Esg.AuditsByReason"],
            [new(l["Reports.Esg.AuditReason"]), new(l["Reports.Esg.AuditCount"], CellKind.Number)],
            auditCounts.Select(a => (IReadOnlyList<ReportCell>)[ReportCell.Of(l["AuditReason." + a.Reason].Value), ReportCell.Of(a.Count).To(AuditRecords.Link(year, a.Reason))]).ToList(),
            [ReportCell.Of(l["Reports.Total"].Value), ReportCell.Of(auditCounts.Sum(a => a.Count)).To(AuditRecords.Link(year))]);
        var kpis = new ReportKpis(
            [
                new KpiTile(l["Quality.DefectRate"], QualityTargets.DefectPercent / 100m, total.DefectRate / 100m, KpiGoal.AtMost, CellKind.Percent, 2, Link: LotRecords.Link(year)),
                new KpiTile(l["Quality.ShortageRate"], QualityTargets.ShortagePercent / 100m, total.ShortageRate / 100m, KpiGoal.AtMost, CellKind.Percent, 2, Link: LotRecords.Link(year)),
                new KpiTile(l["Quality.ReturnRate"], QualityTargets.ReturnPercent / 100m, total.ReturnRate / 100m, KpiGoal.AtMost, CellKind.Percent, 2, Link: LotRecords.Link(year)),
            ],
            l["Reports.Target"], l["Reports.Met"], l["Reports.NotMet"]);
        var text = l["Reports.Esg.InspectionText", year, total.LotsDecided, auditCounts.Sum(a => a.Count)].Value;
        return
        [
            new(l["Reports.Esg.Inspection"], [new ReportParagraph(text), kpis, categories]),
            new(l["Reports.Esg.FactoryAudits"], [auditTable]),
        ];
    }
}
