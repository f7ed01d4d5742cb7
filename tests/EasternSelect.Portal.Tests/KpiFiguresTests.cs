using EasternSelect.Data;
using EasternSelect.Data.Auditing;
using EasternSelect.Data.Queries;
using EasternSelect.Domain.Casework;
using EasternSelect.Domain.Inspections;
using EasternSelect.Domain.Operations;
using EasternSelect.Domain.Security;
using EasternSelect.Domain.Suppliers;
using EasternSelect.Portal.Features.Inspections.Quality;
using EasternSelect.Portal.Features.Settings.KpiTargets;
using EasternSelect.Portal.Features.Suppliers.Products;
using EasternSelect.Portal.Features.Suppliers.Registry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EasternSelect.Portal.Tests;

/// <summary>
/// The customer-side KPIs from the imported operating data, each against its own target of the year, and the
/// per-product spot-check complaint rule; over years (2008–2012) neither the demo nor the reference data touches.
/// </summary>
public sealed class KpiFiguresTests(PortalFactoryFixture fixture) : IClassFixture<PortalFactoryFixture>
{
    private readonly IServiceProvider _services = fixture.Factory.Services;

    [Fact]
    public async Task FiguresAsync_ImportedMonth_ShowsCustomerReturnRatesAgainstDefaultTargets()
    {
        var (productId, supplierId) = await AddProductAsync("T-KPI-RET");
        await AddMonthAsync(productId, new DateOnly(2008, 6, 1), shipped: 1_000, quality: 20, other: 40);
        await using var scope = TestScopes.As(_services, Roles.QaInspector, out QualityFiguresService service);

        var report = await service.FiguresAsync(new QualityQuery(new DateOnly(2008, 1, 1), new DateOnly(2008, 12, 1), null, supplierId), CancellationToken.None);

        // 60 ÷ 1,000 = 6.0%, 20 ÷ 1,000 = 2.0%, 40 ÷ 1,000 = 4.0%; no target set up to 2008, so the seed's 3% / 5% apply.
        Assert.Equal((1_000L, 6.0m, 2.0m, 4.0m), (report.Returns.UnitsShipped, report.Returns.ReturnRate, report.Returns.QualityReturnRate, report.Returns.NonQualityReturnRate));
        Assert.Null(report.Targets.SetInYear);
        Assert.Equal((3m, 5m), (report.Targets.ReturnPercent, report.Targets.NonQualityReturnPercent));
        Assert.True(report.Returns.ReturnOverTarget(report.Targets));
        Assert.False(report.Returns.NonQualityReturnOverTarget(report.Targets));
    }

    [Fact]
    public async Task FiguresAsync_YearWithItsOwnTarget_ComparesWithThatTarget()
    {
        var (productId, supplierId) = await AddProductAsync("T-KPI-OWN");
        await AddMonthAsync(productId, new DateOnly(2010, 3, 1), shipped: 1_000, quality: 20, other: 40);
        await using (TestScopes.As(_services, Roles.QaManager, out KpiTargetService targets))
        {
            var saved = await targets.SaveAsync(new KpiTargetForm { Year = 2010, DefectPercent = 3m, ShortagePercent = 3m, ReturnPercent = 7m, NonQualityReturnPercent = 3.5m }, CancellationToken.None);
            Assert.True(saved.Succeeded, string.Join(",", saved.Errors));
        }

        await using var scope = TestScopes.As(_services, Roles.QaInspector, out QualityFiguresService service);
        var report = await service.FiguresAsync(new QualityQuery(new DateOnly(2010, 1, 1), new DateOnly(2010, 12, 1), null, supplierId), CancellationToken.None);

        // 6.0% ≤ the year's 7% return target; 4.0% > its 3.5% non-quality target.
        Assert.Equal((2010, 7m, 3.5m), (report.Targets.SetInYear, report.Targets.ReturnPercent, report.Targets.NonQualityReturnPercent));
        Assert.False(report.Returns.ReturnOverTarget(report.Targets));
        Assert.True(report.Returns.NonQualityReturnOverTarget(report.Targets));
    }

