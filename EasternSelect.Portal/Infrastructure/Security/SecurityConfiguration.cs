using System.Globalization;
using System.Security.Claims;
using EasternSelect.Data;
using EasternSelect.Data.Auditing;
using EasternSelect.Domain.Auditing;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EasternSelect.Portal.Infrastructure.Security;

/// <summary>Identity and cookie settings for OWASP ASVS level 2 (see docs/decisions/0002-asvs-identity.md).</summary>
public static class SecurityConfiguration
{
    private const string SignedInAtKey = "es.signed_in_at";

    public static void ConfigureIdentity(IdentityOptions options, IConfiguration configuration)
    {
        options.SignIn.RequireConfirmedAccount = false;
        options.User.RequireUniqueEmail = true;
        options.Password.RequiredLength = 12;
        options.Password.RequireDigit = false;
        options.Password.RequireLowercase = false;
        options.Password.RequireUppercase = false;
        options.Password.RequireNonAlphanumeric = false;
        options.Password.RequiredUniqueChars = 1;
        options.Lockout.AllowedForNewUsers = true;
        // Per address + account the throttle locks after Security:MaxFailedSignIns; the account-wide lockout is a
        // backstop against guessing from many addresses, set high so a stranger cannot lock a real person out (0008).
        options.Lockout.MaxFailedAccessAttempts = configuration.GetValue("Security:AccountLockoutFailures", 50);
        options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(configuration.GetValue("Security:LockoutMinutes", 15));
    }

    /// <summary>One indexed read: the cookie's security stamp is still the account's and the account is not locked.</summary>
    private static async Task<bool> SessionIsCurrentAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var claims = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity;
        var userId = context.Principal?.FindFirstValue(claims.UserIdClaimType);
        var stamp = context.Principal?.FindFirstValue(claims.SecurityStampClaimType);
        if (userId is null || stamp is null)
        {
            return false;
        }

        await using var db = services.GetRequiredService<PortalDatabase>().Create(AuditActor.System);
        var account = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.SecurityStamp, u.LockoutEnd })
            .FirstOrDefaultAsync(context.HttpContext.RequestAborted);
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        return account is not null && account.SecurityStamp == stamp && !(account.LockoutEnd > now);
    }

    public static void ConfigureCookie(CookieAuthenticationOptions options, IConfiguration configuration)
    {
        var absolute = TimeSpan.FromHours(configuration.GetValue("Security:AbsoluteLifetimeHours", 10.0));
        options.LoginPath = "/Account/Login";
        options.LogoutPath = "/Account/Logout";
        options.AccessDeniedPath = "/Account/AccessDenied";
        options.Cookie.Name = "EasternSelect.Auth";
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Lax;
        options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.ExpireTimeSpan = TimeSpan.FromMinutes(configuration.GetValue("Security:IdleTimeoutMinutes", 30.0));
        options.SlidingExpiration = true;

        // A signed-in person without the right gets 403 and the access-denied page, not a redirect.
        options.Events.OnRedirectToAccessDenied = context =>
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        };

        var validateStamp = options.Events.OnValidatePrincipal;
        options.Events.OnSigningIn = context =>
        {
            // Sliding renewal re-issues the cookie; the first sign-in time travels in its properties.
            context.Properties.Items.TryAdd(SignedInAtKey, DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
            context.Properties.IsPersistent = false;
            return Task.CompletedTask;
        };
        options.Events.OnValidatePrincipal = async context =>
        {
            if (context.Properties.Items.TryGetValue(SignedInAtKey, out var value)
                && long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)
                && DateTimeOffset.UtcNow - DateTimeOffset.FromUnixTimeSeconds(seconds) > absolute)
            {
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                return;
            }

            // Every request, not every 30 minutes: a renewed stamp (role change, sign-out, lock) ends copies of the cookie at once.
            if (!await SessionIsCurrentAsync(context))
            {
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                return;
            }

            await validateStamp(context);
        };
        options.Events.OnSigningOut = async context =>
        {
            var audit = context.HttpContext.RequestServices.GetRequiredService<AuditLog>();
            var current = context.HttpContext.RequestServices.GetRequiredService<CurrentUser>();
            await audit.WriteAsync(AuditAction.SignOut, current.Actor, nameof(PortalUser), current.Actor.UserId);
        };
    }
}
