using System.Globalization;
using EasternSelect.Data;
using EasternSelect.Domain.Casework;
using EasternSelect.Portal.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace EasternSelect.Portal.Features.Casework.Complaints;

/// <summary>
/// The definitions of the seed report's three complaint indicators, shared by the KPI page, the ESG chapter and
/// the complaints report. A complaint belongs to the period it was opened in (UTC).
/// </summary>
public static class ComplaintKpiDefinitions
{
    /// <summary>客訴處理 7 日內結案率: closed within the target ÷ closed.</summary>
    public static double? ClosureRate(int closed, int closedWithinTarget) => closed == 0 ? null : (double)closedWithinTarget / closed;

    /// <summary>客訴率: complaints ÷ orders shipped (null until shipped volumes are entered).</summary>
    public static double? ComplaintRate(int complaints, long ordersShipped) => ordersShipped == 0 ? null : (double)complaints / ordersShipped;
}

/// <summary>One year of the seed report's three complaint indicators.</summary>
public sealed record ComplaintYearKpi(
    int Year, int Complaints, int Closed, int ClosedWithinTarget, double? AverageOnlineHandlingHours, long OrdersShipped, int QualityComplaints, int OnlineClosed = 0)
{
    /// <summary>客訴處理 7 日內結案率: closed within the target ÷ closed.</summary>
    public double? ClosureRate => ComplaintKpiDefinitions.ClosureRate(Closed, ClosedWithinTarget);

    /// <summary>客訴率: complaints ÷ orders shipped (null until shipped volumes are entered).</summary>
    public double? ComplaintRate => ComplaintKpiDefinitions.ComplaintRate(Complaints, OrdersShipped);
}

public sealed record TopicCount(int Year, string Topic, int Count);