    [Fact]
    public async Task FiguresAsync_OtherSuppliersMonths_AreNotCounted()
    {
        var (productId, supplierId) = await AddProductAsync("T-KPI-MINE");
        var (otherId, _) = await AddProductAsync("T-KPI-OTHER");
        await AddMonthAsync(productId, new DateOnly(2011, 2, 1), shipped: 500, quality: 5, other: 0);
        await AddMonthAsync(otherId, new DateOnly(2011, 2, 1), shipped: 500, quality: 100, other: 100);
        await using var scope = TestScopes.As(_services, Roles.QaInspector, out QualityFiguresService service);

        var report = await service.FiguresAsync(new QualityQuery(new DateOnly(2011, 2, 1), new DateOnly(2011, 2, 1), null, supplierId), CancellationToken.None);

        Assert.Equal((500L, 1.0m), (report.Returns.UnitsShipped, report.Returns.ReturnRate));
    }

    [Fact]
    public async Task ProposeAsync_ProductRateHighSupplierRateLow_ListsTheProduct()
    {
        // One supplier: product A 3 complaints ÷ 1,000 shipped = 0.3%; product B 0 ÷ 100,000. The supplier overall is
        // 3 ÷ 101,000 ≈ 0.003%, below the 0.1% threshold; product A alone is above it.
        var (productA, supplierId) = await AddProductAsync("T-KPI-SPOT-A");
        var productB = await AddProductAsync("T-KPI-SPOT-B", supplierId);
        await AddMonthAsync(productA, new DateOnly(2012, 4, 1), shipped: 1_000, quality: 0, other: 0, sold: 10);
        await AddMonthAsync(productB, new DateOnly(2012, 4, 1), shipped: 100_000, quality: 0, other: 0, sold: 90_000);
        await using (var db = Db())
        {
            var category = await db.ComplaintCategories.Select(c => c.Id).FirstAsync();
            db.Complaints.AddRange(
                Complaint("T-KPI-SC1", category, productA, new DateTime(2012, 4, 2, 1, 0, 0, DateTimeKind.Utc)),
                Complaint("T-KPI-SC2", category, productA, new DateTime(2012, 4, 10, 1, 0, 0, DateTimeKind.Utc)),
                Complaint("T-KPI-SC3", category, productA, new DateTime(2012, 4, 20, 1, 0, 0, DateTimeKind.Utc)));
            await db.SaveChangesAsync();
        }

        var settings = new SpotCheckRuleSettings { ComplaintRateThreshold = 0.001m, ComplaintLookbackMonths = 1, MaxComplaintProducts = 0, TopSalesCount = 0 };
        await using var read = Db();
        var supplierRate = Assert.Single(await OperatingFigures.SupplierComplaintRatesAsync(read, new DateOnly(2012, 4, 1), new DateOnly(2012, 4, 1), CancellationToken.None), r => r.Id == supplierId);
        var proposal = await SpotCheckInputs.ProposeAsync(read, new DateOnly(2012, 5, 1), settings, CancellationToken.None);

        Assert.True(supplierRate.RatePercent < 0.1m);
        var candidate = Assert.Single(proposal.Candidates, c => c.SupplierId == supplierId);
        Assert.Equal(productA, candidate.ProductId);
        var reason = Assert.Single(candidate.Reasons);
        Assert.Equal((SpotCheckReasonKind.HighComplaintRate, 0.003m, "3/1000"), (reason.Kind, reason.Value, reason.Text));
    }

