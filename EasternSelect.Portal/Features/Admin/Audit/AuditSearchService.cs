using EasternSelect.Data;
using EasternSelect.Domain.Auditing;
using EasternSelect.Portal.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace EasternSelect.Portal.Features.Admin.Audit;

public sealed record AuditFilter(string? UserName, string? EntityType, AuditAction? Action, DateTime? FromUtc, DateTime? ToUtc);

public sealed record AuditRow(long Id, DateTime OccurredUtc, string UserName, AuditAction Action, string EntityType, string? EntityKey, string? Changes, string? Detail, string? IpAddress);

public sealed record AuditPage(IReadOnlyList<AuditRow> Rows, int Total);

public sealed class AuditSearchService(IDbContextFactory<PortalDbContext> contexts, PolicyGuard guard)
{
    public async Task<AuditPage> SearchAsync(AuditFilter filter, int page, int pageSize, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.Administration);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.UserName))
        {
            query = query.Where(a => a.UserName.Contains(filter.UserName.Trim()));
        }

        if (!string.IsNullOrWhiteSpace(filter.EntityType))
        {
            query = query.Where(a => a.EntityType == filter.EntityType);
        }

        if (filter.Action is { } action)
        {
            query = query.Where(a => a.Action == action);
        }

        if (filter.FromUtc is { } from)
        {
            query = query.Where(a => a.OccurredUtc >= from);
        }

        if (filter.ToUtc is { } to)
        {
            query = query.Where(a => a.OccurredUtc < to);
        }

        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(a => a.Id)
            .Skip(page * pageSize).Take(pageSize)
            .Select(a => new AuditRow(a.Id, a.OccurredUtc, a.UserName, a.Action, a.EntityType, a.EntityKey, a.Changes, a.Detail, a.IpAddress))
            .ToListAsync(ct);
        return new AuditPage(rows, total);
    }

    public async Task<IReadOnlyList<string>> EntityTypesAsync(CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.Administration);
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.AuditEntries.Select(a => a.EntityType).Distinct().OrderBy(t => t).ToListAsync(ct);
    }
}
