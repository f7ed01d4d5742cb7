namespace EasternSelect.Domain.Sampling;

/// <summary>
/// The switching rules (ISO 2859-1 / MIL-STD-105E clause 8) for one stream: a supplier, a product
/// stream and a defect class. Only lots on original inspection count. The state is saved with
/// <see cref="ToState"/> and restored with <see cref="FromState"/>; the transition history is kept by the caller.
/// </summary>
public sealed class SwitchingStateMachine
{
    private const int LotsForReduced105E = 10;
    private const int SwitchingScoreForReduced = 30;
    private const int NotAcceptedOnTightenedForDiscontinuation = 5;

    // Only the last 5 normal results matter (2 rejected out of 5 or fewer).
    private const int NormalResultsKept = 5;

    private readonly List<bool> _normalResults = [];
    private readonly List<AcceptedSample> _normalAcceptedRun = [];
    private readonly List<SwitchingTransition> _transitions = [];
    private int _consecutiveAcceptedOnTightened;
    private int _notAcceptedOnTightened;
    private bool _productionSteady = true;

    public SwitchingStateMachine(decimal aql, InspectionSeverity startingSeverity, SamplingEdition edition = SamplingEdition.MilStd105E)
    {
        SamplingTables.AqlColumn(aql);
        if (!Enum.IsDefined(startingSeverity))
        {
            throw new ArgumentOutOfRangeException(nameof(startingSeverity), startingSeverity, "Unknown inspection severity.");
        }

        Aql = aql;
        Severity = startingSeverity;
        Edition = edition;
    }

    public decimal Aql { get; }

    public SamplingEdition Edition { get; }

    public InspectionSeverity Severity { get; private set; }

    /// <summary>True after 5 lots not accepted on tightened, until the supplier's corrective action is accepted.</summary>
    public bool IsDiscontinued { get; private set; }

    /// <summary>The ISO 2859-1:1999 switching score (kept on normal inspection for either edition).</summary>
    public int SwitchingScore { get; private set; }

    public IReadOnlyList<SwitchingTransition> Transitions => _transitions;

    /// <summary>On normal inspection and meeting the edition's conditions; switches only on <see cref="ApproveReduced"/>.</summary>
    public bool EligibleForReduced =>
        !IsDiscontinued && Severity == InspectionSeverity.Normal && _productionSteady && Edition switch
        {
            SamplingEdition.Iso2859_1_1999 => SwitchingScore >= SwitchingScoreForReduced,
            _ => MeetsTableEight(),
        };

    public SwitchingOutcome RecordLot(SwitchingLot lot)
    {
        ArgumentNullException.ThrowIfNull(lot);
        var decision = LotDecisions.Decide(lot.Plan, lot.Nonconformities);
        if (!lot.IsOriginalInspection)
        {
            return new SwitchingOutcome(decision, Counted: false, Transition: null);
        }

        if (IsDiscontinued)
        {
            throw new InvalidOperationException("Inspection is discontinued for this stream until the supplier's corrective action is accepted.");
        }

        _productionSteady = lot.ProductionSteady;
        var transition = Severity switch
        {
            InspectionSeverity.Normal => OnNormal(lot, decision),
            InspectionSeverity.Tightened => OnTightened(decision),
            _ => OnReduced(lot, decision),
        };
        return new SwitchingOutcome(decision, Counted: true, transition);
    }

    public SwitchingTransition ApproveReduced()
    {
        if (!EligibleForReduced)
        {
            throw new InvalidOperationException("The stream is not eligible for reduced inspection.");
        }

        return SwitchTo(InspectionSeverity.Reduced, SwitchReason.ReducedApproved);
    }

    /// <summary>Production became irregular or delayed: reduced returns to normal, and reduced is not offered until it is steady again.</summary>
    public SwitchingTransition? ReportIrregularProduction()
    {
        _productionSteady = false;
        return Severity == InspectionSeverity.Reduced ? SwitchTo(InspectionSeverity.Normal, SwitchReason.IrregularProduction) : null;
    }

