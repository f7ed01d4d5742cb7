using System.Globalization;
using EasternSelect.Domain.Casework;
using EasternSelect.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace EasternSelect.Data.Queries;

/// <summary>The seed report's complaint indicators as fractions (the KPI page, the dashboards, the ESG chapter and the reports show these).</summary>
public static class ComplaintKpiDefinitions
{
    /// <summary>客訴處理 7 日內結案率: closed within the target ÷ closed.</summary>
    public static double? ClosureRate(int closed, int closedWithinTarget) => closed == 0 ? null : (double)closedWithinTarget / closed;

    /// <summary>客訴率: complaints ÷ units shipped (null until the month's operating data is imported).</summary>
    public static double? ComplaintRate(int complaints, long unitsShipped) => unitsShipped == 0 ? null : (double)complaints / unitsShipped;
}

/// <summary>One period (a Taiwan year, or the days of a report) of the seed report's three complaint indicators.</summary>
public sealed record ComplaintYearKpi(
    int Year, int Complaints, int Closed, int ClosedWithinTarget, double? AverageOnlineHandlingHours, long UnitsShipped, int QualityComplaints, int OnlineClosed = 0,
    int ExcludedComplaints = 0)
{
    /// <summary>客訴處理 7 日內結案率: closed within the target ÷ closed.</summary>
    public double? ClosureRate => ComplaintKpiDefinitions.ClosureRate(Closed, ClosedWithinTarget);

    /// <summary>客訴率: complaints ÷ units shipped (null until the operating data is imported).</summary>
    public double? ComplaintRate => ComplaintKpiDefinitions.ComplaintRate(Complaints, UnitsShipped);
}

/// <summary>A topic's count in a Taiwan year, with the category's id and code (the drill-down filter), its sort order and whether it is counted apart.</summary>
public sealed record TopicFigure(int Year, int CategoryId, string Code, string Name, int SortOrder, int Count, bool Excluded = false);

/// <summary>Complaints opened in a Taiwan month, closed, and closed within the 7-day target.</summary>
public sealed record ComplaintMonthSums(DateOnly Month, int Opened, int Closed, int ClosedWithinTarget);

/// <summary>
/// The complaint figures every page shares, computed in SQL over the stamped closure columns (HandlingHours,
/// ClosedWithinTarget). A complaint belongs to the Taiwan day, month and year it was opened in; every cut is a
/// <see cref="UtcRange"/> so the (Kind, OpenedUtc, …) index is read in order. Callers check their own policy.
/// </summary>
public static class ComplaintFigures
{
    private static readonly CaseStatus[] NotClosed = [.. Enum.GetValues<CaseStatus>().Where(s => s != CaseStatus.Closed)];

