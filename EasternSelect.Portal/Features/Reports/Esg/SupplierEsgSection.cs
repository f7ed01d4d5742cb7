using System.Globalization;
using EasternSelect.Data;
using EasternSelect.Data.Queries;
using EasternSelect.Domain.Suppliers;
using EasternSelect.Portal.Features.Reports.Records;
using EasternSelect.Portal.Features.Suppliers.Reviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace EasternSelect.Portal.Features.Reports.Esg;

/// <summary>2.2.1 供應商管理: suppliers by category, the review results of three years, local procurement.</summary>
public sealed class SupplierEsgSection(IDbContextFactory<PortalDbContext> contexts, ReviewYearSummaryService reviews, IStringLocalizer<SharedResource> l) : IEsgSection
{
    /// <summary>The seed's one-year target for the supplier transaction volume: NT$24 billion.</summary>
    public const decimal VolumeTarget = 24_000_000_000m;

    private const SupplierStatus Qualified = SupplierStatus.Qualified;

    public int Order => 100;

    public async Task<IReadOnlyList<ReportSection>> BuildAsync(int year, CancellationToken ct)
    {
        var culture = CultureInfo.CurrentCulture;
        await using var db = await contexts.CreateDbContextAsync(ct);
        var groups = await db.Suppliers.AsNoTracking().Where(s => s.Status == SupplierStatus.Qualified)
            .GroupBy(s => new { s.Category, Local = s.CountryCode == "TW" })
            .Select(g => new { g.Key.Category, g.Key.Local, Count = g.Count() })
            .ToListAsync(ct);
        var tiers = await db.Suppliers.AsNoTracking().Where(s => s.Status == SupplierStatus.Qualified)
            .GroupBy(s => s.Tier).Select(g => new { Tier = g.Key, Count = g.Count() }).ToListAsync(ct);

        var total = groups.Sum(g => g.Count);
        var categoryRows = Enum.GetValues<SupplierCategory>().Select(c => (IReadOnlyList<ReportCell>)
        [
            ReportCell.Of(l["SupplierCategory." + c].Value),
            ReportCell.Of(groups.Where(g => g.Category == c && g.Local).Sum(g => g.Count)).To(SupplierRecords.Link(Qualified, c, local: true)),
            ReportCell.Of(groups.Where(g => g.Category == c && !g.Local).Sum(g => g.Count)).To(SupplierRecords.Link(Qualified, c, local: false)),
            ReportCell.Of(groups.Where(g => g.Category == c).Sum(g => g.Count)).To(SupplierRecords.Link(Qualified, c)),
        ]).ToList();
        var byCategory = new ReportTable(
            l["Reports.Esg.SuppliersByCategory"],
            [new(l["Suppliers.Category"]), new(l["Reports.Esg.Local"], CellKind.Number), new(l["Reports.Esg.Overseas"], CellKind.Number), new(l["Reports.Esg.SupplierCount"], CellKind.Number)],
            categoryRows,
            [
                ReportCell.Of(l["Reports.Total"].Value),
                ReportCell.Of(groups.Where(g => g.Local).Sum(g => g.Count)).To(SupplierRecords.Link(Qualified, local: true)),
                ReportCell.Of(groups.Where(g => !g.Local).Sum(g => g.Count)).To(SupplierRecords.Link(Qualified, local: false)),
                ReportCell.Of(total).To(SupplierRecords.Link(Qualified)),
            ]);
        var categoryChart = new ReportChart(
            l["Reports.Esg.SuppliersByCategory"], ChartKind.Bar,
            Enum.GetValues<SupplierCategory>().Select(c => l["SupplierCategory." + c].Value).ToList(),
            [new(l["Reports.Esg.SupplierCount"], categoryRows.Select(r => r[3].Number ?? 0).ToList())]);
        var byTier = new ReportTable(
            l["Reports.Esg.SuppliersByTier"],
            [new(l["Suppliers.Tier"]), new(l["Reports.Esg.SupplierCount"], CellKind.Number)],
            Enum.GetValues<SupplierTier>().Select(t => (IReadOnlyList<ReportCell>)
                [ReportCell.Of(l["SupplierTier." + t].Value), ReportCell.Of(tiers.Where(x => x.Tier == t).Sum(x => x.Count)).To(SupplierRecords.Link(Qualified, tier: t))]).ToList(),
            [ReportCell.Of(l["Reports.Total"].Value), ReportCell.Of(total).To(SupplierRecords.Link(Qualified))]);

        var summaries = await reviews.YearSummaryAsync(year - 2, year, ct);
        var thisYear = summaries[^1];

        // The report's year only: imported supplier-year volumes, never another year's or the registry's running figure.
        var procurement = await OperatingFigures.LocalProcurementAsync(db, year, ct);
        var volume = procurement.Volume;
        var localVolume = procurement.LocalVolume;
        var localRatio = procurement.LocalSharePercent / 100m;
        var billions = Math.Round(localVolume / 100_000_000m, 1, MidpointRounding.AwayFromZero);

        return
        [
            new(l["Reports.Esg.SupplierManagement"],
            [
                new ReportParagraph(l["Reports.Esg.SupplierManagementText", year, total.ToString("N0", culture),
                    thisYear.DocumentReviews, thisYear.OnSiteReviews, thisYear.Qualified, thisYear.SpotCheckedSuppliers]),
                byCategory,
                categoryChart,
                new ReportParagraph(l["Reports.Esg.TiersText"]),
                byTier,
            ]),
            new(l["Reports.Esg.ReviewResults"],
            [
                new ReportParagraph(l["Reports.Esg.ReviewResultsText"]),
                ReportBuilders.ReviewTable(l["Reports.Esg.ReviewResults"], summaries, l),
            ]),
            new(l["Reports.Esg.LocalSuppliers"],
            [
                new ReportParagraph(l["Reports.Esg.LocalSuppliersText", year, billions.ToString("N1", culture), (localRatio * 100).ToString("0.0", culture)]),
                new ReportParagraph(l[KpiDefinitions.LocalProcurement]),
                new ReportKpis(
                [
                    new KpiTile(l["Reports.Esg.Volume"], VolumeTarget / 100_000_000m, Math.Round(volume / 100_000_000m, 1, MidpointRounding.AwayFromZero), KpiGoal.AtLeast, CellKind.Number, 1, l["Reports.Esg.HundredMillion"], SupplierRecords.Link(Qualified)),
                ], l["Reports.Target"], l["Reports.Met"], l["Reports.NotMet"]),
            ]),
        ];
    }
}
