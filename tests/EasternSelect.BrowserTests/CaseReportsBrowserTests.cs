using Microsoft.Playwright;

namespace EasternSelect.BrowserTests;

[Collection(nameof(BrowserCollection))]
public sealed class CaseReportsBrowserTests(BrowserFixture fixture)
{
    [SkippableFact]
    public async Task ComplaintsReport_AsCxAgent_RefusesAReversedRangeThenShowsTheStatistics()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        var page = await fixture.PageAsAsync("cx.agent@demo.local");
        await BrowserFixture.GotoInteractiveAsync(page, "/reports");
        Assert.Equal(0, await page.Locator("[data-testid=report-suppliers]").CountAsync());

        await page.FillAsync("input[data-testid=report-complaints-from]", "2020-12-31");
        await page.FillAsync("input[data-testid=report-complaints-to]", "2020-01-01");
        await page.Locator("input[data-testid=report-complaints-to]").BlurAsync();
        await Assertions.Expect(page.Locator("[data-testid=report-complaints]")).ToContainTextAsync("結束日期不可早於起始日期");
        Assert.Equal(0, await page.Locator("[data-testid=report-complaints-pdf]").CountAsync());

        await page.FillAsync("input[data-testid=report-complaints-from]", "2020-01-01");
        await page.FillAsync("input[data-testid=report-complaints-to]", "2020-12-31");
        await page.Locator("input[data-testid=report-complaints-to]").BlurAsync();
        await Assertions.Expect(page.Locator("[data-testid=report-complaints-pdf]")).ToHaveAttributeAsync("href", "/reports/complaints.pdf?from=2020-01-01&to=2020-12-31");
        await page.ClickAsync("[data-testid=report-complaints-view]");
        await Assertions.Expect(page.Locator("[data-testid=report-view]")).ToContainTextAsync("客訴統計報表");
        await Assertions.Expect(page.Locator("[data-testid=report-view]")).ToContainTextAsync("7 日結案時效");
        await BrowserFixture.ScreenshotAsync(page, "reports-complaints");

        // A figure's drill-down: the complaints behind it, the customer masked.
        await BrowserFixture.GotoInteractiveAsync(page, "/reports/records/complaints?from=2020-01-01&to=2020-12-31&channel=Ivr&closedWithinSla=false");
        await Assertions.Expect(page.Locator("[data-testid=records-description]")).ToContainTextAsync("IVR 語音");
        await Assertions.Expect(page.Locator("[data-testid=records-table]")).ToContainTextAsync("*");
        await BrowserFixture.ScreenshotAsync(page, "records-complaints");
        await page.Context.CloseAsync();
    }

    [SkippableFact]
    public async Task InspectionsReport_AsQaInspector_RefusesMonth13()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        var page = await fixture.PageAsAsync("qa.inspector@demo.local");
        await BrowserFixture.GotoInteractiveAsync(page, "/reports");

        await page.FillAsync("input[data-testid=report-inspections-month]", "2020-13");
        await page.Locator("input[data-testid=report-inspections-month]").BlurAsync();
        await Assertions.Expect(page.Locator("[data-testid=report-inspections]")).ToContainTextAsync("月份格式須為 yyyy-MM");

        await page.FillAsync("input[data-testid=report-inspections-month]", "2020-12");
        await page.Locator("input[data-testid=report-inspections-month]").BlurAsync();
        await Assertions.Expect(page.Locator("[data-testid=report-inspections-xlsx]")).ToHaveAttributeAsync("href", "/reports/inspections.xlsx?month=2020-12");
        await page.ClickAsync("[data-testid=report-inspections-view]");
        await Assertions.Expect(page.Locator("[data-testid=report-view]")).ToContainTextAsync("月度檢驗報表");
        await BrowserFixture.ScreenshotAsync(page, "reports-inspections");
        await page.Context.CloseAsync();
    }
}
