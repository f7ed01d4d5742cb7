using EasternSelect.Domain.Sampling;

namespace EasternSelect.Domain.Tests.Sampling;

public sealed class SwitchingStateMachineTests
{
    // Letter L at AQL 2.5: normal 200 Ac 10 Re 11, tightened 200 Ac 8 Re 9, reduced (105E) 80 Ac 5 Re 8.
    private static readonly SamplingPlan NormalL = new('L', 200, 10, 11);
    private static readonly SamplingPlan TightenedL = new('L', 200, 8, 9);
    private static readonly SamplingPlan ReducedL = new('L', 80, 5, 8);

    private static SwitchingStateMachine Machine(InspectionSeverity start = InspectionSeverity.Normal, SamplingEdition edition = SamplingEdition.MilStd105E) =>
        new(2.5m, start, edition);

    private static SwitchingLot Accepted(SamplingPlan plan) => new(plan, 0);

    private static SwitchingLot Rejected(SamplingPlan plan) => new(plan, plan.Reject);

    [Theory]
    [InlineData(InspectionSeverity.Normal)]
    [InlineData(InspectionSeverity.Tightened)]
    [InlineData(InspectionSeverity.Reduced)]
    public void Constructor_StartingSeverity_IsKept(InspectionSeverity start) =>
        Assert.Equal(start, Machine(start).Severity);

