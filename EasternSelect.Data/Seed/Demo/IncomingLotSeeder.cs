using System.Globalization;
using EasternSelect.Data.Queries;
using EasternSelect.Domain.Common;
using EasternSelect.Domain.Inspections;
using EasternSelect.Domain.Sampling;
using EasternSelect.Domain.Suppliers;
using Microsoft.EntityFrameworkCore;

namespace EasternSelect.Data.Seed;

/// <summary>
/// Incoming lots from a fixed random seed, replayed through the switching rules so that every stream's
/// state and history is what the lots produced. Rejected lots get a corrective-action request (most
/// accepted, some still open and overdue) and, once accepted, a re-inspection. Demo: a sample of
/// qualified suppliers over <see cref="TieringSeeder.Year"/> and the last three months; full: every
/// qualified supplier over the last twelve months at the retailer's volume (about 70,000 lots).
/// The 2020 monthly records are the tiering demo's and are left as they are; recent months are written from the lots.
/// </summary>
public sealed class IncomingLotSeeder : IDemoSeeder
{
    public const string SeedUser = "seed";

    /// <summary>The demo supplier whose major-defect stream ends tightened (two rejections in its last lots).</summary>
    public const int TightenedDemoSupplierIndex = 0;

    private const int BatchSize = 5_000;
    private static readonly decimal[] Aqls = [0.065m, 1.0m, 2.5m];

    public sealed record Scale(int Suppliers, int LotsPerSupplierMonth, bool DemoYear, int RecentMonths)
    {
        public static readonly Scale Demo = new(60, 3, DemoYear: true, RecentMonths: 3);

        /// <summary>56,000 items a day at ~800 items a lot is ~70,000 lots a year: about one lot per supplier a month.</summary>
        public static readonly Scale Full = new(int.MaxValue, 1, DemoYear: false, RecentMonths: 12);
    }

    public string Name => "incoming lots, inspection streams and corrective actions";

    public static async Task<bool> HasLotsAsync(PortalDbContext db, CancellationToken ct) => await db.IncomingLots.AnyAsync(ct);

    public Task<bool> HasDataAsync(PortalDbContext db, CancellationToken ct) => HasLotsAsync(db, ct);

    public Task SeedAsync(PortalDbContext db, TimeProvider clock, CancellationToken ct) => SeedAsync(db, Scale.Demo, clock, progress: null, ct);

