using System.Text.Json;
using EasternSelect.Domain.Common;
using EasternSelect.Domain.Sampling;
using EasternSelect.Domain.Suppliers;
using EasternSelect.Domain.Tiering;

namespace EasternSelect.Domain.Inspections;

/// <summary>
/// One switching-rules stream (MIL-STD-105E clause 8): a supplier, a product stream (the product's
/// category) and a defect class. The machine's state is saved after every counted lot; the columns
/// beside it are copies for lists and filters. Every severity change is kept in <see cref="Transitions"/>.
/// </summary>
public sealed class InspectionStream : AggregateRoot
{
    private static readonly JsonSerializerOptions Json = new();

    public int SupplierId { get; set; }

    public Supplier? Supplier { get; set; }

    public SupplierCategory Category { get; set; }

    public DefectClass DefectClass { get; set; }

    public decimal Aql { get; set; }

    public InspectionSeverity Severity { get; set; }

    public bool IsDiscontinued { get; set; }

    public int SwitchingScore { get; set; }

    public bool EligibleForReduced { get; set; }

    /// <summary>Lots on original inspection the stream has counted.</summary>
    public int LotsCounted { get; set; }

    /// <summary>The <see cref="SwitchingState"/> as JSON.</summary>
    public string State { get; set; } = string.Empty;

    public List<InspectionStreamTransition> Transitions { get; set; } = [];

    /// <summary>A new stream: the supplier's tier sets the starting severity (<see cref="InspectionIntensity"/>).</summary>
    public static InspectionStream Start(int supplierId, SupplierCategory category, DefectClass defectClass, decimal aql, SupplierTier tier)
    {
        var stream = new InspectionStream { SupplierId = supplierId, Category = category, DefectClass = defectClass };
        stream.Save(new SwitchingStateMachine(aql, InspectionIntensity.For(tier).StartingSeverity));
        return stream;
    }

    public SwitchingStateMachine Restore() =>
        SwitchingStateMachine.FromState(JsonSerializer.Deserialize<SwitchingState>(State, Json)
            ?? throw new InvalidOperationException($"Inspection stream {Id} has no saved state."));

    /// <summary>The AQL for this stream's next lot; a different AQL restarts the AQL-dependent counts (<see cref="SwitchingState.WithAql"/>).</summary>
    public void UseAql(decimal aql)
    {
        if (aql != Aql)
        {
            Save(SwitchingStateMachine.FromState(Restore().ToState().WithAql(aql)));
        }
    }

    /// <summary>Runs a decided lot through the rules; re-inspections are not counted and change nothing.</summary>
    public SwitchingOutcome RecordLot(SwitchingLot lot, IncomingLot? incomingLot, string by, DateTime utc)
    {
        var machine = Restore();
        var outcome = machine.RecordLot(lot);
        if (outcome.Counted)
        {
            LotsCounted++;
            Save(machine);
            AddTransition(outcome.Transition, incomingLot, by, utc);
        }

        return outcome;
    }

    public SwitchingTransition ApproveReduced(string by, DateTime utc) => Apply(m => m.ApproveReduced(), by, utc)!;

    public SwitchingTransition? ReportIrregularProduction(string by, DateTime utc) => Apply(m => m.ReportIrregularProduction(), by, utc);

    /// <summary>A tier change moves the stream toward the new tier's severity (<see cref="InspectionIntensity.SeverityAfterTierChange"/>); null when it stays.</summary>
    public SwitchingTransition? FollowTierChange(SupplierTier from, SupplierTier to, string by, DateTime utc) =>
        InspectionIntensity.SeverityAfterTierChange(from, to, Severity) is { } severity && !IsDiscontinued
            ? Apply(m => m.FollowTier(severity), by, utc)
            : null;

    public SwitchingTransition ResumeAfterCorrectiveAction(string by, DateTime utc) => Apply(m => m.AcceptCorrectiveAction(), by, utc)!;

    private SwitchingTransition? Apply(Func<SwitchingStateMachine, SwitchingTransition?> action, string by, DateTime utc)
    {
        var machine = Restore();
        var transition = action(machine);
        Save(machine);
        AddTransition(transition, incomingLot: null, by, utc);
        return transition;
    }

    private void AddTransition(SwitchingTransition? transition, IncomingLot? incomingLot, string by, DateTime utc)
    {
        if (transition is not null)
        {
            Transitions.Add(new InspectionStreamTransition
            {
                From = transition.From,
                To = transition.To,
                Reason = transition.Reason,
                IncomingLot = incomingLot,
                OccurredUtc = utc,
                By = by,
            });
        }
    }

    private void Save(SwitchingStateMachine machine)
    {
        var state = machine.ToState();
        State = JsonSerializer.Serialize(state, Json);
        Aql = state.Aql;
        Severity = state.Severity;
        IsDiscontinued = state.IsDiscontinued;
        SwitchingScore = state.SwitchingScore;
        EligibleForReduced = machine.EligibleForReduced;
    }
}

/// <summary>One change of a stream's severity: from, to, why, the lot that caused it (if any), when and by whom.</summary>
public sealed class InspectionStreamTransition : Entity
{
    public int InspectionStreamId { get; set; }

    public InspectionSeverity From { get; set; }

    public InspectionSeverity To { get; set; }

    public SwitchReason Reason { get; set; }

    public int? IncomingLotId { get; set; }

    public IncomingLot? IncomingLot { get; set; }

    public DateTime OccurredUtc { get; set; }

    public string By { get; set; } = string.Empty;
}