    /// <summary>Other conditions warrant normal inspection (ISO 2859-1 9.3.4 d).</summary>
    public SwitchingTransition RequireNormalInspection()
    {
        if (Severity != InspectionSeverity.Reduced)
        {
            throw new InvalidOperationException("Only reduced inspection returns to normal for other conditions.");
        }

        return SwitchTo(InspectionSeverity.Normal, SwitchReason.OtherConditions);
    }

    /// <summary>The supplier's tier changed: the stream moves to the given severity and its counts restart; a discontinued stream waits for corrective action.</summary>
    public SwitchingTransition? FollowTier(InspectionSeverity to) =>
        IsDiscontinued || Severity == to ? null : SwitchTo(to, SwitchReason.TierChange);

    public SwitchingTransition AcceptCorrectiveAction()
    {
        if (!IsDiscontinued)
        {
            throw new InvalidOperationException("Inspection is not discontinued for this stream.");
        }

        IsDiscontinued = false;
        return SwitchTo(InspectionSeverity.Tightened, SwitchReason.CorrectiveActionAccepted);
    }

    private SwitchingTransition? OnNormal(SwitchingLot lot, LotDecision decision)
    {
        var accepted = decision != LotDecision.Rejected;
        _normalResults.Add(accepted);
        if (!accepted && _normalResults.TakeLast(5).Count(result => !result) >= 2)
        {
            return SwitchTo(InspectionSeverity.Tightened, SwitchReason.TwoOfFiveRejected);
        }

        if (_normalResults.Count > NormalResultsKept)
        {
            _normalResults.RemoveAt(0);
        }

        if (accepted)
        {
            _normalAcceptedRun.Add(new AcceptedSample(lot.Plan.SampleSize, lot.Nonconformities));
            TrimAcceptedRun();
        }
        else
        {
            _normalAcceptedRun.Clear();
        }

        SwitchingScore = ScoreAfter(lot, accepted);
        return null;
    }

    private SwitchingTransition? OnTightened(LotDecision decision)
    {
        if (decision == LotDecision.Rejected)
        {
            _consecutiveAcceptedOnTightened = 0;
            _notAcceptedOnTightened++;
            if (_notAcceptedOnTightened >= NotAcceptedOnTightenedForDiscontinuation)
            {
                IsDiscontinued = true;
                return Record(new SwitchingTransition(InspectionSeverity.Tightened, InspectionSeverity.Tightened, SwitchReason.Discontinued));
            }

            return null;
        }

        _consecutiveAcceptedOnTightened++;
        return _consecutiveAcceptedOnTightened >= 5 ? SwitchTo(InspectionSeverity.Normal, SwitchReason.FiveConsecutiveAccepted) : null;
    }

    private SwitchingTransition? OnReduced(SwitchingLot lot, LotDecision decision) => decision switch
    {
        LotDecision.Rejected => SwitchTo(InspectionSeverity.Normal, SwitchReason.LotRejectedOnReduced),
        LotDecision.AcceptedInGap => SwitchTo(InspectionSeverity.Normal, SwitchReason.LotAcceptedInGap),
        _ when !lot.ProductionSteady => SwitchTo(InspectionSeverity.Normal, SwitchReason.IrregularProduction),
        _ => null,
    };

    // ISO 2859-1:1999 9.3.3.2: Ac ≥ 2: +3 if the lot would also have been accepted one AQL step tighter,
    // else reset; Ac 0 or 1: +2 if accepted, else reset.
    private int ScoreAfter(SwitchingLot lot, bool accepted)
    {
        if (!accepted)
        {
            return 0;
        }

        if (lot.Plan.Accept < 2)
        {
            return SwitchingScore + 2;
        }

        var tighter = SamplingTables.TighterAql(Aql);
        if (tighter is null)
        {
            return 0;
        }

        var tighterPlan = SamplingTables.PlanForCodeLetter(lot.Plan.CodeLetter, tighter.Value, InspectionSeverity.Normal, Edition);
        return lot.Nonconformities <= tighterPlan.Accept ? SwitchingScore + 3 : 0;
    }

