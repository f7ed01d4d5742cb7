using Microsoft.Playwright;

namespace EasternSelect.BrowserTests;

[Collection(nameof(BrowserCollection))]
public sealed class AdminBrowserTests(BrowserFixture fixture)
{
    [SkippableFact]
    public async Task Invite_WeakPasswordThenDuplicateEmail_ShowsClearMessagesAndSavesNothing()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        var page = await fixture.PageAsAsync("admin@demo.local");
        await BrowserFixture.GotoInteractiveAsync(page, "/admin/users");
        await Assertions.Expect(page.Locator("[data-testid=users-table]")).ToContainTextAsync("qa.manager@demo.local");

        await page.ClickAsync("[data-testid=invite-user]");
        await page.FillAsync("[data-testid=invite-email] input, input[data-testid=invite-email]", "new.person@demo.local");
        await page.FillAsync("[data-testid=invite-name] input, input[data-testid=invite-name]", "新同仁 林小華");
        await page.ClickAsync("[data-testid=role-QaInspector] input, input[data-testid=role-QaInspector]");
        await page.FillAsync("[data-testid=invite-password] input, input[data-testid=invite-password]", "password2026");
        await page.ClickAsync("[data-testid=invite-submit]");

        await Assertions.Expect(page.Locator("[data-testid=form-errors]")).ToContainTextAsync("太常見");
        await BrowserFixture.ScreenshotAsync(page, "admin-invite-weak-password");

        await page.FillAsync("[data-testid=invite-email] input, input[data-testid=invite-email]", "qa.manager@demo.local");
        await page.FillAsync("[data-testid=invite-password] input, input[data-testid=invite-password]", "a long and unusual passphrase");
        await page.ClickAsync("[data-testid=invite-submit]");
        await Assertions.Expect(page.Locator("[data-testid=form-errors]")).ToContainTextAsync("已有帳號使用");

        await page.Keyboard.PressAsync("Escape");
        await BrowserFixture.GotoInteractiveAsync(page, "/admin/users");
        await Assertions.Expect(page.Locator("[data-testid=users-table]")).ToContainTextAsync("qa.manager@demo.local");
        await Assertions.Expect(page.Locator("[data-testid=users-table]")).Not.ToContainTextAsync("new.person@demo.local");
        await page.Context.CloseAsync();
    }

    [SkippableFact]
    public async Task Invite_WithoutPassword_GivesALinkThatLetsThePersonSignIn()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        var page = await fixture.PageAsAsync("admin@demo.local");
        await BrowserFixture.GotoInteractiveAsync(page, "/admin/users");

        await page.ClickAsync("[data-testid=invite-user]");
        await page.FillAsync("[data-testid=invite-email] input, input[data-testid=invite-email]", "invited.inspector@demo.local");
        await page.FillAsync("[data-testid=invite-name] input, input[data-testid=invite-name]", "受邀檢驗員");
        await page.ClickAsync("[data-testid=role-QaInspector] input, input[data-testid=role-QaInspector]");
        await page.ClickAsync("[data-testid=invite-submit]");
        var link = await page.Locator("[data-testid=invitation-link] textarea, textarea[data-testid=invitation-link]").InputValueAsync();
        await page.Context.CloseAsync();

        var invited = await fixture.AnonymousPageAsync();
        await invited.GotoAsync(link);
        await BrowserFixture.ScreenshotAsync(invited, "accept-invitation");
        var passwords = invited.Locator("input[type=password]");
        await passwords.Nth(0).FillAsync("spring rain over taipei 101");
        await passwords.Nth(1).FillAsync("spring rain over taipei 101");
        await invited.ClickAsync("button[type=submit]");
        await BrowserFixture.SignInAsync(invited, "invited.inspector@demo.local", "spring rain over taipei 101");

        await Assertions.Expect(invited.Locator("[data-testid=home-card-QaInspector]")).ToBeVisibleAsync();
        await invited.Context.CloseAsync();
    }

    [SkippableFact]
    public async Task AuditLog_AfterSignIns_ListsThem()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        var page = await fixture.PageAsAsync("admin@demo.local");

        await BrowserFixture.GotoInteractiveAsync(page, "/admin/audit");

        await Assertions.Expect(page.Locator("[data-testid=audit-table]")).ToContainTextAsync("登入");
        await Assertions.Expect(page.Locator("[data-testid=audit-table]")).ToContainTextAsync("admin@demo.local");
        await BrowserFixture.ScreenshotAsync(page, "admin-audit");
        await page.Context.CloseAsync();
    }
}
