using EasternSelect.Data;

namespace EasternSelect.Portal.Infrastructure;

/// <summary>
/// Runs a whole command once more when the database was briefly busy, and answers with
/// <see cref="BusyKey"/> when it is still busy. Only for commands that open their own context and save in
/// one SaveChanges or transaction, so a failed try left nothing behind.
/// </summary>
public static class TransientRetry
{
    public const string BusyKey = "Common.DatabaseBusy";

    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(300);

    public static async Task<Result> RunAsync(Func<Task<Result>> command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        return await RunAsync(command, () => Result.Fail(BusyKey), ct);
    }

    /// <summary>As <see cref="RunAsync(Func{Task{Result}}, CancellationToken)"/> for commands with their own answer; <paramref name="busy"/> builds the one to give when the database stays busy.</summary>
    public static async Task<T> RunAsync<T>(Func<Task<T>> command, Func<T> busy, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(busy);
        try
        {
            return await command();
        }
        catch (Exception e) when (TransientDatabaseError.Is(e) && !ct.IsCancellationRequested)
        {
            await Task.Delay(Pause, ct);
        }

        try
        {
            return await command();
        }
        catch (Exception e) when (TransientDatabaseError.Is(e) && !ct.IsCancellationRequested)
        {
            return busy();
        }
    }
}
