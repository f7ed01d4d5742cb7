namespace EasternSelect.Domain.Auditing;

/// <summary>One line of the append-only audit log. Never updated or deleted.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    public DateTime OccurredUtc { get; set; }

    /// <summary>The acting user's id, or null for the system (seeding, background jobs) and anonymous users.</summary>
    public string? UserId { get; set; }

    /// <summary>The acting user's sign-in name at the time, or "system" / "anonymous".</summary>
    public string UserName { get; set; } = string.Empty;

    public AuditAction Action { get; set; }

    /// <summary>The entity type (for data changes) or the subject of an event.</summary>
    public string EntityType { get; set; } = string.Empty;

    public string? EntityKey { get; set; }

    /// <summary>JSON object of changed fields: { "Field": { "old": …, "new": … } }, personal data masked.</summary>
    public string? Changes { get; set; }

    public string? Detail { get; set; }

    public string? IpAddress { get; set; }
}

public enum AuditAction
{
    Create,
    Update,
    Delete,
    SignIn,
    SignInFailed,
    SignOut,
    LockedOut,
    ViewPersonalData,
    Export,
    Seed,
    /// <summary>Someone opened a stored file (a case attachment, review document, contract or inspection photo).</summary>
    Download,
}
