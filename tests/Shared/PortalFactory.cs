using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EasternSelect.Tests.Shared;

/// <summary>
/// The real portal (demo mode) on its own SQLite file in a temp folder. Browser tests call
/// <c>UseKestrel(0)</c> and <c>StartServer()</c> to reach it over a real socket.
/// </summary>
public sealed partial class PortalFactory : WebApplicationFactory<Program>
{
    public const string DemoPassword = "Demo!Pass2026";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "es-portal-tests", Guid.NewGuid().ToString("N"));
    private readonly int _queryFailuresBefore = SqlServerQueryCheck.FailureCount;

    public string DatabasePath => Path.Combine(_folder, "portal.db");

    /// <summary>False starts the portal as a new customer would: no demo accounts, no demo data.</summary>
    public bool DemoMode { get; init; } = true;

    /// <summary>The portal's clock when a test must move time (for example to the next month); real time otherwise.</summary>
    public TimeProvider? Clock { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_folder);
        // Development always means demo mode; a new customer's install runs as Staging (static assets still served from the build).
        builder.UseEnvironment(DemoMode ? "Development" : "Staging");
        if (!DemoMode)
        {
            builder.UseStaticWebAssets();
        }

        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Portal"] = $"Data Source={DatabasePath}",
            ["Database:Provider"] = "Sqlite",
            ["Demo:Enabled"] = DemoMode ? "true" : "false",
        }));
        // Every query the portal compiles is also translated for SQL Server and parsed.
        builder.ConfigureTestServices(services =>
        {
            if (Clock is not null)
            {
                services.AddSingleton(Clock);
            }

            foreach (var interceptor in SqlServerQueryCheck.Interceptors)
            {
                services.AddSingleton<IInterceptor>(interceptor);
            }
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is left for the OS to clean; the next run uses a new folder.
        }

        if (disposing)
        {
            // A query SQL Server cannot run fails the class even when the portal swallowed the exception.
            SqlServerQueryCheck.ThrowIfFailedSince(_queryFailuresBefore);
        }
    }

    /// <summary>A client that keeps cookies and does not follow redirects, signed in through the real login form.</summary>
    public async Task<HttpClient> SignedInClientAsync(string email, string password = DemoPassword)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var response = await PostLoginAsync(client, email, password);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Signing in as {email} failed: {(int)response.StatusCode}");
        }

        return client;
    }

    public static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string email, string password)
    {
        var form = await client.GetStringAsync(new Uri("/Account/Login", UriKind.Relative));
        var fields = HiddenInput().Matches(form).ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        fields["Input.Email"] = email;
        fields["Input.Password"] = password;
        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(new Uri("/Account/Login", UriKind.Relative), content);
    }

    [GeneratedRegex("""<input type="hidden" name="(?<name>[^"]+)" value="(?<value>[^"]*)" */?>""")]
    private static partial Regex HiddenInput();
}
