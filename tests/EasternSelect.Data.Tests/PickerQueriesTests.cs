using EasternSelect.Data.Queries;
using EasternSelect.Domain.Suppliers;

namespace EasternSelect.Data.Tests;

/// <summary>The one matching rule of the supplier and product pickers, in SQL on a migrated SQLite file (no demo data).</summary>
public sealed class PickerQueriesTests(SqliteDatabaseFixture fixture) : IClassFixture<SqliteDatabaseFixture>, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        await using var db = fixture.Create();
        if (db.Suppliers.Any())
        {
            return;
        }

        var food = Supplier("揀選 甲食品有限公司", "24681357", SupplierStatus.Qualified);
        var trading = Supplier("Pickerton Trading 揀選", "55667788", SupplierStatus.Qualified);
        db.Suppliers.AddRange(food, trading, Supplier("揀選 乙家電股份有限公司", "13572468", SupplierStatus.Prospect),
            Supplier("揀選 丙紡品行", "11223344", SupplierStatus.Terminated), Supplier("揀選 丁精品", "99887766", SupplierStatus.Suspended));
        for (var i = 1; i <= 25; i++)
        {
            db.Suppliers.Add(Supplier($"上限測試 {i:00}", fixture.NextTaxId(), SupplierStatus.Qualified));
        }

        await db.SaveChangesAsync();
        db.Products.AddRange(
            new Product { Sku = "PK-0001", Name = "揀選 保溫瓶", SupplierId = food.Id, Category = SupplierCategory.Food, Price = 990m, ListingStatus = ListingStatus.Listed },
            new Product { Sku = "PK-0002", Name = "揀選 燜燒罐", SupplierId = food.Id, Category = SupplierCategory.Food, Price = 1280m, ListingStatus = ListingStatus.Delisted },
            new Product { Sku = "PK-0003", Name = "揀選 Thermos Cup", SupplierId = trading.Id, Category = SupplierCategory.LeisureSmallAppliances, Price = 590m, ListingStatus = ListingStatus.Listed });
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task SuppliersAsync_PartOfTaxId_FindsTheOneSupplier()
    {
        await using var db = fixture.Create();

        var found = await PickerQueries.SuppliersAsync(db, " 8135 ", SupplierPickFilter.All, CancellationToken.None);

        Assert.Equal(["揀選 甲食品有限公司"], found.Select(s => s.Name));
        Assert.Equal("24681357", found[0].TaxId);
    }

    [Fact]
    public async Task SuppliersAsync_NameInAnotherCase_FindsIt()
    {
        await using var db = fixture.Create();

        var found = await PickerQueries.SuppliersAsync(db, "pickerTON", SupplierPickFilter.All, CancellationToken.None);

        Assert.Equal(["Pickerton Trading 揀選"], found.Select(s => s.Name));
    }

    [Theory]
    [InlineData(SupplierPickFilter.All, new[] { "Pickerton Trading 揀選", "揀選 丁精品", "揀選 丙紡品行", "揀選 乙家電股份有限公司", "揀選 甲食品有限公司" })]
    [InlineData(SupplierPickFilter.NotTerminated, new[] { "Pickerton Trading 揀選", "揀選 丁精品", "揀選 乙家電股份有限公司", "揀選 甲食品有限公司" })]
    [InlineData(SupplierPickFilter.Inspectable, new[] { "Pickerton Trading 揀選", "揀選 丁精品", "揀選 甲食品有限公司" })]
    [InlineData(SupplierPickFilter.Qualified, new[] { "Pickerton Trading 揀選", "揀選 甲食品有限公司" })]
    public async Task SuppliersAsync_PartOfName_CallSiteFilterKeepsItsStatusesInNameOrder(SupplierPickFilter filter, string[] expected)
    {
        await using var db = fixture.Create();

        var found = await PickerQueries.SuppliersAsync(db, "揀選", filter, CancellationToken.None);

        Assert.Equal(expected, found.Select(s => s.Name));
    }

    [Fact]
    public async Task SuppliersAsync_MoreMatchesThanTheLimit_ReturnsTheFirstTwentyByName()
    {
        await using var db = fixture.Create();

        var found = await PickerQueries.SuppliersAsync(db, "上限測試", SupplierPickFilter.All, CancellationToken.None);

        Assert.Equal(20, found.Count);
        Assert.Equal("上限測試 01", found[0].Name);
        Assert.Equal("上限測試 20", found[^1].Name);
    }

    [Fact]
    public async Task ProductsAsync_PartOfSkuInAnotherCase_FindsListedOnlyWhenAsked()
    {
        await using var db = fixture.Create();

        var listed = await PickerQueries.ProductsAsync(db, "pk-000", ProductPickFilter.Listed, null, CancellationToken.None);
        var all = await PickerQueries.ProductsAsync(db, "pk-000", ProductPickFilter.All, null, CancellationToken.None);

        Assert.Equal(["PK-0001", "PK-0003"], listed.Select(p => p.Sku));
        Assert.Equal(["PK-0001", "PK-0002", "PK-0003"], all.Select(p => p.Sku));
        Assert.Equal("揀選 甲食品有限公司", all[1].SupplierName);
    }

    [Fact]
    public async Task ProductsAsync_PartOfNameInAnotherCase_FindsIt()
    {
        await using var db = fixture.Create();

        var found = await PickerQueries.ProductsAsync(db, "THERMOS", ProductPickFilter.All, null, CancellationToken.None);

        Assert.Equal(["PK-0003"], found.Select(p => p.Sku));
    }

    [Fact]
    public async Task ProductsAsync_SupplierGiven_OffersOnlyThatSuppliersProducts()
    {
        await using var db = fixture.Create();
        var food = (await PickerQueries.SuppliersAsync(db, "24681357", SupplierPickFilter.All, CancellationToken.None)).Single();

        var found = await PickerQueries.ProductsAsync(db, "揀選", ProductPickFilter.All, food.Id, CancellationToken.None);

        Assert.Equal(["PK-0001", "PK-0002"], found.Select(p => p.Sku));
    }

    private static Supplier Supplier(string name, string taxId, SupplierStatus status) => new()
    {
        Name = name,
        TaxId = taxId,
        Category = SupplierCategory.Food,
        ContactName = "王小明",
        ContactPhone = "0912345678",
        ContactEmail = "john@example.com",
        Status = status,
    };
}
