using System.Text.RegularExpressions;
using EasternSelect.Data;
using EasternSelect.Domain.Suppliers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace EasternSelect.BrowserTests;

[Collection(nameof(BrowserCollection))]
public sealed partial class CommitteeBrowserTests(BrowserFixture fixture)
{
    private static readonly string[] Members = ["committee@demo.local", "committee.programme@demo.local", "committee.catalogue@demo.local", "committee.qa@demo.local"];

    [SkippableFact]
    public async Task ProductReview_TwoProposalsFourDepartmentsScoreChairDecides_MinutesShowEveryDepartment()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        var (sku, supplierName) = await DelistedProductAsync();

        // The chair schedules a meeting.
        var chair = await fixture.PageAsAsync("executive@demo.local");
        await BrowserFixture.GotoInteractiveAsync(chair, "/committees/product-review");
        await chair.ClickAsync("[data-testid=meeting-create]");
        await chair.WaitForURLAsync(MeetingUrl());
        var meetingPath = new Uri(chair.Url).AbsolutePath;

        // The merchandiser proposes an unlisted existing product and a new one.
        var merchandiser = await fixture.PageAsAsync("merchandiser@demo.local");
        await BrowserFixture.GotoInteractiveAsync(merchandiser, meetingPath);
        await TypeAsync(merchandiser, "input[data-testid=proposal-product]", "瀏覽器測試下架");
        await merchandiser.Locator(".mud-popover-open .mud-list-item", new() { HasText = sku }).First.ClickAsync();
        await merchandiser.FillAsync("input[data-testid=proposal-price]", "990");
        await merchandiser.FillAsync("textarea[data-testid=proposal-selling-points]", "重新上架：包裝標示已改善");
        await merchandiser.ClickAsync("[data-testid=proposal-submit]");
        await Assertions.Expect(merchandiser.Locator("[data-testid=proposal-0]")).ToBeVisibleAsync();

        await merchandiser.Locator("[data-testid=proposal-form]").GetByText("新商品", new() { Exact = true }).ClickAsync();
        await merchandiser.ClickAsync("[data-testid=proposal-submit]");
        await Assertions.Expect(merchandiser.Locator("[data-testid=form-errors]")).ToContainTextAsync("請輸入新商品名稱");
        await merchandiser.FillAsync("input[data-testid=proposal-new-name]", "瀏覽器測試 真空燜燒罐");
        await TypeAsync(merchandiser, "input[data-testid=proposal-supplier]", supplierName);
        await merchandiser.Locator(".mud-popover-open .mud-list-item", new() { HasText = supplierName }).First.ClickAsync();
        await merchandiser.FillAsync("input[data-testid=proposal-price]", "1280");
        await merchandiser.FillAsync("textarea[data-testid=proposal-selling-points]", "新品首賣，節目可現場示範");
        await merchandiser.FillAsync("input[data-testid=proposal-pre-inspection]", "外觀、標示合格");
        await merchandiser.ClickAsync("[data-testid=proposal-submit]");
        await Assertions.Expect(merchandiser.Locator("[data-testid=proposal-1]")).ToContainTextAsync("瀏覽器測試 真空燜燒罐");
        await BrowserFixture.ScreenshotAsync(merchandiser, "committee-proposals");
        await merchandiser.Context.CloseAsync();

        // Four departments score both; each sees the others' scores only after submitting its own.
        var score = 70;
        foreach (var email in Members)
        {
            var member = await fixture.PageAsAsync(email);
            await BrowserFixture.GotoInteractiveAsync(member, meetingPath);
            for (var i = 0; i < 2; i++)
            {
                await Assertions.Expect(member.Locator($"[data-testid=proposal-{i}-scores-hidden]")).ToBeVisibleAsync();
                foreach (var criterion in new[] { "presentation", "selling-point", "price", "quality" })
                {
                    await member.FillAsync($"input[data-testid=proposal-{i}-{criterion}]", (score + i).ToString(System.Globalization.CultureInfo.InvariantCulture));
                }

                await member.FillAsync($"input[data-testid=proposal-{i}-comment]", "同意");
                await member.ClickAsync($"[data-testid=proposal-{i}-score-submit]");
                await Assertions.Expect(member.Locator($"[data-testid=proposal-{i}-scores]")).ToBeVisibleAsync();
            }

            if (email == Members[^1])
            {
                await BrowserFixture.ScreenshotAsync(member, "committee-scored");
            }

            await member.Context.CloseAsync();
            score += 5;
        }

