using System.Diagnostics;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using EasternSelect.Data.Seed;
using EasternSelect.Portal.Components;
using EasternSelect.Portal.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace EasternSelect.BrowserTests;

/// <summary>
/// WCAG 2.1 A/AA with axe-core (shipped in axe/, never fetched) over every routable page of the portal, as every role
/// that may open it; a new page is covered by its @page route alone. Serious and critical violations fail.
/// </summary>
[Collection(nameof(BrowserCollection))]
public sealed partial class AccessibilityBrowserTests(BrowserFixture fixture, ITestOutputHelper output)
{
    private static readonly string AxePath = Path.Combine(AppContext.BaseDirectory, "axe", "axe.min.js");

    /// <summary>Every visit and violation as it is found, so a slow or stopped sweep still tells what it saw.</summary>
    private static readonly string ReportPath = Path.Combine(BrowserFixture.ScreenshotFolder, "accessibility.txt");

    /// <summary>A11Y_ROLES=CxAgent,QaManager narrows a local run to some roles; CI sweeps them all.</summary>
    private static readonly string[]? OnlyRoles = Environment.GetEnvironmentVariable("A11Y_ROLES")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private const string AxeRun = """
        async () => {
          const result = await axe.run(document, {
            runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
            resultTypes: ['violations'],
          });
          return JSON.stringify(result.violations
            .filter(v => v.impact === 'serious' || v.impact === 'critical')
            .map(v => ({ rule: v.id, impact: v.impact, targets: v.nodes.map(n => n.target.join(' ')) })));
        }
        """;

    /// <summary>Route parameters that are not record ids: a status page needs a status code, not a row of the database.</summary>
    private static readonly Dictionary<string, string> NonIdParameters = new(StringComparer.OrdinalIgnoreCase) { ["Code"] = "404" };

    /// <summary>Anonymous pages that only make sense inside a half-finished sign-in (they redirect to the login page otherwise).</summary>
    private static readonly HashSet<string> SignInSteps = new(StringComparer.OrdinalIgnoreCase) { "/Account/LoginWith2fa", "/Account/LoginWithRecoveryCode" };

    private sealed record PortalRoute(string Template, string? Policy, bool Anonymous, bool Interactive)
    {
        public bool HasParameters => Template.Contains('{', StringComparison.Ordinal);
    }

    private sealed record Violation(string Rule, string Impact, string[] Targets);

    [SkippableFact]
    public async Task EveryPage_EveryRoleThatMayOpenIt_HasNoSeriousOrCriticalWcagViolation()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        var watch = Stopwatch.StartNew();
        var routes = Routes();
        var failures = new List<string>();
        var unresolved = routes.Where(r => r.HasParameters).Select(r => r.Template).ToHashSet();
        var knownLinks = new HashSet<string>(StringComparer.Ordinal);
        var visits = 0;
        File.WriteAllText(ReportPath, string.Empty);

        // Anonymous pages, in zh-TW and English.
        foreach (var locale in new[] { "zh-TW", "en" })
        {
            var anonymous = await fixture.AnonymousPageAsync();
            await SetCultureAsync(anonymous, locale);
            foreach (var route in routes.Where(r => r.Anonymous && !SignInSteps.Contains(r.Template)))
            {
                var path = route.HasParameters ? Resolve(route.Template, knownLinks) : route.Template;
                if (path is null)
                {
                    continue;
                }

                unresolved.Remove(route.Template);
                visits++;
                await AnalyseAsync(anonymous, route, path, "anonymous/" + locale, failures, knownLinks);
            }

            await anonymous.Context.CloseAsync();
        }

