using Microsoft.Playwright;

namespace EasternSelect.BrowserTests;

[Collection(nameof(BrowserCollection))]
public sealed class InspectionSpecBrowserTests(BrowserFixture fixture)
{
    [SkippableFact]
    public async Task SpecChange_QaManagerRecordsChangeAndDelistsTwoProducts_ProductsLeaveTheAffectedList()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        var page = await fixture.PageAsAsync("qa.manager@demo.local");
        await BrowserFixture.GotoInteractiveAsync(page, "/inspections/specs?category=JewelleryLuxury");
        await Assertions.Expect(page.Locator("[data-testid=spec-items]")).ToContainTextAsync("貴金屬成色標示");
        await BrowserFixture.ScreenshotAsync(page, "inspection-specs");

        await page.ClickAsync("[data-testid=spec-record-change]");
        await page.ClickAsync("[data-testid=spec-save]");
        await Assertions.Expect(page.Locator("[data-testid=spec-errors]")).ToContainTextAsync("請填寫變更內容");

        var what = $"新增黃金飾品含金量證明 {Guid.NewGuid():N}"[..24];
        await page.FillAsync("[data-testid=spec-what] textarea, textarea[data-testid=spec-what]", what);
        await page.FillAsync("[data-testid=spec-reason] input, input[data-testid=spec-reason]", "商品標示法 第9條 修正");
        var rows = page.Locator("[data-testid=spec-edit-items] tbody tr");
        var before = await rows.CountAsync();
        await page.ClickAsync("[data-testid=spec-add-item]");
        await Assertions.Expect(rows).ToHaveCountAsync(before + 1);
        var row = rows.Last;
        await row.Locator("input[data-testid=edit-code]").FillAsync("JL-99");
        await row.Locator("input[data-testid=edit-title]").FillAsync("黃金飾品附含金量檢驗證明");
        await row.Locator("input[data-testid=edit-method]").FillAsync("文件審查");
        await row.Locator("input[data-testid=edit-regulation]").FillAsync("商品標示法 第9條");
        await page.ClickAsync("[data-testid=spec-save]");

        var affected = page.Locator("[data-testid=spec-affected-table] tbody tr");
        await Assertions.Expect(affected.First).ToBeVisibleAsync();
        var skus = new[] { await affected.Nth(0).Locator("code").InnerTextAsync(), await affected.Nth(1).Locator("code").InnerTextAsync() };
        await affected.Nth(0).Locator("input[type=checkbox]").CheckAsync();
        await affected.Nth(1).Locator("input[type=checkbox]").CheckAsync();
        await Assertions.Expect(page.Locator("[data-testid=spec-delist]")).ToContainTextAsync("（2）");
        await BrowserFixture.ScreenshotAsync(page, "inspection-specs-affected");
        await page.ClickAsync("[data-testid=spec-delist]");

        await Assertions.Expect(page.Locator(".mud-snackbar", new() { HasText = "已下架 2 項商品" })).ToBeVisibleAsync();
        foreach (var sku in skus)
        {
            await Assertions.Expect(page.Locator("[data-testid=spec-affected-table]")).Not.ToContainTextAsync(sku);
        }

        await page.ClickAsync("text=版本歷程");
        await Assertions.Expect(page.Locator("[data-testid=spec-history]")).ToContainTextAsync(what);
        await page.Context.CloseAsync();
    }
}
