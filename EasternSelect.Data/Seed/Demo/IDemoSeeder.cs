using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace EasternSelect.Data.Seed;

/// <summary>One part of the demo data: seeded in demo mode only, once (when <see cref="HasDataAsync"/> is false), in <see cref="DemoSeeders.InOrder"/>.</summary>
public interface IDemoSeeder
{
    /// <summary>What the seeder adds, for the start-up log.</summary>
    string Name { get; }

    Task<bool> HasDataAsync(PortalDbContext db, CancellationToken ct);

    /// <summary>Adds the data; "now" and "today" come from <paramref name="clock"/> (Taiwan calendar days through TaiwanTime).</summary>
    Task SeedAsync(PortalDbContext db, TimeProvider clock, CancellationToken ct);
}

public static class DemoSeeders
{
    /// <summary>The demo seeders in the order they depend on each other: people, suppliers, then what refers to suppliers and people.</summary>
    public static IReadOnlyList<IDemoSeeder> InOrder(UserManager<PortalUser> users) =>
    [
        new IdentitySeeder(users),
        new SupplierSeeder(),
        new OperatingDataSeeder(),
        new TieringSeeder(),
        new ReviewHistorySeeder(),
        new TrainingHistorySeeder(),
        new IncomingLotSeeder(),
        new QualitySeeder(),
        new CommitteeSeeder(),
        new CaseworkSeeder(),
    ];

    /// <summary>A demo account's id and display name, or a stand-in when the account is missing (a test seeding without users).</summary>
    public static async Task<(string Id, string Name)> PersonAsync(PortalDbContext db, string email, string fallbackName, CancellationToken ct)
    {
        var normalized = email.ToUpperInvariant();
        var user = await db.Users.Where(u => u.NormalizedEmail == normalized).Select(u => new { u.Id, u.DisplayName }).FirstOrDefaultAsync(ct);
        return user is null ? ("seed-" + email, fallbackName) : (user.Id, string.IsNullOrEmpty(user.DisplayName) ? fallbackName : user.DisplayName);
    }
}
