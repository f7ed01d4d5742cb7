using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using EasternSelect.Data;
using EasternSelect.Domain.Security;
using EasternSelect.Portal.Features.Admin.Users;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EasternSelect.Portal.Tests.Security;

/// <summary>The security review's findings on sign-in, sessions, headers and configuration (issue 16 item 5), over HTTP.</summary>
public sealed partial class SecurityReviewTests(PortalFactoryFixture fixture) : IClassFixture<PortalFactoryFixture>
{
    private const string Password = "Correct-Horse-Battery-9";
    private const string Proxy = "10.0.0.1";

    private readonly PortalFactory _factory = fixture.Factory;

    [Fact]
    public async Task UpdateRoles_RoleRemovedWhileSignedIn_NextRequestRefused()
    {
        var email = await CreateUserAsync(Roles.Executive, Roles.Merchandiser);
        using var client = await _factory.SignedInClientAsync(email, Password);
        var before = await client.GetAsync(new Uri("/reports", UriKind.Relative));

        var userId = TestScopes.UserId(_factory.Services, email);
        await using (var scope = TestScopes.AsAccount(_factory.Services, "admin@demo.local", Roles.Administrator, out UserAdminService admin))
        {
            var stamp = await ConcurrencyStampAsync(userId);
            var result = await admin.UpdateAsync(userId, "測試 使用者", [Roles.Merchandiser], stamp, CancellationToken.None);
            Assert.True(result.Succeeded, string.Join(",", result.Errors));
        }

        var after = await client.GetAsync(new Uri("/reports", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/Account/Login", after.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logout_CopiedCookie_RefusedAfterSignOut()
    {
        var email = await CreateUserAsync(Roles.Executive);
        var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var signIn = await PortalFactory.PostLoginAsync(client, email, Password);
        var authCookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("EasternSelect.Auth=", StringComparison.Ordinal)).Split(';')[0];
        using var copy = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        copy.DefaultRequestHeaders.Add("Cookie", authCookie);
        var beforeSignOut = await copy.GetAsync(new Uri("/reports", UriKind.Relative));

        var signOut = await PostWithTokenAsync(client, "/Account/Logout", []);
        var afterSignOut = await copy.GetAsync(new Uri("/reports", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, beforeSignOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, afterSignOut.StatusCode);
        Assert.StartsWith("/Account/Login", afterSignOut.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logout_WithoutAntiforgeryToken_Returns400AndKeepsTheSession()
    {
        var email = await CreateUserAsync(Roles.Executive);
        using var client = await _factory.SignedInClientAsync(email, Password);

        using var empty = new FormUrlEncodedContent([]);
        var response = await client.PostAsync(new Uri("/Account/Logout", UriKind.Relative), empty);
        var stillSignedIn = await client.GetAsync(new Uri("/reports", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, stillSignedIn.StatusCode);
    }

    [Fact]
    public async Task Login_UnknownAndKnownEmail_AnswerInTheSameTimeBand()
    {
        var email = await CreateUserAsync(Roles.Executive);
        using var relaxed = WithKnownProxy(_factory).WithWebHostBuilder(b => b.ConfigureAppConfiguration((_, c) => c.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Security:MaxFailedSignIns"] = "1000",
            ["Security:AccountLockoutFailures"] = "1000",
            ["Security:SignInThrottle:AddressFreeFailures"] = "1000",
        })));
        var client = Client(relaxed, "198.51.100.50");
        var fields = await FormFieldsAsync(client, "/Account/Login");
        var known = new List<double>();
        var unknown = new List<double>();

        for (var i = 0; i < 9; i++)
        {
            unknown.Add(await TimeLoginAsync(client, fields, $"nobody-{i}@example.com"));
            known.Add(await TimeLoginAsync(client, fields, email));
        }

        var ratio = Median(known) / Median(unknown);
        Assert.InRange(ratio, 1 / 1.5, 1.5);
    }

    [Fact]
    public async Task Login_TwentyWrongPasswordsFromOneAddress_RealUserElsewhereStillSignsIn()
    {
        var email = await CreateUserAsync(Roles.Executive);
        using var proxied = WithKnownProxy(_factory);
        var attacker = Client(proxied, "198.51.100.7");
        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < 20; i++)
        {
            responses.Add(await PortalFactory.PostLoginAsync(attacker, email, "wrong password " + i));
        }

        var real = Client(proxied, "203.0.113.20");
        var realSignIn = await PortalFactory.PostLoginAsync(real, email, Password);
        var attackerWithRightPassword = await PortalFactory.PostLoginAsync(attacker, email, Password);

        Assert.All(responses.Skip(4), r => Assert.EndsWith("/Account/Lockout", r.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Redirect, realSignIn.StatusCode);
        Assert.DoesNotContain("Lockout", realSignIn.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.EndsWith("/Account/Lockout", attackerWithRightPassword.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_ManyAccountsFromOneAddress_AddressIsRefusedOtherAddressIsNot()
    {
        using var proxied = WithKnownProxy(_factory).WithWebHostBuilder(b => b.ConfigureAppConfiguration((_, c) => c.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Security:SignInThrottle:AddressFreeFailures"] = "10",
            ["Security:SignInThrottle:AddressBaseDelaySeconds"] = "60",
        })));
        var sprayer = Client(proxied, "198.51.100.9");
        var codes = new List<HttpStatusCode>();
        for (var i = 0; i < 12; i++)
        {
            codes.Add((await PortalFactory.PostLoginAsync(sprayer, $"guess-{i}@example.com", "wrong password")).StatusCode);
        }

        var other = await PortalFactory.PostLoginAsync(Client(proxied, "203.0.113.21"), "guess-0@example.com", "wrong password");
        var html = await (await PortalFactory.PostLoginAsync(sprayer, "guess-x@example.com", "wrong password")).Content.ReadAsStringAsync();

        Assert.All(codes.Take(10), c => Assert.Equal(HttpStatusCode.OK, c));
        Assert.Equal(HttpStatusCode.TooManyRequests, codes[11]);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Contains("嘗試登入次數過多", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/Account/Login")]
    [InlineData("/reports")]
    public async Task Headers_PageAndLogin_CarryContentSecurityAndPermissionsPolicy(string path)
    {
        using var client = await _factory.SignedInClientAsync("executive@demo.local");

        var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        var permissions = Assert.Single(response.Headers.GetValues("Permissions-Policy"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("base-uri 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("img-src 'self' data: blob:", csp, StringComparison.Ordinal);
        Assert.Contains("frame-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("camera=(self)", permissions, StringComparison.Ordinal);
        Assert.Contains("microphone=()", permissions, StringComparison.Ordinal);
        Assert.Contains("geolocation=()", permissions, StringComparison.Ordinal);
        Assert.Contains("payment=()", permissions, StringComparison.Ordinal);
        Assert.DoesNotMatch(InlineScript(), await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ForwardedProto_FromKnownProxy_MakesTheCookieSecure()
    {
        using var proxied = WithKnownProxy(_factory);

        var cookie = await SignInCookieOverForwardedHttpsAsync(proxied);

        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ForwardedProto_NoKnownProxy_IsIgnored()
    {
        var cookie = await SignInCookieOverForwardedHttpsAsync(_factory);

        Assert.DoesNotContain("secure", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("//evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("https://evil.example")]
    [InlineData("javascript:alert(1)")]
    public async Task Login_UnsafeReturnUrl_GoesHome(string returnUrl)
    {
        var email = await CreateUserAsync(Roles.Executive);
        var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var path = "/Account/Login?ReturnUrl=" + Uri.EscapeDataString(returnUrl);

        var form = await client.GetAsync(new Uri(path, UriKind.Relative));
        var response = await PostWithTokenAsync(client, path, new() { ["Input.Email"] = email, ["Input.Password"] = Password }, "/Account/Login");

        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", Home(response));
    }

    [Fact]
    public async Task Login_LocalReturnUrl_IsKept()
    {
        var email = await CreateUserAsync(Roles.Executive);
        var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var path = "/Account/Login?ReturnUrl=" + Uri.EscapeDataString("/reports?year=2026");

        var response = await PostWithTokenAsync(client, path, new() { ["Input.Email"] = email, ["Input.Password"] = Password }, "/Account/Login");

        Assert.Equal("/reports?year=2026", Home(response));
    }

    [Theory]
    [InlineData("//evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("https://evil.example")]
    [InlineData("/\r\nSet-Cookie: x=1")]
    [InlineData("/\u0000")]
    [InlineData("~//evil.example")]
    public async Task CultureSet_OddReturnUrl_GoesHome(string returnUrl)
    {
        var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync(new Uri("/culture/set?culture=en&returnUrl=" + Uri.EscapeDataString(returnUrl), UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task DataProtection_WithCertificate_StoresKeysEncrypted()
    {
        var folder = Directory.CreateTempSubdirectory("es-dp-cert");
        var pfx = Path.Combine(folder.FullName, "keys.pfx");
        using (var rsa = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=EasternSelect data protection test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pfx, "test-password"));
        }

        using var fresh = new PortalFactory();
        using var production = fresh.WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Production");
            b.ConfigureAppConfiguration((_, c) => c.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Demo:Enabled"] = "false",
                ["DataProtection:Certificate:Path"] = pfx,
                ["DataProtection:Certificate:Password"] = "test-password",
            }));
        });

        var page = await production.CreateClient().GetAsync(new Uri("/Account/Login", UriKind.Relative));
        using var scope = production.Services.CreateScope();
        var keys = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().DataProtectionKeys.Select(k => k.Xml).ToListAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.NotEmpty(keys);
        Assert.All(keys, xml =>
        {
            Assert.Contains("encryptedSecret", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<value>", xml, StringComparison.Ordinal);
        });
        folder.Delete(recursive: true);
    }

    [Fact]
    public void Start_ProductionWithoutKeyCertificate_IsRefused()
    {
        using var production = _factory.WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Production");
            b.ConfigureAppConfiguration((_, c) => c.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Demo:Enabled"] = "false",
            }));
        });

        var error = Assert.ThrowsAny<Exception>(() => production.CreateClient());

        Assert.Contains("DataProtection", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Start_ProductionWithDemoAndNoSecondSwitch_IsRefused()
    {
        using var production = _factory.WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Production");
            b.ConfigureAppConfiguration((_, c) => c.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["DataProtection:AllowUnencryptedKeys"] = "true",
            }));
        });

        var error = Assert.ThrowsAny<Exception>(() => production.CreateClient());

        Assert.Contains("Demo:AllowInProduction", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_ProductionDemoAllowed_HidesPasswordAndAdministratorNeedsSecondFactor()
    {
        using var production = _factory.WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Production");
            b.ConfigureAppConfiguration((_, c) => c.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Demo:AllowInProduction"] = "true",
                ["DataProtection:AllowUnencryptedKeys"] = "true",
            }));
        });
        var client = production.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

        var html = await client.GetStringAsync(new Uri("/Account/Login", UriKind.Relative));
        var signIn = await PortalFactory.PostLoginAsync(client, "admin@demo.local", PortalFactory.DemoPassword);
        var adminPage = await client.GetAsync(new Uri("/admin/users", UriKind.Relative));

        Assert.DoesNotContain(PortalFactory.DemoPassword, html, StringComparison.Ordinal);
        Assert.DoesNotContain("demo-accounts", html, StringComparison.Ordinal);
        Assert.Contains("Account/Manage/EnableAuthenticator", signIn.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, adminPage.StatusCode);
    }

    private async Task<string> CreateUserAsync(params string[] roles)
    {
        var email = $"sec-{Guid.NewGuid():N}@example.com";
        using var scope = _factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "測試 使用者" };
        var created = await users.CreateAsync(user, Password);
        Assert.True(created.Succeeded, string.Join(",", created.Errors.Select(e => e.Code)));
        Assert.True((await users.AddToRolesAsync(user, roles)).Succeeded);
        return email;
    }

    private async Task<string> ConcurrencyStampAsync(string userId)
    {
        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        return await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.ConcurrencyStamp!).SingleAsync();
    }

    private static WebApplicationFactory<Program> WithKnownProxy(WebApplicationFactory<Program> factory) =>
        factory.WithWebHostBuilder(b => b.ConfigureAppConfiguration((_, c) => c.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ForwardedHeaders:KnownProxies:0"] = Proxy,
        })));

    /// <summary>A client behind the proxy: the test server has no remote address, so the first forwarded one counts.</summary>
    private static HttpClient Client(WebApplicationFactory<Program> factory, string address)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return client;
    }

    private async Task<string> SignInCookieOverForwardedHttpsAsync(WebApplicationFactory<Program> factory)
    {
        var email = await CreateUserAsync(Roles.Executive);
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var fields = await FormFieldsAsync(client, "/Account/Login");
        fields["Input.Email"] = email;
        fields["Input.Password"] = Password;
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/Account/Login", UriKind.Relative)) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add("X-Forwarded-Proto", "https");
        var response = await client.SendAsync(request);
        return response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("EasternSelect.Auth=", StringComparison.Ordinal));
    }

    private static async Task<double> TimeLoginAsync(HttpClient client, Dictionary<string, string> fields, string email)
    {
        var form = new Dictionary<string, string>(fields) { ["Input.Email"] = email, ["Input.Password"] = "wrong password 123" };
        using var content = new FormUrlEncodedContent(form);
        var watch = Stopwatch.StartNew();
        var response = await client.PostAsync(new Uri("/Account/Login", UriKind.Relative), content);
        watch.Stop();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return watch.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    /// <summary>Posts a form with the antiforgery token of <paramref name="formPath"/> (default: the login form, which every session can open).</summary>
    private static async Task<HttpResponseMessage> PostWithTokenAsync(HttpClient client, string path, Dictionary<string, string> values, string formPath = "/Account/Login")
    {
        var fields = await FormFieldsAsync(client, formPath);
        foreach (var (key, value) in values)
        {
            fields[key] = value;
        }

        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(new Uri(path, UriKind.Relative), content);
    }

    private static async Task<Dictionary<string, string>> FormFieldsAsync(HttpClient client, string path)
    {
        var html = await client.GetStringAsync(new Uri(path, UriKind.Relative));
        return HiddenInput().Matches(html).ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));
    }

    private static string Home(HttpResponseMessage response)
    {
        var location = new Uri(new Uri("http://localhost/"), response.Headers.Location!);
        Assert.Equal("localhost", location.Host);
        return location.PathAndQuery;
    }

    [GeneratedRegex("""<input type="hidden" name="(?<name>[^"]+)" value="(?<value>[^"]*)" */?>""")]
    private static partial Regex HiddenInput();

    /// <summary>A script element with content (the CSP allows none).</summary>
    [GeneratedRegex("""<script(?![^>]*\bsrc=)[^>]*>\s*\S""")]
    private static partial Regex InlineScript();
}
