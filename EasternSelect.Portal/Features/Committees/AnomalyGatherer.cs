using System.Globalization;
using EasternSelect.Data;
using EasternSelect.Domain.Casework;
using EasternSelect.Domain.Committees;
using EasternSelect.Domain.Inspections;
using EasternSelect.Domain.Sampling;
using EasternSelect.Portal.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace EasternSelect.Portal.Features.Committees;

/// <summary>
/// Gathers a month's anomalies for the 品質異常會議 from every source into one list of <see cref="Anomaly"/>.
/// Adding a source is one method: write <c>static Task&lt;List&lt;Anomaly&gt;&gt; XxxAsync(PortalDbContext, DateTime fromUtc, DateTime toUtc, CancellationToken)</c>
/// and name it in <see cref="Sources"/>.
/// </summary>
public sealed class AnomalyGatherer(IDbContextFactory<PortalDbContext> contexts, PolicyGuard guard)
{
    private delegate Task<List<Anomaly>> Source(PortalDbContext db, DateTime fromUtc, DateTime toUtc, CancellationToken ct);

    private static readonly Source[] Sources = [DelistingsAsync, RejectedLotsAsync, FailedSpotChecksAsync, FactoryAuditFindingsAsync, QualityComplaintsAsync, MajorCasesAsync];

    /// <summary>The anomalies of the month that <paramref name="month"/> falls in, oldest first.</summary>
    public async Task<IReadOnlyList<Anomaly>> GatherAsync(DateOnly month, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.AnomalyMeetings);
        var from = new DateTime(month.Year, month.Month, 1, 0, 0, 0, DateTimeKind.Utc);
        var to = from.AddMonths(1);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var all = new List<Anomaly>();
        foreach (var source in Sources)
        {
            all.AddRange(await source(db, from, to, ct));
        }

