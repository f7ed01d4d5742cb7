namespace EasternSelect.Domain.Sampling;

/// <summary>A lot accepted on normal inspection, as Table VIII counts it: its sample size and the nonconformities found.</summary>
public sealed record AcceptedSample(int SampleSize, int Nonconformities);

/// <summary>
/// Everything <see cref="SwitchingStateMachine"/> needs to continue a stream: saved after every lot and
/// restored before the next one (<see cref="SwitchingStateMachine.ToState"/> / <see cref="SwitchingStateMachine.FromState"/>).
/// </summary>
/// <param name="RecentNormalResults">The last (up to 5) results on normal inspection, oldest first; true = accepted.</param>
/// <param name="NormalAcceptedRun">The current run of lots accepted on normal, oldest first (only as far back as Table VIII can look).</param>
public sealed record SwitchingState(
    decimal Aql,
    SamplingEdition Edition,
    InspectionSeverity Severity,
    bool IsDiscontinued,
    int SwitchingScore,
    IReadOnlyList<bool> RecentNormalResults,
    IReadOnlyList<AcceptedSample> NormalAcceptedRun,
    int ConsecutiveAcceptedOnTightened,
    int NotAcceptedOnTightened,
    bool ProductionSteady)
{
    /// <summary>The same stream with another AQL: severity and rejection counts carry over; the Table VIII run and the switching score, which depend on the AQL, start again.</summary>
    public SwitchingState WithAql(decimal aql) => aql == Aql ? this : this with { Aql = aql, NormalAcceptedRun = [], SwitchingScore = 0 };
}