    /// <summary>Seeds the scale's lots up to the clock's Taiwan today; returns the number of lots and re-inspections.</summary>
    public static async Task<int> SeedAsync(PortalDbContext db, Scale scale, TimeProvider clock, IProgress<(int Done, int Total)>? progress, CancellationToken ct)
    {
        var today = clock.TaipeiToday();
        var random = new Random(1052);
        var suppliers = await db.Suppliers.AsNoTracking().Where(s => s.Status == SupplierStatus.Qualified).OrderBy(s => s.Id)
            .Select(s => new { s.Id, s.Tier, s.Category }).ToListAsync(ct);
        if (scale.Suppliers < suppliers.Count)
        {
            // Keep the first supplier (the tightened demo) a B-tier one, so its stream starts on normal.
            suppliers = [.. suppliers.Where(s => s.Tier == SupplierTier.B).Take(1)
                .Concat(suppliers.OrderBy(_ => random.Next())).DistinctBy(s => s.Id).Take(scale.Suppliers)];
        }

        var ids = suppliers.Select(s => s.Id).ToList();
        var products = (await db.Products.AsNoTracking().Where(p => ids.Contains(p.SupplierId)).Select(p => new { p.Id, p.SupplierId }).ToListAsync(ct))
            .GroupBy(p => p.SupplierId).ToDictionary(g => g.Key, g => g.Select(p => p.Id).ToArray());

        var months = new List<DateOnly>();
        if (scale.DemoYear)
        {
            months.AddRange(Enumerable.Range(1, 12).Select(m => new DateOnly(TieringSeeder.Year, m, 1)));
        }

        var current = IncomingLot.MonthOf(today);
        months.AddRange(Enumerable.Range(0, scale.RecentMonths).Select(i => current.AddMonths(i - scale.RecentMonths + 1)));

        var lots = new List<IncomingLot>();
        var actions = new List<CorrectiveAction>();
        var reinspections = new List<(IncomingLot Lot, IncomingLot Original, CorrectiveAction Action)>();
        var streams = new List<InspectionStream>();
        var utc = DateTime.SpecifyKind(today.ToDateTime(TimeOnly.MinValue), DateTimeKind.Utc);
        for (var index = 0; index < suppliers.Count; index++)
        {
            var supplier = suppliers[index];
            if (!products.TryGetValue(supplier.Id, out var supplierProducts))
            {
                continue;
            }

            var rejectChance = supplier.Tier switch
            {
                SupplierTier.SelfInspection => 0.004,
                SupplierTier.A => 0.01,
                SupplierTier.B => 0.02,
                _ => 0.035,
            };
            var supplierStreams = Enum.GetValues<DefectClass>()
                .Select(c => InspectionStream.Start(supplier.Id, supplier.Category, c, Aqls[(int)c], supplier.Tier)).ToArray();
            streams.AddRange(supplierStreams);
            var supplierLots = new List<IncomingLot>();
            foreach (var month in months)
            {
                var count = Math.Max(0, scale.LotsPerSupplierMonth + random.Next(-1, 2));
                var days = month == current ? Math.Max(1, today.Day) : DateTime.DaysInMonth(month.Year, month.Month);
                foreach (var day in Enumerable.Range(0, count).Select(_ => random.Next(1, days + 1)).Order())
                {
                    var size = (int)Math.Round(Math.Exp(4 + (random.NextDouble() * 4.5)));
                    supplierLots.Add(IncomingLot.Receive(
                        supplier.Id,
                        supplierProducts[random.Next(supplierProducts.Length)],
                        supplier.Category,
                        string.Create(CultureInfo.InvariantCulture, $"R{month:yyMM}-{supplier.Id:D4}-{day:D2}{random.Next(100, 1000)}"),
                        new DateOnly(month.Year, month.Month, day),
                        Math.Max(2, size),
                        random.NextDouble() < 0.85 ? 0 : Math.Max(1, (int)(size * random.NextDouble() * 0.03)),
                        InspectionLevel.II,
                        null));
                }
            }

            var forced = index == TightenedDemoSupplierIndex && scale.DemoYear ? supplierLots.TakeLast(3).ToList() : [];
            foreach (var lot in supplierLots)
            {
                var inspectedOn = Min(lot.ReceivedOn.AddDays(random.Next(0, 3)), today);
                if (lot.ReceivedOn >= today.AddDays(-2) && random.NextDouble() < 0.5 && !forced.Contains(lot))
                {
                    lots.Add(lot);
                    continue;
                }

                foreach (var stream in supplierStreams.Where(s => s.IsDiscontinued))
                {
                    stream.ResumeAfterCorrectiveAction(SeedUser, utc);
                }

                var reject = forced.Count > 0 ? forced.IndexOf(lot) is 0 or 2 : random.NextDouble() < rejectChance;
                var rejectClass = forced.Count > 0 ? DefectClass.Major : random.NextDouble() switch { < 0.05 => DefectClass.Critical, < 0.75 => DefectClass.Major, _ => DefectClass.Minor };
                var classes = supplierStreams.Select(stream =>
                {
                    var plan = SamplingTables.Plan(lot.LotSize, InspectionLevel.II, stream.Aql, stream.Severity);
                    var defects = reject && stream.DefectClass == rejectClass
                        ? Math.Min(plan.SampleSize, plan.Reject + (random.NextDouble() < 0.3 ? 1 : 0))
                        : random.NextDouble() < 0.6 ? 0 : random.Next(0, plan.Accept + 1);
                    return new ClassInspection(stream.DefectClass, stream.Aql, stream.Severity, plan, defects);
                }).ToList();
                lot.Decide(classes, inspectedOn, today, null, "qa.inspector@demo.local", utc);
                foreach (var (stream, inspection) in supplierStreams.Zip(classes))
                {
                    stream.RecordLot(new SwitchingLot(inspection.Plan, inspection.Defects), lot, "qa.inspector@demo.local", utc);
                }

                lots.Add(lot);
                if (lot.IsRejected)
                {
                    var action = CorrectiveAction.For(lot, inspectedOn, string.Create(CultureInfo.InvariantCulture, $"批號 {lot.LotNumber} 入庫檢驗批退，請於期限內提出矯正措施並安排複檢。"));
                    actions.Add(action);
                    var answered = inspectedOn.AddDays(random.Next(3, 22));
                    if (answered <= today.AddDays(-3) && !forced.Contains(lot))
                    {
                        action.Accept("已完成原因分析與製程改善，不良品全數重工並加強出貨前檢驗。", answered, today, "qa.manager@demo.local");
                        reinspections.Add((Reinspect(lot, random, Min(answered.AddDays(1), today), supplierStreams, today, utc), lot, action));
                    }
                }
            }

            progress?.Report((index + 1, suppliers.Count));
        }

        db.AuditSuppressed = true;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await InsertAsync(db, lots, ct);
        foreach (var action in actions)
        {
            action.IncomingLotId = action.IncomingLot!.Id;
            action.IncomingLot = null;
        }

        await InsertAsync(db, actions, ct);
        foreach (var (lot, original, action) in reinspections)
        {
            lot.LinkReinspection(original.Id, action.Id);
        }

        await InsertAsync(db, [.. reinspections.Select(r => r.Lot)], ct);
        foreach (var transition in streams.SelectMany(s => s.Transitions))
        {
            transition.IncomingLotId = transition.IncomingLot?.Id;
            transition.IncomingLot = null;
        }

        await InsertAsync(db, streams, ct);
        db.AuditSuppressed = false;
        db.ChangeTracker.AutoDetectChangesEnabled = true;

        var recent = months.Where(m => m.Year != TieringSeeder.Year || !scale.DemoYear).ToList();
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            db.AuditSuppressed = true;
            foreach (var month in recent)
            {
                await UpsertRecordsAsync(db, month, today, ct);
            }

            db.AuditSuppressed = false;
            await transaction.CommitAsync(ct);
        }

