using Microsoft.Playwright;

namespace EasternSelect.BrowserTests;

[Collection(nameof(BrowserCollection))]
public sealed class TrainingBrowserTests(BrowserFixture fixture)
{
    [SkippableFact]
    public async Task CreateSession_WithACompanyFromTheAutocomplete_IsListedWithItsPersonCount()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        var page = await fixture.PageAsAsync("supplier.officer@demo.local");
        await BrowserFixture.GotoInteractiveAsync(page, "/suppliers/training");
        var topic = "瀏覽器測試 標示法說明會 " + Guid.NewGuid().ToString("N")[..6];

        await page.ClickAsync("[data-testid=training-new]");
        await page.FillAsync("input[data-testid=training-topic]", topic);
        await page.FillAsync("input[data-testid=training-hours]", "0");
        await page.ClickAsync("[data-testid=training-save]");
        await Assertions.Expect(page.Locator("[data-testid=form-errors]")).ToContainTextAsync("時數須大於 0");

        await page.FillAsync("input[data-testid=training-hours]", "3");
        await page.Locator("input[data-testid=training-company]").PressSequentiallyAsync("食品");
        await page.Locator(".mud-popover-open .mud-list-item").First.ClickAsync();
        await Assertions.Expect(page.Locator(".mud-dialog")).ToContainTextAsync("參訓廠商（1）");
        await Assertions.Expect(page.Locator("input[data-testid=training-company]")).ToHaveValueAsync(string.Empty);
        await BrowserFixture.ScreenshotAsync(page, "training-dialog");
        await page.ClickAsync("[data-testid=training-save]");

        await Assertions.Expect(page.Locator("[data-testid=training-table]")).ToContainTextAsync(topic);
        await page.Context.CloseAsync();
    }
}
