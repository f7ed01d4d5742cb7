using System.Globalization;
using EasternSelect.Domain.Training;
using Microsoft.EntityFrameworkCore;

namespace EasternSelect.Data.Seed;

/// <summary>
/// Demo history of supplier training sessions (供應商教育訓練) that reproduces the seed report's table exactly:
/// companies trained (distinct), total hours and person-times per year.
/// </summary>
public sealed class TrainingHistorySeeder : IDemoSeeder
{
    public static readonly IReadOnlyList<(TrainingYearSummary Year, int Sessions)> SeedTable =
    [
        (new(2018, 216, 92, 336), 12),
        (new(2019, 159, 98, 257), 14),
        (new(2020, 178, 84, 283), 12),
    ];

    private static readonly string[] Topics =
    [
        "食品安全衛生管理法規更新說明", "商品標示法與標示實務", "化粧品衛生安全管理法說明會", "MIL-STD-105E 抽樣檢驗實務",
        "工廠品質檢驗制度建置", "個人資料保護法與客戶資料處理", "商品寄售契約與保固責任", "電器商品安規檢驗說明",
        "供應商企業社會責任與永續經營", "物流包裝與入庫作業規範", "客訴處理與消費爭議案例分享", "年菜商品品質管理",
        "製程標準化與異常矯正", "電視購物商品呈現與廣告法規",
    ];

    private static readonly string[] Locations = ["東森購物總部 3F 會議室", "東森購物物流中心 教育訓練室", "線上視訊"];

    public string Name => "supplier training history";

    public async Task<bool> HasDataAsync(PortalDbContext db, CancellationToken ct) =>
        await db.TrainingSessions.AnyAsync(ct);

    public async Task SeedAsync(PortalDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var supplierIds = await db.Suppliers.OrderBy(s => s.Id).Select(s => s.Id).ToListAsync(ct);
        if (supplierIds.Count < SeedTable.Max(y => y.Year.CompaniesTrained))
        {
            return;
        }

        var random = new Random(2019);
        db.AuditSuppressed = true;
        var sessionCount = 0;
        foreach (var (year, sessions) in SeedTable)
        {
            var list = Enumerable.Range(0, sessions).Select(i => new TrainingSession
            {
                Date = new DateOnly(year.Year, 1 + (i * 12 / sessions), 5 + random.Next(0, 20)),
                Topic = Topics[(i + year.Year) % Topics.Length],
                // Whole hours that add up to the year's total: the first (total mod sessions) sessions get one hour more.
                Hours = ((int)year.TotalHours / sessions) + (i < (int)year.TotalHours % sessions ? 1 : 0),
                Location = Locations[i % Locations.Length],
            }).ToList();

            // The year's companies: each attends one session; some send two people so the person-times add up.
            var offset = random.Next(0, supplierIds.Count);
            var companies = Enumerable.Range(0, year.CompaniesTrained).Select(i => supplierIds[(offset + i) % supplierIds.Count]).ToList();
            var twoPeople = new HashSet<int>(Enumerable.Range(0, year.CompaniesTrained).OrderBy(_ => random.Next()).Take(year.PersonTimes - year.CompaniesTrained));
            for (var i = 0; i < companies.Count; i++)
            {
                list[i % sessions].Attendances.Add(new TrainingAttendance { SupplierId = companies[i], PersonCount = twoPeople.Contains(i) ? 2 : 1 });
            }

            foreach (var session in list)
            {
                session.CreatedUtc = session.Date.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc);
                session.UpdatedUtc = session.CreatedUtc;
            }

            db.TrainingSessions.AddRange(list);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            sessionCount += list.Count;
        }

        await SeedAudit.WriteAsync(db, clock, nameof(TrainingSession),
            string.Create(CultureInfo.InvariantCulture, $"Seeded {sessionCount} training sessions (2018–2020 history)."), ct);
    }
}
