using System.Globalization;
using EasternSelect.Domain.Suppliers;
using EasternSelect.Domain.Tiering;
using Microsoft.EntityFrameworkCore;

namespace EasternSelect.Data.Seed;

/// <summary>
/// Demo tiering data: policy version 1 and a year (2020) of monthly quality records for every qualified
/// supplier, from a fixed random seed. Each supplier's October–December record is drawn until it scores
/// in the supplier's current tier, except for a handful drawn for a better or a worse tier, so that the
/// 2020-12 evaluation proposes a few changes in both directions.
/// </summary>
public sealed class TieringSeeder : IDemoSeeder
{
    public const int Year = 2020;

    /// <summary>How many suppliers are drawn for a better tier and how many for a worse one.</summary>
    public const int Upgrades = 4;

    public const int Downgrades = 4;

    public string Name => "the tier policy and 2020 monthly quality records";

    public static async Task<bool> HasPolicyAsync(PortalDbContext db, CancellationToken ct) =>
        await db.TierPolicies.AnyAsync(ct);

    public Task<bool> HasDataAsync(PortalDbContext db, CancellationToken ct) => HasPolicyAsync(db, ct);

    public static TierPolicy DefaultPolicy(DateTime nowUtc) => new()
    {
        VersionNumber = 1,
        CreatedBy = "system",
        CreatedUtc = nowUtc,
    };

    public async Task SeedAsync(PortalDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var policy = DefaultPolicy(clock.GetUtcNow().UtcDateTime);
        db.TierPolicies.Add(policy);
        await db.SaveChangesAsync(ct);

        var suppliers = await db.Suppliers.AsNoTracking()
            .Where(s => s.Status == SupplierStatus.Qualified)
            .OrderBy(s => s.Id)
            .Select(s => new { s.Id, s.Tier })
            .ToListAsync(ct);
        var random = new Random(1220);
        var changed = PickChanges(random, suppliers.Select(s => (s.Id, s.Tier)).ToList());

        db.AuditSuppressed = true;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var records = new List<SupplierMonthlyRecord>(suppliers.Count * 12);
        foreach (var supplier in suppliers)
        {
            var target = changed.GetValueOrDefault(supplier.Id, supplier.Tier);
            records.AddRange(YearFor(random, policy, supplier.Id, target));
        }

        db.SupplierMonthlyRecords.AddRange(records);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        await SeedAudit.WriteAsync(db, clock, nameof(SupplierMonthlyRecord),
            string.Create(CultureInfo.InvariantCulture, $"Seeded tier policy v1 and {records.Count} monthly records for {suppliers.Count} qualified suppliers ({Year})."), ct);
    }

    /// <summary>Monthly records for one supplier and one year, the last three scoring in <paramref name="target"/>.</summary>
    public static IReadOnlyList<SupplierMonthlyRecord> YearFor(Random random, TierPolicy policy, int supplierId, SupplierTier target, int year = Year)
    {
        var (low, high) = SeverityBand(target);
        var size = random.Next(4, 30);
        List<SupplierMonthlyRecord> lastThree = [];
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var severity = low + (random.NextDouble() * (high - low));
            lastThree = [.. Enumerable.Range(10, 3).Select(m => Month(random, supplierId, new DateOnly(year, m, 1), size, severity))];
            if (TierScoring.Score(policy, lastThree, csrScore: null).Tier == target)
            {
                break;
            }
        }

        var earlier = Enumerable.Range(1, 9)
            .Select(m => Month(random, supplierId, new DateOnly(year, m, 1), size, low + (random.NextDouble() * (high - low))));
        return [.. earlier, .. lastThree];
    }

    private static Dictionary<int, SupplierTier> PickChanges(Random random, List<(int Id, SupplierTier Tier)> suppliers)
    {
        var changes = new Dictionary<int, SupplierTier>();
        var shuffled = suppliers.OrderBy(_ => random.Next()).ToList();
        foreach (var (id, tier) in shuffled.Where(s => s.Tier != SupplierTier.SelfInspection).Take(Upgrades))
        {
            changes[id] = tier - 1;
        }

        foreach (var (id, tier) in shuffled.Where(s => s.Tier != SupplierTier.C && !changes.ContainsKey(s.Id)).Take(Downgrades))
        {
            changes[id] = tier + 1;
        }

        return changes;
    }

    // Severity 0 is a clean month; around 1 is a supplier with repeated rejections, complaints and late corrective actions.
    private static (double Low, double High) SeverityBand(SupplierTier tier) => tier switch
    {
        SupplierTier.SelfInspection => (0.0, 0.05),
        SupplierTier.A => (0.15, 0.45),
        SupplierTier.B => (0.45, 0.9),
        _ => (1.0, 1.8),
    };

    private static SupplierMonthlyRecord Month(Random random, int supplierId, DateOnly month, int size, double severity)
    {
        var lots = Math.Max(1, size + random.Next(-3, 4));
        var received = lots * random.Next(150, 600);
        return new SupplierMonthlyRecord
        {
            SupplierId = supplierId,
            Month = month,
            LotsInspected = lots,
            LotsRejected = Enumerable.Range(0, lots).Count(_ => random.NextDouble() < severity * 0.03),
            UnitsReceived = received,
            DefectiveUnits = (int)(received * severity * random.NextDouble() * 0.01),
            ShortUnits = (int)(received * severity * random.NextDouble() * 0.003),
            AuditFindings = random.NextDouble() < severity * 0.4 ? random.Next(1, 3) : 0,
            LateCorrectiveActions = random.NextDouble() < severity * 0.25 ? 1 : 0,
        };
    }
}
