using System.Diagnostics;
using System.Globalization;
using EasternSelect.Data;
using EasternSelect.Data.Auditing;
using EasternSelect.Domain.Sampling;
using EasternSelect.Domain.Security;
using EasternSelect.Portal.Features.Inspections.Lots;
using EasternSelect.Portal.Features.Inspections.Quality;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

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
        await using var portal = new PortalHost(connectionString);
        var lots = portal.As<IncomingLotService>(Roles.QaInspector);
        var streams = portal.As<InspectionStreamService>(Roles.QaInspector);
        var quality = portal.As<QualityFiguresService>(Roles.QaInspector);
        var database = portal.Services.GetRequiredService<PortalDatabase>();

        // A database seeded before lots existed gets its year of lots here (the same seeder as `seed --scale full`).
        await using (var seedDb = database.Create(AuditActor.System))
        {
            if (!await Data.Seed.IncomingLotSeeder.HasLotsAsync(seedDb, CancellationToken.None))
            {
                var watch = Stopwatch.StartNew();
                var seeded = await Data.Seed.IncomingLotSeeder.SeedAsync(seedDb, Data.Seed.IncomingLotSeeder.Scale.Full, TimeProvider.System, null, CancellationToken.None);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Seeded {seeded:N0} lots in {watch.Elapsed.TotalSeconds:F0} s."));
            }
        }

        int supplierId;
        DateOnly month;
        await using (var db = database.Create(AuditActor.System))
        {
            Console.WriteLine($"Database: {await db.IncomingLots.CountAsync()} lots, {await db.InspectionStreams.CountAsync()} streams, {await db.CorrectiveActions.CountAsync()} corrective actions; {runs} runs each (median, max).");
            supplierId = await db.IncomingLots.GroupBy(l => l.SupplierId).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync();
            month = await db.IncomingLots.MaxAsync(l => l.Month);
        }

        var ct = CancellationToken.None;
        var year = (From: month.AddMonths(-11), To: month);
        await Timing.MeasureAsync("lots: first page", () => lots.SearchAsync(new LotQuery(null, null, null, null, null, 0, 25), ct), runs);
        await Timing.MeasureAsync("lots: page 200", () => lots.SearchAsync(new LotQuery(null, null, null, null, null, 200, 25), ct), runs);
        await Timing.MeasureAsync("lots: rejected in month", () => lots.SearchAsync(new LotQuery(null, null, LotDecisionFilter.Rejected, month, null, 0, 25), ct), runs);
        await Timing.MeasureAsync("lots: one supplier", () => lots.SearchAsync(new LotQuery(supplierId, null, null, null, null, 0, 25), ct), runs);
        await Timing.MeasureAsync("lots: stream severity tightened", () => lots.SearchAsync(new LotQuery(null, null, null, null, InspectionSeverity.Tightened, 0, 25), ct), runs);
        await Timing.MeasureAsync("streams: tightened first page", () => streams.ListStreamsAsync(new StreamQuery(null, InspectionSeverity.Tightened, null, null, 0, 25), ct), runs);
        await Timing.MeasureAsync("quality: 12 months, all", () => quality.FiguresAsync(new QualityQuery(year.From, year.To, null, null), ct), runs);
        await Timing.MeasureAsync("quality: 12 months, one category", () => quality.FiguresAsync(new QualityQuery(year.From, year.To, Domain.Suppliers.SupplierCategory.Food, null), ct), runs);
        await Timing.MeasureAsync("quality: 12 months, one supplier", () => quality.FiguresAsync(new QualityQuery(year.From, year.To, null, supplierId), ct), runs);
        await Timing.MeasureAsync("quality: recompute one month (upsert)", () => quality.RecomputeMonthAsync(month, ct), Math.Min(runs, 5));
        return 0;
    }
}
