using System.Security.Claims;
using EasternSelect.Portal.Infrastructure;
using EasternSelect.Portal.Infrastructure.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EasternSelect.Benchmarks;

/// <summary>
/// The portal (its entry assembly, named by one of its types) with its real service registrations on the given SQLite database (production mode: no demo data, migrated
/// at start), optionally with a fixed clock. Every benchmark runs the services the pages run, as a signed-in role.
/// </summary>
internal sealed class PortalHost(string connectionString, TimeProvider? clock = null) : WebApplicationFactory<Result>
{
    /// <summary>A service resolved in its own scope for a person holding <paramref name="roles"/>; the scope lives as long as the host.</summary>
    public T As<T>(params string[] roles)
        where T : notnull
    {
        var scope = Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(new ClaimsPrincipal(new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, "benchmark-" + string.Join('-', roles)), new Claim(ClaimTypes.Name, "benchmark"),
                .. roles.Select(r => new Claim(ClaimTypes.Role, r)),
            ],
            "benchmark")));
        return scope.ServiceProvider.GetRequiredService<T>();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Portal"] = connectionString,
            ["Database:Provider"] = "Sqlite",
            ["Database:MigrateOnStart"] = "true",
            ["Demo:Enabled"] = "false",
            ["DataProtection:AllowUnencryptedKeys"] = "true",
        }));
        if (clock is not null)
        {
            builder.ConfigureTestServices(s => s.AddSingleton(clock));
        }
    }
}

/// <summary>A clock stopped at noon UTC of one day.</summary>
internal sealed class FixedClock(DateOnly day) : TimeProvider
{
    private readonly DateTimeOffset _now = new(day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => _now;
}
