namespace EasternSelect.Tests.Shared;

/// <summary>Real time plus an offset the test moves forward, so a browser walk can reach the next month (authenticator codes stay valid until then).</summary>
public sealed class MovableClock : TimeProvider
{
    private TimeSpan _offset;

    public override DateTimeOffset GetUtcNow() => DateTimeOffset.UtcNow + _offset;

    /// <summary>Moves the clock so that it now reads <paramref name="utc"/>, then runs on from there.</summary>
    public void MoveTo(DateTimeOffset utc) => _offset = utc - DateTimeOffset.UtcNow;
}