        foreach (var (email, role) in DemoAccounts.All.DistinctBy(a => a.Role).Where(a => OnlyRoles is null || OnlyRoles.Contains(a.Role)).Select(a => (a.Email, a.Role)))
        {
            var page = await fixture.PageAsAsync(email);
            var mine = routes.Where(r => !r.Anonymous && MayOpen(role, r.Policy)).ToList();
            var links = new HashSet<string>(StringComparer.Ordinal);

            // Lists first: their links give the parameterised pages a real record of the demo database.
            foreach (var route in mine.Where(r => !r.HasParameters))
            {
                visits++;
                await AnalyseAsync(page, route, route.Template, role, failures, links);
            }

            var pending = mine.Where(r => r.HasParameters).OrderBy(r => r.Template.Length).ToList();
            while (pending.Count > 0)
            {
                var progress = false;
                foreach (var route in pending.ToList())
                {
                    var path = Resolve(route.Template, links) ?? Resolve(route.Template, knownLinks);
                    if (path is null)
                    {
                        continue;
                    }

                    pending.Remove(route);
                    unresolved.Remove(route.Template);
                    progress = true;
                    visits++;
                    await AnalyseAsync(page, route, path, role, failures, links);
                }

                if (!progress)
                {
                    break;
                }
            }

            knownLinks.UnionWith(links);
            await page.Context.CloseAsync();

            // The shell in English: app bar, menu and the role's home card.
            var english = await fixture.PageAsAsync(email);
            await SetCultureAsync(english, "en");
            visits++;
            await AnalyseAsync(english, routes.Single(r => r.Template == "/"), "/", role + "/en", failures, links);
            await english.Context.CloseAsync();
        }

