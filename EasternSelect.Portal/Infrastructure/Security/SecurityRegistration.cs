using EasternSelect.Data;
using EasternSelect.Data.Auditing;
using EasternSelect.Portal.Features.Account;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

namespace EasternSelect.Portal.Infrastructure.Security;

public static class SecurityRegistration
{
    /// <summary>Identity, cookies, the named policies, the signed-in person as audit actor, and data-protection keys in the database.</summary>
    public static IServiceCollection AddPortalSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<CurrentUser>();
        services.AddScoped<ICurrentUser>(sp => sp.GetRequiredService<CurrentUser>());
        services.AddScoped<CircuitHandler, CurrentUserCircuitHandler>();
        services.AddScoped<AuditLog>();
        services.AddScoped<PolicyGuard>();
        services.AddScoped<SignInAudit>();
        services.AddSingleton<ThrottleStore>();
        services.AddSingleton<SignInThrottle>();
        services.AddHostedService<ThrottleCleanup>();

        services.AddCascadingAuthenticationState();
        services.AddScoped<IdentityRedirectManager>();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = IdentityConstants.ApplicationScheme;
                o.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(o => SecurityConfiguration.ConfigureCookie(o, configuration));
        services.Configure<PasswordHasherOptions>(o => o.IterationCount = 210_000);
        services.AddIdentityCore<PortalUser>(o => SecurityConfiguration.ConfigureIdentity(o, configuration))
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<PortalDbContext>()
            .AddSignInManager<PortalSignInManager>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<Localization.PortalIdentityErrorDescriber>()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddClaimsPrincipalFactory<PortalClaimsFactory>();
        // Read when first needed: the environment decides whether demo mode may waive the administrators' second factor.
        services.AddAuthorization();
        services.AddOptions<AuthorizationOptions>().Configure<IHostEnvironment>((o, environment) =>
            Policies.Add(o, waiveAdministratorSecondFactor: PortalConfiguration.ShowsDemoConveniences(configuration, environment)));
        services.AddDataProtection().SetApplicationName("EasternSelect.Portal").PersistKeysToDbContext<PortalDbContext>()
            .ProtectKeysFromConfiguration(configuration);
        return services;
    }
}
