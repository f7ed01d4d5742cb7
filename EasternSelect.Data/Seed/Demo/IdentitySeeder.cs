using EasternSelect.Domain.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace EasternSelect.Data.Seed;

/// <summary>The roles (every mode, <see cref="EnsureRolesAsync"/>) and, as the first demo seeder, the demo accounts of <see cref="DemoAccounts"/>.</summary>
public sealed class IdentitySeeder(UserManager<PortalUser> users) : IDemoSeeder
{
    public string Name => "demo accounts";

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

    /// <summary>True when every demo account exists; a missing one (deleted by an administrator) is added again.</summary>
    public async Task<bool> HasDataAsync(PortalDbContext db, CancellationToken ct)
    {
        var emails = DemoAccounts.All.Select(a => a.Email.ToUpperInvariant()).ToList();
        return await db.Users.CountAsync(u => u.NormalizedEmail != null && emails.Contains(u.NormalizedEmail), ct) == emails.Count;
    }

    public async Task SeedAsync(PortalDbContext db, TimeProvider clock, CancellationToken ct)
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
                CreatedUtc = clock.GetUtcNow().UtcDateTime,
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
