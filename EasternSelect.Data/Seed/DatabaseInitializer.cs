using EasternSelect.Data.Auditing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EasternSelect.Data.Seed;

/// <summary>
/// At start: migrate, ensure the roles, write the reference data (<see cref="ReferenceDataSeeder"/>, every mode) and,
/// in demo mode, run each <see cref="IDemoSeeder"/> of <see cref="DemoSeeders.InOrder"/> that has no data yet.
/// It lives with the seeders it runs; the portal passes its services (database, Identity managers, clock, logging, configuration).
/// </summary>
public static class DatabaseInitializer
{
    public static async Task InitializeAsync(IServiceProvider services, bool demoMode, CancellationToken ct = default)
    {
        var database = services.GetRequiredService<PortalDatabase>();
        var configuration = services.GetRequiredService<IConfiguration>();
        var clock = services.GetRequiredService<TimeProvider>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseInitializer));

        if (database.Provider == DatabaseProvider.Sqlite || configuration.GetValue("Database:MigrateOnStart", true))
        {
            await using var db = database.Create(AuditActor.System);
            await db.Database.MigrateAsync(ct);
        }

        await using var scope = services.CreateAsyncScope();
        await IdentitySeeder.EnsureRolesAsync(scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>());

        await using (var referenceDb = database.Create(AuditActor.System))
        {
            var added = await ReferenceDataSeeder.SeedAsync(referenceDb, clock, ct);
            if (added.AddedAny)
            {
                logger.LogInformation("Seeded reference data: {Checklists} baseline checklists, {Topics} complaint topics, {Labs} recognised labs, {CalendarDays} calendar days.",
                    added.Checklists, added.ComplaintTopics, added.RecognisedLabs, added.CalendarDays);
            }
        }

        if (!demoMode)
        {
            return;
        }

        foreach (var seeder in DemoSeeders.InOrder(scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>()))
        {
            await using var db = database.Create(AuditActor.System);
            if (!await seeder.HasDataAsync(db, ct))
            {
                logger.LogInformation("Demo mode: seeding {Seeder}.", seeder.Name);
                await seeder.SeedAsync(db, clock, ct);
            }
        }
    }
}
