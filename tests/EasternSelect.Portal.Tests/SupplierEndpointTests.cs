using System.Net;
using ClosedXML.Excel;

namespace EasternSelect.Portal.Tests;

public sealed class SupplierEndpointTests(PortalFactoryFixture fixture) : IClassFixture<PortalFactoryFixture>
{
    [Fact]
    public async Task Export_AsQaManagerWithFilter_ReturnsAnXlsxOfThatCategoryOnly()
    {
        using var client = await fixture.Factory.SignedInClientAsync("qa.manager@demo.local");

        using var response = await client.GetAsync(new Uri("/suppliers/export.xlsx?category=Food", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        using var workbook = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var sheet = workbook.Worksheet(1);
        var categories = sheet.Column(3).CellsUsed().Skip(1).Select(c => c.GetString()).Distinct().ToList();
        Assert.Equal(["食品"], categories);
    }

    [Theory]
    [InlineData("/suppliers/export.xlsx")]
    [InlineData("/suppliers/import-template.xlsx")]
    [InlineData("/suppliers/1/contract")]
    public async Task Downloads_AsCxAgent_AreForbidden(string path)
    {
        using var client = await fixture.Factory.SignedInClientAsync("cx.agent@demo.local");

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.NotEqual("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ImportTemplate_AsQaManager_IsForbiddenButOfficerGetsIt()
    {
        using var manager = await fixture.Factory.SignedInClientAsync("qa.manager@demo.local");
        using var officer = await fixture.Factory.SignedInClientAsync("supplier.officer@demo.local");

        using var refused = await manager.GetAsync(new Uri("/suppliers/import-template.xlsx", UriKind.Relative));
        using var allowed = await officer.GetAsync(new Uri("/suppliers/import-template.xlsx", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }
}