    /// <summary>The complaints opened in the range: the population of every indicator.</summary>
    public static IQueryable<Complaint> Opened(PortalDbContext db, UtcRange range)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Complaints.AsNoTracking().Where(c => c.OpenedUtc >= range.FromUtc && c.OpenedUtc < range.ToUtc);
    }

    /// <summary>
    /// The topics that are not customer feedback (客服-網路風險訂單, 客服忙線語音留電): the seed report counts them apart,
    /// so every indicator below leaves them out and reports them as <see cref="ComplaintYearKpi.ExcludedComplaints"/>.
    /// </summary>
    public static async Task<List<int>> ExcludedTopicIdsAsync(PortalDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.ComplaintCategories.AsNoTracking().Where(c => c.ExcludedFromStatistics).Select(c => c.Id).ToListAsync(ct);
    }

    /// <summary>The complaints opened in the range that count in the indicators (<paramref name="excluded"/> topics left out).</summary>
    public static IQueryable<Complaint> Counted(PortalDbContext db, UtcRange range, IReadOnlyCollection<int> excluded) =>
        excluded.Count == 0 ? Opened(db, range) : Opened(db, range).Where(c => !excluded.Contains(c.CategoryId));

    private static async Task<int> ExcludedCountAsync(PortalDbContext db, UtcRange range, IReadOnlyCollection<int> excluded, CancellationToken ct) =>
        excluded.Count == 0 ? 0 : await Opened(db, range).CountAsync(c => excluded.Contains(c.CategoryId), ct);

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
    /// Open (not closed) complaints whose closure clock stands at <paramref name="sla"/> at <paramref name="nowUtc"/>, the SQL
    /// form of <see cref="SlaClock.Evaluate"/>: breached past the due time, due soon within the warning window, else on track.
    /// </summary>
    public static IQueryable<Complaint> WithClosureSla(IQueryable<Complaint> complaints, SlaStatus sla, DateTime nowUtc, TimeSpan warning)
    {
        ArgumentNullException.ThrowIfNull(complaints);
        // Status IN (every status but Closed) rather than != Closed, so the (Kind, Status, ClosureDueUtc) index is searched, not scanned.
        var open = complaints.Where(c => NotClosed.Contains(c.Status));
        var soon = nowUtc + warning;
        return sla switch
        {
            SlaStatus.Breached => open.Where(c => c.ClosureDueUtc < nowUtc),
            SlaStatus.DueSoon => open.Where(c => c.ClosureDueUtc >= nowUtc && c.ClosureDueUtc <= soon),
            SlaStatus.OnTrack => open.Where(c => c.ClosureDueUtc > soon),
            _ => open.Where(c => false),
        };
    }

    /// <summary>The indicators per Taiwan year from <paramref name="fromYear"/> to <paramref name="toYear"/>; years without complaints are absent.</summary>
    public static async Task<IReadOnlyList<ComplaintYearKpi>> YearsAsync(PortalDbContext db, int fromYear, int toYear, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(toYear, fromYear);
        var shipped = await ShippedAsync(db, new DateOnly(fromYear, 1, 1), new DateOnly(toYear, 12, 31), ct);
        var excluded = await ExcludedTopicIdsAsync(db, ct);
        var result = new List<ComplaintYearKpi>();
        for (var year = fromYear; year <= toYear; year++)
        {
            var row = await Sums(Counted(db, TaiwanTime.Year(year), excluded).GroupBy(c => 0)).SingleOrDefaultAsync(ct);
            var apart = await ExcludedCountAsync(db, TaiwanTime.Year(year), excluded, ct);
            var orders = shipped.Where(s => s.Key.Year == year).Sum(s => s.Value);
            if (row is not null || apart > 0)
            {
                result.Add((row?.Kpi(year, orders) ?? new ComplaintYearKpi(year, 0, 0, 0, null, orders, 0)) with { ExcludedComplaints = apart });
            }
        }

        return result;
    }

    /// <summary>
    /// The indicators over the complaints opened on the Taiwan days <paramref name="firstDay"/> to <paramref name="lastDay"/>
    /// (both included); the units shipped are those of the months starting in the period.
    /// </summary>
    public static async Task<ComplaintYearKpi> PeriodAsync(PortalDbContext db, DateOnly firstDay, DateOnly lastDay, CancellationToken ct)
    {
        var excluded = await ExcludedTopicIdsAsync(db, ct);
        var range = TaiwanTime.Days(firstDay, lastDay);
        var row = await Sums(Counted(db, range, excluded).GroupBy(c => 0)).SingleOrDefaultAsync(ct);
        var shipped = (await ShippedAsync(db, firstDay, lastDay, ct)).Values.Sum();
        var apart = await ExcludedCountAsync(db, range, excluded, ct);
        return (row?.Kpi(firstDay.Year, shipped) ?? new ComplaintYearKpi(firstDay.Year, 0, 0, 0, null, shipped, 0)) with { ExcludedComplaints = apart };
    }

    /// <summary>The indicators per channel of the complaints opened on the Taiwan days <paramref name="firstDay"/> to <paramref name="lastDay"/> (no shipped volumes).</summary>
    public static async Task<IReadOnlyList<(ComplaintChannel Channel, ComplaintYearKpi Figures)>> ChannelsAsync(PortalDbContext db, DateOnly firstDay, DateOnly lastDay, CancellationToken ct)
    {
        var excluded = await ExcludedTopicIdsAsync(db, ct);
        var rows = await Sums(Counted(db, TaiwanTime.Days(firstDay, lastDay), excluded).GroupBy(c => (int)c.Channel)).ToListAsync(ct);
        return Enum.GetValues<ComplaintChannel>()
            .Select(channel => (channel, rows.FirstOrDefault(r => r.Key == (int)channel)?.Kpi(firstDay.Year, 0) ?? new ComplaintYearKpi(firstDay.Year, 0, 0, 0, null, 0, 0))).ToList();
    }

    /// <summary>Complaints per topic (category) and Taiwan year, largest first within each year.</summary>
    public static Task<IReadOnlyList<TopicFigure>> TopicsAsync(PortalDbContext db, int fromYear, int toYear, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(toYear, fromYear);
        return TopicsAsync(db, new DateOnly(fromYear, 1, 1), new DateOnly(toYear, 12, 31), ct);
    }

    /// <summary>Complaints per topic (category) and Taiwan year of the complaints opened on the Taiwan days <paramref name="firstDay"/> to <paramref name="lastDay"/>.</summary>
    public static async Task<IReadOnlyList<TopicFigure>> TopicsAsync(PortalDbContext db, DateOnly firstDay, DateOnly lastDay, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var counts = new List<(int Year, int CategoryId, int Count)>();
        for (var year = firstDay.Year; year <= lastDay.Year; year++)
        {
            var from = year == firstDay.Year ? firstDay : new DateOnly(year, 1, 1);
            var to = year == lastDay.Year ? lastDay : new DateOnly(year, 12, 31);
            var rows = await Opened(db, TaiwanTime.Days(from, to)).GroupBy(c => c.CategoryId)
                .Select(g => new { CategoryId = g.Key, Count = g.Count() }).ToListAsync(ct);
            counts.AddRange(rows.Select(r => (year, r.CategoryId, r.Count)));
        }

        var zh = CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.Ordinal);
        var categories = await db.ComplaintCategories.AsNoTracking()
            .ToDictionaryAsync(c => c.Id, c => new { c.Code, Name = zh ? c.NameZh : c.NameEn, c.SortOrder, c.ExcludedFromStatistics }, ct);
        return counts.OrderBy(c => c.Year).ThenByDescending(c => c.Count)
            .Select(c => categories.TryGetValue(c.CategoryId, out var k)
                ? new TopicFigure(c.Year, c.CategoryId, k.Code, k.Name, k.SortOrder, c.Count, k.ExcludedFromStatistics)
                : new TopicFigure(c.Year, c.CategoryId, "?", "?", int.MaxValue, c.Count)).ToList();
    }

    /// <summary>Per Taiwan month of opening (first days): opened, closed, and closed within the target, as <see cref="YearsAsync"/> counts a year.</summary>
    public static async Task<IReadOnlyList<ComplaintMonthSums>> MonthsAsync(PortalDbContext db, IEnumerable<DateOnly> months, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(months);
        // One range aggregate per month reads the (Kind, OpenedUtc, ClosedUtc, ClosedWithinTarget) index in order; grouping a
        // year by a month expression (a date function or a CASE per row) sorted 300,000 rows and took three to five times longer.
        var excluded = await ExcludedTopicIdsAsync(db, ct);
        var result = new List<ComplaintMonthSums>();
        foreach (var month in months)
        {
            var sums = await Counted(db, TaiwanTime.Month(month.Year, month.Month), excluded)
                .GroupBy(c => 1)
                .Select(g => new { Opened = g.Count(), Closed = g.Count(c => c.ClosedUtc != null), Within = g.Count(c => c.ClosedWithinTarget == true) })
                .FirstOrDefaultAsync(ct);
            result.Add(new ComplaintMonthSums(new DateOnly(month.Year, month.Month, 1), sums?.Opened ?? 0, sums?.Closed ?? 0, sums?.Within ?? 0));
        }

        return result;
    }

    /// <summary>Suppliers with the most quality complaints closed in a Taiwan month: candidates for the monthly spot check (祕密警察).</summary>
    public static async Task<IReadOnlyList<(int SupplierId, int QualityComplaints)>> QualityComplaintsBySupplierAsync(PortalDbContext db, DateOnly month, int take, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var range = TaiwanTime.Month(month.Year, month.Month);
        var rows = await db.Complaints.AsNoTracking()
            .Where(c => c.RootCause == RootCause.QualityDefect && c.SupplierId != null && c.ClosedUtc >= range.FromUtc && c.ClosedUtc < range.ToUtc)
            .GroupBy(c => c.SupplierId!.Value)
            .Select(g => new { SupplierId = g.Key, Count = g.Count() })
            .OrderByDescending(g => g.Count).ThenBy(g => g.SupplierId).Take(take)
            .ToListAsync(ct);
        return rows.Select(r => (r.SupplierId, r.Count)).ToList();
    }

    private static Task<Dictionary<DateOnly, long>> ShippedAsync(PortalDbContext db, DateOnly firstDay, DateOnly lastDay, CancellationToken ct) =>
        OperatingFigures.ShippedByMonthAsync(db, firstDay, lastDay, ct);

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
}
