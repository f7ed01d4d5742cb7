using EasternSelect.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace EasternSelect.Portal.Features.Account;

/// <summary>
/// Sign-in that takes as long for an unknown e-mail as for a known one: the password is hashed against a
/// dummy account, so the answer time does not tell whether the address has an account (ASVS 2.2.x enumeration).
/// </summary>
public sealed class PortalSignInManager(
    UserManager<PortalUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<PortalUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<PortalUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<PortalUser> confirmation)
    : SignInManager<PortalUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    private static readonly PortalUser Dummy = new() { Id = "dummy", UserName = "dummy" };
    private static string? s_dummyHash;

    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var user = await UserManager.FindByNameAsync(userName);
        if (user is null)
        {
            var hasher = UserManager.PasswordHasher;
            s_dummyHash ??= hasher.HashPassword(Dummy, Guid.NewGuid().ToString("N"));
            hasher.VerifyHashedPassword(Dummy, s_dummyHash, password);
            return SignInResult.Failed;
        }

        return await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
    }
}
