using EasternSelect.Tests.Shared;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace EasternSelect.BrowserTests;

/// <summary>
/// One portal on a real Kestrel socket and one Debian Chromium for the whole test run.
/// Without Chromium the tests skip, saying why, unless REQUIRE_BROWSER is set (CI sets it).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private readonly Dictionary<string, string> _storageStates = [];

    public PortalFactory Portal { get; } = new();

    public IBrowser? Browser { get; private set; }

    public string BaseUrl { get; private set; } = string.Empty;

    public string? SkipReason { get; private set; }

    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            if (Environment.GetEnvironmentVariable("REQUIRE_BROWSER") is { Length: > 0 })
            {
                throw new InvalidOperationException($"REQUIRE_BROWSER is set but no Chromium was found at {ChromiumPath} (apt-get install chromium).");
            }

            SkipReason = $"No Chromium at {ChromiumPath}; install Debian's chromium or set REQUIRE_BROWSER=1 to make this an error.";
            return;
        }

        Portal.UseKestrel(0);
        Portal.StartServer();
        BaseUrl = Portal.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .First().Replace("127.0.0.1", "localhost", StringComparison.Ordinal).Replace("[::1]", "localhost", StringComparison.Ordinal);
        Directory.CreateDirectory(ScreenshotFolder);

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    /// <summary>A new page signed in as the demo user; the sign-in runs once per user and its cookies are reused.</summary>
    public async Task<IPage> PageAsAsync(string email, string locale = "zh-TW")
    {
        var options = new BrowserNewContextOptions { BaseURL = BaseUrl, Locale = locale, ViewportSize = new() { Width = 1366, Height = 860 } };
        if (_storageStates.TryGetValue(email, out var state))
        {
            options.StorageState = state;
        }

        var context = await Browser!.NewContextAsync(options);
        var page = await context.NewPageAsync();
        if (state is null)
        {
            await SignInAsync(page, email);
            _storageStates[email] = await context.StorageStateAsync();
        }

        return page;
    }

    public async Task<IPage> AnonymousPageAsync()
    {
        var context = await Browser!.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, ViewportSize = new() { Width = 1366, Height = 860 } });
        return await context.NewPageAsync();
    }

    public static async Task SignInAsync(IPage page, string email, string password = PortalFactory.DemoPassword)
    {
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", password);
        await page.ClickAsync("[data-testid=sign-in]");
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.Ordinal));
    }

    /// <summary>Navigates and waits until the circuit is connected, so clicks reach event handlers.</summary>
    public static async Task GotoInteractiveAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        await page.Locator("[data-interactive=true]").WaitForAsync();
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        Portal.Dispose();
    }
}

[CollectionDefinition(nameof(BrowserCollection))]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>;
