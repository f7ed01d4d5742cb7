using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using EasternSelect.Domain.Security;
using EasternSelect.Portal.Features.Reports;
using EasternSelect.Portal.Features.Reports.Esg;
using EasternSelect.Portal.Infrastructure.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EasternSelect.Benchmarks;

/// <summary>
/// Times every report as PDF and Excel through the portal's own services (the real registrations, on a copy of a database
/// filled by <c>seed --scale full</c>; the copy is migrated first), and the streamed products workbook with peak memory.
/// Usage: dotnet run -c Release --project benchmarks/EasternSelect.Benchmarks -- reports "Data Source=/tmp/full/portal.db" [runs] [query for each report…]
/// e.g. reports "Data Source=…" 5 esg:year=2021 esg:year=2026 inspections:month=2026-10
/// </summary>
internal static class ReportsBenchmark
{
    public static async Task<int> RunAsync(string connectionString, int runs, IReadOnlyList<string> requests)
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-TW");
        await using var portal = new PortalHost(connectionString);
        await using var scope = portal.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(new ClaimsPrincipal(new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, "benchmark"), new Claim(ClaimTypes.Name, "benchmark"),
                .. new[] { Roles.Executive, Roles.QaManager, Roles.SupplierHead, Roles.CxAgent }.Select(r => new Claim(ClaimTypes.Role, r)),
            ],
            "benchmark")));
        var reports = scope.ServiceProvider.GetRequiredService<ReportService>();
        foreach (var request in requests.Count > 0 ? requests : ["esg:year=2021", "esg:year=2026"])
        {
            var key = request.Split(':')[0];
            var query = request.Contains(':', StringComparison.Ordinal) ? Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(request[(key.Length + 1)..]) : [];
            var report = ReportCatalog.Find(key) ?? throw new ArgumentException("No report " + key);
            var (parameters, error) = reports.Parse(report, name => query.TryGetValue(name, out var v) ? v.ToString() : null);
            if (parameters is null)
            {
                throw new ArgumentException($"{request}: {error}");
            }

            if (report.Key == ReportCatalog.Esg)
            {
                // Where the time of the ESG report goes: each section's queries on their own.
                foreach (var section in scope.ServiceProvider.GetServices<IEsgSection>().OrderBy(s => s.Order))
                {
                    await TimeAsync($"{request} section {section.Order} ({section.GetType().Name})", runs, async () => (await section.BuildAsync(parameters.Year, CancellationToken.None)).Count);
                }
            }

            if (report.HasPdf)
            {
                await TimeAsync(request + " PDF", runs, async () => (await reports.PdfAsync(report, parameters, CancellationToken.None)).Length);
            }

            await TimeAsync(request + " XLSX", runs, async () => (await reports.XlsxAsync(report, parameters, CancellationToken.None)).Length);
        }

        GC.Collect();
        var before = Process.GetCurrentProcess().WorkingSet64;
        var file = Path.Combine(Path.GetTempPath(), "products-benchmark.xlsx");
        var stream = Stopwatch.StartNew();
        await using (var output = File.Create(file))
        {
            await reports.WriteProductsAsync(output, CancellationToken.None);
        }

        stream.Stop();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"products.xlsx (MiniExcel, streamed): {stream.Elapsed.TotalSeconds:F1} s, {new FileInfo(file).Length:N0} bytes, working set {before / 1048576} MB before, peak {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576} MB"));
        File.Delete(file);
        return 0;
    }

    private static async Task TimeAsync(string name, int runs, Func<Task<int>> render)
    {
        var first = Stopwatch.StartNew();
        await render();
        first.Stop();
        var times = new List<double>();
        var size = 0;
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            size = await render();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name}: first {first.Elapsed.TotalMilliseconds:F0} ms, median {times[times.Count / 2]:F0} ms, max {times[^1]:F0} ms, {size:N0} bytes"));
    }

    /// <summary>The portal with its real service registrations on the given database (production mode: no demo data).</summary>
    private sealed class PortalHost(string connectionString) : WebApplicationFactory<ReportService>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ConnectionStrings:Portal"] = connectionString,
                ["Database:Provider"] = "Sqlite",
                ["Database:MigrateOnStart"] = "true",
                ["Demo:Enabled"] = "false",
            }));
        }
    }
}
