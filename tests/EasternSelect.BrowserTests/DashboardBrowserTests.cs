using Microsoft.Playwright;

namespace EasternSelect.BrowserTests;

[Collection(nameof(BrowserCollection))]
public sealed partial class DashboardBrowserTests(BrowserFixture fixture)
{
    [SkippableFact]
    public async Task Executive_OpensDashboard_ChartsDrawAndTheComplaintTileOpensItsMaskedRecords()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        var page = await fixture.PageAsAsync("executive@demo.local");
        await BrowserFixture.GotoInteractiveAsync(page, "/dashboard");

        await Assertions.Expect(page.Locator("[data-testid=dashboard-executive]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=dashboard-qa]")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-testid=exec-quality-chart] svg path").First).ToBeAttachedAsync();
        await Assertions.Expect(page.Locator("[data-testid=exec-quality-chart]")).ToContainTextAsync("目標上限 3%");
        await Assertions.Expect(page.Locator("[data-testid=exec-defect-shortage]")).ToContainTextAsync("目標 ≤ 3.00%");
        await BrowserFixture.ScreenshotAsync(page, "dashboard-executive");
        // The demo imports shipped units for the window: the tile shows a rate with its definition.
        await Assertions.Expect(page.Locator("[data-testid=exec-complaint-rate]")).ToContainTextAsync("%");

        await page.ClickAsync("[data-testid=exec-complaint-rate-link]");

        await page.WaitForURLAsync(url => url.Contains("/reports/records/complaints?from=", StringComparison.Ordinal) && !url.Contains("closed", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("[data-testid=records-scope]")).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"共 [\d,]+ 筆"));
        await Assertions.Expect(page.Locator("[data-testid=record-customer]").First).ToContainTextAsync("*");
        await BrowserFixture.ScreenshotAsync(page, "dashboard-executive-records");
        await page.Context.CloseAsync();
    }

    [SkippableFact]
    public async Task QaManager_OpensDashboard_LotsTileOpensTheFilteredLotList()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        var page = await fixture.PageAsAsync("qa.manager@demo.local");
        await BrowserFixture.GotoInteractiveAsync(page, "/dashboard");

        await Assertions.Expect(page.Locator("[data-testid=dashboard-qa]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=dashboard-executive]")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-testid=qa-lots-chart] svg rect, [data-testid=qa-lots-chart] svg path").First).ToBeAttachedAsync();
        await Assertions.Expect(page.Locator("[data-testid=qa-rejection-chart] svg").First).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "dashboard-qa");
        var inspected = (await page.Locator("[data-testid=qa-lots-inspected-link]").InnerTextAsync()).Trim();

        await page.ClickAsync("[data-testid=qa-lots-inspected-link]");

        await page.WaitForURLAsync(url => url.Contains("/inspections/lots?month=", StringComparison.Ordinal) && url.Contains("decision=Inspected", StringComparison.Ordinal));
        await page.Locator("[data-interactive=true]").WaitForAsync();
        await Assertions.Expect(page.Locator("[data-testid=lots-table] .mud-table-pagination-caption").Last).ToContainTextAsync("共 " + inspected + " 筆");
        await Assertions.Expect(page.Locator("[data-testid=lots-table] tbody")).Not.ToContainTextAsync("待檢驗");
        await BrowserFixture.ScreenshotAsync(page, "dashboard-qa-lots");
        await page.Context.CloseAsync();
    }

    [SkippableFact]
    public async Task CxAgentAndSupplierHead_OpenDashboard_SeeTheirPanelsAndTheSlaTileFiltersTheComplaints()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        var head = await fixture.PageAsAsync("supplier.head@demo.local");
        await BrowserFixture.GotoInteractiveAsync(head, "/dashboard");
        await Assertions.Expect(head.Locator("[data-testid=dashboard-supplier]")).ToBeVisibleAsync();
        await Assertions.Expect(head.Locator("[data-testid=supplier-grievances-unread]")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(head, "dashboard-supplier-head");
        await head.Context.CloseAsync();

        var page = await fixture.PageAsAsync("cx.agent@demo.local");
        await BrowserFixture.GotoInteractiveAsync(page, "/dashboard");
        await Assertions.Expect(page.Locator("[data-testid=dashboard-cx]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=cx-sla-chart] svg").First).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "dashboard-cx");
        var onTrack = (await page.Locator("[data-testid=cx-sla-on-track-link]").InnerTextAsync()).Trim();

        await page.ClickAsync("[data-testid=cx-sla-on-track-link]");

        await page.WaitForURLAsync(url => url.Contains("/complaints?view=Open&sla=OnTrack", StringComparison.Ordinal));
        await page.Locator("[data-interactive=true]").WaitForAsync();
        await Assertions.Expect(page.Locator("[data-testid=complaint-sla-filter]")).ToContainTextAsync("時效內");
        await Assertions.Expect(page.Locator("[data-testid=complaint-table] .mud-table-pagination-caption").Last).ToContainTextAsync("共 " + onTrack + " 筆");
        await BrowserFixture.ScreenshotAsync(page, "dashboard-cx-complaints");
        await page.Context.CloseAsync();
    }

}
