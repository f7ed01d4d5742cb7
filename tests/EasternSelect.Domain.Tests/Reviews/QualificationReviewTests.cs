using EasternSelect.Domain.Common;
using EasternSelect.Domain.Reviews;
using EasternSelect.Domain.Suppliers;
using EasternSelect.Domain.Training;

namespace EasternSelect.Domain.Tests.Reviews;

public sealed class QualificationReviewTests
{
    private static readonly DateTime Now = new(2026, 3, 15, 9, 0, 0, DateTimeKind.Utc);

    private static Supplier NewSupplier(SupplierCategory category = SupplierCategory.Food, string country = "TW", SupplierStatus status = SupplierStatus.Prospect) =>
        new() { Id = 7, Name = "測試食品有限公司", Category = category, CountryCode = country, Status = status };

    private static QualificationReview OnSiteReview(Supplier supplier) =>
        QualificationReview.Start(supplier, SupplierRisk.High, "officer-id", "廠服專員", Now);

    private static void ScoreAll(QualificationReview review, int score)
    {
        foreach (var item in review.Scores)
        {
            item.Score = score;
        }
    }

    [Theory]
    [InlineData(SupplierCategory.Food, SupplierRisk.Low, "TW", ReviewMethod.OnSite)]
    [InlineData(SupplierCategory.FashionTextiles, SupplierRisk.Low, "TW", ReviewMethod.Document)]
    [InlineData(SupplierCategory.FashionTextiles, SupplierRisk.Medium, "TW", ReviewMethod.OnSite)]
    [InlineData(SupplierCategory.Food, SupplierRisk.Medium, "JP", ReviewMethod.Document)]
    [InlineData(SupplierCategory.JewelleryLuxury, SupplierRisk.High, "JP", ReviewMethod.OnSite)]
    public void Start_ByCategoryRiskAndCountry_SuggestsTheRulesMethod(SupplierCategory category, SupplierRisk risk, string country, ReviewMethod expected)
    {
        var review = QualificationReview.Start(NewSupplier(category, country), risk, "officer-id", "廠服專員", Now);

        Assert.Equal(expected, review.SuggestedMethod);
        Assert.Equal(expected, review.Method);
        Assert.Equal(expected == ReviewMethod.OnSite ? 5 : 0, review.Scores.Count);
        Assert.Equal(expected == ReviewMethod.Document ? Enum.GetValues<ReviewDocumentType>().Length : 0, review.Documents.Count);
    }

    [Fact]
    public void Reason_HighRiskOverseas_NamesTheHighRiskRuleFirst() =>
        Assert.Equal("ReviewRule.HighRisk", ReviewMethodRule.Reason(SupplierCategory.Food, SupplierRisk.High, isLocal: false));

    [Theory]
    [InlineData(SupplierStatus.Prospect)]
    [InlineData(SupplierStatus.Terminated)]
    public void Start_ProspectOrTerminatedSupplier_MovesItUnderReviewWithAReason(SupplierStatus status)
    {
        var supplier = NewSupplier(status: status);

        QualificationReview.Start(supplier, SupplierRisk.Low, "officer-id", "廠服專員", Now);

        Assert.Equal(SupplierStatus.UnderReview, supplier.Status);
        var change = Assert.Single(supplier.StatusChanges);
        Assert.Equal(status, change.From);
        Assert.False(string.IsNullOrWhiteSpace(change.Reason));
    }

    [Fact]
    public void OverrideMethod_WithoutReason_Throws()
    {
        var review = OnSiteReview(NewSupplier());

        Assert.Equal("Review.OverrideNeedsReason", Assert.Throws<DomainRuleException>(() => review.OverrideMethod(ReviewMethod.Document, "  ", "廠服主管")).Key);
        Assert.Equal(ReviewMethod.OnSite, review.Method);
    }

    [Fact]
    public void OverrideMethod_WithReason_SwitchesToTheDocumentChecklist()
    {
        var review = OnSiteReview(NewSupplier());

        review.OverrideMethod(ReviewMethod.Document, "去年已訪廠，本次書面複審", "廠服主管");

        Assert.Equal(ReviewMethod.Document, review.Method);
        Assert.Equal(ReviewMethod.OnSite, review.SuggestedMethod);
        Assert.Empty(review.Scores);
        Assert.Equal(Enum.GetValues<ReviewDocumentType>().Length, review.Documents.Count);
        Assert.Equal("廠服主管", review.MethodOverriddenBy);
    }

