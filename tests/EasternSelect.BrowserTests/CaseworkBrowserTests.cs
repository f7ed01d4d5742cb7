using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace EasternSelect.BrowserTests;

[Collection(nameof(BrowserCollection))]
public sealed class CaseworkBrowserTests(BrowserFixture fixture)
{
    [SkippableFact]
    public async Task Agent_TakesAComplaintThroughToClosureWithARootCause()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        var page = await fixture.PageAsAsync("cx.agent@demo.local");
        await BrowserFixture.GotoInteractiveAsync(page, "/complaints");
        await Assertions.Expect(page.Locator("[data-testid=complaint-table] tbody tr").First).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "complaints-list");
        var order = "ES" + Random.Shared.Next(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);

        await page.ClickAsync("[data-testid=complaint-new]");
        var dialog = page.Locator(".mud-dialog");
        await dialog.Locator(".mud-select", new() { Has = page.Locator("[data-testid=intake-category]") }).First.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "配送延遲" }).First.ClickAsync();
        // Type only once the selection's render has arrived: a render still in flight would reset an uncommitted text box.
        await Assertions.Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
        await page.FillAsync("input[data-testid=intake-name]", "黃小華");
        await page.FillAsync("input[data-testid=intake-phone]", "0933222111");
        await page.FillAsync("input[data-testid=intake-order]", order);
        await page.FillAsync("textarea[data-testid=intake-description]", "已超過預計到貨日三天仍未收到");
        await BrowserFixture.ScreenshotAsync(page, "complaint-intake");
        await page.ClickAsync("[data-testid=intake-save]");

        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/complaints/\d+$"));
        await Assertions.Expect(page.Locator("[data-testid=customer-CustomerPhone]")).ToContainTextAsync("0933-***-111");
        await page.ClickAsync("[data-testid=complaint-take]");
        await Assertions.Expect(page.Locator("[data-testid=complaint-assignee]")).ToContainTextAsync("王淑芬");
        await page.ClickAsync("[data-testid=reveal-CustomerPhone]");
        await Assertions.Expect(page.Locator("[data-testid=customer-CustomerPhone] [data-testid=revealed]")).ToHaveTextAsync("0933222111");
        await page.ClickAsync("[data-testid=move-Investigating]");
        await Assertions.Expect(page.Locator("[data-testid=case-status]").First).ToHaveAttributeAsync("data-status", "Investigating");
        await page.FillAsync("textarea[data-testid=case-note]", "已聯絡物流，明日補送");
        await page.ClickAsync("[data-testid=case-add-note]");
        await Assertions.Expect(page.Locator("[data-testid=case-history]")).ToContainTextAsync("已聯絡物流，明日補送");

        await page.Locator(".mud-select", new() { Has = page.Locator("[data-testid=close-root-cause]") }).First.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "配送物流" }).First.ClickAsync();
        await page.FillAsync("input[data-testid=close-note]", "物流商分區延誤");
        await page.ClickAsync("[data-testid=complaint-close]");

        await Assertions.Expect(page.Locator("[data-testid=case-status]").First).ToHaveAttributeAsync("data-status", "Closed");
        await Assertions.Expect(page.Locator("[data-testid=complaint-root-cause]")).ToContainTextAsync("配送物流");
        await Assertions.Expect(page.Locator("[data-testid=sla-closure]")).ToHaveAttributeAsync("data-sla", "Met");
        await BrowserFixture.ScreenshotAsync(page, "complaint-closed");
        await page.Context.CloseAsync();
    }

    [SkippableFact]
    public async Task Supplier_FilesAGrievanceOnThePublicForm_AndSeesItsStatus()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        var page = await fixture.AnonymousPageAsync();
        await page.GotoAsync("/grievance/new");

        await page.SelectOptionAsync("[data-testid=public-topic]", "PaymentsFees");
        await page.FillAsync("[data-testid=public-subject]", "瀏覽器測試 貨款撥付延遲");
        await page.FillAsync("[data-testid=public-description]", "三月份貨款至今未撥付，請協助查明。");
        await page.FillAsync("[data-testid=public-company]", "好品質食品有限公司");
        await page.FillAsync("[data-testid=public-contact]", "林美華");
        await page.FillAsync("[data-testid=public-phone]", "0922111333");
        await BrowserFixture.ScreenshotAsync(page, "grievance-public-form");
        await page.ClickAsync("[data-testid=public-submit]");

        var number = (await page.Locator("[data-testid=receipt-number]").TextContentAsync())!.Trim();
        var token = (await page.Locator("[data-testid=receipt-token]").TextContentAsync())!.Trim();
        Assert.Matches(@"^G\d{4}-\d{4}$", number);
        Assert.True(token.Length >= 30);
        await BrowserFixture.ScreenshotAsync(page, "grievance-receipt");

        await page.ClickAsync("[data-testid=status-link]");
        await page.FillAsync("[data-testid=status-number]", number);
        await page.FillAsync("[data-testid=status-token]", token);
        await page.ClickAsync("[data-testid=status-submit]");

        await Assertions.Expect(page.Locator("[data-testid=status-value]")).ToHaveTextAsync("新案件");
        await BrowserFixture.ScreenshotAsync(page, "grievance-status");
        await page.Context.CloseAsync();

        // The head sees it in the daily digest, identity masked until revealed.
        var head = await fixture.PageAsAsync("supplier.head@demo.local");
        await BrowserFixture.GotoInteractiveAsync(head, "/grievances/digest");
        await Assertions.Expect(head.Locator("[data-testid=digest-table]")).ToContainTextAsync(number);
        await BrowserFixture.ScreenshotAsync(head, "grievance-digest");
        await head.Locator("[data-testid=digest-table] a", new() { HasText = number }).ClickAsync();
        await Assertions.Expect(head.Locator("[data-testid=grievance-identity]")).ToContainTextAsync("0922-***-333");
        await BrowserFixture.ScreenshotAsync(head, "grievance-detail");
        await head.Context.CloseAsync();
    }
}
