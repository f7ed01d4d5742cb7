using System.Globalization;
using EasternSelect.Domain.Common;
using EasternSelect.Domain.Reviews;
using EasternSelect.Domain.Suppliers;
using Microsoft.EntityFrameworkCore;

namespace EasternSelect.Data.Seed;

/// <summary>
/// Demo history of qualification reviews that reproduces the seed report's table 近 3 年審查結果 exactly,
/// plus a few reviews of the current year still in progress or awaiting the verdict.
/// Uses the suppliers <see cref="SupplierSeeder"/> created and does not change their status.
/// </summary>
public sealed class ReviewHistorySeeder : IDemoSeeder
{
    /// <summary>The seed's table: year, document reviews, on-site reviews, qualified, suppliers with monthly spot checks.</summary>
    public static readonly IReadOnlyList<ReviewYearSummary> SeedTable =
    [
        new(2018, 8, 96, 102, 9),
        new(2019, 11, 61, 72, 6),
        new(2020, 13, 85, 98, 8),
    ];

    public const string ReviewerEmail = "supplier.officer@demo.local";
    public const string HeadEmail = "supplier.head@demo.local";

    public string Name => "qualification review history";

    public async Task<bool> HasDataAsync(PortalDbContext db, CancellationToken ct) =>
        await db.QualificationReviews.AnyAsync(ct);

    public async Task SeedAsync(PortalDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var nowUtc = clock.GetUtcNow().UtcDateTime;
        var qualified = await db.Suppliers.Where(s => s.Status == SupplierStatus.Qualified).OrderBy(s => s.Id).Select(s => s.Id).ToListAsync(ct);
        var prospects = await db.Suppliers.Where(s => s.Status == SupplierStatus.Prospect).OrderBy(s => s.Id).Select(s => s.Id).ToListAsync(ct);
        var underReview = await db.Suppliers.Where(s => s.Status == SupplierStatus.UnderReview).OrderBy(s => s.Id).Select(s => s.Id).ToListAsync(ct);
        if (qualified.Count < SeedTable.Max(y => y.Qualified) || prospects.Count < SeedTable.Sum(y => y.Reviewed - y.Qualified))
        {
            return;
        }

        var reviewer = await DemoSeeders.PersonAsync(db, ReviewerEmail, "廠服專員 張雅婷", ct);
        var head = await DemoSeeders.PersonAsync(db, HeadEmail, "廠服主管 李文傑", ct);
        var random = new Random(2018);
        db.AuditSuppressed = true;

        var nextQualified = 0;
        var nextRejected = 0;
        var count = 0;
        foreach (var year in SeedTable)
        {
            var reviews = new List<QualificationReview>();
            var rejected = year.Reviewed - year.Qualified;
            var spotChecked = 0;
            for (var i = 0; i < year.Reviewed; i++)
            {
                var method = i < year.DocumentReviews ? ReviewMethod.Document : ReviewMethod.OnSite;
                // The last reviews of the year are the rejected ones (on site: a factory that failed the visit).
                var isQualified = i < year.Reviewed - rejected;
                var supplierId = isQualified ? qualified[nextQualified++ % qualified.Count] : prospects[nextRejected++];
                // Verdicts from January to September, so three months of spot checks stay inside the year.
                var verdict = new DateTime(year.Year, 1 + (i % 9), 1 + random.Next(0, 28), 9 + random.Next(0, 8), 0, 0, DateTimeKind.Utc);
                // Distinct suppliers get their monthly spot checks: one qualified review each.
                var spotChecks = isQualified && spotChecked++ < year.SpotCheckedSuppliers;
                reviews.Add(Decided(supplierId, method, isQualified, spotChecks, verdict, reviewer, head, random));
            }

            db.QualificationReviews.AddRange(reviews);
            await db.SaveChangesAsync(ct);
            count += reviews.Count;

            foreach (var review in reviews.Where(r => r.SpotChecksScheduled))
            {
                foreach (var check in MonthlySpotCheck.Schedule(review.SupplierId, review.Id, TaiwanTime.DateOf(review.VerdictUtc!.Value)))
                {
                    check.Complete(passed: true, "抽驗合格", check.Month.AddDays(10).ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc));
                    db.MonthlySpotChecks.Add(check);
                }
            }

            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }

