using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using EasternSelect.Data;
using EasternSelect.Data.Auditing;
using EasternSelect.Domain.Security;
using EasternSelect.Portal.Features.Casework;
using EasternSelect.Portal.Features.Dashboard;
using EasternSelect.Portal.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

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
    public static async Task<int> RunAsync(string connectionString, int runs, IReadOnlyList<DateOnly> asOf)
    {
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
            await using var provider = Services(connectionString, time);
            var ct = CancellationToken.None;
            var qa = Dashboard(provider, Roles.QaManager);
            var supplier = Dashboard(provider, Roles.SupplierHead);
            var cx = Dashboard(provider, Roles.CxAgent);
            var executive = Dashboard(provider, Roles.Executive);
            var window = executive.Window();
            await Measure("QA dashboard (QaAsync)", () => qa.QaAsync(ct), runs);
            await Measure("supplier-service dashboard", () => supplier.SupplierServiceAsync(ct), runs);
            await Measure("CX dashboard (CxAsync)", () => cx.CxAsync(ct), runs);
            await Measure("executive dashboard (ExecutiveAsync)", () => executive.ExecutiveAsync(ct), runs);
            await Measure("records: lots inspected, 12 months, page 1",
                () => executive.LotRecordsAsync(new(window.FromMonth, window.ToMonth, LotRecordFilter.Inspected, 0, 25), ct), runs);
            await Measure("records: complaints closed, 12 months, page 1",
                () => executive.ComplaintRecordsAsync(new(window.FromMonth, window.ToMonth, ComplaintRecordFilter.Closed, 0, 25), ct), runs);
            await Measure("records: complaints closed late, page 1",
                () => executive.ComplaintRecordsAsync(new(window.FromMonth, window.ToMonth, ComplaintRecordFilter.ClosedLate, 0, 25), ct), runs);
        }

        return 0;
    }

    private static ServiceProvider Services(string connectionString, TimeProvider time)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddAuthorization(o => Policies.Add(o, demoMode: true));
        services.AddSingleton(time);
        services.AddSingleton(new PortalDatabase(DatabaseProvider.Sqlite, connectionString, time));
        services.AddSingleton(CaseworkSettings.From(new CaseworkOptions()));
        services.AddScoped<CurrentUser>();
        services.AddScoped<ICurrentUser>(sp => sp.GetRequiredService<CurrentUser>());
        services.AddScoped<IDbContextFactory<PortalDbContext>, PortalDbContextFactory>();
        services.AddScoped<PolicyGuard>();
        services.AddScoped<DashboardService>();
        return services.BuildServiceProvider();
    }

    private static DashboardService Dashboard(IServiceProvider provider, string role)
    {
        // The scope lives as long as the provider: a benchmark, not a request.
        var scope = provider.CreateScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, "benchmark-" + role), new Claim(ClaimTypes.Name, "benchmark"), new Claim(ClaimTypes.Role, role)], "benchmark")));
        return scope.ServiceProvider.GetRequiredService<DashboardService>();
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

    private sealed class FixedClock(DateOnly day) : TimeProvider
    {
        private readonly DateTimeOffset _now = new(day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now;
    }
}
