using EasternSelect.Data;
using EasternSelect.Domain.Reviews;
using EasternSelect.Domain.Security;
using EasternSelect.Domain.Suppliers;
using EasternSelect.Domain.Training;
using EasternSelect.Portal.Features.Suppliers.Reviews;
using EasternSelect.Portal.Features.Suppliers.Training;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EasternSelect.Portal.Tests;

public sealed class ReviewServiceTests(PortalFactoryFixture fixture) : IClassFixture<PortalFactoryFixture>
{
    private readonly IServiceProvider _services = fixture.Factory.Services;

    [Fact]
    public async Task YearSummary_OwnReviewsOf2005_CountsMethodsVerdictsAndSpotCheckedSuppliersOfTheTaiwanYear()
    {
        // 2005 is a year the demo never seeds; the verdicts straddle Taipei New Year on both ends.
        var (a, b, c) = (await NewProspectAsync("年度審查甲"), await NewProspectAsync("年度審查乙"), await NewProspectAsync("年度審查丙"));
        await using (var db = _services.GetRequiredService<PortalDatabase>().Create(EasternSelect.Data.Auditing.AuditActor.System))
        {
            db.QualificationReviews.AddRange(
                Decided(a, ReviewMethod.Document, ReviewStatus.Qualified, new DateTime(2005, 3, 1, 2, 0, 0, DateTimeKind.Utc)),
                Decided(b, ReviewMethod.OnSite, ReviewStatus.Qualified, new DateTime(2005, 6, 1, 2, 0, 0, DateTimeKind.Utc)),
                Decided(c, ReviewMethod.OnSite, ReviewStatus.Rejected, new DateTime(2005, 9, 1, 2, 0, 0, DateTimeKind.Utc)),
                // 2004-12-31 16:30 UTC is 2005-01-01 00:30 in Taipei: counted in 2005.
                Decided(c, ReviewMethod.OnSite, ReviewStatus.Qualified, new DateTime(2004, 12, 31, 16, 30, 0, DateTimeKind.Utc)),
                // 2005-12-31 16:30 UTC is already 2006 in Taipei: not counted.
                Decided(a, ReviewMethod.Document, ReviewStatus.Qualified, new DateTime(2005, 12, 31, 16, 30, 0, DateTimeKind.Utc)),
                new QualificationReview { SupplierId = b, Method = ReviewMethod.OnSite, StartedUtc = new DateTime(2005, 10, 1, 2, 0, 0, DateTimeKind.Utc) });
            // Supplier a checked in April and May, supplier b in July: two suppliers spot-checked.
            db.MonthlySpotChecks.AddRange(MonthlySpotCheck.Schedule(a, null, new DateOnly(2005, 4, 1), 2));
            db.MonthlySpotChecks.AddRange(MonthlySpotCheck.Schedule(b, null, new DateOnly(2005, 7, 1), 1));
            await db.SaveChangesAsync();
        }

        await using var scope = TestScopes.As(_services, Roles.Executive, out ReviewYearSummaryService service);

        var summary = await service.YearSummaryAsync(2005, 2005, CancellationToken.None);

        Assert.Equal([new ReviewYearSummary(2005, 1, 3, 3, 2)], summary);
        Assert.Equal(75, summary[0].PassRatioPercent);
    }

    [Fact]
    public async Task TrainingYearSummary_OwnSessionsOf2005_CountsCompaniesHoursAndPersonTimes()
    {
        var (a, b, c) = (await NewProspectAsync("訓練甲"), await NewProspectAsync("訓練乙"), await NewProspectAsync("訓練丙"));
        await using (var db = _services.GetRequiredService<PortalDatabase>().Create(EasternSelect.Data.Auditing.AuditActor.System))
        {
            db.TrainingSessions.AddRange(
                new TrainingSession { Date = new DateOnly(2005, 3, 10), Topic = "標示法規", Hours = 3m, Attendances = [new() { SupplierId = a, PersonCount = 2 }, new() { SupplierId = b, PersonCount = 1 }] },
                new TrainingSession { Date = new DateOnly(2005, 11, 20), Topic = "食品安全", Hours = 4.5m, Attendances = [new() { SupplierId = a, PersonCount = 3 }] },
                new TrainingSession { Date = new DateOnly(2006, 1, 5), Topic = "隔年課程", Hours = 2m, Attendances = [new() { SupplierId = c, PersonCount = 5 }] });
            await db.SaveChangesAsync();
        }

        await using var scope = TestScopes.As(_services, Roles.Executive, out TrainingService service);

        var summary = await service.YearSummaryAsync(2005, 2006, CancellationToken.None);

        Assert.Equal([new TrainingYearSummary(2005, 2, 7.5m, 6), new TrainingYearSummary(2006, 1, 2m, 5)], summary);
    }

