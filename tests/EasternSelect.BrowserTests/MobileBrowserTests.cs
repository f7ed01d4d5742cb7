using System.Globalization;
using EasternSelect.Data;
using EasternSelect.Data.Auditing;
using EasternSelect.Domain.Suppliers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace EasternSelect.BrowserTests;

/// <summary>A QA inspector on a phone (390 × 844, touch): recording a lot and a sample checklist without sideways scrolling.</summary>
[Collection(nameof(BrowserCollection))]
public sealed class MobileBrowserTests(BrowserFixture fixture)
{
    private const string Inspector = "qa.inspector@demo.local";

    [SkippableFact]
    public async Task Phone_InspectorRecordsLotWithDefects_EveryPageFitsTheScreen()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        var (supplierId, productId, _) = await NewSupplierWithProductAsync("手機批次");
        var page = await PhoneAsync(Inspector);

        await BrowserFixture.GotoInteractiveAsync(page, "/inspections/lots");
        await AssertFitsAsync(page, "mobile-lots");

        await BrowserFixture.GotoInteractiveAsync(page, $"/inspections/lots/new?supplierId={supplierId}&productId={productId}");
        await page.FillAsync("input[data-testid=new-lot-number]", "MB-LOT-1");
        await page.FillAsync("input[data-testid=new-lot-size]", "1000");
        await page.Locator("input[data-testid=new-lot-size]").BlurAsync();
        await AssertFitsAsync(page, "mobile-lot-new");
        await page.Locator("[data-testid=new-save]").TapAsync();
        await page.WaitForURLAsync(url => !url.Contains("/new", StringComparison.Ordinal));
        await page.Locator("[data-interactive=true]").WaitForAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("MB-LOT-1");

