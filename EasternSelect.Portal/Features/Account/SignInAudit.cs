using EasternSelect.Data;
using EasternSelect.Data.Auditing;
using EasternSelect.Domain.Auditing;
using EasternSelect.Domain.Privacy;
using EasternSelect.Portal.Infrastructure;
using EasternSelect.Portal.Infrastructure.Localization;
using Microsoft.AspNetCore.Identity;

namespace EasternSelect.Portal.Features.Account;

/// <summary>What happens around a sign-in attempt: the audit entry, the person's language, the last-sign-in time.</summary>
public sealed class SignInAudit(AuditLog audit, UserManager<PortalUser> users, TimeProvider time)
{
    public async Task SucceededAsync(HttpContext context, PortalUser user, string method)
    {
        user.LastSignInUtc = time.GetUtcNow().UtcDateTime;
        await users.UpdateAsync(user);
        Cultures.AppendCookie(context.Response, Cultures.Normalize(user.PreferredCulture));
        await audit.WriteAsync(AuditAction.SignIn, Actor(context, user), nameof(PortalUser), user.Id, method);
    }

    public async Task FailedAsync(HttpContext context, string attemptedEmail, SignInResult result)
    {
        var user = await users.FindByEmailAsync(attemptedEmail);
        var action = result.IsLockedOut ? AuditAction.LockedOut : AuditAction.SignInFailed;
        var actor = new AuditActor(user?.Id, PersonalDataMask.Email(attemptedEmail), context.Connection.RemoteIpAddress?.ToString());
        await audit.WriteAsync(action, actor, nameof(PortalUser), user?.Id, user is null ? "unknown account" : null);
    }

    private static AuditActor Actor(HttpContext context, PortalUser user) =>
        new(user.Id, user.UserName ?? user.Id, context.Connection.RemoteIpAddress?.ToString());
}
