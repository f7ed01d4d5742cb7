using EasternSelect.Data;
using EasternSelect.Data.Queries;
using EasternSelect.Domain.Inspections;
using EasternSelect.Portal.Features.Reports.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace EasternSelect.Portal.Features.Reports.Esg;

/// <summary>
/// 品質檢驗: the year's inspection ratio and pass rate by category, factory audits by reason, the incoming-inspection
/// defect / shortage / return rates (lots) and the customer return rates (imported operating data), each against its
/// own target of the year (<see cref="OperatingFigures.TargetsAsync"/>), with a definitions line. Aggregates only.
/// </summary>
public sealed class InspectionEsgSection(IDbContextFactory<PortalDbContext> contexts, IStringLocalizer<SharedResource> l) : IEsgSection
{
    public int Order => 300;

    public async Task<IReadOnlyList<ReportSection>> BuildAsync(int year, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var (total, byCategory) = await InspectionFigures.YearAsync(db, year, ct);
        var targets = await OperatingFigures.TargetsAsync(db, year, ct);
        var returns = await OperatingFigures.ReturnsAsync(db, new DateOnly(year, 1, 1), new DateOnly(year, 12, 1), null, null, ct);
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
                new KpiTile(l["Quality.DefectRate"], targets.DefectPercent / 100m, total.DefectRate / 100m, KpiGoal.AtMost, CellKind.Percent, 2, Link: LotRecords.Link(year)),
                new KpiTile(l["Quality.ShortageRate"], targets.ShortagePercent / 100m, total.ShortageRate / 100m, KpiGoal.AtMost, CellKind.Percent, 2, Link: LotRecords.Link(year)),
                new KpiTile(l["Quality.ReturnRate"], targets.ReturnPercent / 100m, total.ReturnRate / 100m, KpiGoal.AtMost, CellKind.Percent, 2, Link: LotRecords.Link(year)),
                .. returns.HasData
                    ? new[]
                    {
                        new KpiTile(l["Quality.CustomerReturnRate"], targets.ReturnPercent / 100m, returns.ReturnRate / 100m, KpiGoal.AtMost, CellKind.Percent, 2),
                        new KpiTile(l["Quality.NonQualityReturnRate"], targets.NonQualityReturnPercent / 100m, returns.NonQualityReturnRate / 100m, KpiGoal.AtMost, CellKind.Percent, 2),
                    }
                    : [],
            ],
            l["Reports.Target"], l["Reports.Met"], l["Reports.NotMet"]);
        (string Name, string Definition)[] defined =
        [
            ("Quality.DefectRate", KpiDefinitions.IncomingDefect), ("Quality.ShortageRate", KpiDefinitions.IncomingShortage), ("Quality.ReturnRate", KpiDefinitions.IncomingReturn),
            ("Quality.CustomerReturnRate", KpiDefinitions.CustomerReturn), ("Quality.QualityReturnRate", KpiDefinitions.QualityReturn), ("Quality.NonQualityReturnRate", KpiDefinitions.NonQualityReturn),
        ];
        var definitions = l["Reports.Esg.KpiDefinitions", string.Join("; ", defined.Select(d => l[d.Name] + " = " + l[d.Definition]))].Value;
        var customer = returns.HasData
            ? l["Reports.Esg.CustomerReturnsText", returns.UnitsShipped, returns.ReturnRate, returns.QualityReturnRate, returns.NonQualityReturnRate].Value
            : l["Reports.Esg.NoOperatingData", year].Value;
        var text = l["Reports.Esg.InspectionText", year, total.LotsDecided, auditCounts.Sum(a => a.Count)].Value;
        return
        [
            new(l["Reports.Esg.Inspection"], [new ReportParagraph(text), kpis, new ReportParagraph(customer), new ReportParagraph(definitions), categories]),
            new(l["Reports.Esg.FactoryAudits"], [auditTable]),
        ];
    }
}
