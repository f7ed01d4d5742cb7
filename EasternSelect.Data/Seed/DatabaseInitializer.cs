using EasternSelect.Data.Auditing;
using EasternSelect.Domain.Common;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EasternSelect.Data.Seed;

/// <summary>
/// At start: apply migrations, ensure the roles and reference checklists exist, and in demo mode seed the demo accounts and data.
/// It lives with the seeders it runs; the portal passes its services (database, Identity managers, clock, logging, configuration).
/// </summary>
public static class DatabaseInitializer
{
    public static async Task InitializeAsync(IServiceProvider services, bool demoMode, CancellationToken ct = default)
    {
        var database = services.GetRequiredService<PortalDatabase>();
        var configuration = services.GetRequiredService<IConfiguration>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseInitializer));

        if (database.Provider == DatabaseProvider.Sqlite || configuration.GetValue("Database:MigrateOnStart", true))
        {
            await using var db = database.Create(AuditActor.System);
            await db.Database.MigrateAsync(ct);
        }

        await using var scope = services.CreateAsyncScope();
        await IdentitySeeder.EnsureRolesAsync(scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>());

        // Reference data, in every mode: the 70-item baseline checklist of each product category.
        await using (var referenceDb = database.Create(AuditActor.System))
        {
            if (!await ChecklistSeeder.HasTemplatesAsync(referenceDb, ct))
            {
                logger.LogInformation("Seeding the baseline inspection checklists.");
                await ChecklistSeeder.SeedAsync(referenceDb, services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime, ct);
            }

            await QualitySeeder.EnsureLabsAsync(referenceDb, ct);

            if (!await CaseworkSeeder.HasCategoriesAsync(referenceDb, ct))
            {
                logger.LogInformation("Seeding the complaint topics.");
                await CaseworkSeeder.SeedCategoriesAsync(referenceDb, ct);
            }
        }

        if (!demoMode)
        {
            return;
        }

        await IdentitySeeder.EnsureDemoUsersAsync(scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>(), services.GetRequiredService<TimeProvider>());
        await using var seedDb = database.Create(AuditActor.System);
        if (!await SupplierSeeder.HasSuppliersAsync(seedDb, ct))
        {
            logger.LogInformation("Demo mode: seeding demo suppliers and products.");
            await SupplierSeeder.SeedAsync(seedDb, SupplierSeeder.Scale.Demo, progress: null, ct);
        }

        if (!await TieringSeeder.HasPolicyAsync(seedDb, ct))
        {
            logger.LogInformation("Demo mode: seeding the tier policy and 2020 monthly quality records.");
            await TieringSeeder.SeedAsync(seedDb, ct);
        }

        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        if (!await ReviewHistorySeeder.HasReviewsAsync(seedDb, ct))
        {
            logger.LogInformation("Demo mode: seeding qualification review history.");
            await ReviewHistorySeeder.SeedAsync(seedDb, now, ct);
        }

        if (!await TrainingHistorySeeder.HasSessionsAsync(seedDb, ct))
        {
            logger.LogInformation("Demo mode: seeding supplier training history.");
            await TrainingHistorySeeder.SeedAsync(seedDb, now, ct);
        }

        if (!await IncomingLotSeeder.HasLotsAsync(seedDb, ct))
        {
            logger.LogInformation("Demo mode: seeding incoming lots, inspection streams and corrective actions.");
            var today = services.GetRequiredService<TimeProvider>().TaipeiToday();
            await IncomingLotSeeder.SeedAsync(seedDb, IncomingLotSeeder.Scale.Demo, today, progress: null, ct);
        }

        if (!await QualitySeeder.HasDataAsync(seedDb, ct))
        {
            logger.LogInformation("Demo mode: seeding sample pre-inspections, spot checks and factory audits.");
            await QualitySeeder.SeedAsync(seedDb, now, ct);
        }

        if (!await CommitteeSeeder.HasCommitteesAsync(seedDb, ct))
        {
            logger.LogInformation("Demo mode: seeding committee members, product-review and quality-anomaly meetings.");
            await CommitteeSeeder.SeedAsync(seedDb, now, ct);
        }

        if (!await CaseworkSeeder.HasCasesAsync(seedDb, ct))
        {
            logger.LogInformation("Demo mode: seeding complaints 2018-2020, grievances and open cases.");
            await CaseworkSeeder.SeedDemoAsync(seedDb, now, ct);
        }
    }
}
