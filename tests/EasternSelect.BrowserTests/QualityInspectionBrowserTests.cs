using System.Globalization;
using System.Text.RegularExpressions;
using EasternSelect.Data;
using EasternSelect.Data.Auditing;
using EasternSelect.Domain.Suppliers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace EasternSelect.BrowserTests;

[Collection(nameof(BrowserCollection))]
public sealed partial class QualityInspectionBrowserTests(BrowserFixture fixture)
{
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    [SkippableFact]
    public async Task SamplePreInspection_InspectorRecordsWithPhotoThenManagerConfirms()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        var name = await NewProductAsync();

        var inspector = await fixture.PageAsAsync("qa.inspector@demo.local");
        await BrowserFixture.GotoInteractiveAsync(inspector, "/inspections/samples");
        await inspector.Locator("input[data-testid=sample-product]").PressSequentiallyAsync(name);
        await inspector.Locator(".mud-popover-open .mud-list-item", new() { HasText = name }).First.ClickAsync();
        await inspector.ClickAsync("[data-testid=sample-start-button]");
        await inspector.WaitForURLAsync(SampleUrl());
        await inspector.Locator("[data-interactive=true]").WaitForAsync();
        await Assertions.Expect(inspector.Locator("[data-testid=sample-checklist-version]")).ToContainTextAsync("第 1 版");

        // A PDF renamed to .jpg is refused by its content, with a message naming the file.
        await inspector.Locator("input[type=file]").Last.SetInputFilesAsync(new FilePayload { Name = "renamed.jpg", MimeType = "image/jpeg", Buffer = "%PDF-1.4 fake"u8.ToArray() });
        await Assertions.Expect(inspector.Locator("[data-testid=sample-errors]")).ToContainTextAsync("renamed.jpg", new() { Timeout = 20_000 });
        await inspector.ClickAsync("[data-testid=sample-rest-pass]");
        await inspector.Locator("input[type=file]").Last.SetInputFilesAsync(new FilePayload { Name = "sample.png", MimeType = "image/png", Buffer = Png });
        // Saving the 70 entries with the photo can take a while on a loaded machine.
        await Assertions.Expect(inspector.Locator("[data-testid=sample-photo]")).ToHaveTextAsync("sample.png", new() { Timeout = 20_000 });
        await Assertions.Expect(inspector.Locator("[data-testid=sample-progress]")).ToContainTextAsync("已填 70／70");
        await inspector.ClickAsync("[data-testid=sample-verdict-Pass]");
        await BrowserFixture.ScreenshotAsync(inspector, "sample-inspection-filled");
        await inspector.ClickAsync("[data-testid=sample-submit]");
        await Assertions.Expect(inspector.Locator("[data-testid=sample-status]")).ToHaveTextAsync("待主管確認");
        await Assertions.Expect(inspector.Locator("[data-testid=sample-confirm]")).ToHaveCountAsync(0);
        var path = new Uri(inspector.Url).AbsolutePath;
        await inspector.Context.CloseAsync();

        var manager = await fixture.PageAsAsync("qa.manager@demo.local");
        await BrowserFixture.GotoInteractiveAsync(manager, "/inspections/samples");
        await Assertions.Expect(manager.Locator("[data-testid=sample-awaiting-alert]")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(manager, "samples-list");
        await BrowserFixture.GotoInteractiveAsync(manager, path);
        await manager.ClickAsync("[data-testid=sample-confirm]");
        await Assertions.Expect(manager.Locator("[data-testid=sample-status]")).ToHaveTextAsync("已確認");
        await Assertions.Expect(manager.Locator("[data-testid=sample-confirmed-by]")).ToContainTextAsync("黃建國");
        await BrowserFixture.ScreenshotAsync(manager, "sample-inspection-confirmed");
        await manager.Context.CloseAsync();
    }

    [SkippableFact]
    public async Task SpotChecksAndAudits_PagesShowReasonsAndSeedFigures()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        var manager = await fixture.PageAsAsync("qa.manager@demo.local");

        await BrowserFixture.GotoInteractiveAsync(manager, "/inspections/spot-checks");
        await Assertions.Expect(manager.Locator("[data-testid=spot-candidates]")).ToContainTextAsync("銷售第 1 名");
        await Assertions.Expect(manager.Locator("[data-testid=spot-candidates] [data-testid=reason-Flagged]").First).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(manager, "spot-checks-proposal");
        await manager.Locator(".mud-chip", new() { HasText = "2020-12" }).ClickAsync();
        await Assertions.Expect(manager.Locator("[data-testid=spot-heading]")).ToContainTextAsync("2020-12");
        await Assertions.Expect(manager.Locator("[data-testid=spot-items]")).ToContainTextAsync("合格");
        await BrowserFixture.ScreenshotAsync(manager, "spot-checks-2020-12");

        await BrowserFixture.GotoInteractiveAsync(manager, "/inspections/audits?year=2020");
        await Assertions.Expect(manager.Locator("[data-testid=audit-total]")).ToContainTextAsync("25");
        await Assertions.Expect(manager.Locator("[data-testid=audit-count-Oem]")).ToContainTextAsync("18");
        await BrowserFixture.ScreenshotAsync(manager, "audits-2020");
        await BrowserFixture.GotoInteractiveAsync(manager, "/inspections/audits");
        await Assertions.Expect(manager.Locator("[data-testid=audit-overdue-alert]")).ToBeVisibleAsync();
        await manager.Locator("[data-testid=audit-table] tbody tr a").Last.ClickAsync();
        await Assertions.Expect(manager.Locator("[data-testid=audit-action-overdue]")).ToHaveCountAsync(1);
        await BrowserFixture.ScreenshotAsync(manager, "audit-detail");
        await manager.Context.CloseAsync();
    }

    private async Task<string> NewProductAsync()
    {
        await using var db = fixture.Portal.Services.GetRequiredService<PortalDatabase>().Create(AuditActor.System);
        var supplierId = await db.Suppliers.Where(s => s.Status == SupplierStatus.Qualified && s.Category == SupplierCategory.Food).Select(s => s.Id).FirstAsync();
        var number = Random.Shared.Next(100_000, 999_999);
        var product = new Product
        {
            Sku = string.Create(CultureInfo.InvariantCulture, $"T{number}"),
            Name = string.Create(CultureInfo.InvariantCulture, $"瀏覽器樣品測試 牛肉麵 {number}"),
            SupplierId = supplierId,
            Category = SupplierCategory.Food,
            Price = 399m,
        };
        db.Products.Add(product);
        await db.SaveChangesAsync();
        return product.Name;
    }

    [GeneratedRegex(@"/inspections/samples/\d+$")]
    private static partial Regex SampleUrl();
}