        await SeedAudit.WriteAsync(db, clock, nameof(IncomingLot), string.Create(CultureInfo.InvariantCulture,
            $"Seeded {lots.Count} incoming lots, {reinspections.Count} re-inspections, {actions.Count} corrective actions and {streams.Count} inspection streams for {suppliers.Count} suppliers."), ct);
        return lots.Count + reinspections.Count;
    }

    /// <summary>The lot-derived fields of the monthly records, written by the same query the portal's inspection services use.</summary>
    private static async Task UpsertRecordsAsync(PortalDbContext db, DateOnly month, DateOnly today, CancellationToken ct)
    {
        await SupplierMonthlyRecords.UpsertLotFiguresAsync(db, month, supplierIds: null, today, ct);
        db.ChangeTracker.Clear();
    }

    private static IncomingLot Reinspect(IncomingLot original, Random random, DateOnly on, InspectionStream[] streams, DateOnly today, DateTime utc)
    {
        var lot = original.NewReinspection(null, "矯正措施完成後複檢");
        var classes = streams.Select(stream =>
        {
            var plan = SamplingTables.Plan(lot.LotSize, InspectionLevel.II, stream.Aql, stream.Severity);
            return new ClassInspection(stream.DefectClass, stream.Aql, stream.Severity, plan, random.NextDouble() < 0.8 ? 0 : Math.Min(plan.Accept, 1));
        }).ToList();
        lot.Decide(classes, Max(on, original.ReceivedOn), today, null, "qa.inspector@demo.local", utc);
        return lot;
    }

    private static async Task InsertAsync<T>(PortalDbContext db, IReadOnlyList<T> rows, CancellationToken ct)
        where T : class
    {
        foreach (var batch in rows.Chunk(BatchSize))
        {
            db.Set<T>().AddRange(batch);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
