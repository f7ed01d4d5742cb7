using EasternSelect.Domain.Sampling;
using EasternSelect.Domain.Suppliers;
using EasternSelect.Domain.Tiering;

namespace EasternSelect.Domain.Tests.Tiering;

public sealed class TierScoringTests
{
    private static readonly DateOnly December = new(2020, 12, 1);

    [Fact]
    public void Score_NoRecords_Is100WithoutRecords()
    {
        var result = TierScoring.Score(new TierPolicy(), [], csrScore: null);

        Assert.Equal(100m, result.Score);
        Assert.False(result.HasRecords);
        Assert.Equal(SupplierTier.SelfInspection, result.Tier);
        Assert.Empty(result.Reasons);
    }

    [Fact]
    public void Score_CleanRecords_Is100WithRecords()
    {
        var result = TierScoring.Score(new TierPolicy(), [Record(r => r.LotsInspected = 20)], csrScore: null);

        Assert.Equal(100m, result.Score);
        Assert.True(result.HasRecords);
    }

    // Default weights: 4 per % of lots rejected, 5 per % defective or short units, 20 per % complaints,
    // 3 per audit finding, 5 per late corrective action.
    [Theory]
    [InlineData(TierScoring.LotRejection, 2, 8)]        // 1 of 50 lots = 2 %
    [InlineData(TierScoring.DefectShortage, 2, 10)]     // (10 + 10) of 1,000 units = 2 %
    [InlineData(TierScoring.ComplaintRate, 0.1, 2)]     // 1 of 1,000 shipped = 0.1 %
    [InlineData(TierScoring.AuditFindings, 2, 6)]
    [InlineData(TierScoring.LateCorrectiveActions, 1, 5)]
    public void Score_OneMetric_TakesValueTimesWeight(string metric, double value, double penalty)
    {
        var record = RecordWith(metric);

        var result = TierScoring.Score(new TierPolicy(), [record], csrScore: null);

        var reason = Assert.Single(result.Reasons);
        Assert.Equal(metric, reason.Metric);
        Assert.Equal((decimal)value, reason.Value);
        Assert.Equal(-(decimal)penalty, reason.Points);
        Assert.Equal(100m - (decimal)penalty, result.Score);
    }

    [Theory]
    [InlineData(TierScoring.LotRejection)]
    [InlineData(TierScoring.DefectShortage)]
    [InlineData(TierScoring.ComplaintRate)]
    [InlineData(TierScoring.AuditFindings)]
    [InlineData(TierScoring.LateCorrectiveActions)]
    public void Score_DoubledWeight_DoublesThatPenaltyOnly(string metric)
    {
        var policy = new TierPolicy();
        var baseline = TierScoring.Score(policy, [RecordWith(metric)], null).Reasons.Single().Points;
        switch (metric)
        {
            case TierScoring.LotRejection: policy.LotRejectionWeight *= 2; break;
            case TierScoring.DefectShortage: policy.DefectShortageWeight *= 2; break;
            case TierScoring.ComplaintRate: policy.ComplaintWeight *= 2; break;
            case TierScoring.AuditFindings: policy.AuditFindingWeight *= 2; break;
            default: policy.LateCorrectiveActionWeight *= 2; break;
        }

        var doubled = TierScoring.Score(policy, [RecordWith(metric)], null);

        Assert.Equal(2 * baseline, doubled.Reasons.Single().Points);
        Assert.Equal(100m + (2 * baseline), doubled.Score);
    }

    [Fact]
    public void Score_RatesAreOverTheWholeWindow_NotAveragedPerMonth()
    {
        // 2 rejected of 10 + 0 of 90 lots = 2 % over the window (a per-month average would be 10 %).
        var result = TierScoring.Score(new TierPolicy(), [
            Record(r => { r.LotsInspected = 10; r.LotsRejected = 2; }),
            Record(r => { r.LotsInspected = 90; r.Month = December.AddMonths(-1); })], null);

        Assert.Equal(2m, result.Reasons.Single().Value);
        Assert.Equal(92m, result.Score);
    }

    [Theory]
    [InlineData(100, SupplierTier.SelfInspection)]
    [InlineData(95, SupplierTier.SelfInspection)]
    [InlineData(94.9, SupplierTier.A)]
    [InlineData(85, SupplierTier.A)]
    [InlineData(84.9, SupplierTier.B)]
    [InlineData(70, SupplierTier.B)]
    [InlineData(69.9, SupplierTier.C)]
    [InlineData(0, SupplierTier.C)]
    public void TierFor_ScoreAtTheBoundaries_MapsByMinimums(double score, SupplierTier expected) =>
        Assert.Equal(expected, TierScoring.TierFor(new TierPolicy(), (decimal)score));

    [Fact]
    public void TierFor_EditedThresholds_AreUsed()
    {
        var policy = new TierPolicy { SelfInspectionMinimum = 98m, AMinimum = 90m, BMinimum = 80m };

        Assert.Equal(SupplierTier.A, TierScoring.TierFor(policy, 97m));
        Assert.Equal(SupplierTier.C, TierScoring.TierFor(policy, 79.9m));
    }

    [Theory]
    [InlineData(100, 10)]   // (100 − 60) × 1 = 40, capped at +10
    [InlineData(0, -10)]    // (0 − 60) × 1 = −60, capped at −10
    [InlineData(65, 5)]
    [InlineData(60, 0)]
    public void Score_CsrBonus_IsCappedAtTen(double csr, double points)
    {
        var policy = new TierPolicy { CsrWeight = 1m };
        var withFindings = Record(r => r.AuditFindings = 5); // 100 − 15 = 85

        var result = TierScoring.Score(policy, [withFindings], (decimal)csr);

        Assert.Equal(85m + (decimal)points, result.Score);
        if (points != 0)
        {
            Assert.Equal((decimal)points, result.Reasons.Single(r => r.Metric == TierScoring.Csr).Points);
        }
    }