/// <summary>A topic's count in a year, with the category's id and code (the drill-down filter) and its sort order.</summary>
public sealed record TopicFigure(int Year, int CategoryId, string Code, string Name, int SortOrder, int Count);

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
        return await YearFiguresAsync(db, fromYear, toYear, ct);
    }

    /// <summary>Complaints per topic and year (近 3 年客戶主要反映內容), largest first within each year.</summary>
    public async Task<IReadOnlyList<TopicCount>> TopicsAsync(int fromYear, int toYear, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.ComplaintKpis);
        await using var db = await contexts.CreateDbContextAsync(ct);
        return (await TopicFiguresAsync(db, fromYear, toYear, ct)).Select(t => new TopicCount(t.Year, t.Name, t.Count)).ToList();
    }

    /// <summary>The complaints opened in [<paramref name="fromUtc"/>, <paramref name="toUtc"/>): the population of every indicator.</summary>
    public static IQueryable<Complaint> Opened(PortalDbContext db, DateTime fromUtc, DateTime toUtc)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Complaints.AsNoTracking().Where(c => c.OpenedUtc >= fromUtc && c.OpenedUtc < toUtc);
    }

    /// <summary>Closed complaints (the denominator of the 7-day closure rate).</summary>
    public static IQueryable<Complaint> Closed(IQueryable<Complaint> complaints) => complaints.Where(c => c.ClosedUtc != null);

    /// <summary>Closed within the 7-day target (the numerator of the closure rate).</summary>
    public static IQueryable<Complaint> ClosedWithinTarget(IQueryable<Complaint> complaints) => complaints.Where(c => c.ClosedWithinTarget == true);

    /// <summary>網路案件: complaints that came in through the web site, the app or e-mail (<paramref name="online"/> false: the others).</summary>
    public static IQueryable<Complaint> Online(IQueryable<Complaint> complaints, bool online = true) => online
        ? complaints.Where(c => c.Channel == ComplaintChannel.Web || c.Channel == ComplaintChannel.App || c.Channel == ComplaintChannel.Email)
        : complaints.Where(c => !(c.Channel == ComplaintChannel.Web || c.Channel == ComplaintChannel.App || c.Channel == ComplaintChannel.Email));

    /// <summary>Closed online cases: the cases the average online handling time is taken over.</summary>
    public static IQueryable<Complaint> OnlineClosed(IQueryable<Complaint> complaints) => Closed(Online(complaints));

    /// <summary>
    /// The indicators per calendar year (UTC) for callers that checked their own policy (the ESG chapter, reports);
    /// the only place the sums are written.
    /// </summary>
    public static async Task<IReadOnlyList<ComplaintYearKpi>> YearFiguresAsync(PortalDbContext db, int fromYear, int toYear, CancellationToken ct)
    {
        var (from, to) = Range(fromYear, toYear);
        var rows = await Sums(Opened(db, from, to).GroupBy(c => c.OpenedUtc.Year)).ToListAsync(ct);
        var shipped = await ShippedByYearAsync(db, DateOnly.FromDateTime(from), DateOnly.FromDateTime(to), ct);
        return rows.OrderBy(r => r.Key).Select(r => r.Kpi(r.Key, shipped.GetValueOrDefault(r.Key))).ToList();
    }

    /// <summary>
    /// The indicators over the complaints opened in [<paramref name="fromUtc"/>, <paramref name="toUtc"/>); the orders shipped are those
    /// of the months starting in the period. The caller checks its own policy.
    /// </summary>
    public static async Task<ComplaintYearKpi> PeriodFiguresAsync(PortalDbContext db, DateTime fromUtc, DateTime toUtc, CancellationToken ct)
    {
        var row = await Sums(Opened(db, fromUtc, toUtc).GroupBy(c => 0)).SingleOrDefaultAsync(ct);
        var shipped = (await ShippedByYearAsync(db, DateOnly.FromDateTime(fromUtc), DateOnly.FromDateTime(toUtc), ct)).Values.Sum();
        return row?.Kpi(fromUtc.Year, shipped) ?? new ComplaintYearKpi(fromUtc.Year, 0, 0, 0, null, shipped, 0);
    }

    /// <summary>The indicators per channel of the complaints opened in [<paramref name="fromUtc"/>, <paramref name="toUtc"/>) (Year holds nothing; no shipped volumes).</summary>
    public static async Task<IReadOnlyList<(ComplaintChannel Channel, ComplaintYearKpi Figures)>> ChannelFiguresAsync(PortalDbContext db, DateTime fromUtc, DateTime toUtc, CancellationToken ct)
    {
        var rows = await Sums(Opened(db, fromUtc, toUtc).GroupBy(c => (int)c.Channel)).ToListAsync(ct);
        return Enum.GetValues<ComplaintChannel>()
            .Select(channel => (channel, rows.FirstOrDefault(r => r.Key == (int)channel)?.Kpi(fromUtc.Year, 0) ?? new ComplaintYearKpi(fromUtc.Year, 0, 0, 0, null, 0, 0))).ToList();
    }

    /// <summary>Complaints per topic (category) and year, largest first within each year; the caller checks its own policy.</summary>
    public static Task<IReadOnlyList<TopicFigure>> TopicFiguresAsync(PortalDbContext db, int fromYear, int toYear, CancellationToken ct)
    {
        var (from, to) = Range(fromYear, toYear);
        return TopicFiguresAsync(db, from, to, ct);
    }

    /// <summary>Complaints per topic (category) and year of the complaints opened in [<paramref name="fromUtc"/>, <paramref name="toUtc"/>).</summary>
    public static async Task<IReadOnlyList<TopicFigure>> TopicFiguresAsync(PortalDbContext db, DateTime fromUtc, DateTime toUtc, CancellationToken ct)
    {
        var counts = await Opened(db, fromUtc, toUtc)
            .GroupBy(c => new { c.OpenedUtc.Year, c.CategoryId })
            .Select(g => new { g.Key.Year, g.Key.CategoryId, Count = g.Count() })
            .ToListAsync(ct);
        var zh = CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.Ordinal);
        var categories = await db.ComplaintCategories.AsNoTracking().ToDictionaryAsync(c => c.Id, c => new { c.Code, Name = zh ? c.NameZh : c.NameEn, c.SortOrder }, ct);
        return counts.OrderBy(c => c.Year).ThenByDescending(c => c.Count)
            .Select(c => categories.TryGetValue(c.CategoryId, out var k)
                ? new TopicFigure(c.Year, c.CategoryId, k.Code, k.Name, k.SortOrder, c.Count)
                : new TopicFigure(c.Year, c.CategoryId, "?", "?", int.MaxValue, c.Count)).ToList();
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

    private static async Task<Dictionary<int, long>> ShippedByYearAsync(PortalDbContext db, DateOnly fromMonth, DateOnly toMonth, CancellationToken ct) =>
        await db.ShippedVolumes.AsNoTracking().Where(v => v.Month >= fromMonth && v.Month < toMonth)
            .GroupBy(v => v.Month.Year).Select(g => new { Year = g.Key, Orders = g.Sum(v => (long)v.OrdersShipped) })
            .ToDictionaryAsync(g => g.Year, g => g.Orders, ct);

    private static IQueryable<KpiSums> Sums(IQueryable<IGrouping<int, Complaint>> groups) =>
        groups.Select(g => new KpiSums(
            g.Key,
            g.Count(),
            g.Count(c => c.ClosedUtc != null),
            g.Count(c => c.ClosedWithinTarget == true),
            g.Count(c => c.RootCause == RootCause.QualityDefect),
            g.Count(c => c.ClosedUtc != null && (c.Channel == ComplaintChannel.Web || c.Channel == ComplaintChannel.App || c.Channel == ComplaintChannel.Email)),
            g.Where(c => c.ClosedUtc != null && (c.Channel == ComplaintChannel.Web || c.Channel == ComplaintChannel.App || c.Channel == ComplaintChannel.Email))
                .Average(c => c.HandlingHours)));

    private sealed record KpiSums(int Key, int Count, int Closed, int Within, int Quality, int OnlineClosed, double? OnlineHours)
    {
        public ComplaintYearKpi Kpi(int year, long shipped) =>
            new(year, Count, Closed, Within, OnlineHours is { } h ? Math.Round(h, 1) : null, shipped, Quality, OnlineClosed);
    }

    private static (DateTime From, DateTime To) Range(int fromYear, int toYear)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(toYear, fromYear);
        return (new DateTime(fromYear, 1, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(toYear + 1, 1, 1, 0, 0, 0, DateTimeKind.Utc));
    }
}
