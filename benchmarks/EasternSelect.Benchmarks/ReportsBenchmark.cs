using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using ClosedXML.Excel;
using EasternSelect.Data;
using EasternSelect.Data.Auditing;
using EasternSelect.Domain.Security;
using EasternSelect.Portal.Features.Reports;
using EasternSelect.Portal.Features.Reports.Esg;
using EasternSelect.Portal.Features.Reviews;
using EasternSelect.Portal.Features.Training;
using EasternSelect.Portal.Infrastructure;
using EasternSelect.Portal.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EasternSelect.Benchmarks;

/// <summary>
/// Times the ESG PDF and the streamed products workbook, with peak memory, and for comparison the same
/// products written with ClosedXML (everything in memory) for at most <c>closedXmlRows</c> rows.
/// Usage: dotnet run -c Release --project benchmarks/EasternSelect.Benchmarks -- reports "Data Source=/tmp/full/portal.db" [closedXmlRows]
/// </summary>
internal static class ReportsBenchmark
{
    public static async Task<int> RunAsync(string connectionString, int closedXmlRows)
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-TW");
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.AddAuthorization(o => Policies.Add(o, demoMode: true));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(new PortalDatabase(DatabaseProvider.Sqlite, connectionString, TimeProvider.System));
        services.AddScoped<CurrentUser>();
        services.AddScoped<ICurrentUser>(sp => sp.GetRequiredService<CurrentUser>());
        services.AddScoped<IDbContextFactory<PortalDbContext>, PortalDbContextFactory>();
        services.AddScoped<PolicyGuard>();
        services.AddScoped<AuditLog>();
        services.AddScoped<ReviewService>();
        services.AddScoped<TrainingService>();
        services.AddSingleton(_ => ReportFont.Shipped());
        services.AddSingleton<PdfReportRenderer>();
        services.AddScoped<ReportService>();
        services.AddScoped<IEsgSection, SupplierEsgSection>();
        services.AddScoped<IEsgSection, TrainingEsgSection>();
        await using var provider = services.BuildServiceProvider();
        await using (var db = provider.GetRequiredService<PortalDatabase>().Create(AuditActor.System))
        {
            var supplierCount = await db.Suppliers.CountAsync();
            var productCount = await db.Products.CountAsync();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Database: {supplierCount} suppliers, {productCount} products."));
        }

        await using var scope = provider.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, "benchmark"), new Claim(ClaimTypes.Role, Roles.Executive)], "benchmark")));
        var reports = scope.ServiceProvider.GetRequiredService<ReportService>();
        var esg = ReportCatalog.Find(ReportCatalog.Esg)!;
        var year = new ReportParameters(2018, 2020, 2020);

        await reports.PdfAsync(esg, year, CancellationToken.None);
        var times = new List<double>();
        var size = 0;
        for (var i = 0; i < 5; i++)
        {
            var watch = Stopwatch.StartNew();
            size = (await reports.PdfAsync(esg, year, CancellationToken.None)).Length;
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ESG 2020 PDF: median {times[2]:F0} ms, max {times[^1]:F0} ms, {size:N0} bytes"));

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

        // ClosedXML for comparison: the same columns, all rows held in memory until SaveAs.
        await using (var db = provider.GetRequiredService<PortalDatabase>().Create(AuditActor.System))
        {
            var watch = Stopwatch.StartNew();
            using var workbook = new XLWorkbook();
            var sheet = workbook.AddWorksheet("products");
            var r = 1;
            foreach (var p in db.Products.AsNoTracking().OrderBy(p => p.Sku).Take(closedXmlRows)
                .Select(p => new { p.Sku, p.Name, Supplier = p.Supplier!.Name, p.Category, p.Channel, p.Price, p.MonthlyUnitsSold, p.ListingStatus }).AsEnumerable())
            {
                sheet.Cell(r, 1).SetValue(p.Sku);
                sheet.Cell(r, 2).SetValue(p.Name);
                sheet.Cell(r, 3).SetValue(p.Supplier);
                sheet.Cell(r, 4).SetValue(p.Category.ToString());
                sheet.Cell(r, 5).SetValue(p.Channel.ToString());
                sheet.Cell(r, 6).Value = p.Price;
                sheet.Cell(r, 7).Value = p.MonthlyUnitsSold;
                sheet.Cell(r, 8).SetValue(p.ListingStatus.ToString());
                r++;
            }

            await using (var output = File.Create(file))
            {
                workbook.SaveAs(output);
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"products.xlsx (ClosedXML, {r - 1:N0} rows in memory): {watch.Elapsed.TotalSeconds:F1} s, peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576} MB"));
        }

        File.Delete(file);
        return 0;
    }
}
