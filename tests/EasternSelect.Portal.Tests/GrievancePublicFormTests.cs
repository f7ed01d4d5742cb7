using System.Net;
using System.Text.RegularExpressions;
using EasternSelect.Data;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EasternSelect.Portal.Tests;

/// <summary>The public grievance form and status page over HTTP: anonymous, validated, rate-limited.</summary>
public sealed partial class GrievancePublicFormTests(PortalFactoryFixture fixture) : IClassFixture<PortalFactoryFixture>
{
    private readonly PortalFactory _factory = fixture.Factory;

    [Fact]
    public async Task Get_Anonymous_ShowsTheFormWithoutSignIn()
    {
        var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync(new Uri("/grievance/new", UriKind.Relative));
        var status = await client.GetAsync(new Uri("/grievance/status", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        Assert.Contains("data-testid=\"public-submit\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_MissingFields_ShowsClearMessagesAndStoresNothing()
    {
        var client = Client(_factory);
        var before = await CountAsync();

        var empty = await PostAsync(client, new() { ["Input.Topic"] = "PaymentsFees", ["Input.Subject"] = "", ["Input.Description"] = "", ["Input.CompanyName"] = "某公司" });
        var noContact = await PostAsync(client, new() { ["Input.Topic"] = "PaymentsFees", ["Input.Subject"] = "主旨", ["Input.Description"] = "內容", ["Input.CompanyName"] = "某公司", ["Input.ContactPhone"] = "12" });

        Assert.Contains("data-testid=\"public-validation\"", empty, StringComparison.Ordinal);
        Assert.Contains("此欄位為必填", empty, StringComparison.Ordinal);
        Assert.Contains("請輸入有效的電話號碼", noContact, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"receipt-number\"", noContact, StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Post_WrongFileType_IsRefusedWithAMessage()
    {
        var client = Client(_factory);

        var html = await PostAsync(client, Valid(), ("evil.exe", "MZ\u0090 not a photo"u8.ToArray()));

        Assert.Contains("data-testid=\"public-errors\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"receipt-number\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_Valid_GivesNumberAndTokenThatShowTheStatus()
    {
        var client = Client(_factory);

        var html = await PostAsync(client, Valid(), ("invoice.pdf", "%PDF-1.4 test"u8.ToArray()));
        var number = Receipt(html, "receipt-number");
        var token = Receipt(html, "receipt-token");
        var status = await PostStatusAsync(client, number, token);
        var wrong = await PostStatusAsync(client, number, "not-the-token");

        Assert.Matches(@"^G\d{4}-\d{4}$", number);
        Assert.Contains("data-testid=\"status-result\"", status, StringComparison.Ordinal);
        Assert.Contains("新案件", status, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"status-not-found\"", wrong, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_TooManyFromOneAddress_Returns429()
    {
        // Counts live in the shared database: a client address of its own (behind a known proxy) keeps the other tests' posts out.
        using var limited = _factory.WithWebHostBuilder(b => b
            .UseSetting("RateLimits:GrievanceSubmit:PermitLimit", "2")
            .UseSetting("ForwardedHeaders:KnownProxies:0", "10.0.0.1"));
        var client = Client(limited);
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "198.51.100.77");
        var codes = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            var (fields, _) = await FormAsync(client, "/grievance/new");
            foreach (var (k, v) in new Dictionary<string, string> { ["Input.Subject"] = "x" })
            {
                fields[k] = v;
            }

            using var content = new FormUrlEncodedContent(fields);
            codes.Add((await client.PostAsync(new Uri("/grievance/new", UriKind.Relative), content)).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], codes);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/grievance/new", UriKind.Relative))).StatusCode);
    }


    [Fact]
    public async Task Post_DatabaseBusy_KeepsTheTypedInputSavesNothingAndSucceedsOnceAfterwards()
    {
        // Its own host waits 1 s for a lock (instead of 5), on the same database file.
        using var quick = _factory.WithWebHostBuilder(b => b.UseSetting("Database:SqliteBusyTimeoutSeconds", "1"));
        var client = Client(quick);
        var typed = new Dictionary<string, string>
        {
            ["Input.Topic"] = "OperationalCoordination",
            ["Input.Subject"] = "倉儲預約系統無法登入",
            ["Input.Description"] = "連續三天無法預約入倉時段，請協助。",
            ["Input.CompanyName"] = "忙碌測試股份有限公司",
            ["Input.ContactName"] = "張志明",
            ["Input.ContactPhone"] = "0933222111",
        };
        await client.GetStringAsync(new Uri("/grievance/new", UriKind.Relative));
        var before = await CountAsync();

        string busy;
        await using (var locker = new SqliteConnection($"Data Source={_factory.DatabasePath};Pooling=False"))
        {
            await locker.OpenAsync();
            await using var hold = locker.CreateCommand();
            hold.CommandText = "BEGIN EXCLUSIVE;";
            await hold.ExecuteNonQueryAsync();
            busy = WebUtility.HtmlDecode(await PostAsync(client, typed, ("quote.pdf", "%PDF-1.4 busy"u8.ToArray())));
        }

        var afterBusy = await CountAsync();
        var done = await PostAsync(client, typed);

        Assert.Contains("data-testid=\"public-errors\"", busy, StringComparison.Ordinal);
        Assert.Contains("系統暫時忙碌，您的申訴尚未送出", busy, StringComparison.Ordinal);
        Assert.Contains("附加檔案無法保留", busy, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"receipt-number\"", busy, StringComparison.Ordinal);
        Assert.Contains("value=\"倉儲預約系統無法登入\"", busy, StringComparison.Ordinal);
        Assert.Contains(">連續三天無法預約入倉時段，請協助。</textarea>", busy, StringComparison.Ordinal);
        Assert.Contains("value=\"忙碌測試股份有限公司\"", busy, StringComparison.Ordinal);
        Assert.Contains("value=\"0933222111\"", busy, StringComparison.Ordinal);
        Assert.Contains("value=\"OperationalCoordination\" selected", busy, StringComparison.Ordinal);
        Assert.Equal(before, afterBusy);
        Assert.Matches(@"^G\d{4}-\d{4}$", Receipt(done, "receipt-number"));
        Assert.Equal(before + 1, await CountAsync());
        Assert.Equal(1, await CountWithSubjectAsync("倉儲預約系統無法登入"));
    }


    private static Dictionary<string, string> Valid() => new()
    {
        ["Input.Topic"] = "PaymentsFees",
        ["Input.Subject"] = "貨款撥付延遲",
        ["Input.Description"] = "三月份貨款至今未撥付。",
        ["Input.CompanyName"] = "好品質食品有限公司",
        ["Input.ContactName"] = "林美華",
        ["Input.ContactPhone"] = "0922111333",
    };

    private async Task<int> CountAsync()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Grievances.CountAsync();
    }

    private async Task<int> CountWithSubjectAsync(string subject)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Grievances.CountAsync(g => g.Subject == subject);
    }

    private static HttpClient Client(WebApplicationFactory<Program> factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private static async Task<(Dictionary<string, string> Fields, string Html)> FormAsync(HttpClient client, string path)
    {
        var html = await client.GetStringAsync(new Uri(path, UriKind.Relative));
        return (Hidden().Matches(html).ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value)), html);
    }

    private static async Task<string> PostAsync(HttpClient client, Dictionary<string, string> values, params (string Name, byte[] Bytes)[] files)
    {
        var (fields, _) = await FormAsync(client, "/grievance/new");
        using var content = new MultipartFormDataContent();
        foreach (var (k, v) in fields.Concat(values))
        {
            content.Add(new StringContent(v), k);
        }

        foreach (var (name, bytes) in files)
        {
            content.Add(new ByteArrayContent(bytes), "Files", name);
        }

        var response = await client.PostAsync(new Uri("/grievance/new", UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static async Task<string> PostStatusAsync(HttpClient client, string number, string token)
    {
        var (fields, _) = await FormAsync(client, "/grievance/status");
        fields["Input.Number"] = number;
        fields["Input.Token"] = token;
        using var content = new FormUrlEncodedContent(fields);
        var response = await client.PostAsync(new Uri("/grievance/status", UriKind.Relative), content);
        return await response.Content.ReadAsStringAsync();
    }

    private static string Receipt(string html, string testId)
    {
        var match = Regex.Match(html, $"data-testid=\"{testId}\"[^>]*>(?<v>[^<]+)<");
        Assert.True(match.Success, "No " + testId + " in the page.");
        return WebUtility.HtmlDecode(match.Groups["v"].Value).Trim();
    }

    [GeneratedRegex("""<input type="hidden" name="(?<name>[^"]+)" value="(?<value>[^"]*)" */?>""")]
    private static partial Regex Hidden();
}
