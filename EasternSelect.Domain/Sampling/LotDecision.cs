namespace EasternSelect.Domain.Sampling;

public enum LotDecision
{
    Accepted,
    Rejected,

    /// <summary>More than Ac and fewer than Re nonconformities (MIL-STD-105E reduced plans): accepted, and inspection returns to normal.</summary>
    AcceptedInGap,
}

public static class LotDecisions
{
    public static LotDecision Decide(SamplingPlan plan, int nonconformities)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentOutOfRangeException.ThrowIfNegative(nonconformities);
        if (nonconformities <= plan.Accept)
        {
            return LotDecision.Accepted;
        }

        return nonconformities >= plan.Reject ? LotDecision.Rejected : LotDecision.AcceptedInGap;
    }
}
