using System.Diagnostics;
using Microsoft.Playwright;

namespace EasternSelect.BrowserTests;

[Collection(nameof(BrowserCollection))]
public sealed class ReportsBrowserTests(BrowserFixture fixture)
{
    [SkippableFact]
    public async Task EsgReport_ViewAndDownloadPdf_ShowsTheChapterAndSavesARenderablePdf()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        var page = await fixture.PageAsAsync("executive@demo.local");
        await BrowserFixture.GotoInteractiveAsync(page, "/reports");

        await page.FillAsync("input[data-testid=report-esg-year]", "2020");
        await page.Locator("input[data-testid=report-esg-year]").BlurAsync();
        await page.ClickAsync("[data-testid=report-esg-view]");
        await Assertions.Expect(page.Locator("[data-testid=report-view]")).ToContainTextAsync("品質嚴選 服務貼心");
        await Assertions.Expect(page.Locator("[data-testid=report-view]")).ToContainTextAsync("近 3 年審查結果");
        await BrowserFixture.ScreenshotAsync(page, "reports");

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-testid=report-esg-pdf]"));
        var file = Path.Combine(BrowserFixture.ScreenshotFolder, "esg-2020.pdf");
        await download.SaveAsAsync(file);

        Assert.Equal("esg-2020.pdf", download.SuggestedFilename);
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString((await File.ReadAllBytesAsync(file))[..5]), StringComparison.Ordinal);
        // Page 1 as a picture, to look at: pdftoppm -png -r 80.
        using var render = Process.Start(new ProcessStartInfo("pdftoppm", ["-png", "-r", "80", "-f", "1", "-l", "1", file, Path.Combine(BrowserFixture.ScreenshotFolder, "esg-2020-page")]))!;
        await render.WaitForExitAsync();
        Assert.Equal(0, render.ExitCode);
        await page.Context.CloseAsync();
    }

    [SkippableFact]
    public async Task EsgReport_FigureLinkOpensRecords_ThenExecutiveFreezesTheYear()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        var page = await fixture.PageAsAsync("executive@demo.local");
        await BrowserFixture.GotoInteractiveAsync(page, "/reports");
        await page.FillAsync("input[data-testid=report-esg-year]", "2018");
        await page.Locator("input[data-testid=report-esg-year]").BlurAsync();
        await Assertions.Expect(page.Locator("[data-testid=esg-live]")).ToContainTextAsync("2018");
        await page.ClickAsync("[data-testid=report-esg-view]");
        var reviewLink = page.Locator("[data-testid=report-view] a[data-testid=figure-link][href*='/reports/records/reviews?year=2018&method=OnSite']").First;
        var figure = (await reviewLink.InnerTextAsync()).Trim();

        await reviewLink.ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=records-count]")).ToContainTextAsync($"共 {figure} 筆");
        await BrowserFixture.ScreenshotAsync(page, "report-records");

        await BrowserFixture.GotoInteractiveAsync(page, "/reports");
        await page.FillAsync("input[data-testid=report-esg-year]", "2018");
        await page.Locator("input[data-testid=report-esg-year]").BlurAsync();
        await page.FillAsync("textarea[data-testid=esg-note]", "2018 年報數據確認");
        await page.GetByRole(AriaRole.Button, new() { Name = "凍結並簽核 2018 年度數據" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "凍結並簽核", Exact = true }).ClickAsync();

        await Assertions.Expect(page.Locator("[data-testid=esg-frozen]")).ToContainTextAsync("凍結簽核");
        await Assertions.Expect(page.Locator("[data-testid=esg-no-differences]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=report-view]")).ToContainTextAsync("本報告為 2018 年度已凍結簽核的數據");
        await Assertions.Expect(page.Locator("[data-testid=report-view]")).ToContainTextAsync("簽核說明：2018 年報數據確認");
        await BrowserFixture.ScreenshotAsync(page, "esg-frozen");
        await page.Context.CloseAsync();
    }

    [SkippableFact]
    public async Task ReportsPage_AsQaInspector_ListsReportsWithoutEsg()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        var page = await fixture.PageAsAsync("qa.inspector@demo.local");
        await BrowserFixture.GotoInteractiveAsync(page, "/reports");

        await Assertions.Expect(page.Locator("[data-testid=report-supplier-reviews]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=report-products-xlsx]")).ToBeVisibleAsync();
        Assert.Equal(0, await page.Locator("[data-testid=report-esg]").CountAsync());
        await page.Context.CloseAsync();
    }
}
