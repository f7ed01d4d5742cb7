using EasternSelect.Data;
using EasternSelect.Data.Auditing;
using EasternSelect.Domain.Suppliers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace EasternSelect.BrowserTests;

[Collection(nameof(BrowserCollection))]
public sealed class IncomingLotBrowserTests(BrowserFixture fixture)
{
    [SkippableFact]
    public async Task QaInspector_RejectsReinspectsAndRejectsAgain_StreamSwitchesToTightened()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        var (supplierId, productId) = await FreshSupplierAsync();
        var page = await fixture.PageAsAsync("qa.inspector@demo.local");

        await BrowserFixture.GotoInteractiveAsync(page, "/inspections/lots");
        await Assertions.Expect(page.Locator("[data-testid=lots-table] tbody tr").First).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "incoming-lots");

        // First lot: the major class rejects; a corrective-action request with a due date appears.
        await ReceiveAsync(page, supplierId, productId, "BT-LOT-1");
        await Assertions.Expect(page.Locator("[data-testid=lot-streams]")).ToContainTextAsync("尚無檢驗紀錄");
        await DecideAsync(page, rejectMajor: true);
        await Assertions.Expect(page.Locator("[data-testid=lot-status]").First).ToHaveTextAsync("拒收");
        await Assertions.Expect(page.Locator("[data-testid=corrective-action]")).ToContainTextAsync("改善期限");
        await Assertions.Expect(page.Locator("[data-testid=ca-status]")).ToContainTextAsync("待改善");
        await BrowserFixture.ScreenshotAsync(page, "incoming-lot-rejected");

        // Its re-inspection: linked to the request, accepted, not counted.
        await page.ClickAsync("[data-testid=lot-reinspect]");
        await Assertions.Expect(page.Locator("[data-testid=lot-reinspection-chip]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=original-link]")).ToContainTextAsync("BT-LOT-1");
        await DecideAsync(page, rejectMajor: false);
        await Assertions.Expect(page.Locator("[data-testid=lot-status]").First).ToHaveTextAsync("允收");
        await Assertions.Expect(page.Locator("[data-testid=stream-Major]")).ToContainTextAsync("計入 1 批");
        await Assertions.Expect(page.Locator("[data-testid=stream-Major]")).ToContainTextAsync("正常檢驗");

        // Second original lot rejected: 2 of the last 5 → tightened, with the reason.
        await ReceiveAsync(page, supplierId, productId, "BT-LOT-2");
        await DecideAsync(page, rejectMajor: true);
        var major = page.Locator("[data-testid=stream-Major]");
        await Assertions.Expect(major).ToContainTextAsync("加嚴檢驗");
        await Assertions.Expect(major).ToContainTextAsync("連續 5 批內有 2 批拒收");
        await Assertions.Expect(major).ToContainTextAsync("BT-LOT-2");
        await BrowserFixture.ScreenshotAsync(page, "incoming-lot-tightened");

        // The next lot's major plan is tightened.
        await ReceiveAsync(page, supplierId, productId, "BT-LOT-3");
        await Assertions.Expect(page.Locator("[data-testid=plan-Major]")).ToContainTextAsync("加嚴檢驗");
        await page.Context.CloseAsync();
    }

    private static async Task ReceiveAsync(IPage page, int supplierId, int productId, string lotNumber)
    {
        await BrowserFixture.GotoInteractiveAsync(page, $"/inspections/lots/new?supplierId={supplierId}&productId={productId}");
        await page.FillAsync("input[data-testid=new-lot-number]", lotNumber);
        await page.FillAsync("input[data-testid=new-lot-size]", "1000");
        await page.Locator("input[data-testid=new-lot-size]").BlurAsync();
        await page.ClickAsync("[data-testid=new-save]");
        await page.WaitForURLAsync(url => !url.Contains("/new", StringComparison.Ordinal));
        await page.Locator("[data-interactive=true]").WaitForAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync(lotNumber);
    }

    private static async Task DecideAsync(IPage page, bool rejectMajor)
    {
        var major = page.Locator("[data-testid=plan-Major]");
        var re = (await major.Locator("[data-testid=plan-re]").InnerTextAsync()).Trim();
        await page.FillAsync("input[data-testid=defects-Major]", rejectMajor ? re : "0");
        await page.Locator("input[data-testid=defects-Major]").BlurAsync();
        await page.ClickAsync("[data-testid=lot-decide]");
        await Assertions.Expect(page.Locator("[data-testid=lot-decide]")).ToHaveCountAsync(0);
    }

    private async Task<(int SupplierId, int ProductId)> FreshSupplierAsync()
    {
        await using var db = fixture.Portal.Services.GetRequiredService<PortalDatabase>().Create(AuditActor.System);
        var supplier = await db.Suppliers.Where(s => s.Status == SupplierStatus.Qualified && s.Tier == SupplierTier.A
                && !db.IncomingLots.Any(l => l.SupplierId == s.Id) && db.Products.Any(p => p.SupplierId == s.Id))
            .OrderBy(s => s.Id).Select(s => new { s.Id, ProductId = db.Products.Where(p => p.SupplierId == s.Id).Min(p => p.Id) }).FirstAsync();
        return (supplier.Id, supplier.ProductId);
    }
}
