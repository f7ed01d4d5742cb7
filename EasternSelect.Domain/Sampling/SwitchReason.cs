namespace EasternSelect.Domain.Sampling;

/// <summary>Why a stream's inspection severity changed, for the UI to explain.</summary>
public enum SwitchReason
{
    /// <summary>Normal to tightened: 2 lots rejected out of 5 or fewer consecutive lots.</summary>
    TwoOfFiveRejected,

    /// <summary>Tightened to normal: 5 consecutive lots accepted.</summary>
    FiveConsecutiveAccepted,

    /// <summary>Normal to reduced: the conditions were met and the QA manager approved.</summary>
    ReducedApproved,

    /// <summary>Reduced to normal: a lot was rejected.</summary>
    LotRejectedOnReduced,

    /// <summary>Reduced to normal: a lot was accepted with more than Ac and fewer than Re nonconformities (MIL-STD-105E).</summary>
    LotAcceptedInGap,

    /// <summary>Reduced to normal: production became irregular or delayed.</summary>
    IrregularProduction,

    /// <summary>Reduced to normal: other conditions warrant normal inspection.</summary>
    OtherConditions,

    /// <summary>Inspection discontinued: 5 lots not accepted while on tightened inspection.</summary>
    Discontinued,

    /// <summary>Inspection resumed on tightened after the supplier's corrective action was accepted.</summary>
    CorrectiveActionAccepted,

    /// <summary>The supplier's tier changed and the new tier calls for another severity (<see cref="Tiering.InspectionIntensity"/>).</summary>
    TierChange,
}

/// <summary>One change of a stream's state.</summary>
public sealed record SwitchingTransition(InspectionSeverity From, InspectionSeverity To, SwitchReason Reason);

/// <summary>A lot's result as the switching rules see it.</summary>
/// <param name="Plan">The plan the lot was inspected with.</param>
/// <param name="Nonconformities">Nonconforming items (or nonconformities) found in the sample.</param>
/// <param name="IsOriginalInspection">False for a re-inspection (複檢); those lots do not count.</param>
/// <param name="ProductionSteady">False when production is irregular or delayed.</param>
public sealed record SwitchingLot(SamplingPlan Plan, int Nonconformities, bool IsOriginalInspection = true, bool ProductionSteady = true);

/// <summary>What recording a lot did: its decision, whether the switching rules counted it, and the transition it caused, if any.</summary>
public sealed record SwitchingOutcome(LotDecision Decision, bool Counted, SwitchingTransition? Transition);
