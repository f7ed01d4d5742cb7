using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using EasternSelect.Portal.Infrastructure.Security;

namespace EasternSelect.Portal.Tests;

public sealed class PageAuthorizationTests
{
    private static readonly Type[] Pages = typeof(Program).Assembly.GetTypes()
        .Where(t => t.GetCustomAttributes<RouteAttribute>().Any())
        .ToArray();

    [Fact]
    public void EveryRoutablePage_HasAPolicyOrAnExplicitAnonymousMarker()
    {
        var unmarked = Pages
            .Where(t => t.GetCustomAttribute<AllowAnonymousAttribute>() is null
                && t.GetCustomAttributes<AuthorizeAttribute>().All(a => string.IsNullOrEmpty(a.Policy)))
            .Select(t => t.FullName)
            .ToList();

        Assert.True(Pages.Length >= 8, "The scan found too few pages to be meaningful.");
        Assert.Empty(unmarked);
    }

    [Fact]
    public void EveryPagePolicy_IsDeclaredInPolicies()
    {
        var declared = typeof(Policies).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToHashSet();

        var unknown = Pages.SelectMany(t => t.GetCustomAttributes<AuthorizeAttribute>())
            .Select(a => a.Policy!)
            .Where(p => !string.IsNullOrEmpty(p) && !declared.Contains(p))
            .ToList();

        Assert.Empty(unknown);
    }
}
