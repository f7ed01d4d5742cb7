using EasternSelect.Domain.Common;
using EasternSelect.Domain.Inspections;
using EasternSelect.Domain.Sampling;
using EasternSelect.Domain.Suppliers;

namespace EasternSelect.Domain.Tests.Inspections;

public sealed class IncomingLotTests
{
    private static readonly DateOnly Today = new(2026, 11, 20);

    private static IncomingLot Lot(int size = 1000, string number = "L-1") =>
        IncomingLot.Receive(1, 2, SupplierCategory.Food, number, Today.AddDays(-1), size, 0, InspectionLevel.II, null);

    private static IncomingLot Rejected()
    {
        var lot = Lot();
        lot.Decide([Class(DefectClass.Major, 1.0m, 3)], Today, Today, "u", "U", DateTime.UtcNow);
        return lot;
    }

    private static ClassInspection Class(DefectClass defectClass, decimal aql, int defects, int lotSize = 1000) =>
        new(defectClass, aql, InspectionSeverity.Normal, SamplingTables.Plan(lotSize, InspectionLevel.II, aql, InspectionSeverity.Normal), defects);

    [Fact]
    public void Decide_AllClassesWithinAc_IsAccepted()
    {
        var lot = Lot();
        // Lot 1000, level II: letter J (n 80): major 1.0 Ac 2, minor 2.5 Ac 5; critical 0.065 follows the arrow to L (n 200, Ac 0).
        var errors = lot.Decide([Class(DefectClass.Critical, 0.065m, 0), Class(DefectClass.Major, 1.0m, 2), Class(DefectClass.Minor, 2.5m, 5)], Today, Today, "u", "U", DateTime.UtcNow);

        Assert.Empty(errors);
        Assert.Equal(LotDecision.Accepted, lot.Decision);
        Assert.Equal(LotStatus.Decided, lot.Status);
        Assert.Equal(200, lot.UnitsSampled);
        Assert.Equal(7, lot.DefectsFound);
        Assert.Equal(35, lot.EstimatedDefectiveUnits);
    }

    [Fact]
    public void Decide_OneClassAtRe_RejectsTheLotEvenIfOthersAccept()
    {
        var lot = Lot();

        lot.Decide([Class(DefectClass.Critical, 0.065m, 0), Class(DefectClass.Major, 1.0m, 3), Class(DefectClass.Minor, 2.5m, 0)], Today, Today, "u", "U", DateTime.UtcNow);

        Assert.Equal(LotDecision.Rejected, lot.Decision);
        Assert.Equal(LotDecision.Rejected, lot.Results.Single(r => r.DefectClass == DefectClass.Major).Decision);
        Assert.All(lot.Results.Where(r => r.DefectClass != DefectClass.Major), r => Assert.Equal(LotDecision.Accepted, r.Decision));
    }

    [Fact]
    public void Decide_SingleCriticalDefect_Rejects()
    {
        var lot = Lot();

        lot.Decide([Class(DefectClass.Critical, 0.065m, 1), Class(DefectClass.Major, 1.0m, 0)], Today, Today, "u", "U", DateTime.UtcNow);

        Assert.Equal(LotDecision.Rejected, lot.Decision);
    }

    [Fact]
    public void Decide_DefectsMoreThanSample_IsRefusedAndNothingDecided()
    {
        var lot = Lot(10);

        var errors = lot.Decide([Class(DefectClass.Major, 1.0m, 50, lotSize: 10)], Today, Today, "u", "U", DateTime.UtcNow);

        Assert.Contains("Lots.DefectsExceedSample", errors);
        Assert.Equal(LotStatus.Received, lot.Status);
        Assert.Null(lot.Decision);
        Assert.Empty(lot.Results);
    }

    [Fact]
    public void Decide_InFuture_IsRefused() =>
        Assert.Contains("Lots.InspectedInFuture", Lot().Decide([Class(DefectClass.Major, 1.0m, 0)], Today.AddDays(1), Today, "u", "U", DateTime.UtcNow));

    [Fact]
    public void Decide_Twice_IsRefused()
    {
        var lot = Lot();
        lot.Decide([Class(DefectClass.Major, 1.0m, 0)], Today, Today, "u", "U", DateTime.UtcNow);

        var refused = Assert.Throws<DomainRuleException>(() => lot.Decide([Class(DefectClass.Major, 1.0m, 3)], Today, Today, "u", "U", DateTime.UtcNow));
        Assert.Equal("Lots.AlreadyDecided", refused.Key);
        Assert.Equal(LotDecision.Accepted, lot.Decision);
    }

    [Theory]
    [InlineData(1, "Lots.LotSizeTooSmall")]
    [InlineData(0, "Lots.LotSizeTooSmall")]
    public void ValidateReceipt_LotSizeBelowTwo_IsRefused(int size, string key) =>
        Assert.Contains(key, IncomingLot.ValidateReceipt("L", Today, size, 0, Today));

    [Fact]
    public void ValidateReceipt_FutureDateAndNegativeShort_AreRefused()
    {
        var errors = IncomingLot.ValidateReceipt(" ", Today.AddDays(1), 100, -1, Today);

        Assert.Equal(["Lots.LotNumberRequired", "Lots.ReceivedInFuture", "Lots.UnitsShortNegative"], errors);
    }

