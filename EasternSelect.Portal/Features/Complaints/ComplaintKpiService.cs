using System.Globalization;
using EasternSelect.Data;
using EasternSelect.Domain.Casework;
using EasternSelect.Portal.Features.Casework;
using EasternSelect.Portal.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace EasternSelect.Portal.Features.Complaints;

/// <summary>One year of the seed report's three complaint indicators.</summary>
public sealed record ComplaintYearKpi(
    int Year, int Complaints, int Closed, int ClosedWithinTarget, double? AverageOnlineHandlingHours, long OrdersShipped, int QualityComplaints)
{
    /// <summary>客訴處理 7 日內結案率: closed within the target ÷ closed.</summary>
    public double? ClosureRate => Closed == 0 ? null : (double)ClosedWithinTarget / Closed;

    /// <summary>客訴率: complaints ÷ orders shipped (null until shipped volumes are entered).</summary>
    public double? ComplaintRate => OrdersShipped == 0 ? null : (double)Complaints / OrdersShipped;
}

public sealed record TopicCount(int Year, string Topic, int Count);

public sealed record ShippedMonth(DateOnly Month, int OrdersShipped);

public sealed record SpotCheckCandidate(int SupplierId, string SupplierName, int QualityComplaints);

/// <summary>
/// Complaint KPIs, computed in SQL over the stamped closure columns (HandlingHours, ClosedWithinTarget), so
/// a year of the retailer's volume aggregates without loading rows.
/// </summary>
public sealed class ComplaintKpiService(IDbContextFactory<PortalDbContext> contexts, PolicyGuard guard)
{
    public async Task<IReadOnlyList<ComplaintYearKpi>> YearsAsync(int fromYear, int toYear, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.ComplaintKpis);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var (from, to) = Range(fromYear, toYear);
        var rows = await db.Complaints.AsNoTracking().Where(c => c.OpenedUtc >= from && c.OpenedUtc < to)
            .GroupBy(c => c.OpenedUtc.Year)
            .Select(g => new
            {
                Year = g.Key,
                Count = g.Count(),
                Closed = g.Count(c => c.ClosedUtc != null),
                Within = g.Count(c => c.ClosedWithinTarget == true),
                Quality = g.Count(c => c.RootCause == RootCause.QualityDefect),
                OnlineHours = g.Where(c => c.ClosedUtc != null && (c.Channel == ComplaintChannel.Web || c.Channel == ComplaintChannel.App || c.Channel == ComplaintChannel.Email))
                    .Average(c => c.HandlingHours),
            })
            .ToListAsync(ct);
        var fromMonth = DateOnly.FromDateTime(from);
        var toMonth = DateOnly.FromDateTime(to);
        var shipped = await db.ShippedVolumes.AsNoTracking().Where(v => v.Month >= fromMonth && v.Month < toMonth)
            .GroupBy(v => v.Month.Year).Select(g => new { Year = g.Key, Orders = g.Sum(v => (long)v.OrdersShipped) }).ToListAsync(ct);
        return rows.OrderBy(r => r.Year).Select(r => new ComplaintYearKpi(
            r.Year, r.Count, r.Closed, r.Within, r.OnlineHours is { } h ? Math.Round(h, 1) : null,
            shipped.FirstOrDefault(s => s.Year == r.Year)?.Orders ?? 0, r.Quality)).ToList();
    }

    /// <summary>Complaints per topic and year (近 3 年客戶主要反映內容), largest first within each year.</summary>
    public async Task<IReadOnlyList<TopicCount>> TopicsAsync(int fromYear, int toYear, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.ComplaintKpis);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var (from, to) = Range(fromYear, toYear);
        var counts = await db.Complaints.AsNoTracking().Where(c => c.OpenedUtc >= from && c.OpenedUtc < to)
            .GroupBy(c => new { c.OpenedUtc.Year, c.CategoryId })
            .Select(g => new { g.Key.Year, g.Key.CategoryId, Count = g.Count() })
            .ToListAsync(ct);
        var zh = CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.Ordinal);
        var names = await db.ComplaintCategories.AsNoTracking().ToDictionaryAsync(c => c.Id, c => zh ? c.NameZh : c.NameEn, ct);
        return counts.OrderBy(c => c.Year).ThenByDescending(c => c.Count)
            .Select(c => new TopicCount(c.Year, names.GetValueOrDefault(c.CategoryId, "?"), c.Count)).ToList();
    }

    /// <summary>Suppliers with the most quality complaints closed in a month: candidates for the monthly spot check (祕密警察).</summary>
    public async Task<IReadOnlyList<SpotCheckCandidate>> SpotCheckCandidatesAsync(DateOnly month, int take, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.ComplaintKpis);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var from = month.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var to = from.AddMonths(1);
        var rows = await db.Complaints.AsNoTracking()
            .Where(c => c.RootCause == RootCause.QualityDefect && c.SupplierId != null && c.ClosedUtc >= from && c.ClosedUtc < to)
            .GroupBy(c => c.SupplierId!.Value)
            .Select(g => new { SupplierId = g.Key, Count = g.Count() })
            .OrderByDescending(g => g.Count).ThenBy(g => g.SupplierId).Take(take)
            .ToListAsync(ct);
        var ids = rows.Select(r => r.SupplierId).ToList();
        var names = await db.Suppliers.AsNoTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        return rows.Select(r => new SpotCheckCandidate(r.SupplierId, names.GetValueOrDefault(r.SupplierId, "?"), r.Count)).ToList();
    }

    public async Task<IReadOnlyList<ShippedMonth>> ShippedAsync(int year, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.ComplaintKpis);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var from = new DateOnly(year, 1, 1);
        var to = from.AddYears(1);
        return await db.ShippedVolumes.AsNoTracking().Where(v => v.Month >= from && v.Month < to).OrderBy(v => v.Month)
            .Select(v => new ShippedMonth(v.Month, v.OrdersShipped)).ToListAsync(ct);
    }

    /// <summary>Enters or imports shipped volumes: lines of "yyyy-MM, orders" (tab, comma or space separated). Returns the error lines.</summary>
    public async Task<(int Saved, IReadOnlyList<string> Errors)> ImportShippedAsync(string text, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.ComplaintSettings);
        var parsed = new List<ShippedMonth>();
        var errors = new List<string>();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = line.Split([',', '\t', ' '], StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 2
                && DateOnly.TryParseExact(parts[0] + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month)
                && int.TryParse(parts[1].Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.Integer, CultureInfo.InvariantCulture, out var orders) && orders >= 0)
            {
                parsed.Add(new ShippedMonth(month, orders));
            }
            else
            {
                errors.Add(line);
            }
        }

        if (errors.Count > 0)
        {
            return (0, errors);
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var months = parsed.Select(p => p.Month).ToList();
        var existing = await db.ShippedVolumes.Where(v => months.Contains(v.Month)).ToDictionaryAsync(v => v.Month, ct);
        foreach (var p in parsed)
        {
            if (existing.TryGetValue(p.Month, out var volume))
            {
                volume.OrdersShipped = p.OrdersShipped;
            }
            else
            {
                db.ShippedVolumes.Add(new ShippedVolume { Month = p.Month, OrdersShipped = p.OrdersShipped });
            }
        }

        await db.SaveChangesAsync(ct);
        return (parsed.Count, []);
    }

    private static (DateTime From, DateTime To) Range(int fromYear, int toYear)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(toYear, fromYear);
        return (new DateTime(fromYear, 1, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(toYear + 1, 1, 1, 0, 0, 0, DateTimeKind.Utc));
    }
}
