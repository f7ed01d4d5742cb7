using EasternSelect.Data;
using EasternSelect.Data.Auditing;
using EasternSelect.Data.Seed;
using EasternSelect.Domain.Auditing;
using EasternSelect.Domain.Inspections;
using EasternSelect.Domain.Security;
using EasternSelect.Domain.Suppliers;
using EasternSelect.Portal.Features.Inspections.Specs;
using EasternSelect.Portal.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace EasternSelect.Portal.Tests;

/// <summary>Checklists, spec changes and delisting against the demo database. Each test uses its own category.</summary>
public sealed class InspectionSpecServiceTests(PortalFactoryFixture fixture) : IClassFixture<PortalFactoryFixture>
{
    private readonly IServiceProvider _services = fixture.Factory.Services;

    [Fact]
    public async Task Baseline_EachCategory_HasVersionOneWithSeventyItemsAndAllCriticalMajorMinor()
    {
        await using var scope = TestScopes.As(_services, Roles.QaInspector, out InspectionSpecService service);

        foreach (var category in Enum.GetValues<SupplierCategory>())
        {
            var versions = await service.ListVersionsAsync(category, CancellationToken.None);
            var v1 = await service.GetVersionAsync(category, 1, CancellationToken.None);

            Assert.NotNull(v1);
            Assert.Contains(versions, v => v.Number == 1 && v.ItemCount == 70);
            Assert.Equal(70, v1.Items.Count);
            Assert.Equal(70, v1.Items.Select(i => i.Code).Distinct().Count());
            Assert.All(Enum.GetValues<DefectClass>(), d => Assert.Contains(v1.Items, i => i.DefectClass == d));
            Assert.All(v1.Items, i => Assert.False(string.IsNullOrWhiteSpace(i.Method)));
        }
    }

