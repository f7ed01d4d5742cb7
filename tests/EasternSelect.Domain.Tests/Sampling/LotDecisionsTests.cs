using EasternSelect.Domain.Sampling;

namespace EasternSelect.Domain.Tests.Sampling;

public sealed class LotDecisionsTests
{
    private static readonly SamplingPlan Normal = new('J', 80, 2, 3);
    private static readonly SamplingPlan ReducedWithGap = new('K', 50, 3, 6);

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public void Decide_AtMostAccept_Accepted(int found) =>
        Assert.Equal(LotDecision.Accepted, LotDecisions.Decide(Normal, found));

    [Theory]
    [InlineData(3)]
    [InlineData(40)]
    public void Decide_AtLeastReject_Rejected(int found) =>
        Assert.Equal(LotDecision.Rejected, LotDecisions.Decide(Normal, found));

    [Theory]
    [InlineData(4)]
    [InlineData(5)]
    public void Decide_BetweenAcceptAndRejectOnReduced105E_AcceptedInGap(int found) =>
        Assert.Equal(LotDecision.AcceptedInGap, LotDecisions.Decide(ReducedWithGap, found));

    [Fact]
    public void Decide_Reduced1999Plan_NeverInGap()
    {
        var plan = SamplingTables.Plan(1201, InspectionLevel.II, 2.5m, InspectionSeverity.Reduced, SamplingEdition.Iso2859_1_1999);
        Assert.Equal(LotDecision.Accepted, LotDecisions.Decide(plan, 3));
        Assert.Equal(LotDecision.Rejected, LotDecisions.Decide(plan, 4));
    }

    [Fact]
    public void Decide_NegativeCount_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => LotDecisions.Decide(Normal, -1));
}
