using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using EasternSelect.Data;
using EasternSelect.Data.Auditing;
using EasternSelect.Domain.Security;
using EasternSelect.Domain.Suppliers;
using EasternSelect.Portal.Features.Suppliers.Products;
using EasternSelect.Portal.Features.Suppliers.Registry;
using EasternSelect.Portal.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

// Times the list queries the pages run, on a database filled by `seed --scale full`.
// Usage: dotnet run -c Release --project benchmarks/EasternSelect.Benchmarks -- "Data Source=/path/portal.db" [runs]
if (args is ["tiering", var tieringDatabase])
{
    return await EasternSelect.Benchmarks.TieringBenchmark.RunAsync(tieringDatabase);
}

if (args is ["lots", var lotsDatabase, ..])
{
    return await EasternSelect.Benchmarks.LotsBenchmark.RunAsync(lotsDatabase, args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 20);
}

if (args is ["reports", var reportsDatabase, ..])
{
    return await EasternSelect.Benchmarks.ReportsBenchmark.RunAsync(reportsDatabase, args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5, args[3..]);
}

if (args is ["complaints", var complaintsDatabase, ..])
{
    return await EasternSelect.Benchmarks.ComplaintsBenchmark.RunAsync(complaintsDatabase, args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 20);
}

if (args is ["dashboards", var dashboardsDatabase, ..])
{
    var dashboardRuns = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 10;
    var clocks = args.Skip(3).Select(a => DateOnly.ParseExact(a, "yyyy-MM-dd", CultureInfo.InvariantCulture)).ToList();
    return await EasternSelect.Benchmarks.DashboardsBenchmark.RunAsync(dashboardsDatabase, dashboardRuns, clocks);
}

if (args.Length < 1)
{
    Console.Error.WriteLine("Usage: EasternSelect.Benchmarks \"<SQLite connection string>\" [runs]");
    return 2;
}

var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20;
var services = new ServiceCollection();
services.AddLogging();
services.AddAuthorization(o => Policies.Add(o, demoMode: true));
services.AddSingleton(new PortalDatabase(DatabaseProvider.Sqlite, args[0], TimeProvider.System));
services.AddScoped<CurrentUser>();
services.AddScoped<ICurrentUser>(sp => sp.GetRequiredService<CurrentUser>());
services.AddScoped<IDbContextFactory<PortalDbContext>, PortalDbContextFactory>();
services.AddScoped<PolicyGuard>();
services.AddScoped<SupplierListService>();
services.AddScoped<ProductListService>();
await using var provider = services.BuildServiceProvider();
await using var scope = provider.CreateAsyncScope();
scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(new ClaimsPrincipal(new ClaimsIdentity(
    [new Claim(ClaimTypes.Name, "benchmark"), new Claim(ClaimTypes.Role, Roles.SupplierOfficer)], "benchmark")));
var suppliers = scope.ServiceProvider.GetRequiredService<SupplierListService>();
var products = scope.ServiceProvider.GetRequiredService<ProductListService>();

await using (var db = provider.GetRequiredService<PortalDatabase>().Create(AuditActor.System))
{
    Console.WriteLine($"Database: {await db.Suppliers.CountAsync()} suppliers, {await db.Products.CountAsync()} products; {runs} runs each (median, max).");
}

var ct = CancellationToken.None;
await Measure("suppliers: first page", () => suppliers.SearchAsync(new SupplierQuery(null, null, null, SupplierSort.Name, false, 0, 25), ct));
await Measure("suppliers: filtered (category + status + name)", () => suppliers.SearchAsync(new SupplierQuery("食品", SupplierCategory.Food, SupplierStatus.Qualified, SupplierSort.Name, false, 0, 25), ct));
await Measure("suppliers: sorted by volume desc, page 40", () => suppliers.SearchAsync(new SupplierQuery(null, null, null, SupplierSort.Volume, true, 40, 25), ct));
await Measure("products: first page", () => products.SearchAsync(new ProductQuery(null, null, null, null, ProductSort.Name, false, 0, 25), ct));
await Measure("products: filtered (category + delisted)", () => products.SearchAsync(new ProductQuery(null, SupplierCategory.Food, ListingStatus.Delisted, null, ProductSort.Name, false, 0, 25), ct));
await Measure("products: name search", () => products.SearchAsync(new ProductQuery("滴雞精", null, null, null, ProductSort.Name, false, 0, 25), ct));
await Measure("products: sorted by price desc, page 100", () => products.SearchAsync(new ProductQuery(null, null, null, null, ProductSort.Price, true, 100, 25), ct));
return 0;

async Task Measure<T>(string name, Func<Task<T>> query)
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
