using System.Security.Claims;
using EasternSelect.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace EasternSelect.Portal.Infrastructure.Security;

public static class PortalClaims
{
    public const string DisplayName = "es:display_name";
}

/// <summary>Adds the display name to the sign-in cookie so the shell can greet the person without a query.</summary>
public sealed class PortalClaimsFactory(UserManager<PortalUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<PortalUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(PortalUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (!string.IsNullOrWhiteSpace(user.DisplayName))
        {
            identity.AddClaim(new Claim(PortalClaims.DisplayName, user.DisplayName));
        }

        return identity;
    }
}
