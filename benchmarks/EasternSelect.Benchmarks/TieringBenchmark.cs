using System.Diagnostics;
using System.Globalization;
using EasternSelect.Data;
using EasternSelect.Data.Auditing;
using EasternSelect.Data.Seed;
using EasternSelect.Domain.Security;
using EasternSelect.Portal.Features.Suppliers.Tiering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EasternSelect.Benchmarks;

/// <summary>
/// Times the monthly tier evaluation on a COPY of a full-scale database. If the copy has no monthly records,
/// the demo <see cref="TieringSeeder"/> adds policy v1 and twelve months of 2020 records for every qualified supplier.
/// Usage: dotnet run -c Release --project benchmarks/EasternSelect.Benchmarks -- tiering "Data Source=/tmp/copy.db"
/// </summary>
internal static class TieringBenchmark
{
    public static async Task<int> RunAsync(string connectionString)
    {
        await using var portal = new PortalHost(connectionString);
        var database = portal.Services.GetRequiredService<PortalDatabase>();

        await using (var db = database.Create(AuditActor.System))
        {
            await db.Database.MigrateAsync();
            if (!await db.SupplierMonthlyRecords.AnyAsync())
            {
                var seed = Stopwatch.StartNew();
                await new TieringSeeder().SeedAsync(db, TimeProvider.System, CancellationToken.None);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Seeded policy v1 and 2020 monthly records in {seed.Elapsed.TotalSeconds:F1} s."));
            }

            var suppliers = await db.Suppliers.CountAsync();
            var qualified = await db.Suppliers.CountAsync(s => s.Status == Domain.Suppliers.SupplierStatus.Qualified);
            var records = await db.SupplierMonthlyRecords.CountAsync();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Database: {suppliers} suppliers ({qualified} qualified), {records} monthly records."));
        }

        var tiering = portal.As<TieringService>(Roles.QaManager);
        var existing = (await tiering.ListEvaluationsAsync(CancellationToken.None)).Select(e => e.Month).ToHashSet();

        // One evaluation per month is the rule, so each month is timed once (the first run includes EF's warm-up).
        for (var m = 12; m >= 3; m--)
        {
            var month = new DateOnly(2020, m, 1);
            if (existing.Contains(month))
            {
                continue;
            }

            var watch = Stopwatch.StartNew();
            var result = await tiering.RunEvaluationAsync(month, CancellationToken.None);
            var elapsed = watch.Elapsed.TotalMilliseconds;
            watch.Restart();
            var proposals = await tiering.ListProposalsAsync(result.Result.Id ?? 0, CancellationToken.None);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"evaluation {month:yyyy-MM}: {elapsed,8:F0} ms  scored {result.Evaluated}, proposed {result.Proposed}, skipped {result.Skipped}; listing proposals {watch.Elapsed.TotalMilliseconds:F0} ms ({proposals.Count})"));
        }

        return 0;
    }
}
