using EasternSelect.Data;

namespace EasternSelect.Portal.Infrastructure.Security;

/// <summary>What the throttle says about a sign-in attempt before the password is checked.</summary>
public sealed record SignInVerdict(bool Allowed, bool LockedOut, TimeSpan RetryAfter)
{
    public static readonly SignInVerdict Go = new(true, false, TimeSpan.Zero);
}

/// <summary>
/// Sign-in throttling per client address and per address + account (docs/decisions/0008): a stranger's
/// failures lock the account only for the stranger's address, so they cannot lock a real person out.
/// Settings under Security:SignInThrottle.
/// </summary>
public sealed class SignInThrottle(ThrottleStore store, IConfiguration configuration)
{
    private int PairFailures => configuration.GetValue("Security:MaxFailedSignIns", 5);

    private TimeSpan PairLock => TimeSpan.FromMinutes(configuration.GetValue("Security:LockoutMinutes", 15.0));

    private int AddressFreeFailures => configuration.GetValue("Security:SignInThrottle:AddressFreeFailures", 20);

    private double AddressBaseDelaySeconds => configuration.GetValue("Security:SignInThrottle:AddressBaseDelaySeconds", 5.0);

    private TimeSpan AddressMaxDelay => TimeSpan.FromMinutes(configuration.GetValue("Security:SignInThrottle:AddressMaxDelayMinutes", 15.0));

    /// <summary>Counters forget failures after this long without a new one.</summary>
    private TimeSpan Window => TimeSpan.FromHours(configuration.GetValue("Security:SignInThrottle:WindowHours", 1.0));

    public async Task<SignInVerdict> CheckAsync(string? address, string email, CancellationToken ct = default)
    {
        var now = store.Now;
        var pair = await store.FindAsync(PairKey(address, email), ct);
        if (pair?.BlockedUntilUtc > now)
        {
            return new SignInVerdict(false, true, pair.BlockedUntilUtc.Value - now);
        }

        var client = await store.FindAsync(AddressKey(address), ct);
        return client?.BlockedUntilUtc > now ? new SignInVerdict(false, false, client.BlockedUntilUtc.Value - now) : SignInVerdict.Go;
    }

    /// <summary>Counts a wrong password; answers whether this address + account pair is now locked.</summary>
    public async Task<bool> FailedAsync(string? address, string email, CancellationToken ct = default)
    {
        var pair = await store.UpdateAsync(PairKey(address, email), (c, now) =>
        {
            Forget(c, now);
            c.Count++;
            if (c.Count >= PairFailures)
            {
                // Each further lock of the same pair lasts twice as long (15, 30, 60 … minutes, at most a day).
                var minutes = Math.Min(PairLock.TotalMinutes * Math.Pow(2, c.Blocks), TimeSpan.FromDays(1).TotalMinutes);
                c.BlockedUntilUtc = now.AddMinutes(minutes);
                c.Blocks++;
                c.Count = 0;
            }
        }, ct);

        await store.UpdateAsync(AddressKey(address), (c, now) =>
        {
            Forget(c, now);
            c.Count++;
            var over = c.Count - AddressFreeFailures;
            if (over > 0)
            {
                // Past the free failures each one doubles the wait: 5, 10, 20 … seconds, at most AddressMaxDelay.
                var seconds = Math.Min(AddressBaseDelaySeconds * Math.Pow(2, Math.Min(over - 1, 30)), AddressMaxDelay.TotalSeconds);
                c.BlockedUntilUtc = now.AddSeconds(seconds);
            }
        }, ct);

        return pair.BlockedUntilUtc > store.Now;
    }

    /// <summary>A correct password ends the pair's count (the address keeps its own).</summary>
    public Task SucceededAsync(string? address, string email, CancellationToken ct = default) =>
        store.RemoveAsync(PairKey(address, email), ct);

    private void Forget(ThrottleCounter counter, DateTime now)
    {
        if (now - counter.UpdatedUtc > Window && !(counter.BlockedUntilUtc > now))
        {
            counter.Count = 0;
            counter.Blocks = 0;
            counter.WindowStartUtc = now;
        }
    }

    private static string AddressKey(string? address) => "signin-address:" + (address ?? "unknown");

    private static string PairKey(string? address, string email) =>
        "signin-pair:" + (address ?? "unknown") + "|" + email.Trim().ToUpperInvariant();
}
