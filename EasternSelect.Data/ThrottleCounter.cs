namespace EasternSelect.Data;

/// <summary>
/// A failure or request counter for one key (client address, address + account, or a public form's
/// address), kept in the database so every portal instance sees the same count.
/// </summary>
public sealed class ThrottleCounter
{
    public const int KeyLength = 300;

    public string Key { get; set; } = string.Empty;

    /// <summary>Failures (sign-in) or requests (public forms) counted since <see cref="WindowStartUtc"/>.</summary>
    public int Count { get; set; }

    public DateTime WindowStartUtc { get; set; }

    /// <summary>No attempt is allowed for this key before this time.</summary>
    public DateTime? BlockedUntilUtc { get; set; }

    /// <summary>How many times this key was blocked in the current window: each block lasts longer.</summary>
    public int Blocks { get; set; }

    public DateTime UpdatedUtc { get; set; }
}