    [Fact]
    public async Task YearSummary_EndBeforeStart_IsRefused()
    {
        await using var scope = TestScopes.As(_services, Roles.Executive, "exec-id", "executive@demo.local");
        var service = scope.ServiceProvider.GetRequiredService<ReviewYearSummaryService>();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => service.YearSummaryAsync(2020, 2018, CancellationToken.None));
    }

    [Fact]
    public async Task Decide_ByTheReviewerOrANonHead_IsRefusedAndAnotherHeadQualifies()
    {
        var supplierId = await NewProspectAsync("自審測試食品有限公司");
        int reviewId;
        await using (var reviewerScope = TestScopes.As(_services, Roles.SupplierHead, out ReviewService reviewer, "head-a", "head.a@demo.local"))
        {
            var started = await reviewerScope.ServiceProvider.GetRequiredService<StartReviewService>().StartAsync(new StartReviewModel { SupplierId = supplierId, Risk = SupplierRisk.High }, CancellationToken.None);
            Assert.True(started.Succeeded, string.Join(",", started.Errors));
            reviewId = started.Id!.Value;

            var early = await reviewer.SubmitAsync(reviewId, CancellationToken.None);
            Assert.False(early.Succeeded);
            Assert.Contains("Review.ScoresMissing", early.Errors);

            foreach (var item in Enum.GetValues<FactoryItem>())
            {
                Assert.True((await reviewer.SaveScoreAsync(reviewId, item, 88, "符合", CancellationToken.None)).Succeeded);
            }

            Assert.True((await reviewer.SubmitAsync(reviewId, CancellationToken.None)).Succeeded);
            var detail = (await reviewerScope.ServiceProvider.GetRequiredService<ReviewListService>().GetAsync(reviewId, CancellationToken.None))!;

            var self = await reviewerScope.ServiceProvider.GetRequiredService<ReviewVerdictService>().DecideAsync(reviewId, new VerdictModel { Qualified = true, ScheduleSpotChecks = true, Version = detail.Version }, CancellationToken.None);
            Assert.False(self.Succeeded);
            Assert.Equal(["Review.SelfApproval"], self.Errors);
        }

        await using (var officerScope = TestScopes.As(_services, Roles.SupplierOfficer, "officer-x", "officer.x@demo.local"))
        {
            var version = (await officerScope.ServiceProvider.GetRequiredService<ReviewListService>().GetAsync(reviewId, CancellationToken.None))!.Version;
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() =>
                officerScope.ServiceProvider.GetRequiredService<ReviewVerdictService>().DecideAsync(reviewId, new VerdictModel { Qualified = true, Version = version }, CancellationToken.None));
        }

        await using (var headScope = TestScopes.As(_services, Roles.SupplierHead, "head-b", "head.b@demo.local"))
        {
            var reviews = headScope.ServiceProvider.GetRequiredService<ReviewListService>();
            var head = headScope.ServiceProvider.GetRequiredService<ReviewVerdictService>();
            var detail = (await reviews.GetAsync(reviewId, CancellationToken.None))!;
            Assert.Equal(ReviewStatus.AwaitingVerdict, detail.Status);
            Assert.Equal(SupplierStatus.UnderReview, detail.Supplier.Status);

            var rejectedWithoutReason = await head.DecideAsync(reviewId, new VerdictModel { Qualified = false, Version = detail.Version }, CancellationToken.None);
            Assert.Equal(["Review.RejectionNeedsReason"], rejectedWithoutReason.Errors);

            var decided = await head.DecideAsync(reviewId, new VerdictModel { Qualified = true, ScheduleSpotChecks = true, Version = detail.Version }, CancellationToken.None);
            Assert.True(decided.Succeeded, string.Join(",", decided.Errors));

            var after = (await reviews.GetAsync(reviewId, CancellationToken.None))!;
            Assert.Equal(ReviewStatus.Qualified, after.Status);
            Assert.Equal(SupplierStatus.Qualified, after.Supplier.Status);
            Assert.Equal(ReviewVerdictService.SpotCheckMonths, after.SpotChecks.Count);
        }
    }

    [Fact]
    public async Task Start_MethodOverrideByOfficer_IsRefused()
    {
        var supplierId = await NewProspectAsync("覆寫測試紡織有限公司");
        await using var scope = TestScopes.As(_services, Roles.SupplierOfficer, "officer-y", "officer.y@demo.local");

        var result = await scope.ServiceProvider.GetRequiredService<StartReviewService>().StartAsync(new StartReviewModel { SupplierId = supplierId, Risk = SupplierRisk.High, Method = ReviewMethod.Document, OverrideReason = "理由" }, CancellationToken.None);

        Assert.Equal(["Review.OverrideHeadOnly"], result.Errors);
    }

    [Fact]
    public async Task TrainingSave_ZeroPersonCount_SavesNothingAndGivesTheKey()
    {
        var supplierId = await NewProspectAsync("訓練測試家電有限公司");
        await using var scope = TestScopes.As(_services, Roles.SupplierOfficer, "officer-z", "officer.z@demo.local");
        var service = scope.ServiceProvider.GetRequiredService<TrainingService>();
        var model = new TrainingSessionModel { Date = new DateTime(2026, 5, 1, 0, 0, 0, DateTimeKind.Unspecified), Topic = "零人次測試", Hours = 2, Attendances = [new AttendanceModel { Company = new TrainingCompany(supplierId, "x", "x"), PersonCount = 0 }] };

        var result = await service.SaveAsync(model, CancellationToken.None);

        Assert.Equal(["Training.PersonCountInvalid"], result.Errors);
        await using var db = _services.GetRequiredService<PortalDatabase>().Create(EasternSelect.Data.Auditing.AuditActor.System);
        Assert.False(await db.TrainingSessions.AnyAsync(s => s.Topic == "零人次測試"));
    }

    [Fact]
    public async Task DocumentReview_WrongFileTypeThenPdfs_RefusesTheTypeStoresHashesAndSubmits()
    {
        var supplierId = await NewProspectAsync("書面測試紡織有限公司", SupplierCategory.FashionTextiles);
        await using var scope = TestScopes.As(_services, Roles.SupplierOfficer, out ReviewService officer, "officer-d", "officer.d@demo.local");
        var started = await scope.ServiceProvider.GetRequiredService<StartReviewService>().StartAsync(new StartReviewModel { SupplierId = supplierId, Risk = SupplierRisk.Low }, CancellationToken.None);
        var id = started.Id!.Value;
        var pdf = "%PDF-1.4 test"u8.ToArray();

        var exe = await officer.UploadDocumentAsync(id, ReviewDocumentType.TestReports, "report.exe", "application/octet-stream", 10, new MemoryStream(new byte[10]), CancellationToken.None);
        var incomplete = await officer.SubmitAsync(id, CancellationToken.None);
        foreach (var type in Enum.GetValues<ReviewDocumentType>())
        {
            Assert.True((await officer.UploadDocumentAsync(id, type, $"{type}.pdf", "application/pdf", pdf.Length, new MemoryStream(pdf), CancellationToken.None)).Succeeded);
        }

        var detail = (await scope.ServiceProvider.GetRequiredService<ReviewListService>().GetAsync(id, CancellationToken.None))!;
        var submitted = await officer.SubmitAsync(id, CancellationToken.None);

        Assert.Equal(["File.TypeNotAllowed"], exe.Errors);
        Assert.Equal(["Review.DocumentsMissing"], incomplete.Errors);
        Assert.Equal(ReviewMethod.Document, detail.Method);
        Assert.NotEmpty(detail.Documents);
        Assert.All(detail.Documents, d => Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf)), d.Sha256));
        Assert.True(submitted.Succeeded);
    }

    private static QualificationReview Decided(int supplierId, ReviewMethod method, ReviewStatus status, DateTime verdictUtc) => new()
    {
        SupplierId = supplierId, Method = method, Status = status, StartedUtc = verdictUtc.AddDays(-20), VerdictUtc = verdictUtc, VerdictById = "head", VerdictByName = "head@test",
    };

    private async Task<int> NewProspectAsync(string name, SupplierCategory category = SupplierCategory.Food)
    {
        await using var db = _services.GetRequiredService<PortalDatabase>().Create(EasternSelect.Data.Auditing.AuditActor.System);
        var supplier = new Supplier { Name = name, TaxId = TaxId.WithCheckDigit((9_000_000 + Random.Shared.Next(0, 999_999)).ToString("D7", System.Globalization.CultureInfo.InvariantCulture)), Category = category, Status = SupplierStatus.Prospect, Tier = SupplierTier.C, ContactName = "測試", ContactPhone = "0900000000", ContactEmail = "t@example.com" };
        db.Suppliers.Add(supplier);
        await db.SaveChangesAsync();
        return supplier.Id;
    }
}