        output.WriteLine($"{visits} page visits over {routes.Count} routes in {watch.Elapsed.TotalSeconds:F0} s");
        Assert.True(OnlyRoles is not null || unresolved.Count == 0, "No link in the portal leads to a record for: " + string.Join(", ", unresolved));
        Assert.True(failures.Count == 0, $"{failures.Count} serious or critical WCAG violations:\n" + string.Join('\n', failures));
    }

    [SkippableFact]
    public async Task KeyboardOnly_SignInOpenComplaintsAndACase_Works()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        var page = await fixture.AnonymousPageAsync();
        await page.GotoAsync("/Account/Login");

        await TabToAsync(page, "#email");
        await page.Keyboard.TypeAsync("cx.agent@demo.local");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("password", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        await page.Keyboard.TypeAsync(DemoAccounts.Password);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.Ordinal));
        await page.Locator("[data-interactive=true]").WaitForAsync();

        await TabToAsync(page, "[data-testid=nav-complaints]");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => url.EndsWith("/complaints", StringComparison.Ordinal));
        await page.Locator("[data-testid=complaint-link]").First.WaitForAsync();

        await TabToAsync(page, "[data-testid=complaint-link]");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(ComplaintAddress());
        await BrowserFixture.ScreenshotAsync(page, "keyboard-complaint");
        await page.Context.CloseAsync();
    }

    /// <summary>Presses Tab until the focused element matches the selector, as a keyboard user would; fails after 60 stops.</summary>
    private static async Task TabToAsync(IPage page, string selector)
    {
        for (var i = 0; i < 60; i++)
        {
            var focused = await page.EvaluateAsync<bool>("s => !!document.activeElement && document.activeElement.closest(s) !== null", selector);
            if (focused)
            {
                return;
            }

            await page.Keyboard.PressAsync("Tab");
        }

        Assert.Fail($"Tab never reached {selector}");
    }

    private async Task AnalyseAsync(IPage page, PortalRoute route, string path, string who, List<string> failures, HashSet<string> links)
    {
        var before = failures.Count;
        try
        {
            await page.GotoAsync(path);
            // Anonymous pages render without the signed-in shell, which is what marks the interactive render.
            if (route.Interactive && !route.Anonymous && !page.Url.Contains("/Account/", StringComparison.Ordinal))
            {
                await page.Locator("[data-interactive=true]").WaitForAsync(new() { Timeout = 15_000 });
            }

            // Server-loaded tables and panels show a progress bar until their data arrives.
            await page.WaitForFunctionAsync("() => !document.querySelector('.mud-table-loading, .mud-progress-circular, .mud-progress-linear')", null, new() { Timeout = 5_000 })
                .ContinueWith(_ => { }, TaskScheduler.Default);
            foreach (var href in await page.EvalOnSelectorAllAsync<string[]>("a[href]", "els => els.map(e => e.getAttribute('href'))"))
            {
                if (href.StartsWith('/'))
                {
                    links.Add(href);
                }
            }

            await page.AddScriptTagAsync(new() { Path = AxePath });
            var json = await page.EvaluateAsync<string>(AxeRun);
            foreach (var v in JsonSerializer.Deserialize<Violation[]>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web))!)
            {
                failures.Add($"{path} | {who} | {v.Rule} ({v.Impact}) | {string.Join(" ; ", v.Targets.Take(5))}{(v.Targets.Length > 5 ? $" … +{v.Targets.Length - 5}" : "")}");
            }
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException)
        {
            failures.Add($"{path} | {who} | could not be analysed: {e.Message.Split('\n')[0]}");
        }

        File.AppendAllLines(ReportPath, [$"visited {path} as {who}", .. failures.Skip(before)]);
    }

    private async Task SetCultureAsync(IPage page, string locale) =>
        await page.Context.AddCookiesAsync([new Cookie { Name = ".AspNetCore.Culture", Value = $"c={locale}|uic={locale}", Url = fixture.BaseUrl }]);

    /// <summary>Every @page of the portal with its policy; a page without one falls back to "signed in".</summary>
    private static List<PortalRoute> Routes() =>
        [.. typeof(App).Assembly.GetTypes()
            .Where(t => typeof(IComponent).IsAssignableFrom(t))
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>().Select(r => new PortalRoute(
                r.Template,
                t.GetCustomAttribute<AuthorizeAttribute>()?.Policy ?? Policies.SignedIn,
                t.GetCustomAttribute<AllowAnonymousAttribute>() is not null,
                t.GetCustomAttribute<ExcludeFromInteractiveRoutingAttribute>() is null)))
            .OrderBy(r => r.Template, StringComparer.Ordinal)];

    private static bool MayOpen(string role, string? policy) =>
        policy is null or Policies.SignedIn || (Policies.RolesByPolicy.TryGetValue(policy, out var roles) && roles.Contains(role));

    /// <summary>
    /// A real address for a route template: a link seen in the portal that matches it, or one that matches the template up to
    /// its last parameter (the record's own page) with the rest of the template appended (its edit or minutes page).
    /// </summary>
    private static string? Resolve(string template, IEnumerable<string> links)
    {
        if (template.Split('/').Select(ParameterName).OfType<string>().All(NonIdParameters.ContainsKey))
        {
            return ParameterPattern().Replace(template, m => NonIdParameters[m.Groups["name"].Value]);
        }

        var full = new Regex("^" + Pattern(template) + "(?:[?#].*)?$");
        if (links.FirstOrDefault(full.IsMatch) is { } exact)
        {
            return exact;
        }

        var last = template.LastIndexOf('}');
        var head = new Regex("^" + Pattern(template[..(last + 1)]) + "(?=[/?#]|$)");
        return links.Select(l => head.Match(l)).FirstOrDefault(m => m.Success) is { } match ? match.Value + template[(last + 1)..] : null;
    }

    private static string? ParameterName(string segment) =>
        ParameterPattern().Match(segment) is { Success: true } m ? m.Groups["name"].Value : null;

    private static string Pattern(string template)
    {
        var pattern = new StringBuilder();
        var at = 0;
        foreach (Match m in ParameterPattern().Matches(template))
        {
            pattern.Append(Regex.Escape(template[at..m.Index]));
            pattern.Append(m.Groups["constraint"].Value == "int" ? @"\d+" : "[^/?#]+");
            at = m.Index + m.Length;
        }

        return pattern.Append(Regex.Escape(template[at..])).ToString();
    }

    [GeneratedRegex(@"\{(?<name>\w+)(?::(?<constraint>\w+))?\}")]
    private static partial Regex ParameterPattern();

    [GeneratedRegex(@"/complaints/\d+$")]
    private static partial Regex ComplaintAddress();
}