        count += await SeedCurrentYearAsync(db, underReview, reviewer, nowUtc, ct);

        await SeedAudit.WriteAsync(db, clock, nameof(QualificationReview),
            string.Create(CultureInfo.InvariantCulture, $"Seeded {count} qualification reviews (2018–2020 history and the current year)."), ct);
    }

    private static QualificationReview Decided(int supplierId, ReviewMethod method, bool qualified, bool spotChecks, DateTime verdictUtc,
        (string Id, string Name) reviewer, (string Id, string Name) head, Random random)
    {
        var review = new QualificationReview
        {
            SupplierId = supplierId,
            Method = method,
            SuggestedMethod = method,
            Risk = method == ReviewMethod.OnSite ? SupplierRisk.Medium : SupplierRisk.Low,
            Status = qualified ? ReviewStatus.Qualified : ReviewStatus.Rejected,
            ReviewerId = reviewer.Id,
            ReviewerName = reviewer.Name,
            StartedUtc = verdictUtc.AddDays(-21),
            SubmittedUtc = verdictUtc.AddDays(-3),
            VerdictById = head.Id,
            VerdictByName = head.Name,
            VerdictUtc = verdictUtc,
            VerdictNote = qualified ? QualificationReview.QualifiedReason : "製程標準化與品質檢驗制度未達標準，請改善後再申請。",
            SpotChecksScheduled = spotChecks,
            CreatedUtc = verdictUtc.AddDays(-21),
            UpdatedUtc = verdictUtc,
        };
        if (method == ReviewMethod.Document)
        {
            review.Documents.AddRange(Enum.GetValues<ReviewDocumentType>()
                .Select(t => new ReviewDocumentItem { Type = t, Provided = true, Note = "紙本正本已核對，歸檔於廠商服務部。" }));
        }
        else
        {
            review.Scores.AddRange(Enum.GetValues<FactoryItem>()
                .Select(item => new OnSiteScoreItem { Item = item, Score = qualified ? random.Next(72, 99) : random.Next(40, 66), Finding = qualified ? "符合要求。" : "現場缺失，需改善。" }));
        }

        return review;
    }

    /// <summary>Reviews still running this year, on suppliers already under review, so the pages have work on them.</summary>
    private static async Task<int> SeedCurrentYearAsync(PortalDbContext db, List<int> underReview, (string Id, string Name) reviewer, DateTime nowUtc, CancellationToken ct)
    {
        var reviews = new List<QualificationReview>();
        for (var i = 0; i < Math.Min(4, underReview.Count); i++)
        {
            // One document review in progress; on-site reviews in progress and awaiting the verdict.
            var method = i == 1 ? ReviewMethod.Document : ReviewMethod.OnSite;
            var started = nowUtc.AddDays(-10 - (i * 3));
            var awaiting = i >= 2;
            var review = new QualificationReview
            {
                SupplierId = underReview[i],
                Method = method,
                SuggestedMethod = method,
                Risk = method == ReviewMethod.OnSite ? SupplierRisk.Medium : SupplierRisk.Low,
                ReviewerId = reviewer.Id,
                ReviewerName = reviewer.Name,
                StartedUtc = started,
                Status = awaiting ? ReviewStatus.AwaitingVerdict : ReviewStatus.InProgress,
                SubmittedUtc = awaiting ? started.AddDays(5) : null,
                CreatedUtc = started,
                UpdatedUtc = started,
            };
            if (method == ReviewMethod.OnSite)
            {
                review.Scores.AddRange(Enum.GetValues<FactoryItem>()
                    .Select((item, n) => new OnSiteScoreItem { Item = item, Score = awaiting || n < 2 ? 80 + n : null, Finding = awaiting || n < 2 ? "符合要求。" : null }));
            }
            else
            {
                review.Documents.AddRange(Enum.GetValues<ReviewDocumentType>()
                    .Select((type, n) => new ReviewDocumentItem { Type = type, Provided = n < 3, Note = n < 3 ? "已收到紙本。" : null }));
            }

            reviews.Add(review);
        }

        db.QualificationReviews.AddRange(reviews);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return reviews.Count;
    }
}