        // The chair closes scoring and decides.
        await BrowserFixture.GotoInteractiveAsync(chair, meetingPath);
        await chair.GetByText("主席設定").ClickAsync();
        await chair.ClickAsync("[data-testid=close-scoring]");
        await Assertions.Expect(chair.Locator("[data-testid=meeting-status]")).ToContainTextAsync("評分已截止");
        await chair.Locator("[data-testid=proposal-0-decide]").GetByText("核准上架").ClickAsync();
        await chair.FillAsync("textarea[data-testid=proposal-0-conditions]", "首檔限量 300 組");
        await chair.ClickAsync("[data-testid=proposal-0-decide-submit]");
        await Assertions.Expect(chair.Locator("[data-testid=proposal-0-decision-text]")).ToContainTextAsync("商品已上架");
        await chair.Locator("[data-testid=proposal-1-decide]").GetByText("修改後再提").ClickAsync();
        await chair.ClickAsync("[data-testid=proposal-1-decide-submit]");
        await Assertions.Expect(chair.Locator("[data-testid=form-errors]")).ToContainTextAsync("須填寫理由或條件");
        await chair.FillAsync("textarea[data-testid=proposal-1-conditions]", "請補第三方實驗室溶出測試報告");
        await chair.ClickAsync("[data-testid=proposal-1-decide-submit]");
        await Assertions.Expect(chair.Locator("[data-testid=meeting-status]")).ToContainTextAsync("已決議");
        await BrowserFixture.ScreenshotAsync(chair, "committee-decided");

        // The minutes on screen keep every department's scores.
        await BrowserFixture.GotoInteractiveAsync(chair, meetingPath + "/minutes");
        foreach (var number in new[] { 1, 2 })
        {
            foreach (var department in new[] { "Product", "Programme", "Catalogue", "QualityAssurance" })
            {
                await Assertions.Expect(chair.Locator($"[data-testid=minutes-proposal-{number}-scores-department-{department}]")).ToBeVisibleAsync();
            }
        }

        await Assertions.Expect(chair.Locator("[data-testid=minutes-proposal-1-scores-overall]")).ToHaveTextAsync("77.5");
        await Assertions.Expect(chair.Locator("[data-testid=minutes-attendees]")).ToContainTextAsync("型錄部");
        await BrowserFixture.ScreenshotAsync(chair, "committee-minutes");
        await chair.Context.CloseAsync();

        await using var scope = fixture.Portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        Assert.Equal(ListingStatus.Listed, await db.Products.Where(p => p.Sku == sku).Select(p => p.ListingStatus).SingleAsync());
    }

    [SkippableFact]
    public async Task AnomalyMeeting_QaManagerSeesOverdueItemAndCarriedOverAgenda()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        var qa = await fixture.PageAsAsync("qa.manager@demo.local");
        await BrowserFixture.GotoInteractiveAsync(qa, "/");
        await Assertions.Expect(qa.Locator("[data-testid=home-overdue-actions]")).ToContainTextAsync("更新食品類檢驗規範");
        await BrowserFixture.ScreenshotAsync(qa, "committee-home-overdue");

        await BrowserFixture.GotoInteractiveAsync(qa, "/committees/anomaly");
        await BrowserFixture.ScreenshotAsync(qa, "anomaly-list");
        await qa.ClickAsync("[data-testid=anomaly-open]");
        await qa.WaitForURLAsync(new Regex(@"/committees/anomaly/\d+$"));
        await Assertions.Expect(qa.Locator("[data-testid=carried-over]")).ToContainTextAsync("更新食品類檢驗規範");
        await BrowserFixture.ScreenshotAsync(qa, "anomaly-meeting");

        await BrowserFixture.GotoInteractiveAsync(qa, "/committees/anomaly/2");
        await Assertions.Expect(qa.Locator("[data-testid=anomalies]")).ToContainTextAsync("商品下架");
        await BrowserFixture.ScreenshotAsync(qa, "anomaly-meeting-seeded");
        await BrowserFixture.GotoInteractiveAsync(qa, "/committees/anomaly/2/minutes");
        await BrowserFixture.ScreenshotAsync(qa, "anomaly-minutes");
        await qa.Context.CloseAsync();
    }

    /// <summary>Types into an autocomplete slowly enough that the server-side search keeps up under load.</summary>
    private static async Task TypeAsync(IPage page, string selector, string text)
    {
        await page.ClickAsync(selector);
        await page.Locator(selector).PressSequentiallyAsync(text, new() { Delay = 80 });
    }

    private async Task<(string Sku, string SupplierName)> DelistedProductAsync()
    {
        await using var scope = fixture.Portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var supplier = await db.Suppliers.Where(s => s.Status == SupplierStatus.Qualified).OrderBy(s => s.Id).Skip(5).FirstAsync();
        var product = new Product
        {
            Sku = "BT" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant(), Name = "瀏覽器測試下架保溫瓶", SupplierId = supplier.Id, Category = supplier.Category,
            Price = 1090m, ListingStatus = ListingStatus.Delisted, DelistedUtc = new DateTime(2019, 8, 1, 0, 0, 0, DateTimeKind.Utc), DelistingReason = "標示不符",
        };
        db.Products.Add(product);
        await db.SaveChangesAsync();
        return (product.Sku, supplier.Name);
    }

    [GeneratedRegex(@"/committees/product-review/\d+$")]
    private static partial Regex MeetingUrl();
}
