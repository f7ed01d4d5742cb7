using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace EasternSelect.BrowserTests;

[Collection(nameof(BrowserCollection))]
public sealed partial class DashboardBrowserTests(BrowserFixture fixture)
{
    [SkippableFact]
    public async Task Executive_OpensDashboard_ChartsDrawAndTheClosureTileOpensItsMaskedRecords()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        var page = await fixture.PageAsAsync("executive@demo.local");
        await BrowserFixture.GotoInteractiveAsync(page, "/dashboard");

        await Assertions.Expect(page.Locator("[data-testid=dashboard-executive]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=dashboard-qa]")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-testid=exec-quality-chart] svg path").First).ToBeAttachedAsync();
        await Assertions.Expect(page.Locator("[data-testid=exec-closure-chart] svg").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=exec-defect-shortage]")).ToContainTextAsync("目標 ≤ 3.00%");
        await BrowserFixture.ScreenshotAsync(page, "dashboard-executive");
        var closed = Number().Match(await page.Locator("[data-testid=exec-closure-rate]").InnerTextAsync()) is { Success: true } m ? m.Groups[2].Value : "?";

        await page.ClickAsync("[data-testid=exec-closure-rate-link]");

        await page.WaitForURLAsync(url => url.Contains("/dashboard/records/complaints", StringComparison.Ordinal) && url.Contains("filter=Closed", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("[data-testid=records-scope]")).ToContainTextAsync("共 " + closed + " 筆");
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

    /// <summary>"7 日內結案 {0}／結案 {1} 件": group 2 is the number of closed complaints.</summary>
    [GeneratedRegex(@"7 日內結案 ([\d,]+)／結案 ([\d,]+) 件")]
    private static partial Regex Number();
}
