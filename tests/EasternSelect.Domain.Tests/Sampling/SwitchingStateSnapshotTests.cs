using System.Text.Json;
using EasternSelect.Domain.Sampling;

namespace EasternSelect.Domain.Tests.Sampling;

/// <summary>A machine restored from its state behaves exactly like the original, whatever lots follow.</summary>
public sealed class SwitchingStateSnapshotTests
{
    [Theory]
    [InlineData(1, 2.5, SamplingEdition.MilStd105E)]
    [InlineData(2, 1.0, SamplingEdition.MilStd105E)]
    [InlineData(3, 0.065, SamplingEdition.MilStd105E)]
    [InlineData(4, 2.5, SamplingEdition.Iso2859_1_1999)]
    [InlineData(5, 0.65, SamplingEdition.Iso2859_1_1999)]
    public void FromState_AfterAnyPrefix_BehavesLikeTheOriginal(int seed, double aqlValue, SamplingEdition edition)
    {
        var aql = (decimal)aqlValue;
        var random = new Random(seed);
        var lots = Enumerable.Range(0, 400).Select(_ => NextLot(random)).ToList();
        var original = new SwitchingStateMachine(aql, InspectionSeverity.Normal, edition);
        var severities = new HashSet<InspectionSeverity>();
        for (var i = 0; i < lots.Count; i++)
        {
            // Round-trip through JSON, as the database stores it.
            var json = JsonSerializer.Serialize(original.ToState());
            var restored = SwitchingStateMachine.FromState(JsonSerializer.Deserialize<SwitchingState>(json)!);
            AssertSame(original, restored);

            var a = Step(original, lots[i], aql, edition);
            var b = Step(restored, lots[i], aql, edition);
            Assert.Equal(a, b);
            AssertSame(original, restored);
            severities.Add(original.Severity);
        }

        // The sequence exercised more than one severity, so the comparison covered the switching paths.
        Assert.True(severities.Count >= 2, $"only {string.Join(",", severities)}");
    }

    [Fact]
    public void FromState_TwoRejectionsInFive_SecondMachineTightensLikeTheFirst()
    {
        var plan = SamplingTables.Plan(1000, InspectionLevel.II, 1.0m, InspectionSeverity.Normal);
        var machine = new SwitchingStateMachine(1.0m, InspectionSeverity.Normal);
        machine.RecordLot(new SwitchingLot(plan, plan.Reject));
        machine.RecordLot(new SwitchingLot(plan, 0));

        var restored = SwitchingStateMachine.FromState(machine.ToState());
        var outcome = restored.RecordLot(new SwitchingLot(plan, plan.Reject));

        Assert.Equal(InspectionSeverity.Tightened, restored.Severity);
        Assert.Equal(SwitchReason.TwoOfFiveRejected, outcome.Transition?.Reason);
    }

    [Fact]
    public void FromState_ReinspectionAfterRestore_IsNotCounted()
    {
        var plan = SamplingTables.Plan(500, InspectionLevel.II, 1.0m, InspectionSeverity.Normal);
        var machine = new SwitchingStateMachine(1.0m, InspectionSeverity.Normal);
        machine.RecordLot(new SwitchingLot(plan, plan.Reject));
        var before = machine.ToState();

        var restored = SwitchingStateMachine.FromState(before);
        var outcome = restored.RecordLot(new SwitchingLot(plan, plan.Reject, IsOriginalInspection: false));

        Assert.False(outcome.Counted);
        Assert.Equal(JsonSerializer.Serialize(before), JsonSerializer.Serialize(restored.ToState()));
    }

    [Fact]
    public void ToState_LongAcceptedRun_StaysBounded()
    {
        var plan = SamplingTables.Plan(1000, InspectionLevel.II, 2.5m, InspectionSeverity.Normal);
        var machine = new SwitchingStateMachine(2.5m, InspectionSeverity.Normal);
        for (var i = 0; i < 500; i++)
        {
            machine.RecordLot(new SwitchingLot(plan, plan.Accept + 1 < plan.Reject ? plan.Accept : 0));
        }

        var state = machine.ToState();
        Assert.InRange(state.NormalAcceptedRun.Count, 10, 20);
        Assert.InRange(state.RecentNormalResults.Count, 1, 5);
    }

    [Fact]
    public void WithAql_OtherAql_RestartsTheAqlDependentCountsOnly()
    {
        var plan = SamplingTables.Plan(1000, InspectionLevel.II, 2.5m, InspectionSeverity.Normal);
        var machine = new SwitchingStateMachine(2.5m, InspectionSeverity.Normal);
        machine.RecordLot(new SwitchingLot(plan, plan.Reject));
        machine.RecordLot(new SwitchingLot(plan, 0));

        var state = machine.ToState().WithAql(1.0m);

        Assert.Equal(1.0m, state.Aql);
        Assert.Empty(state.NormalAcceptedRun);
        Assert.Equal(0, state.SwitchingScore);
        Assert.Equal([false, true], state.RecentNormalResults);
    }

    private static (LotDecision, bool, SwitchingTransition?, bool Threw) Step(SwitchingStateMachine machine, (int LotSize, double Quality, int Action) lot, decimal aql, SamplingEdition edition)
    {
        // Occasional manager actions, the same on both machines.
        SwitchingTransition? action = null;
        if (lot.Action == 1 && machine.EligibleForReduced)
        {
            action = machine.ApproveReduced();
        }
        else if (lot.Action == 2)
        {
            action = machine.ReportIrregularProduction();
        }
        else if (lot.Action == 3 && machine.IsDiscontinued)
        {
            action = machine.AcceptCorrectiveAction();
        }

        if (machine.IsDiscontinued)
        {
            return (LotDecision.Rejected, false, action, true);
        }

        var plan = SamplingTables.Plan(lot.LotSize, InspectionLevel.II, aql, machine.Severity, edition);
        var defects = (int)Math.Round(lot.Quality * (plan.Reject + 1));
        var outcome = machine.RecordLot(new SwitchingLot(plan, Math.Min(defects, plan.SampleSize)));
        return (outcome.Decision, outcome.Counted, outcome.Transition ?? action, false);
    }

    private static (int, double, int) NextLot(Random random) =>
        (random.Next(50, 20000), random.NextDouble() < 0.8 ? random.NextDouble() * 0.3 : random.NextDouble(), random.Next(0, 12));

    private static void AssertSame(SwitchingStateMachine a, SwitchingStateMachine b)
    {
        Assert.Equal((a.Severity, a.IsDiscontinued, a.SwitchingScore, a.EligibleForReduced), (b.Severity, b.IsDiscontinued, b.SwitchingScore, b.EligibleForReduced));
        Assert.Equal(JsonSerializer.Serialize(a.ToState()), JsonSerializer.Serialize(b.ToState()));
    }
}
