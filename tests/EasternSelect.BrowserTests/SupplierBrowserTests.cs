using System.Globalization;
using EasternSelect.Data;
using EasternSelect.Domain.Suppliers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace EasternSelect.BrowserTests;

[Collection(nameof(BrowserCollection))]
public sealed class SupplierBrowserTests(BrowserFixture fixture)
{
    [SkippableFact]
    public async Task Create_AsSupplierOfficer_ShowsTheNewSupplierWithMaskedContactOnItsPage()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        var taxId = await FreeTaxIdAsync();
        var page = await fixture.PageAsAsync("supplier.officer@demo.local");
        await BrowserFixture.GotoInteractiveAsync(page, "/suppliers");
        await page.ClickAsync("[data-testid=supplier-new]");
        await page.Locator("input[data-testid=supplier-name]").WaitForAsync();
        await page.WaitForTimeoutAsync(300);

        await page.FillAsync("input[data-testid=supplier-name]", "瀏覽器測試食品有限公司");
        await page.FillAsync("input[data-testid=supplier-taxid]", taxId);
        await page.FillAsync("input[data-testid=supplier-address]", "台北市信義區松仁路100號");
        await page.FillAsync("input[data-testid=supplier-contact-name]", "林美華");
        await page.FillAsync("input[data-testid=supplier-contact-phone]", "0933111222");
        await page.FillAsync("input[data-testid=supplier-contact-email]", "lin@browser-test.com.tw");
        await page.FillAsync("input[data-testid=supplier-warranty]", "6");
        await page.Locator("input[data-testid=supplier-warranty]").BlurAsync();
        await page.ClickAsync("[data-testid=supplier-save]");
        await Assertions.Expect(page.GetByText("保固期至少須 12 個月").First).ToBeVisibleAsync();

        await page.FillAsync("input[data-testid=supplier-warranty]", "24");
        await page.Locator("input[data-testid=supplier-warranty]").BlurAsync();
        await page.SetInputFilesAsync("input[type=file]", new FilePayload { Name = "contract.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.4 test"u8.ToArray() });
        await Assertions.Expect(page.GetByText("contract.pdf")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "supplier-create");
        await page.ClickAsync("[data-testid=supplier-save]");

        await page.WaitForURLAsync(url => System.Text.RegularExpressions.Regex.IsMatch(url, "/suppliers/[0-9]+$"));
        await Assertions.Expect(page.Locator("[data-testid=supplier-title]")).ToHaveTextAsync("瀏覽器測試食品有限公司");
        await Assertions.Expect(page.Locator("[data-testid=contact-masked]")).ToContainTextAsync("0933-***-222");
        await Assertions.Expect(page.Locator("[data-testid=detail-contact]")).Not.ToContainTextAsync("0933111222");
        await Assertions.Expect(page.Locator("[data-testid=contract-download]")).ToContainTextAsync("contract.pdf");
        await BrowserFixture.ScreenshotAsync(page, "supplier-detail");

        await page.ClickAsync("[data-testid=reveal-contact]");
        await Assertions.Expect(page.Locator("[data-testid=contact-revealed]")).ToContainTextAsync("0933111222");
        await page.Context.CloseAsync();
    }

    [SkippableFact]
    public async Task Import_FileWithABadRow_ListsTheRowErrorsAndImportsNothing()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        var good = await FreeTaxIdAsync();
        using var workbook = new ClosedXML.Excel.XLWorkbook();
        var sheet = workbook.AddWorksheet("供應商");
        string[][] rows =
        [
            ["匯入頁測試甲", good, "食品", "TW", "", "張三", "0911222333", "a@b.com.tw", "12"],
            ["匯入頁測試乙", "12345670", "不明類別", "TW", "", "李四", "0911222444", "c@d.com.tw", "3"],
        ];
        for (var r = 0; r < rows.Length; r++)
        {
            for (var c = 0; c < rows[r].Length; c++)
            {
                sheet.Cell(r + 2, c + 1).SetValue(rows[r][c]);
            }
        }

        using var buffer = new MemoryStream();
        workbook.SaveAs(buffer);
        var page = await fixture.PageAsAsync("supplier.officer@demo.local");
        await BrowserFixture.GotoInteractiveAsync(page, "/suppliers/import");
        // InputFile attaches its change listener in a JS call after the first interactive render.
        await page.WaitForTimeoutAsync(500);

        await page.SetInputFilesAsync("input[type=file]", new FilePayload { Name = "suppliers.xlsx", MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Buffer = buffer.ToArray() });
        await Assertions.Expect(page.Locator("[data-testid=import-run]")).ToBeEnabledAsync();
        await page.ClickAsync("[data-testid=import-run]");

        await Assertions.Expect(page.Locator("[data-testid=import-failed]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=import-errors]")).ToContainTextAsync("不明類別");
        await Assertions.Expect(page.Locator("[data-testid=import-errors] tbody tr").First).ToContainTextAsync("3");
        await BrowserFixture.ScreenshotAsync(page, "supplier-import-errors");
        await using var scope = fixture.Portal.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Suppliers.AnyAsync(s => s.TaxId == good));

        await BrowserFixture.GotoInteractiveAsync(page, "/products");
        await page.ClickAsync("[data-testid=product-new]");
        await page.FillAsync("input[data-testid=product-supplier]", "食品");
        await page.WaitForTimeoutAsync(800);
        await BrowserFixture.ScreenshotAsync(page, "product-new");
        await page.Context.CloseAsync();
    }

    private async Task<string> FreeTaxIdAsync()
    {
        await using var scope = fixture.Portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        for (var seed = 8_100_000; ; seed++)
        {
            var candidate = TaxId.WithCheckDigit(seed.ToString(CultureInfo.InvariantCulture));
            if (!await db.Suppliers.AnyAsync(s => s.TaxId == candidate))
            {
                return candidate;
            }
        }
    }
}
