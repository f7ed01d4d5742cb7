using System.Globalization;
using EasternSelect.Data;
using EasternSelect.Domain.Committees;
using EasternSelect.Portal.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace EasternSelect.Portal.Features.Committees;

/// <summary>
/// Gathers a month's anomalies for the 品質異常會議 from every source into one list of <see cref="Anomaly"/>.
/// Adding a source is one method: write <c>static Task&lt;List&lt;Anomaly&gt;&gt; XxxAsync(PortalDbContext, DateTime fromUtc, DateTime toUtc, CancellationToken)</c>
/// and name it in <see cref="Sources"/>. Rejected lots, failed spot checks, factory-audit findings, quality complaints and
/// major cases are built on other branches and join here when they are merged.
/// </summary>
public sealed class AnomalyGatherer(IDbContextFactory<PortalDbContext> contexts, PolicyGuard guard)
{
    private delegate Task<List<Anomaly>> Source(PortalDbContext db, DateTime fromUtc, DateTime toUtc, CancellationToken ct);

    private static readonly Source[] Sources = [DelistingsAsync];

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
}
