using System.Globalization;
using EasternSelect.Data;
using EasternSelect.Data.Queries;
using EasternSelect.Domain.Casework;
using EasternSelect.Domain.Common;
using EasternSelect.Portal.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace EasternSelect.Portal.Features.Casework.Complaints;

public sealed record TopicCount(int Year, string Topic, int Count);

public sealed record ShippedMonth(DateOnly Month, int OrdersShipped);

public sealed record SpotCheckCandidate(int SupplierId, string SupplierName, int QualityComplaints);

/// <summary>
/// The complaint KPI page: the indicators of <see cref="ComplaintFigures"/> (Taiwan years) behind the page's policy,
/// spot-check candidates and the shipped volumes the complaint rate divides by.
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
}
