using System.IO.Compression;
using System.Net;
using System.Xml.Linq;
using EasternSelect.Data;
using EasternSelect.Domain.Committees;
using EasternSelect.Domain.Security;
using EasternSelect.Portal.Features.Committees;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EasternSelect.Portal.Tests.Reports;

/// <summary>The committee and anomaly-meeting minutes through the report engine: /reports/committee and /reports/anomaly-meeting.</summary>
public sealed class MinutesReportTests(PortalFactoryFixture fixture) : IClassFixture<PortalFactoryFixture>
{
    private readonly PortalFactory _factory = fixture.Factory;

    [Fact]
    public async Task CommitteeMinutesPdf_ClosedMeeting_ShowsEveryDepartmentAndTheProposalsProduct()
    {
        var meetingId = await ClosedMeetingIdAsync();
        var productName = await FirstProductNameAsync(meetingId);
        using var client = await _factory.SignedInClientAsync("executive@demo.local");

        using var response = await client.GetAsync(new Uri($"/reports/committee.pdf?meeting={meetingId}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var text = await PdfText.ExtractAsync(await response.Content.ReadAsByteArrayAsync());
        foreach (var department in new[] { "商品部", "節目部", "型錄部", "品保部" })
        {
            Assert.Contains(department, text, StringComparison.Ordinal);
        }

        Assert.Contains(productName, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CommitteeMinutesXlsx_ClosedMeeting_IsAValidWorkbookWithNumericScores()
    {
        var meetingId = await ClosedMeetingIdAsync();
        using var client = await _factory.SignedInClientAsync("executive@demo.local");

        var bytes = await client.GetByteArrayAsync(new Uri($"/reports/committee.xlsx?meeting={meetingId}", UriKind.Relative));

        using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        foreach (var entry in zip.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.Ordinal)))
        {
            await using var stream = entry.Open();
            XDocument.Load(stream);
        }

        XNamespace ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        var cells = zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/sheet", StringComparison.Ordinal))
            .SelectMany(e =>
            {
                using var s = e.Open();
                return XDocument.Load(s).Descendants(ns + "c").ToList();
            }).ToList();
        Assert.Contains(cells, c => ((string?)c.Attribute("t") ?? "n") == "n" && c.Element(ns + "v") is not null);
    }

    [Theory]
    [InlineData("/reports/committee.pdf?meeting=999999", HttpStatusCode.NotFound)]
    [InlineData("/reports/anomaly-meeting.xlsx?meeting=999999", HttpStatusCode.NotFound)]
    [InlineData("/reports/committee.pdf", HttpStatusCode.BadRequest)]
    [InlineData("/reports/committee.pdf?meeting=abc", HttpStatusCode.BadRequest)]
    [InlineData("/reports/committee.pdf?meeting=1&supplier=2", HttpStatusCode.BadRequest)]
    [InlineData("/reports/anomaly-meeting.pdf?meeting=1&supplier=x", HttpStatusCode.BadRequest)]
    public async Task Minutes_UnknownMeetingOrBadParameters_Returns404Or400(string path, HttpStatusCode expected)
    {
        using var client = await _factory.SignedInClientAsync("executive@demo.local");

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(expected, response.StatusCode);
    }

    [Theory]
    [InlineData("cx.agent@demo.local", "/reports/committee.pdf?meeting=1")]
    [InlineData("merchandiser@demo.local", "/reports/anomaly-meeting.pdf?meeting=1")]
    public async Task Minutes_RoleWithoutThePolicy_Returns403(string email, string path)
    {
        using var client = await _factory.SignedInClientAsync(email);

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task AnomalyMinutesPdf_SeededMeeting_ShowsItsActionItems()
    {
        int meetingId;
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            meetingId = await db.Set<AnomalyMeeting>().Where(m => m.ActionItems.Any()).OrderBy(m => m.Id).Select(m => m.Id).FirstAsync();
        }

        using var client = await _factory.SignedInClientAsync("qa.manager@demo.local");
        using var response = await client.GetAsync(new Uri($"/reports/anomaly-meeting.pdf?meeting={meetingId}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await PdfText.ExtractAsync(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains("品質異常會議", text, StringComparison.Ordinal);
        Assert.Contains("PDCA", text, StringComparison.Ordinal);
    }

    private async Task<int> ClosedMeetingIdAsync()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        return await db.ProductReviewMeetings.Where(m => m.Status != ReviewMeetingStatus.Open && m.Proposals.Any()).OrderBy(m => m.Id).Select(m => m.Id).FirstAsync();
    }

    private async Task<string> FirstProductNameAsync(int meetingId)
    {
        await using var scope = TestScopes.As(_factory.Services, Roles.Executive, out ProductReviewService reviews, "exec");
        var minutes = await reviews.BuildMinutesAsync(meetingId, CancellationToken.None);
        return minutes!.Proposals[0].ProductName;
    }
}
