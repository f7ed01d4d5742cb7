using System.Diagnostics;
using System.Globalization;

namespace EasternSelect.Benchmarks;

/// <summary>The one timing loop of every benchmark: a warm-up call, then <c>runs</c> timed calls, printed as median and maximum.</summary>
internal static class Timing
{
    public static async Task MeasureAsync<T>(string name, Func<Task<T>> query, int runs)
    {
        var first = Stopwatch.StartNew();
        var result = await query();
        first.Stop();
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            result = await query();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        var size = result is byte[] bytes ? string.Create(CultureInfo.InvariantCulture, $"   {bytes.Length:N0} bytes") : "";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-56} first {first.Elapsed.TotalMilliseconds,8:F1} ms   median {times[times.Count / 2],8:F1} ms   max {times[^1],8:F1} ms{size}"));
    }

    public static int RunsArgument(string[] args, int index, int fallback) =>
        args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;
}