    [Fact]
    public void Score_ManyPenalties_NeverBelowZero()
    {
        var result = TierScoring.Score(new TierPolicy(), [Record(r => r.LateCorrectiveActions = 40)], null);

        Assert.Equal(0m, result.Score);
        Assert.Equal(SupplierTier.C, result.Tier);
    }

    private static SupplierMonthlyRecord RecordWith(string metric) => metric switch
    {
        TierScoring.LotRejection => Record(r => { r.LotsInspected = 50; r.LotsRejected = 1; }),
        TierScoring.DefectShortage => Record(r => { r.UnitsReceived = 1_000; r.DefectiveUnits = 10; r.ShortUnits = 10; }),
        TierScoring.ComplaintRate => Record(r => { r.UnitsShipped = 1_000; r.Complaints = 1; }),
        TierScoring.AuditFindings => Record(r => r.AuditFindings = 2),
        _ => Record(r => r.LateCorrectiveActions = 1),
    };

    private static SupplierMonthlyRecord Record(Action<SupplierMonthlyRecord> set)
    {
        var record = new SupplierMonthlyRecord { SupplierId = 1, Month = December };
        set(record);
        return record;
    }
}

public sealed class TierPolicyTests
{
    [Fact]
    public void Validate_Defaults_HasNoErrors() => Assert.Empty(new TierPolicy().Validate());

    [Fact]
    public void Validate_NegativeWeight_ReportsWeightOutOfRange() =>
        Assert.Equal(["Tiering.WeightOutOfRange"], new TierPolicy { ComplaintWeight = -1m }.Validate());

    [Theory]
    [InlineData(85, 85, 70)]
    [InlineData(95, 70, 85)]
    [InlineData(101, 85, 70)]
    [InlineData(95, 85, 0)]
    public void Validate_ThresholdsNotDescending_ReportsOutOfOrder(double self, double a, double b) =>
        Assert.Equal(["Tiering.ThresholdsOutOfOrder"], new TierPolicy { SelfInspectionMinimum = (decimal)self, AMinimum = (decimal)a, BMinimum = (decimal)b }.Validate());

    [Theory]
    [InlineData(0)]
    [InlineData(13)]
    public void Validate_LookbackOutsideOneToTwelve_ReportsLookback(int months) =>
        Assert.Equal(["Tiering.LookbackOutOfRange"], new TierPolicy { LookbackMonths = months }.Validate());

    [Fact]
    public void NextVersion_CopiesEveryValue_AndNumbersTheNextVersion()
    {
        var now = new DateTime(2021, 1, 5, 8, 0, 0, DateTimeKind.Utc);
        var current = new TierPolicy
        {
            Id = 7, VersionNumber = 3, CreatedBy = "old", Note = "old note",
            LotRejectionWeight = 1.5m, DefectShortageWeight = 2.5m, ComplaintWeight = 30m, AuditFindingWeight = 4m,
            LateCorrectiveActionWeight = 6m, CsrWeight = 0.5m, SelfInspectionMinimum = 96m, AMinimum = 88m, BMinimum = 72m, LookbackMonths = 6,
        };

        var next = current.NextVersion("qa.manager@demo.local", now);

        Assert.Equal(0, next.Id);
        Assert.Equal(4, next.VersionNumber);
        Assert.Equal("qa.manager@demo.local", next.CreatedBy);
        Assert.Equal(now, next.CreatedUtc);
        Assert.Null(next.Note);
        Assert.Equal(
            (1.5m, 2.5m, 30m, 4m, 6m, 0.5m, 96m, 88m, 72m, 6),
            (next.LotRejectionWeight, next.DefectShortageWeight, next.ComplaintWeight, next.AuditFindingWeight, next.LateCorrectiveActionWeight,
                next.CsrWeight, next.SelfInspectionMinimum, next.AMinimum, next.BMinimum, next.LookbackMonths));
        Assert.Equal(3, current.VersionNumber);
    }
}

public sealed class InspectionIntensityTests
{
    [Theory]
    [InlineData(SupplierTier.SelfInspection, InspectionSeverity.Reduced, false)]
    [InlineData(SupplierTier.A, InspectionSeverity.Normal, false)]
    [InlineData(SupplierTier.B, InspectionSeverity.Normal, false)]
    [InlineData(SupplierTier.C, InspectionSeverity.Tightened, true)]
    public void For_EachTier_GivesItsSeverityAndSpotCheck(SupplierTier tier, InspectionSeverity severity, bool spotCheck) =>
        Assert.Equal(new InspectionIntensity(severity, spotCheck), InspectionIntensity.For(tier));
}

public sealed class TierEvaluationMonthTests
{
    [Theory]
    [InlineData("2021-01-15", "2020-12-01")]
    [InlineData("2021-03-01", "2021-02-01")]
    public void LastFullMonth_IsTheMonthBeforeToday(string today, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), TierEvaluation.LastFullMonth(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void CanEvaluate_CurrentOrFutureMonth_IsFalse()
    {
        var today = new DateOnly(2021, 1, 15);

        Assert.True(TierEvaluation.CanEvaluate(new DateOnly(2020, 12, 1), today));
        Assert.False(TierEvaluation.CanEvaluate(new DateOnly(2021, 1, 1), today));
        Assert.False(TierEvaluation.CanEvaluate(new DateOnly(2021, 2, 1), today));
    }

    [Fact]
    public void WindowStart_ThreeMonthsEndingDecember_IsOctober() =>
        Assert.Equal(new DateOnly(2020, 10, 1), TierEvaluation.WindowStart(new DateOnly(2020, 12, 1), 3));
}