        // Labels of the lot's facts stay on one line (not 收/貨/日/期 one character a line).
        var label = page.Locator("[data-testid=lot-facts] th").First;
        Assert.True((await label.BoundingBoxAsync())!.Height < 30, "The first fact label wraps onto several lines.");
        await page.FillAsync("input[data-testid=defects-Major]", "1");
        await page.FillAsync("input[data-testid=defects-Minor]", "2");
        await page.Locator("input[data-testid=defects-Minor]").BlurAsync();
        await AssertFitsAsync(page, "mobile-lot-plan");
        await page.Locator("[data-testid=lot-decide]").TapAsync();
        await Assertions.Expect(page.Locator("[data-testid=lot-decide]")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-testid=plan-Minor]")).ToContainTextAsync("2");
        await AssertFitsAsync(page, "mobile-lot-decided");
        await page.Context.CloseAsync();
    }

    [SkippableFact]
    public async Task Phone_InspectorCompletesSampleChecklistWithCameraPhoto_EveryPageFitsTheScreen()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        var (_, _, productName) = await NewSupplierWithProductAsync("手機樣品");
        var page = await PhoneAsync(Inspector);

        await BrowserFixture.GotoInteractiveAsync(page, "/inspections/samples");
        await AssertFitsAsync(page, "mobile-samples");
        await page.Locator("input[data-testid=sample-product]").PressSequentiallyAsync(productName);
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = productName }).First.ClickAsync();
        await page.ClickAsync("[data-testid=sample-start-button]");
        await page.WaitForURLAsync(url => url.Contains("/inspections/samples/", StringComparison.Ordinal));
        await page.Locator("[data-interactive=true]").WaitForAsync();
        await AssertFitsAsync(page, "mobile-sample-start");

        // One hand: the first item fails, then is corrected to pass; the second does not apply; big targets.
        var first = page.Locator("[data-testid^=sample-item-]").First;
        var second = page.Locator("[data-testid^=sample-item-]").Nth(1);
        var fail = first.Locator("[data-testid$=-Fail]");
        Assert.True((await fail.BoundingBoxAsync())!.Height >= 44, "The fail button is smaller than a 44 px touch target.");
        await fail.TapAsync();
        await Assertions.Expect(fail).ToHaveAttributeAsync("aria-pressed", "true");
        await first.Locator("[data-testid$=-Pass]").TapAsync();
        await second.Locator("[data-testid$=-NotApplicable]").TapAsync();
        await second.Locator("input").FillAsync("本品無電池");
        await page.Locator("[data-testid=sample-rest-pass]").TapAsync();
        await Assertions.Expect(page.Locator("[data-testid=sample-progress]")).ToContainTextAsync("已填 70／70");

        var photo = page.Locator("input[data-testid=sample-photo-input]");
        await Assertions.Expect(photo).ToHaveAttributeAsync("capture", "environment");
        await Assertions.Expect(photo).ToHaveAttributeAsync("accept", "image/*");
        await photo.SetInputFilesAsync(Path.Combine(AppContext.BaseDirectory, "Assets", "label-photo.png"));
        await Assertions.Expect(page.Locator("[data-testid=sample-photo]")).ToHaveTextAsync("label-photo.png", new() { Timeout = 20_000 });
        await page.Locator("[data-testid=sample-verdict-Pass]").TapAsync();
        await AssertFitsAsync(page, "mobile-sample-filled");
        await page.Locator("[data-testid=sample-submit]").TapAsync();
        await Assertions.Expect(page.Locator("[data-testid=sample-status]")).ToHaveTextAsync("待主管確認");
        await Assertions.Expect(page.Locator("[data-testid^=sample-item-]").Nth(1)).ToContainTextAsync("不適用");
        await AssertFitsAsync(page, "mobile-sample-submitted");
        await page.Context.CloseAsync();
    }

    [SkippableTheory]
    [InlineData(390, 844)]
    [InlineData(768, 1024)]
    public async Task PhoneAndTablet_ShellAndInspectionPages_FitTheScreen(int width, int height)
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        var page = await PhoneAsync(Inspector, width, height);
        var tooWide = new List<string>();
        foreach (var path in new[] { "/", "/inspections/lots", "/inspections/samples", "/inspections/spot-checks", "/inspections/audits", "/inspections/quality", "/inspections/specs", "/products" })
        {
            await BrowserFixture.GotoInteractiveAsync(page, path);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            var name = string.Create(CultureInfo.InvariantCulture, $"mobile-{width}{path.Replace('/', '-').TrimEnd('-')}");
            await BrowserFixture.ScreenshotAsync(page, name);
            if (await OverflowAsync(page) is { } overflow)
            {
                tooWide.Add($"{path} ({overflow})");
            }
        }

        // The drawer opens over the page from the app bar's menu button and closes again.
        await page.Locator(".mud-appbar button").First.TapAsync();
        await BrowserFixture.ScreenshotAsync(page, string.Create(CultureInfo.InvariantCulture, $"mobile-{width}-drawer"));
        Assert.Empty(tooWide);
        await page.Context.CloseAsync();
    }

    private async Task<IPage> PhoneAsync(string email, int width = 390, int height = 844)
    {
        var context = await fixture.Browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = fixture.BaseUrl,
            Locale = "zh-TW",
            ViewportSize = new() { Width = width, Height = height },
            IsMobile = width < 600,
            HasTouch = true,
        });
        var page = await context.NewPageAsync();
        await BrowserFixture.SignInAsync(page, email);
        return page;
    }

    private static async Task AssertFitsAsync(IPage page, string screenshot)
    {
        await BrowserFixture.ScreenshotAsync(page, screenshot);
        var overflow = await OverflowAsync(page);
        Assert.True(overflow is null, $"{screenshot}: the page scrolls sideways ({overflow}).");
    }

    /// <summary>Null when the page is no wider than the window; otherwise the widths and the widest element sticking out.</summary>
    private static Task<string?> OverflowAsync(IPage page) => page.EvaluateAsync<string?>("""
        () => {
            const doc = document.documentElement, inner = window.innerWidth;
            if (doc.scrollWidth <= inner) return null;
            let worst = null;
            for (const e of document.querySelectorAll('body *')) {
                const r = e.getBoundingClientRect();
                if (r.right > inner + 1 && (!worst || r.right > worst.r)) worst = { r: r.right, d: e.tagName + '.' + String(e.className).split(' ').slice(0, 3).join('.') + (e.dataset.testid ? '#' + e.dataset.testid : '') };
            }
            return `scrollWidth ${doc.scrollWidth} > ${inner}` + (worst ? `; ${worst.d} ends at ${Math.round(worst.r)}` : '');
        }
        """);

    private async Task<(int SupplierId, int ProductId, string ProductName)> NewSupplierWithProductAsync(string label)
    {
        await using var db = fixture.Portal.Services.GetRequiredService<PortalDatabase>().Create(AuditActor.System);
        var number = Random.Shared.Next(100_000, 999_999);
        var supplier = new Supplier
        {
            Name = string.Create(CultureInfo.InvariantCulture, $"{label}測試食品 {number}"),
            TaxId = TaxId.WithCheckDigit(string.Create(CultureInfo.InvariantCulture, $"9{number}")),
            Category = SupplierCategory.Food,
            Status = SupplierStatus.Qualified,
            Tier = SupplierTier.A,
            ContactName = "林小芬",
            ContactPhone = "0912555666",
            ContactEmail = "mobile@example.com",
        };
        var product = new Product
        {
            Sku = string.Create(CultureInfo.InvariantCulture, $"M{number}"),
            Name = string.Create(CultureInfo.InvariantCulture, $"{label} 芒果乾 {number}"),
            Supplier = supplier,
            Category = SupplierCategory.Food,
            Price = 259m,
        };
        db.Products.Add(product);
        await db.SaveChangesAsync();
        return (supplier.Id, product.Id, product.Name);
    }
}
