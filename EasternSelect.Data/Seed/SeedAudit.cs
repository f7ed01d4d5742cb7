using EasternSelect.Domain.Auditing;

namespace EasternSelect.Data.Seed;

/// <summary>
/// The one audit entry a seeder writes for what it added: seeders switch row-by-row auditing off for bulk inserts,
/// so this summary is the record that the rows came from a seed and not from a person.
/// </summary>
public static class SeedAudit
{
    /// <summary>Turns row auditing back on and saves a <see cref="AuditAction.Seed"/> entry at the clock's now.</summary>
    public static async Task WriteAsync(PortalDbContext db, TimeProvider clock, string entityType, string detail, CancellationToken ct)
    {
        db.AuditSuppressed = false;
        db.ChangeTracker.AutoDetectChangesEnabled = true;
        db.AuditEntries.Add(new AuditEntry
        {
            OccurredUtc = clock.GetUtcNow().UtcDateTime,
            UserName = db.Actor.UserName,
            UserId = db.Actor.UserId,
            Action = AuditAction.Seed,
            EntityType = entityType,
            Detail = detail,
        });
        await db.SaveChangesAsync(ct);
    }
}
