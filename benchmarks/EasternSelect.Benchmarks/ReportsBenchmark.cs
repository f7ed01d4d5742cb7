using System.Diagnostics;
using System.Globalization;
using EasternSelect.Domain.Security;
using EasternSelect.Portal.Features.Reports;
using EasternSelect.Portal.Features.Reports.Esg;

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
        var reports = portal.As<ReportService>(Roles.Executive, Roles.QaManager, Roles.SupplierHead, Roles.CxAgent);
        var sections = portal.As<IEnumerable<IEsgSection>>(Roles.Executive);
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
                foreach (var section in sections.OrderBy(s => s.Order))
                {
                    await Timing.MeasureAsync($"{request} section {section.Order} ({section.GetType().Name})", () => section.BuildAsync(parameters.Year, CancellationToken.None), runs);
                }
            }

            if (report.HasPdf)
            {
                await Timing.MeasureAsync(request + " PDF", () => reports.PdfAsync(report, parameters, CancellationToken.None), runs);
            }

            await Timing.MeasureAsync(request + " XLSX", () => reports.XlsxAsync(report, parameters, CancellationToken.None), runs);
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
}
