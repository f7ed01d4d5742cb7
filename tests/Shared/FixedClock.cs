namespace EasternSelect.Tests.Shared;

/// <summary>A clock that stands still, so "today", "this month" and the dashboard window are known to the test.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    /// <summary>Stands at a UTC time (stored times are UTC; Taipei is derived from it like in production).</summary>
    public FixedClock(DateTime utc)
        : this(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc), TimeSpan.Zero))
    {
    }

    public override DateTimeOffset GetUtcNow() => now;
}
