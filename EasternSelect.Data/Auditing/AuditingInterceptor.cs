using System.Security.Cryptography;
using System.Text.Json;
using EasternSelect.Domain.Auditing;
using EasternSelect.Domain.Common;
using EasternSelect.Domain.Privacy;
using EasternSelect.Domain.Reporting;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using IdentityPersonalData = Microsoft.AspNetCore.Identity.PersonalDataAttribute;
using PersonalDataAttribute = EasternSelect.Domain.Privacy.PersonalDataAttribute;

namespace EasternSelect.Data.Auditing;

/// <summary>
/// Stamps concurrency versions and timestamps, and writes an <see cref="AuditEntry"/> for every
/// create, update and delete in the same transaction as the change (nothing is saved unaudited).
/// Personal data is masked in the log; secrets are never written.
/// </summary>
public sealed class AuditingInterceptor(TimeProvider time) : SaveChangesInterceptor
{
    private static readonly HashSet<string> SecretProperties =
    [
        nameof(IdentityUser.PasswordHash), nameof(IdentityUser.SecurityStamp), nameof(IdentityUser.ConcurrencyStamp),
        nameof(IdentityUserToken<string>.Value), nameof(AggregateRoot.Version),
    ];

    // Keep Chinese readable (and searchable) in the log instead of \uXXXX escapes.
    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All) };

    internal sealed record PendingAudit(List<(EntityEntry? Entry, AuditEntry Audit)> Entries, IDbContextTransaction? OwnTransaction);

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (Prepare(eventData.Context) is { } db && db.PendingAudit is { Entries.Count: > 0 } && db.Database.CurrentTransaction is null)
        {
            db.PendingAudit = db.PendingAudit with { OwnTransaction = db.Database.BeginTransaction() };
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (Prepare(eventData.Context) is { } db && db.PendingAudit is { Entries.Count: > 0 } && db.Database.CurrentTransaction is null)
        {
            db.PendingAudit = db.PendingAudit with { OwnTransaction = await db.Database.BeginTransactionAsync(cancellationToken) };
        }

        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is PortalDbContext { PendingAudit: { } pending } db)
        {
            db.PendingAudit = null;
            db.AuditEntries.AddRange(Complete(pending));
            db.SaveChanges();
            if (pending.OwnTransaction is { } tx)
            {
                tx.Commit();
                tx.Dispose();
            }
        }

        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(
        SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is PortalDbContext { PendingAudit: { } pending } db)
        {
            db.PendingAudit = null;
            db.AuditEntries.AddRange(Complete(pending));
            await db.SaveChangesAsync(cancellationToken);
            if (pending.OwnTransaction is { } tx)
            {
                await tx.CommitAsync(cancellationToken);
                await tx.DisposeAsync();
            }
        }

        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Abandon(eventData.Context);

    // A concurrency conflict does not reach SaveChangesFailed: without this the transaction stays open
    // and a retry on the same context saves into it and is never committed.
    public override InterceptionResult ThrowingConcurrencyException(ConcurrencyExceptionEventData eventData, InterceptionResult result)
    {
        Abandon(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult> ThrowingConcurrencyExceptionAsync(
        ConcurrencyExceptionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        Abandon(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Abandon(eventData.Context);
        return Task.CompletedTask;
    }

    private static void Abandon(DbContext? context)
    {
        if (context is PortalDbContext { PendingAudit: { } pending } db)
        {
            db.PendingAudit = null;
            pending.OwnTransaction?.Rollback();
            pending.OwnTransaction?.Dispose();
        }
    }

    private PortalDbContext? Prepare(DbContext? context)
    {
        if (context is not PortalDbContext db)
        {
            return null;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var entries = new List<(EntityEntry?, AuditEntry)>();
        foreach (var entry in db.ChangeTracker.Entries().ToList())
        {
            if (entry.Entity is AuditEntry)
            {
                if (entry.State is EntityState.Modified or EntityState.Deleted)
                {
                    throw new InvalidOperationException("The audit log is append-only: audit entries cannot be changed or deleted.");
                }

                continue;
            }

            if (entry.Entity is EsgSnapshot && entry.State is (EntityState.Modified or EntityState.Deleted))
            {
                throw new InvalidOperationException("A frozen ESG snapshot is a published report: it cannot be changed or deleted.");
            }

            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            Stamp(entry, now);
            if (!db.AuditSuppressed && entry.Entity is not (DataProtectionKey or ThrottleCounter))
            {
                entries.Add((entry, Describe(entry, db.Actor, now)));
            }
        }

        db.PendingAudit = entries.Count > 0 ? new PendingAudit(entries, null) : null;
        return db;
    }

    private static void Stamp(EntityEntry entry, DateTime now)
    {
        if (entry.Entity is not AggregateRoot aggregate)
        {
            return;
        }

        if (entry.State == EntityState.Added)
        {
            aggregate.CreatedUtc = now;
            aggregate.UpdatedUtc = now;
            aggregate.Version = Guid.NewGuid();
        }
        else if (entry.State == EntityState.Modified)
        {
            aggregate.UpdatedUtc = now;
            // The original value stays in the WHERE clause; the new one marks this save.
            entry.Property(nameof(AggregateRoot.Version)).CurrentValue = Guid.NewGuid();
        }
    }

    private static AuditEntry Describe(EntityEntry entry, AuditActor actor, DateTime now)
    {
        var action = entry.State switch
        {
            EntityState.Added => AuditAction.Create,
            EntityState.Deleted => AuditAction.Delete,
            _ => AuditAction.Update,
        };

        var changes = new Dictionary<string, object?>();
        foreach (var property in entry.Properties)
        {
            var name = property.Metadata.Name;
            if (SecretProperties.Contains(name) || property.Metadata.IsShadowProperty() && name != "Discriminator")
            {
                continue;
            }

            // A temporary value is a placeholder for a database-generated key; EntityKey gets the real one.
            if (property.IsTemporary || action == AuditAction.Update && !property.IsModified)
            {
                continue;
            }

            var kind = PersonalDataKindOf(property.Metadata.PropertyInfo);
            object? Show(object? v) => v is byte[] bytes ? Fingerprint(bytes) : kind is { } k ? PersonalDataMask.Mask(k, v?.ToString()) : v;
            changes[name] = action switch
            {
                AuditAction.Create => Show(property.CurrentValue),
                AuditAction.Delete => Show(property.OriginalValue),
                _ => new { old = Show(property.OriginalValue), @new = Show(property.CurrentValue) },
            };
        }

        return new AuditEntry
        {
            OccurredUtc = now,
            UserId = actor.UserId,
            UserName = actor.UserName,
            IpAddress = actor.IpAddress,
            Action = action,
            EntityType = entry.Metadata.ClrType.Name,
            EntityKey = KeyOf(entry),
            Changes = changes.Count > 0 ? JsonSerializer.Serialize(changes, JsonOptions) : null,
        };
    }

    // File content never enters the log: its length and SHA-256 prove which bytes were stored.
    private static object Fingerprint(byte[] bytes) => new { length = bytes.LongLength, sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)) };

    private static IEnumerable<AuditEntry> Complete(PendingAudit pending)
    {
        foreach (var (entry, audit) in pending.Entries)
        {
            // Keys generated by the database are known only after the save.
            if (entry is not null && audit.Action == AuditAction.Create)
            {
                audit.EntityKey = KeyOf(entry);
            }

            yield return audit;
        }
    }

    private static string? KeyOf(EntityEntry entry)
    {
        var key = entry.Metadata.FindPrimaryKey();
        return key is null
            ? null
            : string.Join(",", key.Properties.Select(p => Convert.ToString(entry.Property(p.Name).CurrentValue, System.Globalization.CultureInfo.InvariantCulture)));
    }

    private static PersonalDataKind? PersonalDataKindOf(System.Reflection.PropertyInfo? property)
    {
        if (property is null)
        {
            return null;
        }

        if (property.GetCustomAttributes(typeof(PersonalDataAttribute), true).FirstOrDefault() is PersonalDataAttribute ours)
        {
            return ours.Kind;
        }

        // Identity's own personal-data markers (user name, e-mail, phone of staff accounts).
        if (property.IsDefined(typeof(IdentityPersonalData), true) && property.Name != nameof(IdentityUser.Id)
            || property.Name is nameof(IdentityUser.NormalizedEmail) or nameof(IdentityUser.NormalizedUserName))
        {
            return property.Name.Contains("Email", StringComparison.Ordinal) || property.Name.Contains("UserName", StringComparison.Ordinal)
                ? PersonalDataKind.Email
                : property.Name.Contains("Phone", StringComparison.Ordinal) ? PersonalDataKind.Phone : PersonalDataKind.Name;
        }

        return null;
    }
}
