using EasternSelect.Domain.Common;
using EasternSelect.Domain.Suppliers;

namespace EasternSelect.Domain.Tiering;

/// <summary>A monthly run of the tier evaluation: proposals wait for the QA manager's decision.</summary>
public sealed class TierEvaluation : AggregateRoot
{
    public DateOnly Month { get; set; }

    public int TierPolicyId { get; set; }

    public TierPolicy? TierPolicy { get; set; }

    public string RunBy { get; set; } = string.Empty;

    public DateTime RunUtc { get; set; }

    public int SuppliersEvaluated { get; set; }

    public List<TierProposal> Proposals { get; set; } = [];

    /// <summary>The month an evaluation defaults to: the last full month before today.</summary>
    public static DateOnly LastFullMonth(DateOnly today) => new DateOnly(today.Year, today.Month, 1).AddMonths(-1);

    /// <summary>Only a month that has ended can be evaluated: its records are complete.</summary>
    public static bool CanEvaluate(DateOnly month, DateOnly today) => month <= LastFullMonth(today);

    /// <summary>The first month of the records a score for <paramref name="month"/> looks back over (inclusive).</summary>
    public static DateOnly WindowStart(DateOnly month, int lookbackMonths) =>
        new DateOnly(month.Year, month.Month, 1).AddMonths(1 - lookbackMonths);
}

public enum ProposalDecision
{
    Pending,
    Approved,
    Rejected,
}

/// <summary>A proposed tier change for one supplier, with the reasons that produced it.</summary>
public sealed class TierProposal : Entity
{
    public int TierEvaluationId { get; set; }

    public int SupplierId { get; set; }

    public Supplier? Supplier { get; set; }

    public SupplierTier CurrentTier { get; set; }

    public SupplierTier ProposedTier { get; set; }

    public decimal Score { get; set; }

    /// <summary>JSON list of <see cref="ScoreReason"/>.</summary>
    public string Reasons { get; set; } = "[]";

    public ProposalDecision Decision { get; private set; } = ProposalDecision.Pending;

    public string? DecidedBy { get; private set; }

    public DateTime? DecidedUtc { get; private set; }

    public string? DecisionNote { get; private set; }

    /// <summary>
    /// The QA manager approves: the supplier moves to the proposed tier with <paramref name="reason"/> on record.
    /// Refused when the proposal is decided already or the supplier's tier changed since the evaluation.
    /// </summary>
    public SupplierTierChange Approve(Supplier supplier, string reason, string by, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(supplier);
        EnsurePending();
        if (supplier.Id != SupplierId)
        {
            throw new ArgumentException("The supplier is not the proposal's.", nameof(supplier));
        }

        if (supplier.Tier != CurrentTier)
        {
            throw new DomainRuleException("Tiering.TierChangedSince");
        }

        Record(ProposalDecision.Approved, by, nowUtc, note: null);
        return supplier.ChangeTier(ProposedTier, reason, by, nowUtc, Id);
    }

    /// <summary>The QA manager rejects, optionally saying why; the supplier keeps its tier.</summary>
    public void Reject(string? note, string by, DateTime nowUtc)
    {
        EnsurePending();
        Record(ProposalDecision.Rejected, by, nowUtc, note);
    }

    private void EnsurePending()
    {
        if (Decision != ProposalDecision.Pending)
        {
            throw new DomainRuleException("Tiering.AlreadyDecided");
        }
    }

    private void Record(ProposalDecision decision, string by, DateTime nowUtc, string? note)
    {
        Decision = decision;
        DecidedBy = by;
        DecidedUtc = nowUtc;
        DecisionNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
    }
}