    [Fact]
    public void Submit_OnSiteWithAnItemUnscored_IsBlockedAndListsScoresMissing()
    {
        var review = OnSiteReview(NewSupplier());
        ScoreAll(review, 80);
        review.Scores[3].Score = null;

        Assert.Equal(["Review.ScoresMissing"], review.MissingForSubmission());
        Assert.Equal("Review.ScoresMissing", Assert.Throws<DomainRuleException>(() => review.Submit(Now)).Key);
        Assert.Equal(ReviewStatus.InProgress, review.Status);
    }

    [Fact]
    public void Submit_DocumentProvidedWithoutFile_IsBlocked()
    {
        var review = QualificationReview.Start(NewSupplier(SupplierCategory.FashionTextiles), SupplierRisk.Low, "officer-id", "廠服專員", Now);
        foreach (var doc in review.Documents)
        {
            doc.Provided = true;
            doc.FileId = 1;
        }

        review.Documents[0].FileId = null;

        Assert.Equal(["Review.DocumentsMissing"], review.MissingForSubmission());
        Assert.Equal("Review.DocumentsMissing", Assert.Throws<DomainRuleException>(() => review.Submit(Now)).Key);
    }

    [Fact]
    public void Decide_ByTheReviewer_IsRefusedAsSelfApprovalAndLeavesTheSupplierUnderReview()
    {
        var supplier = NewSupplier();
        var review = OnSiteReview(supplier);
        ScoreAll(review, 90);
        review.Submit(Now);

        Assert.Equal("Review.SelfApproval", Assert.Throws<DomainRuleException>(() => review.Decide(true, "officer-id", "廠服專員", null, true, Now)).Key);
        Assert.Equal(ReviewStatus.AwaitingVerdict, review.Status);
        Assert.Equal(SupplierStatus.UnderReview, supplier.Status);
    }

    [Fact]
    public void Decide_RejectionWithoutReason_Throws()
    {
        var review = OnSiteReview(NewSupplier());
        ScoreAll(review, 40);
        review.Submit(Now);

        Assert.Equal("Review.RejectionNeedsReason", Assert.Throws<DomainRuleException>(() => review.Decide(false, "head-id", "廠服主管", " ", false, Now)).Key);
        Assert.Equal(ReviewStatus.AwaitingVerdict, review.Status);
    }

    [Fact]
    public void Decide_RejectionWithReason_SendsTheSupplierBackToProspect()
    {
        var supplier = NewSupplier();
        var review = OnSiteReview(supplier);
        ScoreAll(review, 40);
        review.Submit(Now);

        review.Decide(false, "head-id", "廠服主管", "品質檢驗制度未建立", false, Now);

        Assert.Equal(ReviewStatus.Rejected, review.Status);
        Assert.Equal(SupplierStatus.Prospect, supplier.Status);
        Assert.False(review.SpotChecksScheduled);
    }

    [Fact]
    public void Decide_QualifiedByAnotherHead_QualifiesTheSupplier()
    {
        var supplier = NewSupplier();
        var review = OnSiteReview(supplier);
        ScoreAll(review, 85);
        review.Submit(Now);

        review.Decide(true, "head-id", "廠服主管", null, true, Now.AddDays(1));

        Assert.Equal(ReviewStatus.Qualified, review.Status);
        Assert.Equal(SupplierStatus.Qualified, supplier.Status);
        Assert.Equal(2026, review.Year);
        Assert.True(review.SpotChecksScheduled);
        Assert.Equal(SupplierStatus.Qualified, supplier.StatusChanges[^1].To);
        Assert.Equal("廠服主管", supplier.StatusChanges[^1].ChangedBy);
    }

    [Fact]
    public void Start_QualifiedSupplier_IsRefused()
    {
        var supplier = NewSupplier(status: SupplierStatus.Qualified);

        Assert.Equal("Review.AlreadyQualified", Assert.Throws<DomainRuleException>(() => OnSiteReview(supplier)).Key);
        Assert.Empty(supplier.StatusChanges);
    }

    [Fact]
    public void RecordScore_AfterSubmission_IsRefusedAndKeepsTheScore()
    {
        var review = OnSiteReview(NewSupplier());
        ScoreAll(review, 80);
        review.Submit(Now);

        var refused = Assert.Throws<DomainRuleException>(() => review.RecordScore(FactoryItem.Equipment, 20, "改分"));

        Assert.Equal("Review.NotInProgress", refused.Key);
        Assert.Equal(80, review.Scores.Single(s => s.Item == FactoryItem.Equipment).Score);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(101)]
    public void RecordScore_OutOfRange_IsRefused(int score)
    {
        var review = OnSiteReview(NewSupplier());

        Assert.Equal("Review.ScoreOutOfRange", Assert.Throws<DomainRuleException>(() => review.RecordScore(FactoryItem.QcSystem, score, null)).Key);
        Assert.Null(review.Scores.Single(s => s.Item == FactoryItem.QcSystem).Score);
    }

