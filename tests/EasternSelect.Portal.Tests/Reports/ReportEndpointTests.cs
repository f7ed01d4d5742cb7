using System.IO.Compression;
using System.Net;
using System.Xml.Linq;
using EasternSelect.Data;
using EasternSelect.Domain.Auditing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EasternSelect.Portal.Tests.Reports;

/// <summary>/reports/{key}.pdf|.xlsx over HTTP: per-report policies, 404, 400, content types, audit, valid workbooks.</summary>
public sealed class ReportEndpointTests(PortalFactoryFixture fixture) : IClassFixture<PortalFactoryFixture>
{
    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private readonly PortalFactory _factory = fixture.Factory;

    [Theory]
    [InlineData("qa.inspector@demo.local", "/reports/esg.pdf?year=2020")]
    [InlineData("supplier.officer@demo.local", "/reports/esg.xlsx?year=2020")]
    [InlineData("cx.agent@demo.local", "/reports/training.pdf")]
    [InlineData("merchandiser@demo.local", "/reports/suppliers.xlsx")]
    [InlineData("admin@demo.local", "/reports/products.xlsx")]
    [InlineData("merchandiser@demo.local", "/reports")]
    public async Task Report_RoleWithoutThePolicy_Returns403(string email, string path)
    {
        using var client = await _factory.SignedInClientAsync(email);

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("/reports/nonsense.pdf")]
    [InlineData("/reports/esg.docx")]
    [InlineData("/reports/products.pdf")]
    public async Task Report_UnknownKeyOrFormat_Returns404(string path)
    {
        using var client = await _factory.SignedInClientAsync("executive@demo.local");

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("/reports/esg.pdf?year=abc", "年度必須是數字")]
    [InlineData("/reports/supplier-reviews.xlsx?from=2020&to=2018", "結束年度不可早於起始年度")]
    [InlineData("/reports/training.pdf?from=1990&to=2020", "年度須介於")]
    public async Task Report_BadParameters_Returns400WithAMessage(string path, string message)
    {
        using var client = await _factory.SignedInClientAsync("executive@demo.local");

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/reports/esg.pdf?year=2020", "application/pdf", "esg-2020.pdf")]
    [InlineData("/reports/supplier-reviews.pdf?from=2018&to=2020", "application/pdf", "supplier-reviews-2018-2020.pdf")]
    [InlineData("/reports/esg.xlsx?year=2020", XlsxType, "esg-2020.xlsx")]
    [InlineData("/reports/training.xlsx?from=2018&to=2020", XlsxType, "training-2018-2020.xlsx")]
    [InlineData("/reports/suppliers.xlsx", XlsxType, "suppliers.xlsx")]
    [InlineData("/reports/products.xlsx", XlsxType, "products.xlsx")]
    public async Task Report_Allowed_Returns200WithContentTypeAndIsAudited(string path, string contentType, string fileName)
    {
        using var client = await _factory.SignedInClientAsync("qa.manager@demo.local");
        var before = DateTime.UtcNow.AddSeconds(-1);

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(fileName, response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var key = fileName[..fileName.IndexOfAny(['-', '.'])] is var k && k == "supplier" ? "supplier-reviews" : k;
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditAction.Export && a.EntityType == "Report" && a.EntityKey == key
            && a.UserName == "qa.manager@demo.local" && a.OccurredUtc >= before), $"no Export audit entry for {key}");
    }

    [Theory]
    [InlineData("/reports/esg.xlsx?year=2020")]
    [InlineData("/reports/supplier-reviews.xlsx?from=2018&to=2020")]
    [InlineData("/reports/training.xlsx?from=2018&to=2020")]
    [InlineData("/reports/suppliers.xlsx")]
    [InlineData("/reports/products.xlsx")]
    public async Task Xlsx_EveryReport_IsAValidWorkbookWithNumericCellsAndAFrozenHeader(string path)
    {
        using var client = await _factory.SignedInClientAsync("executive@demo.local");

        var bytes = await client.GetByteArrayAsync(new Uri(path, UriKind.Relative));

        using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        foreach (var entry in zip.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.Ordinal) || e.FullName.EndsWith(".rels", StringComparison.Ordinal)))
        {
            await using var stream = entry.Open();
            XDocument.Load(stream);
        }

        XNamespace ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        var sheets = zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/sheet", StringComparison.Ordinal))
            .Select(e =>
            {
                using var s = e.Open();
                return XDocument.Load(s);
            }).ToList();
        Assert.NotEmpty(sheets);
        var tableSheets = sheets.Where(s => s.Descendants(ns + "pane").Any()).ToList();
        Assert.NotEmpty(tableSheets);
        Assert.All(tableSheets, s => Assert.Contains(s.Descendants(ns + "pane"), p => ((string?)p.Attribute("state"))?.StartsWith("frozen", StringComparison.Ordinal) == true));
        // Numbers are numeric cells (no t attribute or t="n"), not text.
        var numeric = tableSheets.SelectMany(s => s.Descendants(ns + "c"))
            .Where(c => ((string?)c.Attribute("t") ?? "n") == "n" && c.Element(ns + "v") is not null).ToList();
        Assert.NotEmpty(numeric);
        Assert.All(tableSheets, s => Assert.NotEmpty(s.Descendants(ns + "col")));
    }
}

public sealed class ReportsPageHttpTests(PortalFactoryFixture fixture) : IClassFixture<PortalFactoryFixture>
{
    [Fact]
    public async Task ReportsPage_AsQaInspector_ListsItsReportsButNotEsg()
    {
        using var client = await fixture.Factory.SignedInClientAsync("qa.inspector@demo.local");

        var html = await client.GetStringAsync(new Uri("/reports", UriKind.Relative));

        Assert.Contains("data-testid=\"report-supplier-reviews\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/reports/products.xlsx\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"report-esg\"", html, StringComparison.Ordinal);
    }
}
