using System.Net;
using EasternSelect.Portal.Features.Dashboard;

namespace EasternSelect.Portal.Tests.Reports;

/// <summary>The dashboards' links and their old addresses all lead to the one drill-down page (decision 0007).</summary>
public sealed class DrillDownAddressTests(PortalFactoryFixture fixture) : IClassFixture<PortalFactoryFixture>
{
    private static readonly DateOnly December2025 = new(2025, 12, 1);
    private static readonly DateOnly November2026 = new(2026, 11, 1);

    [Fact]
    public void DashboardLinks_KpiRecords_UseTheRecordsPageVocabulary()
    {
        Assert.Equal("/reports/records/lots?from=2025-12&to=2026-11", DashboardLinks.LotsReceived(December2025, November2026));
        Assert.Equal("/reports/records/lots?from=2025-12&to=2026-11&decided=true", DashboardLinks.LotsDecided(December2025, November2026));
        Assert.Equal("/reports/records/lots?from=2025-12&to=2026-11&decision=Rejected", DashboardLinks.LotsRejected(December2025, November2026));
        Assert.Equal("/reports/records/complaints?from=2025-12&to=2026-11", DashboardLinks.ComplaintsOpened(December2025, November2026));
        Assert.Equal("/reports/records/complaints?from=2025-12&to=2026-11&closed=true", DashboardLinks.ComplaintsClosed(December2025, November2026));
        Assert.Equal("/reports/records/complaints?from=2025-12&to=2026-11&closedWithinSla=false", DashboardLinks.ComplaintsClosedLate(December2025, November2026));
    }

    [Theory]
    [InlineData("2020-01", "2020-12", "Inspected", "/reports/records/lots?from=2020-01&to=2020-12&decided=true")]
    [InlineData("2020-01", "2020-12", "Rejected", "/reports/records/lots?from=2020-01&to=2020-12&decision=Rejected")]
    [InlineData(null, null, null, "/reports/records/lots?from=2025-12&to=2026-11")]
    [InlineData("2020-13", null, "Received", "/reports/records/lots?from=2020-13&to=2026-11")]
    [InlineData(null, null, "Bogus", "/reports/records/lots?from=2025-12&to=2026-11&filter=Bogus")]
    public void OldLotRecords_Filter_BecomesTheRecordsPageFilter(string? from, string? to, string? filter, string expected) =>
        Assert.Equal(expected, DashboardLinks.OldLotRecords(from, to, filter, December2025, November2026));

    [Theory]
    [InlineData("2026-01", "2026-12", "Opened", "/reports/records/complaints?from=2026-01&to=2026-12")]
    [InlineData("2026-01", "2026-12", "Closed", "/reports/records/complaints?from=2026-01&to=2026-12&closed=true")]
    [InlineData("2026-01", "2026-12", "ClosedLate", "/reports/records/complaints?from=2026-01&to=2026-12&closedWithinSla=false")]
    public void OldComplaintRecords_Filter_BecomesTheRecordsPageFilter(string? from, string? to, string? filter, string expected) =>
        Assert.Equal(expected, DashboardLinks.OldComplaintRecords(from, to, filter, December2025, November2026));

    [Theory]
    [InlineData("executive@demo.local", "/dashboard/records/complaints?from=2026-01&to=2026-12&filter=ClosedLate", "/reports/records/complaints?from=2026-01&to=2026-12&closedWithinSla=false")]
    [InlineData("executive@demo.local", "/dashboard/records/lots?from=2020-01&to=2020-12&filter=Rejected", "/reports/records/lots?from=2020-01&to=2020-12&decision=Rejected")]
    [InlineData("qa.inspector@demo.local", "/dashboard/records/lots?from=2020-01&to=2020-12&filter=Inspected", "/reports/records/lots?from=2020-01&to=2020-12&decided=true")]
    public async Task OldDashboardAddress_SignedIn_RedirectsToTheRecordsPage(string email, string path, string expected)
    {
        using var client = await fixture.Factory.SignedInClientAsync(email);

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location!.OriginalString.Replace("http://localhost", string.Empty, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ExecutiveLotsLink_OpensMaskedRecordsWithoutLinksToTheInspectionPages()
    {
        using var client = await fixture.Factory.SignedInClientAsync("executive@demo.local");

        var page = await client.GetStringAsync(new Uri("/reports/records/lots?year=2020&decision=Rejected", UriKind.Relative));

        Assert.Contains("data-testid=\"record-lot\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/inspections/lots/", page, StringComparison.Ordinal);
    }
}