        return all.OrderBy(a => a.OccurredOn).ThenBy(a => a.Kind).ThenBy(a => a.SourceId).ToList();
    }

    /// <summary>下架: products delisted in the month, linked to their supplier's page (which lists its products).</summary>
    private static async Task<List<Anomaly>> DelistingsAsync(PortalDbContext db, DateTime fromUtc, DateTime toUtc, CancellationToken ct)
    {
        var rows = await db.Products.AsNoTracking().Where(p => p.DelistedUtc >= fromUtc && p.DelistedUtc < toUtc)
            .Select(p => new { p.Id, p.Sku, p.Name, p.SupplierId, SupplierName = p.Supplier!.Name, p.DelistedUtc, p.DelistingReason }).ToListAsync(ct);
        return rows.Select(p => new Anomaly(AnomalyKind.Delisting, p.Id, p.SupplierId, p.SupplierName, p.Id, p.Name, DateOnly.FromDateTime(p.DelistedUtc!.Value),
            $"{p.Sku}：{p.DelistingReason}", string.Create(CultureInfo.InvariantCulture, $"/suppliers/{p.SupplierId}"))).ToList();
    }

    /// <summary>入庫批退: original inspections (not re-inspections) received in the month and decided Rejected, linked to the lot.</summary>
    private static async Task<List<Anomaly>> RejectedLotsAsync(PortalDbContext db, DateTime fromUtc, DateTime toUtc, CancellationToken ct)
    {
        var from = DateOnly.FromDateTime(fromUtc);
        var to = DateOnly.FromDateTime(toUtc);
        var rows = await db.IncomingLots.AsNoTracking()
            .Where(l => !l.IsReinspection && l.Status == LotStatus.Decided && l.Decision == LotDecision.Rejected && l.ReceivedOn >= from && l.ReceivedOn < to)
            .Select(l => new { l.Id, l.LotNumber, l.SupplierId, SupplierName = l.Supplier!.Name, l.ProductId, ProductName = l.Product!.Name, l.ReceivedOn, l.InspectedOn, l.DefectsFound, l.UnitsSampled })
            .ToListAsync(ct);
        return rows.Select(l => new Anomaly(AnomalyKind.RejectedLot, l.Id, l.SupplierId, l.SupplierName, l.ProductId, l.ProductName, l.InspectedOn ?? l.ReceivedOn,
            string.Create(CultureInfo.InvariantCulture, $"{l.LotNumber}：{l.DefectsFound}/{l.UnitsSampled}"),
            string.Create(CultureInfo.InvariantCulture, $"/inspections/lots/{l.Id}"))).ToList();
    }

    /// <summary>月檢抽驗不合格: spot-check items of the month's list recorded as failed, linked to that month's spot-check list.</summary>
    private static async Task<List<Anomaly>> FailedSpotChecksAsync(PortalDbContext db, DateTime fromUtc, DateTime toUtc, CancellationToken ct)
    {
        var first = DateOnly.FromDateTime(fromUtc);
        var end = DateOnly.FromDateTime(toUtc);
        var rows = await (from item in db.SpotCheckItems.AsNoTracking()
                          join month in db.SpotCheckMonths.AsNoTracking() on item.SpotCheckMonthId equals month.Id
                          where month.Month >= first && month.Month < end && !item.Removed && item.Outcome == SpotCheckOutcome.Fail
                          select new
                          {
                              item.Id, month.Month, item.ProductId, ProductName = item.Product!.Name, item.Product.SupplierId, SupplierName = item.Product.Supplier!.Name,
                              item.Findings, item.InspectedUtc,
                          }).ToListAsync(ct);
        return rows.Select(i => new Anomaly(AnomalyKind.FailedSpotCheck, i.Id, i.SupplierId, i.SupplierName, i.ProductId, i.ProductName,
            i.InspectedUtc is { } at ? DateOnly.FromDateTime(at) : i.Month, i.Findings ?? string.Empty,
            string.Create(CultureInfo.InvariantCulture, $"/inspections/spot-checks?month={i.Month:yyyy-MM}"))).ToList();
    }

    /// <summary>訪廠稽核缺失: the findings of factory audits held in the month, linked to the audit.</summary>
    private static async Task<List<Anomaly>> FactoryAuditFindingsAsync(PortalDbContext db, DateTime fromUtc, DateTime toUtc, CancellationToken ct)
    {
        var first = DateOnly.FromDateTime(fromUtc);
        var end = DateOnly.FromDateTime(toUtc);
        var rows = await (from f in db.Set<AuditFinding>().AsNoTracking()
                          join a in db.FactoryAudits.AsNoTracking() on f.FactoryAuditId equals a.Id
                          where a.AuditDate >= first && a.AuditDate < end
                          select new
                          {
                              f.Id, AuditId = a.Id, a.SupplierId, SupplierName = a.Supplier!.Name, a.ProductId, ProductName = a.Product != null ? a.Product.Name : null,
                              a.AuditDate, a.FactoryName, f.Description,
                          }).ToListAsync(ct);
        return rows.Select(f => new Anomaly(AnomalyKind.FactoryAuditFinding, f.Id, f.SupplierId, f.SupplierName, f.ProductId, f.ProductName, f.AuditDate,
            $"{f.FactoryName}：{f.Description}", string.Create(CultureInfo.InvariantCulture, $"/inspections/audits/{f.AuditId}"))).ToList();
    }

    /// <summary>品質客訴: complaints closed in the month with a quality-defect root cause, linked to the complaint.</summary>
    private static Task<List<Anomaly>> QualityComplaintsAsync(PortalDbContext db, DateTime fromUtc, DateTime toUtc, CancellationToken ct) =>
        ComplaintsAsync(db, AnomalyKind.QualityComplaint, db.Complaints.Where(c => c.RootCause == RootCause.QualityDefect && c.ClosedUtc >= fromUtc && c.ClosedUtc < toUtc), ct);

    /// <summary>重大客訴: major cases opened in the month, linked to the complaint.</summary>
    private static Task<List<Anomaly>> MajorCasesAsync(PortalDbContext db, DateTime fromUtc, DateTime toUtc, CancellationToken ct) =>
        ComplaintsAsync(db, AnomalyKind.MajorCase, db.Complaints.Where(c => c.IsMajor && c.OpenedUtc >= fromUtc && c.OpenedUtc < toUtc), ct);

    // The summary names the case number and topic only: a complaint's description may hold personal data.
    private static async Task<List<Anomaly>> ComplaintsAsync(PortalDbContext db, AnomalyKind kind, IQueryable<Complaint> complaints, CancellationToken ct)
    {
        var rows = await complaints.AsNoTracking()
            .Select(c => new
            {
                c.Id,
                c.Number,
                c.SupplierId,
                SupplierName = db.Suppliers.Where(s => s.Id == c.SupplierId).Select(s => s.Name).FirstOrDefault(),
                c.ProductId,
                ProductName = db.Products.Where(p => p.Id == c.ProductId).Select(p => p.Name).FirstOrDefault(),
                Topic = db.ComplaintCategories.Where(t => t.Id == c.CategoryId).Select(t => t.NameZh).FirstOrDefault(),
                On = kind == AnomalyKind.QualityComplaint ? c.ClosedUtc!.Value : c.OpenedUtc,
            })
            .ToListAsync(ct);
        return rows.Select(c => new Anomaly(kind, c.Id, c.SupplierId, c.SupplierName, c.ProductId, c.ProductName, DateOnly.FromDateTime(c.On),
            $"{c.Number}：{c.Topic}", string.Create(CultureInfo.InvariantCulture, $"/complaints/{c.Id}"))).ToList();
    }
}
