using EasternSelect.Data;
using EasternSelect.Domain.Auditing;
using Microsoft.EntityFrameworkCore;

namespace EasternSelect.Portal.Components.Shared;

/// <summary>A change to a reference table for a page's history (from the audit log).</summary>
public sealed record ReferenceChange(DateTime OccurredUtc, string UserName, AuditAction Action, string? EntityKey, string? Changes, string? Detail);

/// <summary>The audit trail of a reference table, newest first: the history the reference pages show (callers check their policy).</summary>
public static class ReferenceHistory
{
    public const int Take = 50;

    public static async Task<IReadOnlyList<ReferenceChange>> ForAsync(PortalDbContext db, string entityType, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == entityType).OrderByDescending(a => a.Id).Take(Take)
            .Select(a => new ReferenceChange(a.OccurredUtc, a.UserName, a.Action, a.EntityKey, a.Changes, a.Detail)).ToListAsync(ct);
    }
}
