using System.Net;

namespace EasternSelect.Portal.Tests.Reports;

/// <summary>The ESG chapter's inspection (Order 300) and committee (Order 600) sections over HTTP, against the demo data.</summary>
public sealed class EsgInspectionSectionTests(PortalFactoryFixture fixture) : IClassFixture<PortalFactoryFixture>
{
    private readonly PortalFactory _factory = fixture.Factory;

    [Fact]
    public async Task EsgPdf_2020_ShowsAuditCountsByReasonAndTheNewHeadings()
    {
        using var client = await _factory.SignedInClientAsync("executive@demo.local");

        using var response = await client.GetAsync(new Uri("/reports/esg.pdf?year=2020", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await PdfText.ExtractAsync(await response.Content.ReadAsByteArrayAsync(), layout: true);
        Assert.Contains("2.2.2 品質檢驗", text, StringComparison.Ordinal);
        Assert.Contains("檢驗比例與合格率（依商品類別）", text, StringComparison.Ordinal);
        Assert.Contains("訪廠稽核場次（依原因）", text, StringComparison.Ordinal);
        Assert.Contains("委員會運作", text, StringComparison.Ordinal);
        Assert.Contains("不良率", text, StringComparison.Ordinal);
        var lines = text.Split('\n');
        Assert.Contains(lines, l => l.Contains("商品異常", StringComparison.Ordinal) && l.TrimEnd().EndsWith(" 2", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("委外代工查廠", StringComparison.Ordinal) && l.TrimEnd().EndsWith(" 18", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("季節性商品（年菜）", StringComparison.Ordinal) && l.TrimEnd().EndsWith(" 5", StringComparison.Ordinal));
        var flat = string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
        Assert.Contains("並執行25場訪廠稽核", flat, StringComparison.Ordinal);
    }
}
