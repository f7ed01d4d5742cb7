using System.Security.Cryptography;
using EasternSelect.Domain.Security;
using EasternSelect.Portal.Infrastructure.Cli;
using EasternSelect.Tests.Shared;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace EasternSelect.BrowserTests;

/// <summary>
/// A new customer's first month, with demo mode off on an empty database: the administrator is created as
/// <c>create-admin</c> does, sets up the second factor, invites one person per role, and those people run the month
/// through the screens only. Nothing here reads or writes the database behind the portal's back.
/// </summary>
public sealed class FirstMonthBrowserTests : IAsyncLifetime
{
    private const string AdminEmail = "it.admin@example.com";
    private const string AdminPassword = "harbour lights over keelung";
    private const string StaffPassword = "tea fields of pinglin 2026";

    private readonly PortalFactory _portal = new() { DemoMode = false };
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private string _baseUrl = string.Empty;
    private string? _skipReason;
    private readonly Dictionary<string, string> _states = [];

    /// <summary>One person per role (the committee needs one member per department, so four members).</summary>
    private static readonly (string Email, string Name, string Role)[] Staff =
    [
        ("inspector@example.com", "品保 王檢驗", Roles.QaInspector),
        ("qa.lead@example.com", "品保 陳主管", Roles.QaManager),
        ("officer@example.com", "廠服 林專員", Roles.SupplierOfficer),
        ("supplier.lead@example.com", "廠服 黃主管", Roles.SupplierHead),
        ("agent@example.com", "客服 張專員", Roles.CxAgent),
        ("major@example.com", "重案 李組員", Roles.MajorCaseTeam),
        ("marketing@example.com", "行銷 吳企劃", Roles.Merchandiser),
        ("member.product@example.com", "審議 商品部", Roles.CommitteeMember),
        ("member.programme@example.com", "審議 節目部", Roles.CommitteeMember),
        ("member.catalogue@example.com", "審議 型錄部", Roles.CommitteeMember),
        ("member.qa@example.com", "審議 品保部", Roles.CommitteeMember),
        ("audit@example.com", "稽核 周稽核", Roles.ThirdPartyAuditor),
        ("ceo@example.com", "總經理 鄭執行", Roles.Executive),
    ];

    public async Task InitializeAsync()
    {
        if (!File.Exists(BrowserFixture.ChromiumPath))
        {
            _skipReason = Environment.GetEnvironmentVariable("REQUIRE_BROWSER") is { Length: > 0 }
                ? throw new InvalidOperationException($"REQUIRE_BROWSER is set but no Chromium was found at {BrowserFixture.ChromiumPath}.")
                : $"No Chromium at {BrowserFixture.ChromiumPath}.";
            return;
        }

        _portal.UseKestrel(0);
        _portal.StartServer();
        _baseUrl = _portal.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .First().Replace("127.0.0.1", "localhost", StringComparison.Ordinal).Replace("[::1]", "localhost", StringComparison.Ordinal);
        Directory.CreateDirectory(BrowserFixture.ScreenshotFolder);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserFixture.ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        _portal.Dispose();
    }

