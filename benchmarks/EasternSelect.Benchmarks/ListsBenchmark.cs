using EasternSelect.Data;
using EasternSelect.Data.Auditing;
using EasternSelect.Domain.Security;
using EasternSelect.Domain.Suppliers;
using EasternSelect.Portal.Features.Suppliers.Products;
using EasternSelect.Portal.Features.Suppliers.Registry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EasternSelect.Benchmarks;

/// <summary>Times the supplier and product list queries the pages run.</summary>
internal static class ListsBenchmark
{
    public static async Task<int> RunAsync(string connectionString, int runs)
    {
        await using var portal = new PortalHost(connectionString);
        var suppliers = portal.As<SupplierListService>(Roles.SupplierOfficer);
        var products = portal.As<ProductListService>(Roles.SupplierOfficer);
        await using (var db = portal.Services.GetRequiredService<PortalDatabase>().Create(AuditActor.System))
        {
            Console.WriteLine($"Database: {await db.Suppliers.CountAsync()} suppliers, {await db.Products.CountAsync()} products; {runs} runs each.");
        }

        var ct = CancellationToken.None;
        await Timing.MeasureAsync("suppliers: first page", () => suppliers.SearchAsync(new SupplierQuery(null, null, null, SupplierSort.Name, false, 0, 25), ct), runs);
        await Timing.MeasureAsync("suppliers: filtered (category + status + name)", () => suppliers.SearchAsync(new SupplierQuery("食品", SupplierCategory.Food, SupplierStatus.Qualified, SupplierSort.Name, false, 0, 25), ct), runs);
        await Timing.MeasureAsync("suppliers: sorted by volume desc, page 40", () => suppliers.SearchAsync(new SupplierQuery(null, null, null, SupplierSort.Volume, true, 40, 25), ct), runs);
        await Timing.MeasureAsync("products: first page", () => products.SearchAsync(new ProductQuery(null, null, null, null, ProductSort.Name, false, 0, 25), ct), runs);
        await Timing.MeasureAsync("products: filtered (category + delisted)", () => products.SearchAsync(new ProductQuery(null, SupplierCategory.Food, ListingStatus.Delisted, null, ProductSort.Name, false, 0, 25), ct), runs);
        await Timing.MeasureAsync("products: name search", () => products.SearchAsync(new ProductQuery("滴雞精", null, null, null, ProductSort.Name, false, 0, 25), ct), runs);
        await Timing.MeasureAsync("products: sorted by price desc, page 100", () => products.SearchAsync(new ProductQuery(null, null, null, null, ProductSort.Price, true, 100, 25), ct), runs);
        return 0;
    }
}