    [Fact]
    public void Constructor_AqlNotInTable_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new SwitchingStateMachine(3m, InspectionSeverity.Normal));

    [Fact]
    public void RecordLot_OneRejectionOnNormal_StaysNormal()
    {
        var machine = Machine();
        var outcome = machine.RecordLot(Rejected(NormalL));
        Assert.Equal(LotDecision.Rejected, outcome.Decision);
        Assert.Null(outcome.Transition);
        Assert.Equal(InspectionSeverity.Normal, machine.Severity);
    }

    [Theory]
    [InlineData("RR")]
    [InlineData("RAR")]
    [InlineData("RAAAR")]
    [InlineData("AAARAAAAAARAAR")]
    public void RecordLot_TwoRejectedWithinFiveConsecutive_SwitchesToTightened(string lots)
    {
        var machine = Machine();
        SwitchingOutcome? last = null;
        foreach (var lot in lots)
        {
            last = machine.RecordLot(lot == 'R' ? Rejected(NormalL) : Accepted(NormalL));
        }

        Assert.Equal(InspectionSeverity.Tightened, machine.Severity);
        Assert.Equal(new SwitchingTransition(InspectionSeverity.Normal, InspectionSeverity.Tightened, SwitchReason.TwoOfFiveRejected), last!.Transition);
    }

    [Theory]
    [InlineData("RAAAAR")]
    [InlineData("RAAAAARAAAAR")]
    public void RecordLot_RejectionsSixLotsApart_StaysNormal(string lots)
    {
        var machine = Machine();
        foreach (var lot in lots)
        {
            machine.RecordLot(lot == 'R' ? Rejected(NormalL) : Accepted(NormalL));
        }

        Assert.Equal(InspectionSeverity.Normal, machine.Severity);
        Assert.Empty(machine.Transitions);
    }

    [Fact]
    public void RecordLot_ReinspectedLotRejected_IsNotCounted()
    {
        var machine = Machine();
        machine.RecordLot(Rejected(NormalL));

        var reinspection = machine.RecordLot(Rejected(NormalL) with { IsOriginalInspection = false });

        Assert.False(reinspection.Counted);
        Assert.Equal(LotDecision.Rejected, reinspection.Decision);
        Assert.Null(reinspection.Transition);
        Assert.Equal(InspectionSeverity.Normal, machine.Severity);
    }

    [Fact]
    public void RecordLot_ReinspectedLotsAccepted_DoNotCountTowardsFiveOnTightened()
    {
        var machine = Machine(InspectionSeverity.Tightened);
        for (var i = 0; i < 4; i++)
        {
            machine.RecordLot(Accepted(TightenedL));
            machine.RecordLot(Accepted(TightenedL) with { IsOriginalInspection = false });
        }

        Assert.Equal(InspectionSeverity.Tightened, machine.Severity);
        machine.RecordLot(Accepted(TightenedL));
        Assert.Equal(InspectionSeverity.Normal, machine.Severity);
    }

    [Fact]
    public void RecordLot_FiveConsecutiveAcceptedOnTightened_SwitchesToNormal()
    {
        var machine = Machine(InspectionSeverity.Tightened);
        for (var i = 0; i < 4; i++)
        {
            Assert.Null(machine.RecordLot(Accepted(TightenedL)).Transition);
        }

        var outcome = machine.RecordLot(Accepted(TightenedL));

        Assert.Equal(new SwitchingTransition(InspectionSeverity.Tightened, InspectionSeverity.Normal, SwitchReason.FiveConsecutiveAccepted), outcome.Transition);
        Assert.Equal(InspectionSeverity.Normal, machine.Severity);
    }

    [Fact]
    public void RecordLot_RejectionBreaksRunOnTightened_NeedsFiveMore()
    {
        var machine = Machine(InspectionSeverity.Tightened);
        foreach (var lot in "AAAAR")
        {
            machine.RecordLot(lot == 'R' ? Rejected(TightenedL) : Accepted(TightenedL));
        }

        for (var i = 0; i < 4; i++)
        {
            machine.RecordLot(Accepted(TightenedL));
        }

        Assert.Equal(InspectionSeverity.Tightened, machine.Severity);
        machine.RecordLot(Accepted(TightenedL));
        Assert.Equal(InspectionSeverity.Normal, machine.Severity);
    }

    [Fact]
    public void RecordLot_FiveNotAcceptedOnTightened_Discontinues()
    {
        var machine = Machine(InspectionSeverity.Tightened);
        SwitchingOutcome? last = null;
        foreach (var lot in "RARARRR")
        {
            last = machine.RecordLot(lot == 'R' ? Rejected(TightenedL) : Accepted(TightenedL));
            if (lot == 'R' && !machine.IsDiscontinued)
            {
                Assert.Null(last.Transition);
            }
        }

        Assert.True(machine.IsDiscontinued);
        Assert.Equal(SwitchReason.Discontinued, last!.Transition!.Reason);
    }

    [Fact]
    public void RecordLot_FourNotAcceptedOnTightened_StillInspecting()
    {
        var machine = Machine(InspectionSeverity.Tightened);
        foreach (var lot in "RRARR")
        {
            machine.RecordLot(lot == 'R' ? Rejected(TightenedL) : Accepted(TightenedL));
        }

        Assert.False(machine.IsDiscontinued);
    }

    [Fact]
    public void RecordLot_WhileDiscontinued_Throws()
    {
        var machine = Discontinued();
        Assert.Throws<InvalidOperationException>(() => machine.RecordLot(Accepted(TightenedL)));
    }

    [Fact]
    public void RecordLot_ReinspectionWhileDiscontinued_IsIgnored()
    {
        var machine = Discontinued();
        Assert.False(machine.RecordLot(Accepted(TightenedL) with { IsOriginalInspection = false }).Counted);
        Assert.True(machine.IsDiscontinued);
    }

    [Fact]
    public void AcceptCorrectiveAction_WhileDiscontinued_ResumesOnTightened()
    {
        var machine = Discontinued();

        var transition = machine.AcceptCorrectiveAction();

        Assert.Equal(new SwitchingTransition(InspectionSeverity.Tightened, InspectionSeverity.Tightened, SwitchReason.CorrectiveActionAccepted), transition);
        Assert.False(machine.IsDiscontinued);
        Assert.Equal(InspectionSeverity.Tightened, machine.Severity);

        // The count of lots not accepted starts again after resumption.
        for (var i = 0; i < 4; i++)
        {
            machine.RecordLot(Rejected(TightenedL));
        }

        Assert.False(machine.IsDiscontinued);
    }

    [Fact]
    public void AcceptCorrectiveAction_NotDiscontinued_Throws() =>
        Assert.Throws<InvalidOperationException>(() => Machine(InspectionSeverity.Tightened).AcceptCorrectiveAction());

    [Fact]
    public void RecordLot_RejectedOnReduced_SwitchesToNormal()
    {
        var machine = Machine(InspectionSeverity.Reduced);
        var outcome = machine.RecordLot(new SwitchingLot(ReducedL, 8));
        Assert.Equal(new SwitchingTransition(InspectionSeverity.Reduced, InspectionSeverity.Normal, SwitchReason.LotRejectedOnReduced), outcome.Transition);
    }

    [Theory]
    [InlineData(6)]
    [InlineData(7)]
    public void RecordLot_AcceptedInGapOnReduced105E_SwitchesToNormal(int found)
    {
        var machine = Machine(InspectionSeverity.Reduced);
        var outcome = machine.RecordLot(new SwitchingLot(ReducedL, found));
        Assert.Equal(LotDecision.AcceptedInGap, outcome.Decision);
        Assert.Equal(SwitchReason.LotAcceptedInGap, outcome.Transition!.Reason);
        Assert.Equal(InspectionSeverity.Normal, machine.Severity);
    }

    [Fact]
    public void RecordLot_AcceptedOnReduced_StaysReduced()
    {
        var machine = Machine(InspectionSeverity.Reduced);
        Assert.Null(machine.RecordLot(new SwitchingLot(ReducedL, 5)).Transition);
        Assert.Equal(InspectionSeverity.Reduced, machine.Severity);
    }

    [Fact]
    public void RecordLot_IrregularProductionOnReduced_SwitchesToNormal()
    {
        var machine = Machine(InspectionSeverity.Reduced);
        var outcome = machine.RecordLot(new SwitchingLot(ReducedL, 0, ProductionSteady: false));
        Assert.Equal(SwitchReason.IrregularProduction, outcome.Transition!.Reason);
    }

    [Fact]
    public void ReportIrregularProduction_OnReduced_SwitchesToNormal()
    {
        var machine = Machine(InspectionSeverity.Reduced);
        Assert.Equal(SwitchReason.IrregularProduction, machine.ReportIrregularProduction()!.Reason);
        Assert.Equal(InspectionSeverity.Normal, machine.Severity);
    }

    [Fact]
    public void RequireNormalInspection_OnReduced_SwitchesToNormalForOtherConditions()
    {
        var machine = Machine(InspectionSeverity.Reduced);
        Assert.Equal(SwitchReason.OtherConditions, machine.RequireNormalInspection().Reason);
        Assert.Equal(InspectionSeverity.Normal, machine.Severity);
    }

    [Fact]
    public void RequireNormalInspection_NotOnReduced_Throws() =>
        Assert.Throws<InvalidOperationException>(() => Machine().RequireNormalInspection());

    // Ten lots of 200 at AQL 2.5: 2,000 sample units, Table VIII limit number 40.
    [Fact]
    public void EligibleForReduced_TenAcceptedWithinLimit105E_EligibleButSwitchesOnlyOnApproval()
    {
        var machine = Machine();
        for (var i = 0; i < 9; i++)
        {
            machine.RecordLot(new SwitchingLot(NormalL, 4));
            Assert.False(machine.EligibleForReduced);
        }

        machine.RecordLot(new SwitchingLot(NormalL, 4));

        Assert.True(machine.EligibleForReduced);
        Assert.Equal(InspectionSeverity.Normal, machine.Severity);
        var transition = machine.ApproveReduced();
        Assert.Equal(new SwitchingTransition(InspectionSeverity.Normal, InspectionSeverity.Reduced, SwitchReason.ReducedApproved), transition);
        Assert.Equal(InspectionSeverity.Reduced, machine.Severity);
    }

    [Fact]
    public void EligibleForReduced_TotalAboveTableEightLimit_NotEligible()
    {
        var machine = Machine();
        for (var i = 0; i < 9; i++)
        {
            machine.RecordLot(new SwitchingLot(NormalL, 4));
        }

        machine.RecordLot(new SwitchingLot(NormalL, 5)); // 41 > 40

        Assert.False(machine.EligibleForReduced);
        Assert.Throws<InvalidOperationException>(machine.ApproveReduced);
    }

    [Fact]
    public void EligibleForReduced_RejectionAmongLastTen_NotEligible()
    {
        var machine = Machine();
        machine.RecordLot(Rejected(NormalL));
        for (var i = 0; i < 9; i++)
        {
            machine.RecordLot(Accepted(NormalL));
        }

        Assert.False(machine.EligibleForReduced);
        machine.RecordLot(Accepted(NormalL));
        Assert.True(machine.EligibleForReduced);
    }

    [Fact]
    public void EligibleForReduced_ProductionNotSteady_NotEligible()
    {
        var machine = Machine();
        for (var i = 0; i < 9; i++)
        {
            machine.RecordLot(Accepted(NormalL));
        }

        machine.RecordLot(Accepted(NormalL) with { ProductionSteady = false });

        Assert.False(machine.EligibleForReduced);
    }

    // AQL 0.10 with letter K (125, Ac 0): ten lots are 1,250 units, a "*" cell, so more lots are
    // counted; sixteen lots reach 2,000 units, where the limit number is 0.
    [Fact]
    public void EligibleForReduced_StarCellInTableEight_CountsMoreThanTenLots()
    {
        var machine = new SwitchingStateMachine(0.10m, InspectionSeverity.Normal);
        var plan = SamplingTables.Plan(1201, InspectionLevel.II, 0.10m, InspectionSeverity.Normal);
        Assert.Equal(new SamplingPlan('K', 125, 0, 1), plan);
        for (var i = 0; i < 15; i++)
        {
            machine.RecordLot(Accepted(plan));
            Assert.False(machine.EligibleForReduced);
        }

        machine.RecordLot(Accepted(plan));
        Assert.True(machine.EligibleForReduced);
    }

    [Fact]
    public void SwitchingScore_AcceptZeroOrOne_AddsTwoPerAcceptedLotUntilThirty()
    {
        var machine = new SwitchingStateMachine(1.0m, InspectionSeverity.Normal, SamplingEdition.Iso2859_1_1999);
        var plan = new SamplingPlan('E', 13, 0, 1);
        for (var i = 0; i < 14; i++)
        {
            machine.RecordLot(Accepted(plan));
        }

        Assert.Equal(28, machine.SwitchingScore);
        Assert.False(machine.EligibleForReduced);
        machine.RecordLot(Accepted(plan));
        Assert.Equal(30, machine.SwitchingScore);
        Assert.True(machine.EligibleForReduced);
        Assert.Equal(SwitchReason.ReducedApproved, machine.ApproveReduced().Reason);
    }

    // Letter J at AQL 1.0 is Ac 2 Re 3; one step tighter (0.65) it is Ac 1 Re 2.
    [Fact]
    public void SwitchingScore_AcceptTwoOrMore_AddsThreeWhenAcceptedOneStepTighter()
    {
        var machine = new SwitchingStateMachine(1.0m, InspectionSeverity.Normal, SamplingEdition.Iso2859_1_1999);
        var plan = SamplingTables.Plan(501, InspectionLevel.II, 1.0m, InspectionSeverity.Normal);
        machine.RecordLot(new SwitchingLot(plan, 1));
        machine.RecordLot(new SwitchingLot(plan, 0));
        Assert.Equal(6, machine.SwitchingScore);

        machine.RecordLot(new SwitchingLot(plan, 2)); // accepted, but not at AQL 0.65
        Assert.Equal(0, machine.SwitchingScore);

        for (var i = 0; i < 10; i++)
        {
            machine.RecordLot(new SwitchingLot(plan, 1));
        }

        Assert.Equal(30, machine.SwitchingScore);
        Assert.True(machine.EligibleForReduced);
    }

    [Fact]
    public void SwitchingScore_RejectedLot_ResetsToZero()
    {
        var machine = new SwitchingStateMachine(1.0m, InspectionSeverity.Normal, SamplingEdition.Iso2859_1_1999);
        var plan = new SamplingPlan('E', 13, 0, 1);
        for (var i = 0; i < 10; i++)
        {
            machine.RecordLot(Accepted(plan));
        }

        machine.RecordLot(Rejected(plan));

        Assert.Equal(0, machine.SwitchingScore);
        Assert.Equal(InspectionSeverity.Normal, machine.Severity);
    }

    [Fact]
    public void SwitchingScore_ThirtyButProductionIrregular_NotEligible()
    {
        var machine = new SwitchingStateMachine(1.0m, InspectionSeverity.Normal, SamplingEdition.Iso2859_1_1999);
        var plan = new SamplingPlan('E', 13, 0, 1);
        for (var i = 0; i < 15; i++)
        {
            machine.RecordLot(Accepted(plan));
        }

        machine.ReportIrregularProduction();

        Assert.False(machine.EligibleForReduced);
    }

    [Fact]
    public void Transitions_FullCycle_RecordsEveryReasonInOrder()
    {
        var machine = Machine();
        machine.RecordLot(Rejected(NormalL));
        machine.RecordLot(Rejected(NormalL));
        for (var i = 0; i < 5; i++)
        {
            machine.RecordLot(Accepted(TightenedL));
        }

        for (var i = 0; i < 10; i++)
        {
            machine.RecordLot(Accepted(NormalL));
        }

        machine.ApproveReduced();
        machine.RecordLot(new SwitchingLot(ReducedL, 6));

        Assert.Equal(
            [SwitchReason.TwoOfFiveRejected, SwitchReason.FiveConsecutiveAccepted, SwitchReason.ReducedApproved, SwitchReason.LotAcceptedInGap],
            machine.Transitions.Select(t => t.Reason));
    }

    private static SwitchingStateMachine Discontinued()
    {
        var machine = Machine(InspectionSeverity.Tightened);
        for (var i = 0; i < 5; i++)
        {
            machine.RecordLot(Rejected(TightenedL));
        }

        Assert.True(machine.IsDiscontinued);
        return machine;
    }
}
