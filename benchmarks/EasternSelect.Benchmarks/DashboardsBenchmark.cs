using System.Globalization;
using EasternSelect.Data;
using EasternSelect.Data.Auditing;
using EasternSelect.Domain.Security;
using EasternSelect.Portal.Features.Dashboard;
using EasternSelect.Portal.Features.Reports.Records;
using Microsoft.EntityFrameworkCore;

namespace EasternSelect.Benchmarks;

/// <summary>
/// Times each role's dashboard (every service call its panel makes) and the first page of the drill-down records,
/// on a database filled by <c>seed --scale full</c>. The full seed puts its lots in the last twelve months and its
/// 300,000 complaints in 2021, so the run is repeated with the clock at the end of 2021 (all complaints in the window).
/// Usage: dotnet run -c Release --project benchmarks/EasternSelect.Benchmarks -- dashboards "Data Source=/path/portal.db" [runs] [yyyy-MM-dd …]
/// (without dates: now and 31 December of the full seed's complaint year).
/// </summary>
public static class DashboardsBenchmark
{
    public static async Task<int> RunAsync(string connectionString, int runs, IReadOnlyList<string> dates)
    {
        var asOf = dates.Select(a => DateOnly.ParseExact(a, "yyyy-MM-dd", CultureInfo.InvariantCulture)).ToList();
        await using (var db = new PortalDatabase(DatabaseProvider.Sqlite, connectionString, TimeProvider.System).Create(AuditActor.System))
        {
            Console.WriteLine($"Database: {await db.Products.CountAsync()} products, {await db.IncomingLots.CountAsync()} lots, {await db.Complaints.CountAsync()} complaints; {runs} runs each (median, max).");
        }

        // Without dates: now, and the last day of the full seed's complaint year.
        IReadOnlyList<DateOnly?> clocks = asOf.Count == 0 ? [null, new DateOnly(Data.Seed.CaseworkSeeder.FullScaleYear, 12, 31)] : [.. asOf.Select(d => (DateOnly?)d)];
        foreach (var clock in clocks)
        {
            TimeProvider time = clock is { } day ? new FixedClock(day) : TimeProvider.System;
            Console.WriteLine(clock is null ? "Clock: now" : $"Clock: {clock.Value:yyyy-MM-dd} 12:00 (UTC)");
            await using var portal = new PortalHost(connectionString, time);
            var ct = CancellationToken.None;
            var qa = portal.As<DashboardService>(Roles.QaManager);
            var supplier = portal.As<DashboardService>(Roles.SupplierHead);
            var cx = portal.As<DashboardService>(Roles.CxAgent);
            var executive = portal.As<DashboardService>(Roles.Executive);
            var window = executive.Window();
            await Timing.MeasureAsync("QA dashboard (QaAsync)", () => qa.QaAsync(ct), runs);
            await Timing.MeasureAsync("supplier-service dashboard", () => supplier.SupplierServiceAsync(ct), runs);
            await Timing.MeasureAsync("CX dashboard (CxAsync)", () => cx.CxAsync(ct), runs);
            await Timing.MeasureAsync("executive dashboard (ExecutiveAsync)", () => executive.ExecutiveAsync(ct), runs);
            var records = portal.As<RecordsService>(Roles.Executive);
            foreach (var (name, link) in new[]
            {
                ("records: lots decided, 12 months, page 1", DashboardLinks.LotsDecided(window.FromMonth, window.ToMonth)),
                ("records: complaints closed, 12 months, page 1", DashboardLinks.ComplaintsClosed(window.FromMonth, window.ToMonth)),
                ("records: complaints closed late, page 1", DashboardLinks.ComplaintsClosedLate(window.FromMonth, window.ToMonth)),
            })
            {
                var uri = new Uri(new Uri("http://portal"), link);
                var source = records.Find(uri.AbsolutePath["/reports/records/".Length..]) ?? throw new InvalidOperationException("No record source for " + link);
                await Timing.MeasureAsync(name, () => records.ListAsync(source, RecordFilter.FromQuery(uri.Query), ct), runs);
            }
        }

        return 0;
    }
}
