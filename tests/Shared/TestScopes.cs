using System.Security.Claims;
using EasternSelect.Data;
using EasternSelect.Domain.Security;
using EasternSelect.Portal.Infrastructure.Security;
using Microsoft.Extensions.DependencyInjection;

namespace EasternSelect.Tests.Shared;

/// <summary>
/// Service scopes signed in as someone, for tests that call a feature service directly: the one place a test
/// builds a principal and sets <see cref="CurrentUser"/>.
/// </summary>
internal static class TestScopes
{
    /// <summary>
    /// A DI scope whose current user has <paramref name="role"/>. Without <paramref name="userId"/> it is the demo
    /// account of the role (id <c>id-{role}</c>, the QA manager named qa.manager@demo.local); with one, the name
    /// defaults to <c>{userId}@test</c>, so two ids are two different people to the self-approval rules.
    /// </summary>
    public static AsyncServiceScope As(IServiceProvider services, string role, string? userId = null, string? name = null)
    {
        var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(Principal(role, userId, name));
        return scope;
    }

    /// <summary>As <see cref="As(IServiceProvider, string, string?, string?)"/>, and resolves the service the test drives from the scope.</summary>
    public static AsyncServiceScope As<T>(IServiceProvider services, string role, out T service, string? userId = null, string? name = null)
        where T : notnull
    {
        var scope = As(services, role, userId, name);
        service = scope.ServiceProvider.GetRequiredService<T>();
        return scope;
    }

    /// <summary>A scope signed in as a seeded Identity account under its real user id (for services that look the person up).</summary>
    public static AsyncServiceScope AsAccount<T>(IServiceProvider services, string email, string role, out T service)
        where T : notnull =>
        As(services, role, out service, UserId(services, email), email);

    /// <summary>The Identity id of the account with <paramref name="email"/>.</summary>
    public static string UserId(IServiceProvider services, string email)
    {
        using var scope = services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<PortalDbContext>().Users.Where(u => u.Email == email).Select(u => u.Id).Single();
    }

    /// <summary>The signed-in person <see cref="As(IServiceProvider, string, string?, string?)"/> sets.</summary>
    public static ClaimsPrincipal Principal(string role, string? userId = null, string? name = null)
    {
        name ??= userId is null ? DemoName(role) : userId + "@test";
        List<Claim> claims = [new(ClaimTypes.NameIdentifier, userId ?? $"id-{role}"), new(ClaimTypes.Name, name), new(ClaimTypes.Role, role)];
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "test"));
    }

    private static string DemoName(string role) => role == Roles.QaManager ? "qa.manager@demo.local" : $"{role}@demo.local";
}
