using Microsoft.AspNetCore.Identity;
using EasternSelect.Domain.Security;

namespace EasternSelect.Data.Seed;

public static class IdentitySeeder
{
    public static async Task EnsureRolesAsync(RoleManager<IdentityRole> roles)
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)), role);
            }
        }
    }

    public static async Task EnsureDemoUsersAsync(UserManager<PortalUser> users, TimeProvider time)
    {
        foreach (var (email, role, displayName) in DemoAccounts.All)
        {
            if (await users.FindByEmailAsync(email) is not null)
            {
                continue;
            }

            var user = new PortalUser
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                DisplayName = displayName,
                CreatedUtc = time.GetUtcNow().UtcDateTime,
                LockoutEnabled = true,
            };
            Check(await users.CreateAsync(user, DemoAccounts.Password), email);
            Check(await users.AddToRoleAsync(user, role), email);
        }
    }

    private static void Check(IdentityResult result, string subject)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Seeding {subject} failed: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}
