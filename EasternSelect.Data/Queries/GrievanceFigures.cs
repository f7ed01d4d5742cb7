using EasternSelect.Domain.Casework;
using EasternSelect.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace EasternSelect.Data.Queries;

/// <summary>One group of a period's grievances: how many, and the closure hours summed over the closed ones.</summary>
public sealed record GrievanceGroup(GrievanceTopic Topic, GrievanceOutcome? Outcome, GrievanceSource Source, bool Closed, bool ClosedWithinTarget, int Count, double HandlingHours);

/// <summary>
/// A period's grievances in groups, aggregated in SQL, and the figures the reports show. Definitions: a grievance
/// belongs to the Taiwan period it was opened in; closed = has a closing time (a reopened case is open again);
/// closed within target = closed by the due date stamped when it was opened; closure time = the average hours from
/// opening to closing of the closed ones, in days. No identity, subject or content ever leaves here (保護您).
/// </summary>
public sealed record GrievanceFiguresSet(IReadOnlyList<GrievanceGroup> Groups)
{
    public int Received => Groups.Sum(g => g.Count);

    public int Closed => Groups.Where(g => g.Closed).Sum(g => g.Count);

    public int ClosedWithinTarget => Groups.Where(g => g.ClosedWithinTarget).Sum(g => g.Count);

    public double? AverageClosureDays => AverageClosureDaysOf(null);

    /// <summary>The average closure time in days of the closed grievances (of one topic when given).</summary>
    public double? AverageClosureDaysOf(GrievanceTopic? topic)
    {
        var closed = Groups.Where(g => g.Closed && (topic is null || g.Topic == topic)).ToList();
        var count = closed.Sum(g => g.Count);
        return count == 0 ? null : Math.Round(closed.Sum(g => g.HandlingHours) / count / 24, 1);
    }

    /// <summary>The count of one cell: null arguments do not filter; <paramref name="concluded"/> false means no outcome yet.</summary>
    public int Count(GrievanceTopic? topic = null, GrievanceOutcome? outcome = null, bool? concluded = null, GrievanceSource? source = null, bool? closed = null) =>
        Groups.Where(g => (topic is null || g.Topic == topic) && (outcome is null || g.Outcome == outcome)
            && (concluded is null || (g.Outcome is not null) == concluded) && (source is null || g.Source == source)
            && (closed is null || g.Closed == closed)).Sum(g => g.Count);
}

/// <summary>
/// The grievance figures of the ESG chapter, the grievance report, the yearly counts and the dashboards (unread
/// grievances); callers check their own policy.
/// </summary>
public static class GrievanceFigures
{
    /// <summary>The grievances opened in the range.</summary>
    public static IQueryable<Grievance> Opened(PortalDbContext db, UtcRange range)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Grievances.AsNoTracking().Where(g => g.OpenedUtc >= range.FromUtc && g.OpenedUtc < range.ToUtc);
    }

    /// <summary>
    /// Open grievances the person has not read since their last change (<see cref="GrievanceDigestRule.IsUnread"/> in SQL):
    /// the digest lists them, the dashboards count them.
    /// </summary>
    public static IQueryable<Grievance> UnreadBy(PortalDbContext db, string? userId)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Grievances.AsNoTracking().Where(g => g.Status != CaseStatus.Closed
            && !db.GrievanceReads.Any(r => r.GrievanceId == g.Id && r.UserId == userId && r.ReadUtc >= g.LastActivityUtc));
    }

    /// <summary>The filter of one figure, the same as <see cref="GrievanceFiguresSet.Count"/> (the drill-down lists use it).</summary>
    public static IQueryable<Grievance> Where(
        IQueryable<Grievance> grievances, GrievanceTopic? topic, GrievanceOutcome? outcome, bool? concluded, GrievanceSource? source, bool? closed, bool? closedWithinTarget)
    {
        ArgumentNullException.ThrowIfNull(grievances);
        if (topic is { } t)
        {
            grievances = grievances.Where(g => g.Topic == t);
        }

        if (outcome is { } o)
        {
            grievances = grievances.Where(g => g.Outcome == o);
        }

        if (concluded is { } c)
        {
            grievances = c ? grievances.Where(g => g.Outcome != null) : grievances.Where(g => g.Outcome == null);
        }

        if (source is { } s)
        {
            grievances = grievances.Where(g => g.Source == s);
        }

        if (closed is { } cl)
        {
            grievances = cl ? grievances.Where(g => g.ClosedUtc != null) : grievances.Where(g => g.ClosedUtc == null);
        }

        if (closedWithinTarget is { } w)
        {
            grievances = w ? grievances.Where(g => g.ClosedWithinTarget == true) : grievances.Where(g => g.ClosedUtc != null && g.ClosedWithinTarget != true);
        }

        return grievances;
    }

    public static async Task<GrievanceFiguresSet> PeriodAsync(PortalDbContext db, UtcRange range, CancellationToken ct)
    {
        var groups = await Opened(db, range)
            .GroupBy(g => new { g.Topic, g.Outcome, g.Source, Closed = g.ClosedUtc != null, Within = g.ClosedWithinTarget == true })
            .Select(x => new { x.Key.Topic, x.Key.Outcome, x.Key.Source, x.Key.Closed, x.Key.Within, Count = x.Count(), Hours = x.Sum(g => g.HandlingHours ?? 0) })
            .ToListAsync(ct);
        return new GrievanceFiguresSet(groups.Select(g => new GrievanceGroup(g.Topic, g.Outcome, g.Source, g.Closed, g.Within, g.Count, g.Hours)).ToList());
    }

    /// <summary>The grievances opened in a Taiwan calendar year.</summary>
    public static Task<GrievanceFiguresSet> YearAsync(PortalDbContext db, int year, CancellationToken ct) => PeriodAsync(db, TaiwanTime.Year(year), ct);
}