    [Theory]
    [InlineData(SupplierTier.SelfInspection, InspectionSeverity.Reduced)]
    [InlineData(SupplierTier.A, InspectionSeverity.Normal)]
    [InlineData(SupplierTier.B, InspectionSeverity.Normal)]
    [InlineData(SupplierTier.C, InspectionSeverity.Tightened)]
    public void Start_SupplierTier_SetsTheStartingSeverity(SupplierTier tier, InspectionSeverity expected)
    {
        var stream = InspectionStream.Start(1, SupplierCategory.Food, DefectClass.Major, 1.0m, tier);

        Assert.Equal(expected, stream.Severity);
        Assert.Equal(expected, stream.Restore().Severity);
        Assert.Equal(1.0m, stream.Aql);
    }

    [Fact]
    public void RecordLot_SecondRejectionInFive_TightensAndRecordsTheTransitionWithTheLot()
    {
        var stream = InspectionStream.Start(1, SupplierCategory.Food, DefectClass.Major, 1.0m, SupplierTier.B);
        var plan = SamplingTables.Plan(1000, InspectionLevel.II, 1.0m, InspectionSeverity.Normal);
        var second = Lot(number: "L-2");

        stream.RecordLot(new SwitchingLot(plan, plan.Reject), new IncomingLot(), "u", DateTime.UtcNow);
        stream.RecordLot(new SwitchingLot(plan, 0), new IncomingLot(), "u", DateTime.UtcNow);
        stream.RecordLot(new SwitchingLot(plan, plan.Reject, IsOriginalInspection: false), new IncomingLot(), "u", DateTime.UtcNow);
        Assert.Equal(InspectionSeverity.Normal, stream.Severity);
        stream.RecordLot(new SwitchingLot(plan, plan.Reject), second, "u", DateTime.UtcNow);

        Assert.Equal(InspectionSeverity.Tightened, stream.Severity);
        Assert.Equal(3, stream.LotsCounted);
        var transition = Assert.Single(stream.Transitions);
        Assert.Equal((InspectionSeverity.Normal, InspectionSeverity.Tightened, SwitchReason.TwoOfFiveRejected), (transition.From, transition.To, transition.Reason));
        Assert.Same(second, transition.IncomingLot);
    }

    [Fact]
    public void CorrectiveAction_AcceptedAfterDue_IsLate()
    {
        var action = CorrectiveAction.For(Rejected(), Today.AddDays(-30), "d");

        Assert.True(action.IsLate(Today));
        Assert.Empty(action.Accept("已改善", Today, Today, "m"));
        Assert.True(action.IsLate(Today));
    }

    [Fact]
    public void CorrectiveAction_AcceptedTwice_IsRefusedAndKeepsTheFirstAnswer()
    {
        var action = CorrectiveAction.For(Rejected(), Today.AddDays(-3), "d");
        action.Accept("已改善", Today, Today, "m");

        Assert.Equal("CorrectiveAction.AlreadyAccepted", Assert.Throws<DomainRuleException>(() => action.Accept("x", Today, Today, "n")).Key);
        Assert.Equal(("已改善", "m"), (action.SupplierResponse, action.AcceptedBy));
    }

    [Fact]
    public void CorrectiveAction_WithoutAnswer_StaysOpen()
    {
        var action = CorrectiveAction.For(Rejected(), Today.AddDays(-3), "d", dueDays: 7);

        Assert.Equal(["CorrectiveAction.ResponseRequired"], action.Accept(" ", Today, Today, "m"));
        Assert.Equal((CorrectiveActionStatus.Open, Today.AddDays(4)), (action.Status, action.DueOn));
    }

    [Fact]
    public void CorrectiveAction_ForAnAcceptedLot_IsRefused()
    {
        var lot = Lot();
        lot.Decide([Class(DefectClass.Major, 1.0m, 0)], Today, Today, "u", "U", DateTime.UtcNow);

        Assert.Equal("CorrectiveAction.LotNotRejected", Assert.Throws<DomainRuleException>(() => CorrectiveAction.For(lot, Today, "d")).Key);
    }

    [Fact]
    public void Receive_SetsMonthAndTrimsTheNumber()
    {
        var lot = IncomingLot.Receive(1, 2, SupplierCategory.Food, " L-9 ", new DateOnly(2026, 11, 30), 500, 3, InspectionLevel.II, " ");

        Assert.Equal(("L-9", new DateOnly(2026, 11, 1), LotStatus.Received, (string?)null), (lot.LotNumber, lot.Month, lot.Status, lot.Note));
    }

    [Fact]
    public void NewReinspection_OfARejectedLot_IsAReceivedReinspectionOfTheSameDelivery()
    {
        var re = Rejected().NewReinspection(7, "複檢");

        Assert.Equal((true, LotStatus.Received, 7, "L-1", 1000), (re.IsReinspection, re.Status, re.CorrectiveActionId, re.LotNumber, re.LotSize));
    }

    [Fact]
    public void NewReinspection_OfAnAcceptedLotOrAReinspection_IsRefused()
    {
        var accepted = Lot();
        accepted.Decide([Class(DefectClass.Major, 1.0m, 0)], Today, Today, "u", "U", DateTime.UtcNow);
        var reinspection = Rejected().NewReinspection(null, null);

        Assert.Equal("Lots.ReinspectionNeedsRejectedLot", Assert.Throws<DomainRuleException>(() => accepted.NewReinspection(null, null)).Key);
        Assert.Equal("Lots.ReinspectionNeedsRejectedLot", Assert.Throws<DomainRuleException>(() => Lot().LinkReinspection(1, null)).Key);
        reinspection.LinkReinspection(3, 4);
        Assert.Equal((3, 4), (reinspection.ReinspectionOfLotId, reinspection.CorrectiveActionId));
    }
}
