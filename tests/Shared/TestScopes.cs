using System.Security.Claims;
using EasternSelect.Domain.Security;
using EasternSelect.Portal.Infrastructure.Security;
using Microsoft.Extensions.DependencyInjection;

namespace EasternSelect.Tests.Shared;

/// <summary>Service scopes signed in as a demo account, for tests that call a feature service directly.</summary>
internal static class TestScopes
{
    /// <summary>A DI scope whose current user is the demo account of <paramref name="role"/> (the QA manager is qa.manager@demo.local).</summary>
    public static AsyncServiceScope As<T>(IServiceProvider services, string role, out T service)
        where T : notnull
    {
        var scope = services.CreateAsyncScope();
        var name = role == Roles.QaManager ? "qa.manager@demo.local" : $"{role}@demo.local";
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, $"id-{role}"), new Claim(ClaimTypes.Name, name), new Claim(ClaimTypes.Role, role)], "test"));
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(principal);
        service = scope.ServiceProvider.GetRequiredService<T>();
        return scope;
    }
}