    [Fact]
    public async Task ProductAndSupplierScreens_ShowTheImportedFiguresNotTheOldTypedOnes()
    {
        var (productId, supplierId) = await AddProductAsync("T-KPI-ONE");
        await using (var db = Db())
        {
            // The old hand-typed columns hold numbers nobody should see any more.
            await db.Products.Where(p => p.Id == productId).ExecuteUpdateAsync(u => u.SetProperty(p => p.MonthlyUnitsSold, 999));
            await db.Suppliers.Where(s => s.Id == supplierId).ExecuteUpdateAsync(u => u.SetProperty(s => s.YearlyTransactionVolume, 999m));
            db.SupplierYearlyVolumes.AddRange(
                new SupplierYearlyVolume { SupplierId = supplierId, Year = 2008, TransactionVolume = 1_000m, IsLocal = true },
                new SupplierYearlyVolume { SupplierId = supplierId, Year = 2009, TransactionVolume = 2_500m, IsLocal = true });
            await db.SaveChangesAsync();
        }

        await AddMonthAsync(productId, new DateOnly(2008, 1, 1), shipped: 10, quality: 0, other: 0, sold: 10);
        await AddMonthAsync(productId, new DateOnly(2008, 2, 1), shipped: 20, quality: 0, other: 0, sold: 20);
        await using var scope = TestScopes.As(_services, Roles.SupplierOfficer);

        var productForm = await scope.ServiceProvider.GetRequiredService<ProductEditService>().GetFormAsync(productId, CancellationToken.None);
        var row = Assert.Single((await scope.ServiceProvider.GetRequiredService<ProductListService>()
            .SearchAsync(new ProductQuery("T-KPI-ONE", null, null, null, ProductSort.UnitsSold, true, 0, 10), CancellationToken.None)).Items);
        var supplierForm = await scope.ServiceProvider.GetRequiredService<SupplierEditService>().GetFormAsync(supplierId, CancellationToken.None);

        // The latest imported month (February: 20) and the latest imported year (2009: 2,500).
        Assert.Equal(20, productForm!.ImportedUnitsSold);
        Assert.Equal(20, row.MonthlyUnitsSold);
        Assert.Equal(2_500m, supplierForm!.ImportedVolume);
    }

    private PortalDbContext Db() => _services.GetRequiredService<PortalDatabase>().Create(AuditActor.System);

    private async Task AddMonthAsync(int productId, DateOnly month, int shipped, int quality, int other, int sold = 0)
    {
        await using var db = Db();
        db.ProductMonthlyOperatingData.Add(new ProductMonthlyOperatingData
        {
            ProductId = productId, Month = month, UnitsShipped = shipped, UnitsReturnedQuality = quality, UnitsReturnedOther = other, UnitsSold = sold,
        });
        await db.SaveChangesAsync();
    }

    private async Task<(int ProductId, int SupplierId)> AddProductAsync(string sku)
    {
        await using var db = Db();
        var supplier = new Supplier
        {
            Name = "測試指標 " + sku, TaxId = TaxId.WithCheckDigit((7_000_000 + Math.Abs(sku.GetHashCode(StringComparison.Ordinal) % 900_000)).ToString("D7", System.Globalization.CultureInfo.InvariantCulture)),
            Category = SupplierCategory.Food, ContactName = "王小明", ContactPhone = "0912345678", ContactEmail = "kpi@example.com",
        };
        db.Suppliers.Add(supplier);
        await db.SaveChangesAsync();
        return (await AddProductAsync(sku, supplier.Id), supplier.Id);
    }

    private async Task<int> AddProductAsync(string sku, int supplierId)
    {
        await using var db = Db();
        var product = new Product { Sku = sku, Name = "測試商品 " + sku, SupplierId = supplierId, Category = SupplierCategory.Food, Price = 100m, ListingStatus = ListingStatus.Listed };
        db.Products.Add(product);
        await db.SaveChangesAsync();
        return product.Id;
    }

    private static Complaint Complaint(string number, int categoryId, int productId, DateTime openedUtc)
    {
        var complaint = new Complaint { Channel = ComplaintChannel.Phone, CustomerName = "王小明", CustomerPhone = "0912345678", CategoryId = categoryId, Description = "指標測試", ProductId = productId };
        complaint.Open(number, openedUtc, openedUtc.AddDays(7), null, new CaseActor(null, "test"));
        return complaint;
    }
}
