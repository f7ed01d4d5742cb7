using EasternSelect.Domain.Inspections;
using EasternSelect.Domain.Reviews;
using EasternSelect.Domain.Sampling;
using EasternSelect.Domain.Suppliers;
using EasternSelect.Domain.Tiering;

namespace EasternSelect.Domain.Tests.Tiering;

public sealed class TierChangeStreamTests
{
    private static readonly DateTime Now = new(2026, 3, 2, 1, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(SupplierTier.A, SupplierTier.C, InspectionSeverity.Normal, InspectionSeverity.Tightened)]
    [InlineData(SupplierTier.B, SupplierTier.C, InspectionSeverity.Reduced, InspectionSeverity.Tightened)]
    [InlineData(SupplierTier.SelfInspection, SupplierTier.B, InspectionSeverity.Reduced, InspectionSeverity.Normal)]
    [InlineData(SupplierTier.B, SupplierTier.A, InspectionSeverity.Tightened, InspectionSeverity.Normal)]
    [InlineData(SupplierTier.C, SupplierTier.B, InspectionSeverity.Tightened, InspectionSeverity.Normal)]
    [InlineData(SupplierTier.A, SupplierTier.SelfInspection, InspectionSeverity.Normal, InspectionSeverity.Reduced)]
    public void SeverityAfterTierChange_TowardTheNewTier_MovesToItsSeverity(SupplierTier from, SupplierTier to, InspectionSeverity current, InspectionSeverity expected)
    {
        Assert.Equal(expected, InspectionIntensity.SeverityAfterTierChange(from, to, current));
    }

    [Theory]
    [InlineData(SupplierTier.B, SupplierTier.A, InspectionSeverity.Normal)]
    [InlineData(SupplierTier.B, SupplierTier.A, InspectionSeverity.Reduced)]
    [InlineData(SupplierTier.A, SupplierTier.B, InspectionSeverity.Tightened)]
    [InlineData(SupplierTier.C, SupplierTier.B, InspectionSeverity.Reduced)]
    public void SeverityAfterTierChange_AlreadyThereOrAgainstTheDirection_Stays(SupplierTier from, SupplierTier to, InspectionSeverity current)
    {
        Assert.Null(InspectionIntensity.SeverityAfterTierChange(from, to, current));
    }

    [Fact]
    public void FollowTierChange_AToC_TightensWithReasonTierChange()
    {
        var stream = InspectionStream.Start(7, SupplierCategory.Food, DefectClass.Major, 1.0m, SupplierTier.A);

        var transition = stream.FollowTierChange(SupplierTier.A, SupplierTier.C, "林主管", Now);

        Assert.Equal(new SwitchingTransition(InspectionSeverity.Normal, InspectionSeverity.Tightened, SwitchReason.TierChange), transition);
        Assert.Equal(InspectionSeverity.Tightened, stream.Severity);
        Assert.Equal(InspectionSeverity.Tightened, stream.Restore().Severity);
        var recorded = Assert.Single(stream.Transitions);
        Assert.Equal((InspectionSeverity.Normal, InspectionSeverity.Tightened, SwitchReason.TierChange, "林主管", Now),
            (recorded.From, recorded.To, recorded.Reason, recorded.By, recorded.OccurredUtc));
    }

    [Fact]
    public void FollowTierChange_BToAOnTightened_RelaxesToNormal()
    {
        var stream = InspectionStream.Start(7, SupplierCategory.Food, DefectClass.Minor, 2.5m, SupplierTier.C);

        stream.FollowTierChange(SupplierTier.B, SupplierTier.A, "林主管", Now);

        Assert.Equal(InspectionSeverity.Normal, stream.Severity);
        Assert.Equal(SwitchReason.TierChange, Assert.Single(stream.Transitions).Reason);
    }

    [Fact]
    public void FollowTierChange_SameSeverity_RecordsNothing()
    {
        var stream = InspectionStream.Start(7, SupplierCategory.Food, DefectClass.Minor, 2.5m, SupplierTier.B);

        Assert.Null(stream.FollowTierChange(SupplierTier.B, SupplierTier.A, "林主管", Now));
        Assert.Equal(InspectionSeverity.Normal, stream.Severity);
        Assert.Empty(stream.Transitions);
    }

    [Fact]
    public void ForTier_MonthlySpotCheck_IsScheduledOnTheFirstOfTheMonth()
    {
        var check = MonthlySpotCheck.ForTier(7, SupplierTier.C, new DateOnly(2026, 4, 17));

        Assert.Equal((7, new DateOnly(2026, 4, 1), SupplierTier.C, SpotCheckStatus.Scheduled, (int?)null),
            (check.SupplierId, check.Month, check.ScheduledForTier, check.Status, check.QualificationReviewId));
    }
}