    // MIL-STD-105E 8.3.3 a: the preceding 10 lots (or more where Table VIII shows "*") all accepted on
    // normal, with total nonconformities within the limit number for their total sample size.
    private bool MeetsTableEight()
    {
        if (_normalAcceptedRun.Count < LotsForReduced105E)
        {
            return false;
        }

        for (var lots = LotsForReduced105E; lots <= _normalAcceptedRun.Count; lots++)
        {
            var recent = _normalAcceptedRun.TakeLast(lots).ToList();
            var units = recent.Sum(lot => lot.SampleSize);
            if (ReducedLimitNumbers.NeedsMoreLots(units, Aql))
            {
                continue;
            }

            var limit = ReducedLimitNumbers.For(units, Aql);
            return limit is not null && recent.Sum(lot => lot.Nonconformities) <= limit;
        }

        return false;
    }

    // The Table VIII check looks back from the newest lot and stops at the first run of 10 or more lots
    // whose sample units are not "*". Once the run without its oldest lot already is such a run, and
    // stays one as lots are added (units only grow), the oldest lot can never be looked at again.
    private void TrimAcceptedRun()
    {
        while (_normalAcceptedRun.Count > LotsForReduced105E)
        {
            var withoutOldest = _normalAcceptedRun.Skip(1).Sum(lot => lot.SampleSize);
            if (ReducedLimitNumbers.NeedsMoreLots(withoutOldest, Aql))
            {
                return;
            }

            _normalAcceptedRun.RemoveAt(0);
        }
    }

    /// <summary>A snapshot of everything the rules need to continue exactly where this machine is.</summary>
    public SwitchingState ToState() => new(
        Aql, Edition, Severity, IsDiscontinued, SwitchingScore, [.. _normalResults], [.. _normalAcceptedRun],
        _consecutiveAcceptedOnTightened, _notAcceptedOnTightened, _productionSteady);

    /// <summary>A machine that behaves exactly like the one the state was taken from (its transition history is not part of the state).</summary>
    public static SwitchingStateMachine FromState(SwitchingState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentOutOfRangeException.ThrowIfNegative(state.SwitchingScore);
        ArgumentOutOfRangeException.ThrowIfNegative(state.ConsecutiveAcceptedOnTightened);
        ArgumentOutOfRangeException.ThrowIfNegative(state.NotAcceptedOnTightened);
        var machine = new SwitchingStateMachine(state.Aql, state.Severity, state.Edition)
        {
            IsDiscontinued = state.IsDiscontinued,
            SwitchingScore = state.SwitchingScore,
            _consecutiveAcceptedOnTightened = state.ConsecutiveAcceptedOnTightened,
            _notAcceptedOnTightened = state.NotAcceptedOnTightened,
            _productionSteady = state.ProductionSteady,
        };
        machine._normalResults.AddRange(state.RecentNormalResults ?? []);
        machine._normalAcceptedRun.AddRange(state.NormalAcceptedRun ?? []);
        return machine;
    }

    private SwitchingTransition SwitchTo(InspectionSeverity to, SwitchReason reason)
    {
        var transition = new SwitchingTransition(Severity, to, reason);
        Severity = to;
        _normalResults.Clear();
        _normalAcceptedRun.Clear();
        _consecutiveAcceptedOnTightened = 0;
        _notAcceptedOnTightened = 0;
        SwitchingScore = 0;
        return Record(transition);
    }

    private SwitchingTransition Record(SwitchingTransition transition)
    {
        _transitions.Add(transition);
        return transition;
    }
}
