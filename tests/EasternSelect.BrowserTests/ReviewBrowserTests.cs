using System.Globalization;
using System.Text.RegularExpressions;
using EasternSelect.Data;
using EasternSelect.Data.Auditing;
using EasternSelect.Domain.Suppliers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace EasternSelect.BrowserTests;

[Collection(nameof(BrowserCollection))]
public sealed partial class ReviewBrowserTests(BrowserFixture fixture)
{
    [SkippableFact]
    public async Task OnSiteReview_OfficerScoresAndSubmitsThenHeadApproves_SupplierQualifiedWithSpotChecks()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        var supplierId = await NewProspectAsync();

        var officer = await fixture.PageAsAsync("supplier.officer@demo.local");
        await BrowserFixture.GotoInteractiveAsync(officer, $"/suppliers/reviews/new?supplierId={supplierId}");
        // A local food supplier at medium risk: the rule suggests an on-site review.
        await Assertions.Expect(officer.Locator("[data-testid=review-suggested]")).ToContainTextAsync("實地審查");
        await officer.ClickAsync("[data-testid=review-start]");
        await officer.WaitForURLAsync(ReviewUrl());
        await officer.Locator("[data-interactive=true]").WaitForAsync();

        var scores = new[] { ("Certification", "90"), ("Environment", "85"), ("Equipment", "80"), ("ProcessStandardisation", "78"), ("QcSystem", "88") };
        await officer.FillAsync("input[data-testid=score-Certification]", "90");
        await officer.ClickAsync("[data-testid=review-submit]");
        await Assertions.Expect(officer.Locator("[data-testid=form-errors]")).ToContainTextAsync("工廠/倉儲環境");

        foreach (var (item, score) in scores)
        {
            await officer.FillAsync($"input[data-testid=score-{item}]", score);
            await officer.FillAsync($"input[data-testid=finding-{item}]", "現場符合要求");
        }

        await BrowserFixture.ScreenshotAsync(officer, "review-onsite-scored");
        await officer.ClickAsync("[data-testid=review-submit]");
        await Assertions.Expect(officer.Locator("[data-testid=review-status]").First).ToContainTextAsync("待判定");
        var reviewPath = new Uri(officer.Url).AbsolutePath;
        await officer.Context.CloseAsync();

        var head = await fixture.PageAsAsync("supplier.head@demo.local");
        await BrowserFixture.GotoInteractiveAsync(head, reviewPath);
        await Assertions.Expect(head.Locator("[data-testid=review-recommendation]")).ToContainTextAsync("84.2");
        await Assertions.Expect(head.Locator("input[data-testid=verdict-spot-checks], [data-testid=verdict-spot-checks] input").First).ToBeCheckedAsync();
        await BrowserFixture.ScreenshotAsync(head, "review-verdict");
        await head.ClickAsync("[data-testid=verdict-submit]");

        await Assertions.Expect(head.Locator("[data-testid=review-supplier-status]")).ToHaveTextAsync("合格");
        await Assertions.Expect(head.Locator("[data-testid=review-spot-checks] tbody tr")).ToHaveCountAsync(3);
        await BrowserFixture.ScreenshotAsync(head, "review-qualified");

        await BrowserFixture.GotoInteractiveAsync(head, "/suppliers/reviews");
        await Assertions.Expect(head.Locator("[data-testid=review-summary]")).ToContainTextAsync("98%");
        // The head lands on the awaiting-verdict tab: the seeded reviews waiting for a verdict.
        await Assertions.Expect(head.Locator("[data-testid=review-table] tbody")).ToContainTextAsync("待判定");
        await BrowserFixture.ScreenshotAsync(head, "reviews-list");
        await BrowserFixture.GotoInteractiveAsync(head, "/suppliers/reviews/new");
        await head.Locator("input[data-testid=review-supplier]").PressSequentiallyAsync("瀏覽器審查測試");
        // Wait for the server-side search to answer: the list first shows unfiltered suppliers.
        await head.Locator(".mud-popover-open .mud-list-item", new() { HasText = "瀏覽器審查測試" }).First.ClickAsync();
        await Assertions.Expect(head.Locator("[data-testid=review-suggested]")).ToBeVisibleAsync();
        await Assertions.Expect(head.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
        // This supplier was just qualified: starting another review is refused with a message.
        await head.ClickAsync("[data-testid=review-start]");
        await Assertions.Expect(head.Locator("[data-testid=form-errors]")).ToContainTextAsync("已是合格供應商", new() { Timeout = 15_000 });
        await BrowserFixture.ScreenshotAsync(head, "review-new-picker");

        await BrowserFixture.GotoInteractiveAsync(head, "/suppliers/training");
        await Assertions.Expect(head.Locator("[data-testid=training-summary]")).ToContainTextAsync("336");
        await Assertions.Expect(head.Locator("[data-testid=training-table] tbody")).ToContainTextAsync("2020-");
        await BrowserFixture.ScreenshotAsync(head, "training");
        await head.Context.CloseAsync();
    }

    private async Task<int> NewProspectAsync()
    {
        await using var db = fixture.Portal.Services.GetRequiredService<PortalDatabase>().Create(AuditActor.System);
        var number = 9_000_000 + Random.Shared.Next(0, 999_999);
        var supplier = new Supplier
        {
            Name = string.Create(CultureInfo.InvariantCulture, $"瀏覽器審查測試食品 {number} 有限公司"),
            TaxId = TaxId.WithCheckDigit(number.ToString("D7", CultureInfo.InvariantCulture)),
            Category = SupplierCategory.Food,
            Status = SupplierStatus.Prospect,
            Tier = SupplierTier.C,
            ContactName = "測試聯絡人",
            ContactPhone = "0912345678",
            ContactEmail = "review.test@example.com",
        };
        db.Suppliers.Add(supplier);
        await db.SaveChangesAsync();
        return supplier.Id;
    }

    [GeneratedRegex(@"/suppliers/reviews/\d+$")]
    private static partial Regex ReviewUrl();
}