    [Fact]
    public void AttachDocument_MarksItProvidedWithTheFile()
    {
        var review = QualificationReview.Start(NewSupplier(SupplierCategory.FashionTextiles), SupplierRisk.Low, "officer-id", "廠服專員", Now);

        review.AttachDocument(ReviewDocumentType.TestReports, 42);

        var item = review.Documents.Single(d => d.Type == ReviewDocumentType.TestReports);
        Assert.Equal((true, (int?)42), (item.Provided, item.FileId));
    }

    [Fact]
    public void Decide_AlreadyDecided_IsRefused()
    {
        var review = OnSiteReview(NewSupplier());
        ScoreAll(review, 85);
        review.Submit(Now);
        review.Decide(true, "head-id", "廠服主管", null, false, Now);

        var refused = Assert.Throws<DomainRuleException>(() => review.Decide(false, "head-2", "另一位主管", "改判", false, Now));

        Assert.Equal("Review.NotAwaitingVerdict", refused.Key);
        Assert.Equal((ReviewStatus.Qualified, "head-id"), (review.Status, review.VerdictById));
    }

    [Fact]
    public void Year_VerdictOnNewYearsEveAfter4pmUtc_CountsInTheTaiwanNewYear()
    {
        var review = OnSiteReview(NewSupplier());
        ScoreAll(review, 85);
        review.Submit(Now);

        // 2025-12-31 17:00 UTC is 2026-01-01 01:00 in Taipei.
        review.Decide(true, "head-id", "廠服主管", null, false, new DateTime(2025, 12, 31, 17, 0, 0, DateTimeKind.Utc));

        Assert.Equal(2026, review.Year);
    }

    [Theory]
    [InlineData(85, 85, true)]
    [InlineData(70, 70, true)]
    [InlineData(69, 69, false)]
    [InlineData(95, 45, false)]
    public void Recommends_OnSite_NeedsAverageOf70AndNoItemUnder50(int most, int last, bool expected)
    {
        var review = OnSiteReview(NewSupplier());
        ScoreAll(review, most);
        review.Scores[^1].Score = last;

        Assert.Equal(expected, review.Recommends);
    }

    [Fact]
    public void Schedule_FromAVerdictMidMonth_GivesTheNextThreeMonthsFirstDays()
    {
        var checks = MonthlySpotCheck.Schedule(7, 3, new DateOnly(2020, 11, 20)).ToList();

        Assert.Equal([new DateOnly(2020, 12, 1), new DateOnly(2021, 1, 1), new DateOnly(2021, 2, 1)], checks.Select(c => c.Month));
        Assert.All(checks, c => Assert.Equal(SpotCheckStatus.Scheduled, c.Status));
        Assert.All(checks, c => Assert.Equal(7, c.SupplierId));
    }

    // The seed's table: 2018 102 ÷ 104 = 98.08% → 98%; 2019 72 ÷ 72; 2020 98 ÷ 98.
    [Theory]
    [InlineData(2018, 8, 96, 102, 104, 98)]
    [InlineData(2019, 11, 61, 72, 72, 100)]
    [InlineData(2020, 13, 85, 98, 98, 100)]
    public void ReviewYearSummary_SeedYears_ReviewedAndPassRatioMatchTheReport(int year, int document, int onSite, int qualified, int reviewed, int ratio)
    {
        var summary = new ReviewYearSummary(year, document, onSite, qualified, 9);

        Assert.Equal(reviewed, summary.Reviewed);
        Assert.Equal(ratio, summary.PassRatioPercent);
    }

    [Fact]
    public void ReviewYearSummary_NothingReviewed_IsZeroPercent() =>
        Assert.Equal(0, new ReviewYearSummary(2021, 0, 0, 0, 0).PassRatioPercent);

    [Fact]
    public void TrainingValidate_ZeroPeopleAndDuplicateCompany_ReportsBoth()
    {
        var session = new TrainingSession
        {
            Topic = "標示法說明會",
            Hours = 3,
            Attendances = [new TrainingAttendance { SupplierId = 1, PersonCount = 0 }, new TrainingAttendance { SupplierId = 1, PersonCount = 2 }],
        };

        Assert.Equal(["Training.PersonCountInvalid", "Training.DuplicateCompany"], session.Validate());
    }
}
