using System.Net;
using EasternSelect.Data;
using EasternSelect.Portal.Features.Suppliers.Registry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using System.Text.RegularExpressions;
using EasternSelect.Data.Seed;
using EasternSelect.Domain.Security;

namespace EasternSelect.Portal.Tests;

/// <summary>The portal over HTTP, with the real middleware, cookies, database and demo accounts.</summary>
public sealed partial class PortalHttpTests(PortalFactoryFixture fixture) : IClassFixture<PortalFactoryFixture>
{
    private readonly PortalFactory _factory = fixture.Factory;

    public static TheoryData<string> DemoEmails => new(DemoAccounts.All.Select(a => a.Email));

    [Fact]
    public async Task Home_Anonymous_RedirectsToLogin()
    {
        var client = _factory.CreateClient(new() { AllowAutoRedirect = false });

        var response = await client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoginPage_Anonymous_IsTraditionalChineseByDefault()
    {
        var client = _factory.CreateClient();

        var html = await client.GetStringAsync(new Uri("/Account/Login", UriKind.Relative));

        Assert.Contains("<html lang=\"zh-TW\"", html, StringComparison.Ordinal);
        Assert.Contains("請以公司電子郵件登入", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Healthz_DatabaseAnswers_Returns200()
    {
        var response = await _factory.CreateClient().GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(DemoEmails))]
    public async Task Home_EachDemoRole_SeesExactlyItsMenu(string email)
    {
        var role = DemoAccounts.All.Single(a => a.Email == email).Role;
        using var client = await _factory.SignedInClientAsync(email);

        var html = await client.GetStringAsync(new Uri("/", UriKind.Relative));

        var expected = new List<string> { "nav-home" };
        if (MenuPolicyRoles.Dashboards.Contains(role))
        {
            expected.Add("nav-dashboard");
        }

        if (MenuPolicyRoles.Suppliers.Contains(role))
        {
            expected.AddRange(["nav-suppliers", "nav-training"]);
        }

        if (MenuPolicyRoles.Products.Contains(role))
        {
            expected.Add("nav-products");
        }

        if (MenuPolicyRoles.Reviews.Contains(role))
        {
            expected.Add("nav-reviews");
        }

        if (MenuPolicyRoles.Tiering.Contains(role))
        {
            expected.Add("nav-tiering");
        }

        if (MenuPolicyRoles.Inspections.Contains(role))
        {
            expected.AddRange(["nav-inspection-specs", "nav-inspection-samples", "nav-inspection-lots", "nav-inspection-spot-checks", "nav-inspection-audits", "nav-inspection-quality"]);
        }

        if (MenuPolicyRoles.Reports.Contains(role))
        {
            expected.Add("nav-reports");
        }

        if (MenuPolicyRoles.ProductReview.Contains(role))
        {
            expected.Add("nav-committee-product-review");
        }

        if (MenuPolicyRoles.AnomalyMeetings.Contains(role))
        {
            expected.Add("nav-committee-anomaly");
        }

        if (MenuPolicyRoles.Complaints.Contains(role))
        {
            expected.Add("nav-complaints");
        }

        if (MenuPolicyRoles.ComplaintKpis.Contains(role))
        {
            expected.Add("nav-complaint-kpis");
        }

        if (MenuPolicyRoles.Grievances.Contains(role))
        {
            expected.Add("nav-grievances");
        }

        if (MenuPolicyRoles.GrievanceDigest.Contains(role))
        {
            expected.Add("nav-grievance-digest");
        }

        if (role == Roles.QaManager)
        {
            expected.Add("nav-inspection-labs");
        }

        if (role is Roles.QaManager or Roles.Executive)
        {
            expected.AddRange(["nav-operating-import", "nav-kpi-targets"]);
        }

        if (role == Roles.Executive)
        {
            expected.Add("nav-committee-members");
        }

        if (role == Roles.Administrator)
        {
            expected.AddRange(["nav-admin-users", "nav-admin-audit", "nav-admin-complaint-topics", "nav-admin-calendar"]);
        }

        var shown = NavItem().Matches(html).Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.Equal(expected.Order(), shown.Order());
        Assert.Contains($"data-testid=\"home-card-{role}\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("cx.agent@demo.local", "/admin/users")]
    [InlineData("qa.inspector@demo.local", "/admin/audit")]
    [InlineData("auditor@demo.local", "/suppliers")]
    [InlineData("cx.agent@demo.local", "/suppliers")]
    [InlineData("auditor@demo.local", "/products")]
    [InlineData("admin@demo.local", "/suppliers")]
    [InlineData("cx.agent@demo.local", "/committees/product-review")]
    [InlineData("qa.inspector@demo.local", "/committees/product-review")]
    [InlineData("merchandiser@demo.local", "/committees/anomaly")]
    [InlineData("committee@demo.local", "/committees/anomaly/1")]
    [InlineData("admin@demo.local", "/complaints")]
    [InlineData("supplier.officer@demo.local", "/complaints")]
    [InlineData("cx.agent@demo.local", "/grievances")]
    [InlineData("supplier.officer@demo.local", "/grievances/digest")]
    [InlineData("auditor@demo.local", "/grievances/digest")]
    [InlineData("admin@demo.local", "/grievances")]
    [InlineData("merchandiser@demo.local", "/dashboard")]
    [InlineData("committee@demo.local", "/dashboard")]
    [InlineData("auditor@demo.local", "/dashboard")]
    [InlineData("admin@demo.local", "/dashboard")]
    [InlineData("cx.agent@demo.local", "/dashboard/records/lots")]
    [InlineData("supplier.head@demo.local", "/dashboard/records/complaints")]
    public async Task Page_OtherRolesPage_Returns403(string email, string path)
    {
        using var client = await _factory.SignedInClientAsync(email);

        var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("admin@demo.local", "/admin/users")]
    [InlineData("admin@demo.local", "/admin/audit")]
    [InlineData("supplier.officer@demo.local", "/suppliers")]
    [InlineData("cx.agent@demo.local", "/products")]
    [InlineData("executive@demo.local", "/reports")]
    [InlineData("qa.inspector@demo.local", "/reports")]
    [InlineData("committee.qa@demo.local", "/committees/product-review/1")]
    [InlineData("merchandiser@demo.local", "/committees/product-review/1/minutes")]
    [InlineData("qa.manager@demo.local", "/committees/anomaly/1")]
    [InlineData("supplier.officer@demo.local", "/committees/anomaly/1/minutes")]
    [InlineData("cx.agent@demo.local", "/complaints")]
    [InlineData("major.case@demo.local", "/complaints/kpis")]
    [InlineData("auditor@demo.local", "/grievances")]
    [InlineData("executive@demo.local", "/grievances/digest")]
    [InlineData("qa.inspector@demo.local", "/dashboard")]
    [InlineData("qa.manager@demo.local", "/dashboard")]
    [InlineData("supplier.officer@demo.local", "/dashboard")]
    [InlineData("supplier.head@demo.local", "/dashboard")]
    [InlineData("cx.agent@demo.local", "/dashboard")]
    [InlineData("major.case@demo.local", "/dashboard")]
    [InlineData("executive@demo.local", "/dashboard")]
    [InlineData("executive@demo.local", "/reports/records/lots?from=2026-01&to=2026-12&decision=Rejected")]
    [InlineData("executive@demo.local", "/reports/records/complaints?from=2026-01&to=2026-12&closedWithinSla=false")]
    [InlineData("qa.manager@demo.local", "/inspections/lots?month=2026-11&decision=Inspected&action=Overdue")]
    [InlineData("cx.agent@demo.local", "/complaints?view=Open&sla=Breached")]
    [InlineData("supplier.officer@demo.local", "/suppliers/reviews?tab=InProgress")]
    [InlineData("qa.manager@demo.local", "/suppliers/tiering?evaluation=1")]
    public async Task Page_OwnRolesPage_Returns200(string email, string path)
    {
        using var client = await _factory.SignedInClientAsync(email);

        var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("qa.inspector@demo.local", "dashboard-qa")]
    [InlineData("qa.manager@demo.local", "dashboard-qa")]
    [InlineData("supplier.officer@demo.local", "dashboard-supplier")]
    [InlineData("supplier.head@demo.local", "dashboard-supplier")]
    [InlineData("cx.agent@demo.local", "dashboard-cx")]
    [InlineData("major.case@demo.local", "dashboard-cx")]
    [InlineData("executive@demo.local", "dashboard-executive")]
    public async Task Dashboard_EachRole_ShowsOnlyItsPanel(string email, string panel)
    {
        using var client = await _factory.SignedInClientAsync(email);

        var html = await client.GetStringAsync(new Uri("/dashboard", UriKind.Relative));

        var shown = DashboardPanel().Matches(html).Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.Equal([panel], shown);
    }

    [Fact]
    public async Task Login_WrongPasswordFiveTimes_LocksTheAccount()
    {
        var client = _factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        HttpResponseMessage? last = null;
        for (var i = 0; i < 5; i++)
        {
            last = await PortalFactory.PostLoginAsync(client, "merchandiser@demo.local", "wrong password " + i);
        }

        var afterLockout = await PortalFactory.PostLoginAsync(client, "merchandiser@demo.local", PortalFactory.DemoPassword);

        Assert.Equal(HttpStatusCode.Redirect, last!.StatusCode);
        Assert.EndsWith("/Account/Lockout", last.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, afterLockout.StatusCode);
        Assert.EndsWith("/Account/Lockout", afterLockout.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_Succeeds_SetsHttpOnlySameSiteCookieWithoutPersistence()
    {
        var client = _factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });

        var form = await client.GetAsync(new Uri("/Account/Login", UriKind.Relative));
        var cookieClient = _factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        var response = await PortalFactory.PostLoginAsync(cookieClient, "executive@demo.local", PortalFactory.DemoPassword);

        var authCookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("EasternSelect.Auth=", StringComparison.Ordinal));
        Assert.True(form.IsSuccessStatusCode);
        Assert.Contains("httponly", authCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", authCookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("expires=", authCookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task CultureSwitch_English_RendersEnglishAndRemembersIt()
    {
        using var client = await _factory.SignedInClientAsync("committee@demo.local");

        var switched = await client.GetAsync(new Uri("/culture/set?culture=en&returnUrl=/", UriKind.Relative));
        var html = await client.GetStringAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Contains("<html lang=\"en\"", html, StringComparison.Ordinal);
        Assert.Contains("Committee member", html, StringComparison.Ordinal);

        // Signing in again from a fresh client brings the remembered language back.
        using var again = await _factory.SignedInClientAsync("committee@demo.local");
        var html2 = await again.GetStringAsync(new Uri("/", UriKind.Relative));
        Assert.Contains("<html lang=\"en\"", html2, StringComparison.Ordinal);
        await again.GetAsync(new Uri("/culture/set?culture=zh-TW&returnUrl=/", UriKind.Relative));
    }

    [Fact]
    public async Task SupplierList_AsSupplierOfficer_ReturnsContactsMasked()
    {
        await using var scope = TestScopes.As(_factory.Services, Roles.SupplierOfficer, out SupplierListService service);
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();

        var page = await service.SearchAsync(new SupplierQuery(null, null, null, SupplierSort.Name, false, 0, 20), CancellationToken.None);
        var raw = await db.Suppliers.Where(s => s.Id == page.Items[0].Id).Select(s => new { s.ContactName, s.ContactPhone }).SingleAsync();

        Assert.Equal(20, page.Items.Count);
        Assert.True(page.Total >= 300);
        Assert.All(page.Items, row => Assert.Matches(@"^09\d\d-\*\*\*-\d{3}$", row.ContactPhone));
        Assert.NotEqual(raw.ContactPhone, page.Items[0].ContactPhone);
        Assert.NotEqual(raw.ContactName, page.Items[0].ContactName);
        Assert.Contains("*", page.Items[0].ContactName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SupplierList_AsAuditor_IsRefusedByTheService()
    {
        await using var scope = TestScopes.As(_factory.Services, Roles.ThirdPartyAuditor, out SupplierListService service);

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() =>
            service.SearchAsync(new SupplierQuery(null, null, null, SupplierSort.Name, false, 0, 20), CancellationToken.None));
    }

    [GeneratedRegex("data-testid=\"(nav-[a-z-]+)\"")]
    private static partial Regex NavItem();

    [GeneratedRegex("data-testid=\"(dashboard-(?:qa|supplier|cx|executive))\"")]
    private static partial Regex DashboardPanel();

}

/// <summary>The roles the tests expect in each menu group, written out independently of Policies.</summary>
internal static class MenuPolicyRoles
{
    public static readonly string[] Suppliers = [Roles.SupplierOfficer, Roles.SupplierHead, Roles.QaInspector, Roles.QaManager, Roles.Merchandiser, Roles.Executive];
    public static readonly string[] Reviews = [Roles.SupplierOfficer, Roles.SupplierHead, Roles.QaInspector, Roles.QaManager];
    public static readonly string[] Tiering = [Roles.QaManager, Roles.QaInspector, Roles.SupplierHead, Roles.SupplierOfficer, Roles.Executive];
    public static readonly string[] Inspections = [Roles.QaInspector, Roles.QaManager];
    public static readonly string[] Reports = [Roles.QaManager, Roles.QaInspector, Roles.SupplierHead, Roles.SupplierOfficer, Roles.Executive, Roles.CxAgent, Roles.MajorCaseTeam];
    public static readonly string[] ProductReview = [Roles.Merchandiser, Roles.CommitteeMember, Roles.QaManager, Roles.Executive];
    public static readonly string[] AnomalyMeetings = [Roles.QaManager, Roles.QaInspector, Roles.SupplierHead, Roles.SupplierOfficer, Roles.Executive];
    public static readonly string[] Complaints = [Roles.CxAgent, Roles.MajorCaseTeam];
    public static readonly string[] ComplaintKpis = [Roles.CxAgent, Roles.MajorCaseTeam, Roles.QaManager, Roles.Executive];
    public static readonly string[] Grievances = [Roles.SupplierOfficer, Roles.SupplierHead, Roles.Executive, Roles.ThirdPartyAuditor];
    public static readonly string[] GrievanceDigest = [Roles.SupplierHead, Roles.Executive];
    public static readonly string[] Dashboards = [Roles.QaInspector, Roles.QaManager, Roles.SupplierOfficer, Roles.SupplierHead, Roles.CxAgent, Roles.MajorCaseTeam, Roles.Executive];
    public static readonly string[] Products = [Roles.QaInspector, Roles.QaManager, Roles.SupplierOfficer, Roles.SupplierHead, Roles.Merchandiser, Roles.CommitteeMember, Roles.CxAgent, Roles.MajorCaseTeam, Roles.Executive];
}
