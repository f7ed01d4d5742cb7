using System.Globalization;
using EasternSelect.Portal.Features.Reports;

namespace EasternSelect.Portal.Tests.Reports;

/// <summary>The PDFs as a reader gets them: text extracted by pdftotext must be exactly what was drawn.</summary>
public sealed class ReportPdfTests(PortalFactoryFixture fixture) : IClassFixture<PortalFactoryFixture>
{
    private readonly PortalFactory _factory = fixture.Factory;

    [Fact]
    public async Task EsgPdf_2020_HasTheSeedHeadingsAndFiguresAsText()
    {
        using var client = await _factory.SignedInClientAsync("executive@demo.local");

        var pdf = await client.GetByteArrayAsync(new Uri("/reports/esg.pdf?year=2020", UriKind.Relative));
        var text = await PdfText.ExtractAsync(pdf);
        var layout = await PdfText.ExtractAsync(pdf, layout: true);

        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(pdf, 0, 5), StringComparison.Ordinal);
        foreach (var heading in new[] { "品質嚴選 服務貼心", "2.2.1 供應商管理", "近 3 年審查結果", "扶植在地供應商", "供應商教育訓練", "供應商家數（依商品類別）" })
        {
            Assert.Contains(heading, text, StringComparison.Ordinal);
        }

        Assert.Contains(NoSpace("供應商書面審核家數為 13 家、實地審查家數 85 家、判定合格家數為 98 家、月檢抽驗家數 8 家"), NoSpace(text), StringComparison.Ordinal);
        Assert.Contains("2020 年度 ESG 報告", text, StringComparison.Ordinal);
        Assert.Matches(@"2020\s+13\s+85\s+98\s+100%\s+8", layout);
        Assert.Matches(@"2018\s+8\s+96\s+102\s+98%\s+9", layout);
        Assert.Matches(@"訓練家數\s+216\s+159\s+178", layout);
        Assert.Matches(@"訓練總時數\s+92\s+98\s+84", layout);
        Assert.Matches(@"受訓總人次\s+336\s+257\s+283", layout);
        // pdftotext drops the narrow spaces between CJK characters and digits in the footer.
        Assert.Matches(@"第\s?1\s?頁\s?/\s?共\s?\d+\s?頁", text);
        Assert.Contains("executive@demo.local", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EsgPdf_2020_IsSmallAndEmbedsOnlyTrueTypeFonts()
    {
        using var client = await _factory.SignedInClientAsync("qa.manager@demo.local");

        var pdf = await client.GetByteArrayAsync(new Uri("/reports/esg.pdf?year=2020", UriKind.Relative));
        var fonts = await PdfText.FontsAsync(pdf);

        Assert.True(pdf.Length < 2 * 1024 * 1024, $"{pdf.Length:N0} bytes");
        // The per-document subset keeps the file far below the 3 MB shipped font.
        Assert.True(pdf.Length < 600 * 1024, $"{pdf.Length:N0} bytes");
        Assert.DoesNotContain("Type 3", fonts, StringComparison.Ordinal);
        Assert.Contains("TrueType", fonts, StringComparison.Ordinal);
        Assert.DoesNotContain("DejaVu", fonts, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SuppliersPdf_LongTable_BreaksAcrossPagesAndRepeatsItsHeader()
    {
        using var client = await _factory.SignedInClientAsync("supplier.officer@demo.local");

        var pdf = await client.GetByteArrayAsync(new Uri("/reports/suppliers.pdf", UriKind.Relative));
        var pages = PdfText.PageCount(await PdfText.InfoAsync(pdf));

        Assert.True(pages >= 3, $"{pages} pages");
        foreach (var page in new[] { 1, 2, pages })
        {
            var text = await PdfText.ExtractAsync(pdf, page);
            Assert.Contains("供應商名稱", text, StringComparison.Ordinal);
            Assert.Contains("統一編號", text, StringComparison.Ordinal);
            Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"第{page}頁/共{pages}頁"), NoSpace(text), StringComparison.Ordinal);
        }

        var last = await PdfText.ExtractAsync(pdf, pages);
        Assert.Matches(@"合計 \d+ 家", last);
        // Contacts are masked: phones keep 4 + 3 digits only.
        Assert.Matches(@"\d{4}-\*\*\*-\d{3}", await PdfText.ExtractAsync(pdf, 1));
    }

    [Fact]
    public async Task Render_CjkParagraphAndPunctuation_ExtractsExactlyWithTheShippedFont()
    {
        using var font = ReportFont.Shipped();
        var renderer = new PdfReportRenderer(font);
        var paragraph = string.Concat(Enumerable.Repeat("「東森嚴選」是東森購物對每一位消費者的「承諾、責任、榮譽」，也是我們的保證；每件商品皆須通過 70 項品管檢核。", 6));
        var report = new ReportDocument("品質嚴選 服務貼心", "測試（全形標點）", [new("政策與承諾", [new ReportParagraph(paragraph)])]);

        var pdf = renderer.Render(report, new PdfPageInfo("列印時間 2021-01-01 09:00 · 列印者 測試", (p, n) => $"第 {p} 頁 / 共 {n} 頁"), CultureInfo.GetCultureInfo("zh-TW"), DateTime.UtcNow);
        var text = await PdfText.ExtractAsync(pdf);

        // Every character comes back, in order; a line break may replace the space before "70".
        Assert.Contains(NoSpace(paragraph), NoSpace(text), StringComparison.Ordinal);
        Assert.Contains("通過 70 項", text, StringComparison.Ordinal);
        Assert.Contains("第1頁/共1頁", NoSpace(text), StringComparison.Ordinal);
        Assert.Contains("測試（全形標點）", text, StringComparison.Ordinal);
        Assert.True(text.Split('\n').Count(l => l.Contains('東', StringComparison.Ordinal)) > 3, "The paragraph wraps over several lines.");
    }

    private static string NoSpace(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    [Fact]
    public void Shipped_Font_CoversEveryZhTwText()
    {
        using var font = ReportFont.Shipped();
        var resources = new System.Resources.ResourceManager("EasternSelect.Portal.Resources.SharedResource", typeof(ReportFont).Assembly);
        var set = resources.GetResourceSet(CultureInfo.InvariantCulture, true, true)!;
        var missing = set.Cast<System.Collections.DictionaryEntry>()
            .SelectMany(e => font.Missing((string)e.Value!).Select(c => $"{e.Key}: U+{c:X4}")).ToList();

        Assert.Empty(missing);
    }
}
