using EasternSelect.Data;
using EasternSelect.Data.Queries;
using EasternSelect.Domain.Casework;
using EasternSelect.Domain.Common;
using EasternSelect.Portal.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace EasternSelect.Portal.Features.Casework.Complaints;

public sealed record TopicCount(int Year, string Topic, int Count);

public sealed record SpotCheckCandidate(int SupplierId, string SupplierName, int QualityComplaints);

/// <summary>
/// The complaint KPI page: the indicators of <see cref="ComplaintFigures"/> (Taiwan years) behind the page's policy,
/// and spot-check candidates; the units shipped the complaint rate divides by are imported (/imports/operating-data).
/// </summary>
public sealed class ComplaintKpiService(IDbContextFactory<PortalDbContext> contexts, PolicyGuard guard)
{
    public async Task<IReadOnlyList<ComplaintYearKpi>> YearsAsync(int fromYear, int toYear, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.ComplaintKpis);
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await ComplaintFigures.YearsAsync(db, fromYear, toYear, ct);
    }

    /// <summary>Complaints per topic and year (近 3 年客戶主要反映內容), largest first within each year.</summary>
    public async Task<IReadOnlyList<TopicCount>> TopicsAsync(int fromYear, int toYear, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.ComplaintKpis);
        await using var db = await contexts.CreateDbContextAsync(ct);
        return (await ComplaintFigures.TopicsAsync(db, fromYear, toYear, ct)).Where(t => !t.Excluded).Select(t => new TopicCount(t.Year, t.Name, t.Count)).ToList();
    }

    /// <summary>The complaints opened in [<paramref name="fromUtc"/>, <paramref name="toUtc"/>) (<see cref="ComplaintFigures.Opened"/>).</summary>
    public static IQueryable<Complaint> Opened(PortalDbContext db, DateTime fromUtc, DateTime toUtc) => ComplaintFigures.Opened(db, new UtcRange(fromUtc, toUtc));

    public static IQueryable<Complaint> Closed(IQueryable<Complaint> complaints) => ComplaintFigures.Closed(complaints);

    public static IQueryable<Complaint> ClosedWithinTarget(IQueryable<Complaint> complaints) => ComplaintFigures.ClosedWithinTarget(complaints);

    public static IQueryable<Complaint> Online(IQueryable<Complaint> complaints, bool online = true) => ComplaintFigures.Online(complaints, online);

    public static IQueryable<Complaint> OnlineClosed(IQueryable<Complaint> complaints) => ComplaintFigures.OnlineClosed(complaints);

    /// <summary>Suppliers with the most quality complaints closed in a month: candidates for the monthly spot check (祕密警察).</summary>
    public async Task<IReadOnlyList<SpotCheckCandidate>> SpotCheckCandidatesAsync(DateOnly month, int take, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.ComplaintKpis);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var rows = await ComplaintFigures.QualityComplaintsBySupplierAsync(db, month, take, ct);
        var ids = rows.Select(r => r.SupplierId).ToList();
        var names = await db.Suppliers.AsNoTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        return rows.Select(r => new SpotCheckCandidate(r.SupplierId, names.GetValueOrDefault(r.SupplierId, "?"), r.QualityComplaints)).ToList();
    }
}
