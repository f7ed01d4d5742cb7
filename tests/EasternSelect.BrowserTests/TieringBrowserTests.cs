using Microsoft.Playwright;

namespace EasternSelect.BrowserTests;

[Collection(nameof(BrowserCollection))]
public sealed class TieringBrowserTests(BrowserFixture fixture)
{
    [SkippableFact]
    public async Task QaManager_RunsDecember2020_ApprovesOneProposal_SeesItInTheHistory()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        var page = await fixture.PageAsAsync("qa.manager@demo.local");
        await BrowserFixture.GotoInteractiveAsync(page, "/suppliers/tiering");
        await Assertions.Expect(page.Locator("[data-testid=tier-legend]")).ToContainTextAsync("加嚴檢驗");
        await Assertions.Expect(page.Locator("[data-testid=tier-history]")).ToContainTextAsync("尚無分級異動");

        await page.FillAsync("input[data-testid=evaluation-month]", "2020-12");
        await page.ClickAsync("[data-testid=run-evaluation]");
        await Assertions.Expect(page.Locator("[data-testid=run-message]")).ToContainTextAsync("2020-12 評估完成");
        var approve = page.Locator("[data-testid=proposals-table] button[data-testid^=approve-]").First;
        await approve.WaitForAsync();
        var approveId = await approve.GetAttributeAsync("data-testid");
        approve = page.Locator($"button[data-testid={approveId}]");
        var row = page.Locator("[data-testid=proposals-table] tbody tr").Filter(new() { Has = page.Locator($"button[data-testid={approveId}]") });
        var supplierName = (await row.Locator("a").First.InnerTextAsync()).Trim();
        await Assertions.Expect(row).ToContainTextAsync("批退率");
        await BrowserFixture.ScreenshotAsync(page, "tiering-proposals");

        await approve.ClickAsync();

        await Assertions.Expect(page.Locator("[data-testid=tier-history]")).ToContainTextAsync(supplierName);
        await Assertions.Expect(page.Locator("[data-testid=tier-history]")).ToContainTextAsync("qa.manager@demo.local");
        await Assertions.Expect(page.Locator("[data-testid=proposals-table]")).ToContainTextAsync("已核准");
        await BrowserFixture.ScreenshotAsync(page, "tiering-approved");

        // The same month again is refused with a message, not a second evaluation.
        await page.ClickAsync("[data-testid=run-evaluation]");
        await Assertions.Expect(page.Locator("[data-testid=run-message]")).ToContainTextAsync("已經評估過了");

        // Editing the policy: thresholds out of order are explained; a valid edit becomes version 2.
        await page.ClickAsync("[data-testid=policy-edit]");
        await page.FillAsync("input[data-testid=policy-a]", "95");
        await page.FillAsync("input[data-testid=policy-note]", "A 級門檻調高");
        await page.ClickAsync("[data-testid=policy-save]");
        await Assertions.Expect(page.Locator("[data-testid=policy-errors]")).ToContainTextAsync("遞減");
        await page.FillAsync("input[data-testid=policy-a]", "88");
        await page.ClickAsync("[data-testid=policy-save]");
        await Assertions.Expect(page.Locator("[data-testid=policy-version]")).ToHaveTextAsync("v2");
        await page.Context.CloseAsync();
    }

    [SkippableFact]
    public async Task SupplierOfficer_AddsACsrEvaluation_SameYearAgainIsRefused()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        var page = await fixture.PageAsAsync("supplier.officer@demo.local");
        await BrowserFixture.GotoInteractiveAsync(page, "/suppliers/7/csr");
        await Assertions.Expect(page.Locator("[data-testid=csr-table]")).ToContainTextAsync("尚無企業社會責任評估");

        await page.ClickAsync("[data-testid=csr-new]");
        await page.FillAsync("input[data-testid=csr-year]", "2020");
        await page.FillAsync("input[data-testid=csr-labour]", "90");
        await page.FillAsync("input[data-testid=csr-safety]", "70");
        await page.ClickAsync("[data-testid=csr-save]");
        await Assertions.Expect(page.Locator("[data-testid=csr-table]")).ToContainTextAsync("80.0");

        await page.ClickAsync("[data-testid=csr-new]");
        await page.FillAsync("input[data-testid=csr-year]", "2020");
        await page.ClickAsync("[data-testid=csr-save]");
        await Assertions.Expect(page.Locator("[data-testid=csr-errors]")).ToContainTextAsync("2020 年已有評估");
        await BrowserFixture.ScreenshotAsync(page, "csr-duplicate-year");
        await page.Context.CloseAsync();
    }
}
