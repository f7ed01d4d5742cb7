using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using EasternSelect.Data;
using EasternSelect.Data.Auditing;
using EasternSelect.Domain.Security;
using EasternSelect.Portal.Features.Casework;
using EasternSelect.Portal.Features.Casework.Complaints;
using EasternSelect.Portal.Infrastructure;
using EasternSelect.Portal.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EasternSelect.Benchmarks;

/// <summary>Times the complaint list and KPI queries on a database with a full year of complaints (`seed --scale full`).</summary>
public static class ComplaintsBenchmark
{
    public static async Task<int> RunAsync(string connectionString, int runs)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddAuthorization(o => Policies.Add(o, demoMode: true));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(new PortalDatabase(DatabaseProvider.Sqlite, connectionString, TimeProvider.System));
        services.AddSingleton(CaseworkSettings.From(new CaseworkOptions()));
        services.AddScoped<CurrentUser>();
        services.AddScoped<ICurrentUser>(sp => sp.GetRequiredService<CurrentUser>());
        services.AddScoped<IDbContextFactory<PortalDbContext>, PortalDbContextFactory>();
        services.AddScoped<PolicyGuard>();
        services.AddScoped<AuditLog>();
        services.AddScoped<ComplaintService>();
        services.AddScoped<ComplaintKpiService>();
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, "benchmark"), new Claim(ClaimTypes.Name, "benchmark"), new Claim(ClaimTypes.Role, Roles.MajorCaseTeam)], "benchmark")));
        var complaints = scope.ServiceProvider.GetRequiredService<ComplaintService>();
        var kpis = scope.ServiceProvider.GetRequiredService<ComplaintKpiService>();

        await using (var db = provider.GetRequiredService<PortalDatabase>().Create(AuditActor.System))
        {
            Console.WriteLine($"Database: {await db.Complaints.CountAsync()} complaints, {await db.CaseEvents.CountAsync()} case events; {runs} runs each (median, max).");
        }

        var ct = CancellationToken.None;
        await Measure("complaints: all, newest first, page 1", () => complaints.SearchAsync(new ComplaintQuery(null, ComplaintView.All, null, null, 0, 25), ct), runs);
        await Measure("complaints: all, page 400", () => complaints.SearchAsync(new ComplaintQuery(null, ComplaintView.All, null, null, 400, 25), ct), runs);
        await Measure("complaints: open, by deadline", () => complaints.SearchAsync(new ComplaintQuery(null, ComplaintView.Open, null, null, 0, 25), ct), runs);
        await Measure("complaints: due soon / overdue", () => complaints.SearchAsync(new ComplaintQuery(null, ComplaintView.Attention, null, null, 0, 25), ct), runs);
        await Measure("complaints: closed, category filter", () => complaints.SearchAsync(new ComplaintQuery(null, ComplaintView.Closed, 1, null, 0, 25), ct), runs);
        await Measure("complaints: by case number", () => complaints.SearchAsync(new ComplaintQuery("C2021-150000", ComplaintView.All, null, null, 0, 25), ct), runs);
        await Measure("complaints: detail", () => complaints.GetAsync(150_000, ct), runs);
        await Measure("kpi: year indicators 2021", () => kpis.YearsAsync(2021, 2021, ct), runs);
        await Measure("kpi: topics per year 2021", () => kpis.TopicsAsync(2021, 2021, ct), runs);
        await Measure("kpi: spot-check candidates 2021-06", () => kpis.SpotCheckCandidatesAsync(new DateOnly(2021, 6, 1), 10, ct), runs);
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
