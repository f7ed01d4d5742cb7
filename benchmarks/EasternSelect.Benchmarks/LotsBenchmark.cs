using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using EasternSelect.Data;
using EasternSelect.Data.Auditing;
using EasternSelect.Domain.Sampling;
using EasternSelect.Domain.Security;
using EasternSelect.Portal.Features.Inspections.Lots;
using EasternSelect.Portal.Features.Inspections.Quality;
using EasternSelect.Portal.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EasternSelect.Benchmarks;

/// <summary>
/// Times the incoming-lot list, the streams list and the quality figures on a database filled by
/// <c>seed --scale full</c> (about 70,000 lots over twelve months).
/// Usage: dotnet run -c Release --project benchmarks/EasternSelect.Benchmarks -- lots "Data Source=/path/portal.db" [runs]
/// </summary>
public static class LotsBenchmark
{
    public static async Task<int> RunAsync(string connectionString, int runs)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddLocalization();
        services.AddAuthorization(o => Policies.Add(o, demoMode: true));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(new PortalDatabase(DatabaseProvider.Sqlite, connectionString, TimeProvider.System));
        services.AddScoped<CurrentUser>();
        services.AddScoped<ICurrentUser>(sp => sp.GetRequiredService<CurrentUser>());
        services.AddScoped<IDbContextFactory<PortalDbContext>, PortalDbContextFactory>();
        services.AddScoped<PolicyGuard>();
        services.AddSingleton(Options.Create(new IncomingLotOptions()));
        services.AddScoped<IncomingLotService>();
        services.AddScoped<InspectionStreamService>();
        services.AddScoped<QualityFiguresService>();
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, "benchmark"), new Claim(ClaimTypes.Role, Roles.QaInspector)], "benchmark")));
        var lots = scope.ServiceProvider.GetRequiredService<IncomingLotService>();
        var streams = scope.ServiceProvider.GetRequiredService<InspectionStreamService>();
        var quality = scope.ServiceProvider.GetRequiredService<QualityFiguresService>();

        // A database seeded before lots existed gets its year of lots here (the same seeder as `seed --scale full`).
        await using (var seedDb = provider.GetRequiredService<PortalDatabase>().Create(AuditActor.System))
        {
            if (!await Data.Seed.IncomingLotSeeder.HasLotsAsync(seedDb, CancellationToken.None))
            {
                var watch = Stopwatch.StartNew();
                var seeded = await Data.Seed.IncomingLotSeeder.SeedAsync(seedDb, Data.Seed.IncomingLotSeeder.Scale.Full, DateOnly.FromDateTime(DateTime.Today), null, CancellationToken.None);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Seeded {seeded:N0} lots in {watch.Elapsed.TotalSeconds:F0} s."));
            }
        }

        int supplierId;
        DateOnly month;
        await using (var db = provider.GetRequiredService<PortalDatabase>().Create(AuditActor.System))
        {
            Console.WriteLine($"Database: {await db.IncomingLots.CountAsync()} lots, {await db.InspectionStreams.CountAsync()} streams, {await db.CorrectiveActions.CountAsync()} corrective actions; {runs} runs each (median, max).");
            supplierId = await db.IncomingLots.GroupBy(l => l.SupplierId).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync();
            month = await db.IncomingLots.MaxAsync(l => l.Month);
        }

        var ct = CancellationToken.None;
        var year = (From: month.AddMonths(-11), To: month);
        await Measure("lots: first page", () => lots.SearchAsync(new LotQuery(null, null, null, null, null, 0, 25), ct), runs);
        await Measure("lots: page 200", () => lots.SearchAsync(new LotQuery(null, null, null, null, null, 200, 25), ct), runs);
        await Measure("lots: rejected in month", () => lots.SearchAsync(new LotQuery(null, null, LotDecisionFilter.Rejected, month, null, 0, 25), ct), runs);
        await Measure("lots: one supplier", () => lots.SearchAsync(new LotQuery(supplierId, null, null, null, null, 0, 25), ct), runs);
        await Measure("lots: stream severity tightened", () => lots.SearchAsync(new LotQuery(null, null, null, null, InspectionSeverity.Tightened, 0, 25), ct), runs);
        await Measure("streams: tightened first page", () => streams.ListStreamsAsync(new StreamQuery(null, InspectionSeverity.Tightened, null, null, 0, 25), ct), runs);
        await Measure("quality: 12 months, all", () => quality.FiguresAsync(new QualityQuery(year.From, year.To, null, null), ct), runs);
        await Measure("quality: 12 months, one category", () => quality.FiguresAsync(new QualityQuery(year.From, year.To, Domain.Suppliers.SupplierCategory.Food, null), ct), runs);
        await Measure("quality: 12 months, one supplier", () => quality.FiguresAsync(new QualityQuery(year.From, year.To, null, supplierId), ct), runs);
        await Measure("quality: recompute one month (upsert)", () => quality.RecomputeMonthAsync(month, ct), Math.Min(runs, 5));
        return 0;
    }

    private static async Task Measure<T>(string name, Func<Task<T>> query, int runs)
    {
        await query();
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            await query();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-48} median {times[times.Count / 2],8:F1} ms   max {times[^1],8:F1} ms"));
    }
}
