using Microsoft.AspNetCore.Authorization;

namespace EasternSelect.Portal.Infrastructure.Security;

/// <summary>Services check the page's policy again: a page is not the only way to call them.</summary>
public sealed class PolicyGuard(IAuthorizationService authorization, CurrentUser currentUser)
{
    public async Task EnsureAsync(string policy)
    {
        var result = await authorization.AuthorizeAsync(currentUser.Principal, policy);
        if (!result.Succeeded)
        {
            throw new UnauthorizedAccessException($"The current user does not satisfy the {policy} policy.");
        }
    }
}
