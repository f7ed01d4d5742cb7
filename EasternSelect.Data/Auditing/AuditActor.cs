namespace EasternSelect.Data.Auditing;

/// <summary>Who is acting, as written to the audit log.</summary>
public sealed record AuditActor(string? UserId, string UserName, string? IpAddress = null)
{
    public static readonly AuditActor System = new(null, "system");

    public static readonly AuditActor Anonymous = new(null, "anonymous");
}

/// <summary>The person behind the current request or circuit. The portal implements it.</summary>
public interface ICurrentUser
{
    AuditActor Actor { get; }
}
