using EasternSelect.Data;
using EasternSelect.Domain.Casework;
using EasternSelect.Domain.Common;
using Figures = EasternSelect.Data.Queries.GrievanceFigures;

namespace EasternSelect.Portal.Features.Casework.Grievances;

/// <summary>The grievance figure definitions now live in <see cref="Figures"/>; these members keep older callers compiling.</summary>
public static class GrievanceFigures
{
    public static IQueryable<Grievance> Opened(PortalDbContext db, DateTime fromUtc, DateTime toUtc) => Figures.Opened(db, new UtcRange(fromUtc, toUtc));

    /// <summary>The Taiwan calendar year as a UTC range (deconstructs to (from, to)).</summary>
    public static UtcRange Year(int year) => TaiwanTime.Year(year);

    public static IQueryable<Grievance> Where(
        IQueryable<Grievance> grievances, GrievanceTopic? topic, GrievanceOutcome? outcome, bool? concluded, GrievanceSource? source, bool? closed, bool? closedWithinTarget) =>
        Figures.Where(grievances, topic, outcome, concluded, source, closed, closedWithinTarget);

    public static Task<Data.Queries.GrievanceFiguresSet> YearAsync(PortalDbContext db, int year, CancellationToken ct) => Figures.YearAsync(db, year, ct);
}
