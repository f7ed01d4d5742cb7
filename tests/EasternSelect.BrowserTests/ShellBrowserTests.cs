using EasternSelect.Data.Seed;
using Microsoft.Playwright;

namespace EasternSelect.BrowserTests;

[Collection(nameof(BrowserCollection))]
public sealed class ShellBrowserTests(BrowserFixture fixture)
{
    [SkippableFact]
    public async Task Login_ZhTwByDefault_ShowsChineseSignInPage()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        var page = await fixture.AnonymousPageAsync();

        await page.GotoAsync("/");

        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/Login"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("登入");
        await Assertions.Expect(page.Locator("[data-testid=demo-accounts]")).ToContainTextAsync("qa.inspector@demo.local");
        await BrowserFixture.ScreenshotAsync(page, "login-zh");
    }

    [SkippableTheory]
    [InlineData("admin@demo.local", "nav-admin-users", "nav-suppliers")]
    [InlineData("qa.inspector@demo.local", "nav-suppliers", "nav-admin-users")]
    [InlineData("cx.agent@demo.local", "nav-products", "nav-suppliers")]
    [InlineData("auditor@demo.local", "nav-home", "nav-products")]
    [InlineData("executive@demo.local", "nav-suppliers", "nav-admin-audit")]
    public async Task SignIn_EachRole_SeesHomeAndItsOwnMenu(string email, string shownItem, string hiddenItem)
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        var role = DemoAccounts.All.Single(a => a.Email == email).Role;
        var page = await fixture.PageAsAsync(email);

        await BrowserFixture.GotoInteractiveAsync(page, "/");

        await Assertions.Expect(page.Locator($"[data-testid=home-card-{role}]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator($"[data-testid={shownItem}]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator($"[data-testid={hiddenItem}]")).ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(page, "home-" + role);
        await page.Context.CloseAsync();
    }

    [SkippableFact]
    public async Task LanguageSwitch_ToEnglishAndBack_ChangesTheWholeShell()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        var page = await fixture.PageAsAsync("merchandiser@demo.local");
        await BrowserFixture.GotoInteractiveAsync(page, "/");
        await Assertions.Expect(page.Locator("[data-testid=nav-home]")).ToContainTextAsync("首頁");

        await page.ClickAsync("[data-testid=language-switch] button");
        await page.ClickAsync("[data-testid=language-en]");

        await Assertions.Expect(page.Locator("[data-testid=nav-home]")).ToContainTextAsync("Home");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await BrowserFixture.ScreenshotAsync(page, "home-english");

        await page.ClickAsync("[data-testid=language-switch] button");
        await page.ClickAsync("[data-testid=language-zh]");
        await Assertions.Expect(page.Locator("[data-testid=nav-home]")).ToContainTextAsync("首頁");
        await page.Context.CloseAsync();
    }

    [SkippableFact]
    public async Task ForbiddenPage_AsCustomerAgent_ShowsAccessDenied()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        var page = await fixture.PageAsAsync("cx.agent@demo.local");

        var response = await page.GotoAsync("/admin/users");

        Assert.Equal(403, response!.Status);
        await Assertions.Expect(page.Locator("[data-testid=access-denied]")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [SkippableFact]
    public async Task Suppliers_AsOfficer_ListsMaskedContactsWithPaging()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        var page = await fixture.PageAsAsync("supplier.officer@demo.local");

        await BrowserFixture.GotoInteractiveAsync(page, "/suppliers");

        var contacts = page.Locator("[data-testid=supplier-contact]");
        await Assertions.Expect(contacts.First).ToContainTextAsync("-***-");
        Assert.Equal(25, await contacts.CountAsync());
        await BrowserFixture.ScreenshotAsync(page, "suppliers");
        await page.Context.CloseAsync();
    }
}
