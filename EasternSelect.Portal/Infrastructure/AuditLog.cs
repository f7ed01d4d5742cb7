using EasternSelect.Data;
using EasternSelect.Data.Auditing;
using EasternSelect.Domain.Auditing;
using Microsoft.EntityFrameworkCore;

namespace EasternSelect.Portal.Infrastructure;

/// <summary>Writes audit entries for events that are not data changes: sign-in, failed sign-in, sign-out, exports, unmasking.</summary>
public sealed class AuditLog(IDbContextFactory<PortalDbContext> contexts, TimeProvider time)
{
    public async Task WriteAsync(AuditAction action, AuditActor actor, string subject, string? key = null, string? detail = null, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        db.AuditEntries.Add(new AuditEntry
        {
            OccurredUtc = time.GetUtcNow().UtcDateTime,
            UserId = actor.UserId,
            UserName = actor.UserName,
            IpAddress = actor.IpAddress,
            Action = action,
            EntityType = subject,
            EntityKey = key,
            Detail = detail,
        });
        await db.SaveChangesAsync(ct);
    }
}

public sealed class DatabaseHealthCheck(PortalDatabase database) : Microsoft.Extensions.Diagnostics.HealthChecks.IHealthCheck
{
    public async Task<Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult> CheckHealthAsync(
        Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = database.Create(AuditActor.System);
            return await db.Database.CanConnectAsync(cancellationToken) && await db.Roles.AnyAsync(cancellationToken)
                ? Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Healthy()
                : Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Unhealthy("The database does not answer.");
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.Data.Common.DbException)
        {
            return Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Unhealthy("The database does not answer.", ex);
        }
    }
}
