using EasternSelect.Data;
using EasternSelect.Domain.Security;
using EasternSelect.Portal.Infrastructure;
using EasternSelect.Portal.Infrastructure.Localization;
using EasternSelect.Portal.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace EasternSelect.Portal.Features.Admin.Users;

public sealed record UserRow(
    string Id, string Email, string DisplayName, IReadOnlyList<string> Roles, bool LockedOut,
    bool TwoFactorEnabled, DateTime? LastSignInUtc, string ConcurrencyStamp);

/// <summary>An invitation: the outcome, and the link to pass on when no initial password was set.</summary>
public sealed record Invitation(Result Result, string? Link = null)
{
    public bool Succeeded => Result.Succeeded;
}

/// <summary>
/// Invites users, assigns roles, locks and unlocks accounts. Each operation runs in its own DI
/// scope (a fresh Identity store and DbContext) and in one transaction: nothing is half-saved.
/// </summary>
public sealed class UserAdminService(
    IServiceScopeFactory scopes,
    CurrentUser currentUser,
    PolicyGuard guard,
    TimeProvider time)
{
    public async Task<IReadOnlyList<UserRow>> ListAsync(string? search, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.Administration);
        await using var scope = NewScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var query = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim();
            query = query.Where(u => u.Email!.Contains(term) || u.DisplayName.Contains(term));
        }

        var users = await query.OrderBy(u => u.Email).Take(500).ToListAsync(ct);
        var ids = users.Select(u => u.Id).ToList();
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where ids.Contains(ur.UserId)
                           select new { ur.UserId, r.Name }).ToListAsync(ct);
        var now = time.GetUtcNow();
        return users.Select(u => new UserRow(
            u.Id, u.Email ?? string.Empty, u.DisplayName,
            roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).OrderBy(r => Roles.All.ToList().IndexOf(r)).ToList(),
            u.LockoutEnd > now, u.TwoFactorEnabled, u.LastSignInUtc, u.ConcurrencyStamp ?? string.Empty)).ToList();
    }

    public async Task<Invitation> InviteAsync(InviteUserModel model, string baseUri, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.Administration);
        var errors = ValidateRoles(model.Roles);
        if (errors.Count > 0)
        {
            return new Invitation(Result.Fail(errors));
        }

        await using var scope = NewScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var user = new PortalUser
        {
            UserName = model.Email.Trim(),
            Email = model.Email.Trim(),
            EmailConfirmed = true,
            DisplayName = model.DisplayName.Trim(),
            CreatedUtc = time.GetUtcNow().UtcDateTime,
            LockoutEnabled = true,
        };

        // Check the password before anything is written, so a weak one leaves no account behind.
        if (!string.IsNullOrEmpty(model.InitialPassword))
        {
            var passwordErrors = new List<string>();
            foreach (var validator in users.PasswordValidators)
            {
                var check = await validator.ValidateAsync(users, user, model.InitialPassword);
                passwordErrors.AddRange(check.Errors.Select(e => e.Description));
            }

            if (passwordErrors.Count > 0)
            {
                return new Invitation(Result.Fail(passwordErrors.Distinct()));
            }
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var result = string.IsNullOrEmpty(model.InitialPassword)
            ? await users.CreateAsync(user)
            : await users.CreateAsync(user, model.InitialPassword);
        if (result.Succeeded)
        {
            result = await users.AddToRolesAsync(user, model.Roles);
        }

        if (!result.Succeeded)
        {
            await transaction.RollbackAsync(ct);
            return new Invitation(Result.Fail(Descriptions(result)));
        }

        string? link = null;
        if (string.IsNullOrEmpty(model.InitialPassword))
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            var code = WebEncoders.Base64UrlEncode(System.Text.Encoding.UTF8.GetBytes(token));
            link = $"{baseUri.TrimEnd('/')}/Account/AcceptInvitation?userId={Uri.EscapeDataString(user.Id)}&code={code}";
        }

        await transaction.CommitAsync(ct);
        return new Invitation(Result.Ok(), link);
    }

    public async Task<Result> UpdateAsync(string userId, string displayName, IReadOnlyCollection<string> roles, string concurrencyStamp, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.Administration);
        var errors = ValidateRoles(roles);
        if (string.IsNullOrWhiteSpace(displayName))
        {
            errors.Add("Admin.Users.DisplayNameRequired");
        }

        if (userId == currentUser.Actor.UserId && !roles.Contains(Roles.Administrator))
        {
            errors.Add("Admin.Users.CannotDropOwnAdmin");
        }

        if (errors.Count > 0)
        {
            return Result.Fail(errors);
        }

        return await ChangeAsync(userId, concurrencyStamp, async (users, user) =>
        {
            user.DisplayName = displayName.Trim();
            var result = await users.UpdateAsync(user);
            var current = await users.GetRolesAsync(user);
            if (result.Succeeded)
            {
                result = await users.RemoveFromRolesAsync(user, current.Except(roles));
            }

            if (result.Succeeded)
            {
                result = await users.AddToRolesAsync(user, roles.Except(current));
            }

            // A new stamp ends the person's open sessions, so a removed role stops working on the next request.
            if (result.Succeeded && !current.ToHashSet().SetEquals(roles))
            {
                result = await users.UpdateSecurityStampAsync(user);
            }

            return result;
        }, ct);
    }

    public async Task<Result> SetLockedAsync(string userId, bool locked, string concurrencyStamp, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.Administration);
        if (locked && userId == currentUser.Actor.UserId)
        {
            return Result.Fail("Admin.Users.CannotLockSelf");
        }

        return await ChangeAsync(userId, concurrencyStamp, async (users, user) =>
        {
            var result = await users.SetLockoutEnabledAsync(user, true);
            if (result.Succeeded)
            {
                result = await users.SetLockoutEndDateAsync(user, locked ? DateTimeOffset.MaxValue : null);
            }

            if (result.Succeeded && !locked)
            {
                result = await users.ResetAccessFailedCountAsync(user);
            }

            // A locked person's open pages close too: the circuit revalidates the security stamp.
            if (result.Succeeded && locked)
            {
                result = await users.UpdateSecurityStampAsync(user);
            }

            return result;
        }, ct);
    }

    private async Task<Result> ChangeAsync(string userId, string concurrencyStamp, Func<UserManager<PortalUser>, PortalUser, Task<IdentityResult>> change, CancellationToken ct)
    {
        await using var scope = NewScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return Result.Fail("Admin.Users.NotFound");
        }

        if (user.ConcurrencyStamp != concurrencyStamp)
        {
            return Result.Conflicted();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            var result = await change(users, user);
            if (!result.Succeeded)
            {
                await transaction.RollbackAsync(ct);
                return result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure))
                    ? Result.Conflicted()
                    : Result.Fail(Descriptions(result));
            }

            await transaction.CommitAsync(ct);
            return Result.Ok();
        }
        catch (DbUpdateConcurrencyException)
        {
            await transaction.RollbackAsync(ct);
            return Result.Conflicted();
        }
    }

    private static List<string> ValidateRoles(IEnumerable<string> roles)
    {
        var list = roles.ToList();
        var errors = new List<string>();
        if (list.Count == 0)
        {
            errors.Add("Admin.Users.RoleRequired");
        }

        if (list.Any(r => !Roles.All.Contains(r)))
        {
            errors.Add("Admin.Users.UnknownRole");
        }

        return errors;
    }

    // Identity's descriptions are already in the person's language (PortalIdentityErrorDescriber); ErrorText shows text that is not a key as it is.
    private static IEnumerable<string> Descriptions(IdentityResult result) => result.Errors.Select(e => e.Description);

    private AsyncServiceScope NewScope()
    {
        var scope = scopes.CreateAsyncScope();
        currentUser.CopyTo(scope.ServiceProvider.GetRequiredService<CurrentUser>());
        return scope;
    }
}

public sealed class InviteUserModel
{
    [RequiredField]
    [EmailField]
    [MaxTextLength(256)]
    public string Email { get; set; } = string.Empty;

    [RequiredField]
    [MaxTextLength(100)]
    public string DisplayName { get; set; } = string.Empty;

    public List<string> Roles { get; set; } = [];

    /// <summary>Optional: without it the administrator gets an invitation link to pass on.</summary>
    [MaxTextLength(128)]
    public string? InitialPassword { get; set; }
}