    [Fact]
    public async Task Baseline_CategorySpecificItems_NameTheirRegulations()
    {
        await using var scope = TestScopes.As(_services, Roles.QaInspector, out InspectionSpecService service);

        var electronics = await service.GetVersionAsync(SupplierCategory.ElectronicsAppliances, 1, CancellationToken.None);
        var beauty = await service.GetVersionAsync(SupplierCategory.BeautyHealth, 1, CancellationToken.None);

        Assert.Contains(electronics!.Items, i => i.Title.Contains("BSMI", StringComparison.Ordinal) && i.DefectClass == DefectClass.Critical);
        Assert.Contains(beauty!.Items, i => i.RegulationReference?.StartsWith("化粧品衛生安全管理法", StringComparison.Ordinal) == true);
        Assert.DoesNotContain(beauty.Items, i => i.Title.Contains("BSMI", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RecordChange_QaManagerEditsItems_CreatesVersionTwoAndLeavesVersionOneIntact()
    {
        await using var scope = TestScopes.As(_services, Roles.QaManager, out InspectionSpecService service);
        var v1 = (await service.GetVersionAsync(SupplierCategory.Food, 1, CancellationToken.None))!;
        var items = v1.Items.Select(i => new ChecklistItemDraft(i.Code, i.Title, i.DefectClass, i.Method, i.RegulationReference)).ToList();
        var nutrition = items.FindIndex(i => i.Code == "FD-02");
        items[nutrition] = items[nutrition] with { DefectClass = DefectClass.Critical, RegulationReference = "食品安全衛生管理法 第22條（2020 修正）" };
        items.RemoveAll(i => i.Code == "QC-11");
        items.Add(new("FD-21", "含豬肉及可食部位原料原產地標示", DefectClass.Critical, "目視", "食品安全衛生管理法 第22條"));

        var result = await service.RecordChangeAsync(
            new SpecChangeRequest(SupplierCategory.Food, v1.TemplateId, items, "營養標示改列嚴重缺點；新增豬肉原產地標示；刪除條碼掃描", "食品安全衛生管理法 第22條 修正", new DateOnly(2021, 1, 1)),
            CancellationToken.None);

        Assert.True(result.Result.Succeeded, string.Join(", ", result.Result.Errors));
        Assert.Equal(2, result.NewVersionNumber);
        var v2 = (await service.GetVersionAsync(SupplierCategory.Food, null, CancellationToken.None))!;
        var v1Again = (await service.GetVersionAsync(SupplierCategory.Food, 1, CancellationToken.None))!;
        Assert.Equal(2, v2.Number);
        Assert.Equal(70, v2.Items.Count);
        Assert.Equal(DefectClass.Critical, v2.Items.Single(i => i.Code == "FD-02").DefectClass);
        Assert.DoesNotContain(v2.Items, i => i.Code == "QC-11");
        Assert.Equal(v1.Items, v1Again.Items);
        Assert.Equal(DefectClass.Major, v1Again.Items.Single(i => i.Code == "FD-02").DefectClass);

        var history = await service.ListVersionsAsync(SupplierCategory.Food, CancellationToken.None);
        Assert.Equal([2, 1], history.Select(h => h.Number));
        Assert.Equal("食品安全衛生管理法 第22條 修正", history[0].Reason);
        Assert.Equal("qa.manager@demo.local", history[0].CreatedBy);

        // A second change made on the stale version 1 is refused, not silently numbered 3 on top of old items.
        var stale = await service.RecordChangeAsync(
            new SpecChangeRequest(SupplierCategory.Food, v1.TemplateId, items.Take(60).ToList(), "另一項變更", "食品安全衛生管理法 第22條 修正", new DateOnly(2021, 1, 1)),
            CancellationToken.None);
        Assert.True(stale.Result.Conflict);
    }

    [Fact]
    public async Task RecordChange_MissingWhatAndWhy_FailsAndCreatesNoVersion()
    {
        await using var scope = TestScopes.As(_services, Roles.QaManager, out InspectionSpecService service);
        var v1 = (await service.GetVersionAsync(SupplierCategory.LeisureSmallAppliances, null, CancellationToken.None))!;
        var items = v1.Items.Skip(1).Select(i => new ChecklistItemDraft(i.Code, i.Title, i.DefectClass, i.Method, i.RegulationReference)).ToList();

        var result = await service.RecordChangeAsync(
            new SpecChangeRequest(SupplierCategory.LeisureSmallAppliances, v1.TemplateId, items, " ", "", new DateOnly(2021, 1, 1)), CancellationToken.None);

        Assert.False(result.Result.Succeeded);
        Assert.Equal(2, result.Result.Errors.Count);
        Assert.Equal(v1.Number, (await service.GetVersionAsync(SupplierCategory.LeisureSmallAppliances, null, CancellationToken.None))!.Number);
    }

    [Fact]
    public async Task RecordChange_DuplicateItemCode_FailsWithLocalizedMessageAndCreatesNoVersion()
    {
        await using var scope = TestScopes.As(_services, Roles.QaManager, out InspectionSpecService service);
        var v1 = (await service.GetVersionAsync(SupplierCategory.FashionTextiles, null, CancellationToken.None))!;
        var items = v1.Items.Select(i => new ChecklistItemDraft(i.Code, i.Title, i.DefectClass, i.Method, i.RegulationReference))
            .Append(new("FT-01", "重複代碼的新項目", DefectClass.Minor, "目視", null)).ToList();

        var result = await service.RecordChangeAsync(
            new SpecChangeRequest(SupplierCategory.FashionTextiles, v1.TemplateId, items, "新增項目", "商品標示法 修正", new DateOnly(2021, 1, 1)), CancellationToken.None);

        Assert.False(result.Result.Succeeded);
        Assert.Equal(["同一版本中的項目代碼不可重複"], scope.ServiceProvider.GetRequiredService<IStringLocalizer<SharedResource>>().Messages(result.Result));
        Assert.Equal(v1.Number, (await service.GetVersionAsync(SupplierCategory.FashionTextiles, null, CancellationToken.None))!.Number);
    }

    [Fact]
    public async Task AffectedProducts_Category_ReturnsOnlyListedProductsOfThatCategoryPaged()
    {
        await using var scope = TestScopes.As(_services, Roles.QaManager, out InspectionSpecService service);
        await using var db = NewContext();
        var expected = await db.Products.CountAsync(p => p.Category == SupplierCategory.BeautyHealth && p.ListingStatus == ListingStatus.Listed);
        Assert.True(await db.Products.AnyAsync(p => p.Category == SupplierCategory.BeautyHealth && p.ListingStatus == ListingStatus.Delisted)
            || await db.Products.AnyAsync(p => p.Category != SupplierCategory.BeautyHealth), "the demo data must hold products the query must leave out");

        var first = await service.AffectedProductsAsync(SupplierCategory.BeautyHealth, null, 0, 10, CancellationToken.None);
        var second = await service.AffectedProductsAsync(SupplierCategory.BeautyHealth, null, 1, 10, CancellationToken.None);

        Assert.Equal(expected, first.Total);
        Assert.Equal(10, first.Items.Count);
        Assert.Empty(first.Items.Select(r => r.Id).Intersect(second.Items.Select(r => r.Id)));
        var ids = first.Items.Concat(second.Items).Select(r => r.Id).ToList();
        var rows = await db.Products.Where(p => ids.Contains(p.Id)).ToListAsync();
        Assert.All(rows, p => Assert.Equal((SupplierCategory.BeautyHealth, ListingStatus.Listed), (p.Category, p.ListingStatus)));

        var keyword = first.Items[0].Name[..2];
        var narrowed = await service.AffectedProductsAsync(SupplierCategory.BeautyHealth, keyword, 0, 50, CancellationToken.None);
        Assert.InRange(narrowed.Total, 1, expected);
        Assert.All(narrowed.Items, r => Assert.Contains(keyword, r.Name, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Delist_SelectedProducts_SetsStatusReasonDateAndAuditsEachAsUpdate()
    {
        await using var scope = TestScopes.As(_services, Roles.QaManager, out InspectionSpecService service);
        var page = await service.AffectedProductsAsync(SupplierCategory.JewelleryLuxury, null, 0, 5, CancellationToken.None);
        var chosen = page.Items.Take(2).Select(r => r.Id).ToList();
        var before = DateTime.UtcNow.AddMinutes(-1);

        var result = await service.DelistAsync(SupplierCategory.JewelleryLuxury, chosen, "貴金屬成色標示新規：未附成色證明", CancellationToken.None);

        Assert.True(result.Result.Succeeded, string.Join(", ", result.Result.Errors));
        Assert.Equal(2, result.Delisted);
        await using var db = NewContext();
        var products = await db.Products.Where(p => chosen.Contains(p.Id)).ToListAsync();
        Assert.All(products, p =>
        {
            Assert.Equal(ListingStatus.Delisted, p.ListingStatus);
            Assert.Equal("貴金屬成色標示新規：未附成色證明", p.DelistingReason);
            Assert.True(p.DelistedUtc >= before);
        });
        var keys = chosen.Select(id => id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var audits = await db.AuditEntries
            .Where(a => a.EntityType == nameof(Product) && a.Action == AuditAction.Update && keys.Contains(a.EntityKey!) && a.OccurredUtc >= before)
            .ToListAsync();
        Assert.Equal(keys.Order(), audits.Select(a => a.EntityKey!).Order());
        Assert.All(audits, a => Assert.Equal("qa.manager@demo.local", a.UserName));
        var stillAffected = await service.AffectedProductsAsync(SupplierCategory.JewelleryLuxury, null, 0, 1000, CancellationToken.None);
        Assert.DoesNotContain(stillAffected.Items, r => chosen.Contains(r.Id));
    }

    [Fact]
    public async Task Delist_ProductOfAnotherCategory_DelistsNothing()
    {
        await using var scope = TestScopes.As(_services, Roles.QaManager, out InspectionSpecService service);
        var fashion = (await service.AffectedProductsAsync(SupplierCategory.FashionTextiles, null, 0, 1, CancellationToken.None)).Items[0].Id;
        var jewel = (await service.AffectedProductsAsync(SupplierCategory.JewelleryLuxury, null, 3, 1, CancellationToken.None)).Items[0].Id;

        var result = await service.DelistAsync(SupplierCategory.JewelleryLuxury, [jewel, fashion], "原因", CancellationToken.None);

        Assert.False(result.Result.Succeeded);
        await using var db = NewContext();
        Assert.Equal(ListingStatus.Listed, (await db.Products.SingleAsync(p => p.Id == jewel)).ListingStatus);
        Assert.Equal(ListingStatus.Listed, (await db.Products.SingleAsync(p => p.Id == fashion)).ListingStatus);
    }

    [Fact]
    public async Task QaInspector_RecordChangeOrDelist_IsRefused()
    {
        await using var scope = TestScopes.As(_services, Roles.QaInspector, out InspectionSpecService service);
        var v1 = (await service.GetVersionAsync(SupplierCategory.ElectronicsAppliances, 1, CancellationToken.None))!;
        var items = v1.Items.Skip(1).Select(i => new ChecklistItemDraft(i.Code, i.Title, i.DefectClass, i.Method, i.RegulationReference)).ToList();

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => service.RecordChangeAsync(
            new SpecChangeRequest(SupplierCategory.ElectronicsAppliances, v1.TemplateId, items, "刪除一項", "商品檢驗法 修正", new DateOnly(2021, 1, 1)), CancellationToken.None));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => service.DelistAsync(SupplierCategory.ElectronicsAppliances, [1], "原因", CancellationToken.None));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => service.AffectedProductsAsync(SupplierCategory.ElectronicsAppliances, null, 0, 10, CancellationToken.None));
        Assert.Equal(1, (await service.GetVersionAsync(SupplierCategory.ElectronicsAppliances, null, CancellationToken.None))!.Number);
    }

    [Fact]
    public async Task Merchandiser_ViewChecklist_IsRefused()
    {
        await using var scope = TestScopes.As(_services, Roles.Merchandiser, out InspectionSpecService service);

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => service.GetVersionAsync(SupplierCategory.Food, null, CancellationToken.None));
    }

    [Fact]
    public void Baseline_SeederList_HasSeventyUniqueCodesPerCategory()
    {
        foreach (var category in Enum.GetValues<SupplierCategory>())
        {
            var items = ReferenceData.Baseline(category);
            Assert.Equal(ReferenceData.BaselineItemCount, items.Count);
            Assert.Empty(ChecklistTemplate.Create(category, items, ReferenceData.BaselineEffectiveFrom, "t").Validate());
        }
    }

    private PortalDbContext NewContext() => _services.GetRequiredService<PortalDatabase>().Create(AuditActor.System);
}

/// <summary>The page as each role gets it over HTTP (prerendered).</summary>
public sealed class InspectionSpecPageTests(PortalFactoryFixture fixture) : IClassFixture<PortalFactoryFixture>
{
    [Fact]
    public async Task SpecsPage_QaInspector_SeesChecklistButNoChangeOrDelistActions()
    {
        using var client = await fixture.Factory.SignedInClientAsync("qa.inspector@demo.local");

        var html = await client.GetStringAsync(new Uri("/inspections/specs?category=ElectronicsAppliances", UriKind.Relative));

        Assert.Contains("BSMI 商品檢驗標識", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"nav-inspection-specs\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"spec-record-change\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"spec-open-affected\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SpecsPage_QaManager_SeesRecordChangeAction()
    {
        using var client = await fixture.Factory.SignedInClientAsync("qa.manager@demo.local");

        var html = await client.GetStringAsync(new Uri("/inspections/specs", UriKind.Relative));

        Assert.Contains("data-testid=\"spec-record-change\"", html, StringComparison.Ordinal);
        Assert.Contains("營養標示", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("merchandiser@demo.local")]
    [InlineData("supplier.officer@demo.local")]
    public async Task SpecsPage_OtherRoles_Returns403(string email)
    {
        using var client = await fixture.Factory.SignedInClientAsync(email);

        var response = await client.GetAsync(new Uri("/inspections/specs", UriKind.Relative));

        Assert.Equal(System.Net.HttpStatusCode.Forbidden, response.StatusCode);
    }
}