    [SkippableFact]
    public async Task EmptyCompany_RunsItsFirstMonthThroughTheScreens_FromAdministratorToEsgReport()
    {
        Skip.If(_skipReason is not null, _skipReason);

        // create-admin, as the README tells a new customer.
        var created = await Commands.CreateAdministratorAsync(_portal.Services, AdminEmail, "系統管理員", AdminPassword);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));

        var admin = await SetUpAdministratorAsync();
        foreach (var (email, name, role) in Staff)
        {
            await InviteAsync(admin, email, name, role);
        }

        await Screenshot(admin, "first-month-users");
        await admin.Context.CloseAsync();
    }

    /// <summary>First sign-in: no second factor yet, so administration is refused until the authenticator is set up.</summary>
    private async Task<IPage> SetUpAdministratorAsync()
    {
        var context = await NewContextAsync();
        var page = await context.NewPageAsync();
        await SignInAsync(page, AdminEmail, AdminPassword);
        await page.GotoAsync("/admin/users");
        await Assertions.Expect(page.Locator("[data-testid=access-denied-2fa]")).ToBeVisibleAsync();

        await page.GotoAsync("/Account/Manage/EnableAuthenticator");
        var key = (await page.Locator("[data-testid=shared-key]").InnerTextAsync()).Replace(" ", string.Empty, StringComparison.Ordinal);
        await page.FillAsync("#code", Totp(key, DateTimeOffset.UtcNow));
        await page.ClickAsync("[data-testid=verify-authenticator]");
        await Screenshot(page, "first-month-2fa");

        // Sign in again with the second factor: administration opens.
        await context.ClearCookiesAsync();
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("#email", AdminEmail);
        await page.FillAsync("#password", AdminPassword);
        await page.ClickAsync("[data-testid=sign-in]");
        await page.WaitForURLAsync(url => url.Contains("LoginWith2fa", StringComparison.OrdinalIgnoreCase));
        // A code is accepted once: wait for the next 30-second step so the code differs from the one just used.
        var step = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30;
        while (DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30 == step)
        {
            await Task.Delay(500);
        }

        await page.FillAsync("#code", Totp(key, DateTimeOffset.UtcNow));
        await page.ClickAsync("[data-testid=verify-2fa]");
        await page.WaitForURLAsync(url => !url.Contains("LoginWith2fa", StringComparison.OrdinalIgnoreCase));
        await BrowserFixture.GotoInteractiveAsync(page, "/admin/users");
        await Assertions.Expect(page.Locator("[data-testid=users-table]")).ToContainTextAsync(AdminEmail);
        return page;
    }

    private static async Task InviteAsync(IPage admin, string email, string name, string role)
    {
        await BrowserFixture.GotoInteractiveAsync(admin, "/admin/users");
        await admin.ClickAsync("[data-testid=invite-user]");
        await admin.FillAsync("[data-testid=invite-email] input, input[data-testid=invite-email]", email);
        await admin.FillAsync("[data-testid=invite-name] input, input[data-testid=invite-name]", name);
        await admin.ClickAsync($"[data-testid=role-{role}] input, input[data-testid=role-{role}]");
        await admin.FillAsync("[data-testid=invite-password] input, input[data-testid=invite-password]", StaffPassword);
        await admin.ClickAsync("[data-testid=invite-submit]");
        await Assertions.Expect(admin.Locator(".mud-dialog")).ToHaveCountAsync(0);
        await Assertions.Expect(admin.Locator("[data-testid=users-table]")).ToContainTextAsync(email);
    }

    /// <summary>A page signed in as a staff member; the sign-in runs once per person and its cookies are reused.</summary>
    private async Task<IPage> AsAsync(string email)
    {
        var context = await NewContextAsync(_states.GetValueOrDefault(email));
        var page = await context.NewPageAsync();
        if (!_states.ContainsKey(email))
        {
            await SignInAsync(page, email, StaffPassword);
            _states[email] = await context.StorageStateAsync();
        }

        return page;
    }

    private Task<IBrowserContext> NewContextAsync(string? state = null) =>
        _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = _baseUrl,
            Locale = "zh-TW",
            ViewportSize = new() { Width = 1366, Height = 860 },
            StorageState = state,
        });

    private static async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", password);
        await page.ClickAsync("[data-testid=sign-in]");
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.Ordinal));
    }

    private static Task Screenshot(IPage page, string name) => BrowserFixture.ScreenshotAsync(page, name);

    /// <summary>RFC 6238 TOTP (HMAC-SHA1, 30-second steps, 6 digits), as an authenticator app computes it.</summary>
    private static string Totp(string base32Key, DateTimeOffset now)
    {
        var key = Base32(base32Key);
        var counter = now.ToUnixTimeSeconds() / 30;
        var message = BitConverter.GetBytes(counter);
        if (BitConverter.IsLittleEndian)
        {
            Array.Reverse(message);
        }

        var hash = HMACSHA1.HashData(key, message);
        var offset = hash[^1] & 0x0F;
        var binary = ((hash[offset] & 0x7F) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static byte[] Base32(string text)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bits = 0;
        var value = 0;
        var bytes = new List<byte>();
        foreach (var c in text.ToUpperInvariant().TrimEnd('='))
        {
            value = (value << 5) | Alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(value >> (bits - 8)));
                bits -= 8;
            }
        }

        return [.. bytes];
    }
}
