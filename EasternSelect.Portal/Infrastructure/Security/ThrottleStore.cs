using EasternSelect.Data;
using EasternSelect.Data.Auditing;
using Microsoft.EntityFrameworkCore;

namespace EasternSelect.Portal.Infrastructure.Security;

/// <summary>
/// Counters in the database (table ThrottleCounters), so every portal instance behind the load balancer
/// counts the same failures and requests. One short-lived context per call.
/// </summary>
public sealed class ThrottleStore(PortalDatabase database, TimeProvider time)
{
    /// <summary>Counters untouched for this long are deleted by <see cref="CleanupAsync"/>.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromDays(1);

    public DateTime Now => time.GetUtcNow().UtcDateTime;

    public async Task<ThrottleCounter?> FindAsync(string key, CancellationToken ct = default)
    {
        await using var db = database.Create(AuditActor.System);
        return await db.ThrottleCounters.AsNoTracking().FirstOrDefaultAsync(c => c.Key == Trim(key), ct);
    }

    /// <summary>Reads, changes and saves one counter in a transaction; a counter first written by a parallel request is retried once.</summary>
    public async Task<ThrottleCounter> UpdateAsync(string key, Action<ThrottleCounter, DateTime> change, CancellationToken ct = default)
    {
        for (var attempt = 0; ; attempt++)
        {
            await using var db = database.Create(AuditActor.System);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var counter = await db.ThrottleCounters.FirstOrDefaultAsync(c => c.Key == Trim(key), ct);
            var now = Now;
            if (counter is null)
            {
                counter = new ThrottleCounter { Key = Trim(key), WindowStartUtc = now, UpdatedUtc = now };
                db.ThrottleCounters.Add(counter);
            }

            change(counter, now);
            counter.UpdatedUtc = now;
            try
            {
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                return counter;
            }
            catch (DbUpdateException) when (attempt == 0)
            {
                await transaction.RollbackAsync(ct);
            }
        }
    }

    public async Task RemoveAsync(string key, CancellationToken ct = default)
    {
        await using var db = database.Create(AuditActor.System);
        await db.ThrottleCounters.Where(c => c.Key == Trim(key)).ExecuteDeleteAsync(ct);
    }

    public async Task<int> CleanupAsync(CancellationToken ct = default)
    {
        var before = Now - Retention;
        await using var db = database.Create(AuditActor.System);
        return await db.ThrottleCounters.Where(c => c.UpdatedUtc < before).ExecuteDeleteAsync(ct);
    }

    private static string Trim(string key) => key.Length <= ThrottleCounter.KeyLength ? key : key[..ThrottleCounter.KeyLength];
}

/// <summary>Deletes stale throttle counters once an hour.</summary>
public sealed class ThrottleCleanup(ThrottleStore store, ILogger<ThrottleCleanup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await store.CleanupAsync(stoppingToken);
            }
            catch (DbUpdateException ex)
            {
                logger.LogWarning(ex, "Throttle counter cleanup failed; it runs again in an hour.");
            }
        }
    }
}
