using System.ComponentModel.DataAnnotations;
using System.Globalization;
using EasternSelect.Domain.Suppliers;
using EasternSelect.Domain.Tiering;
using EasternSelect.Portal.Infrastructure;
using EasternSelect.Portal.Infrastructure.Localization;
using Microsoft.Extensions.Localization;

namespace EasternSelect.Portal.Features.Suppliers.Tiering;

public sealed record TierPolicyOverview(TierPolicy Current, IReadOnlyList<TierPolicy> History);

/// <summary>A monthly evaluation run: its <see cref="Result"/> (Id is the evaluation) and how many suppliers were scored, proposed and skipped for lack of records.</summary>
public sealed record EvaluationRun(Result Result, int Evaluated = 0, int Proposed = 0, int Skipped = 0);

public sealed record EvaluationRow(int Id, DateOnly Month, int PolicyVersion, string RunBy, DateTime RunUtc, int SuppliersEvaluated, int Proposals, int Pending);

public sealed record ProposalRow(
    int Id, int SupplierId, string SupplierName, SupplierTier CurrentTier, SupplierTier ProposedTier, decimal Score,
    IReadOnlyList<ScoreReason> Reasons, ProposalDecision Decision, string? DecidedBy, DateTime? DecidedUtc, string? DecisionNote);

/// <summary>Decisions on one or more proposals: the ones refused are in <see cref="Result"/>'s errors, the rest were applied.</summary>
public sealed record Decisions(Result Result, int Applied);

public sealed record TierChangeRow(int Id, int SupplierId, string SupplierName, SupplierTier From, SupplierTier To, string Reason, string ApprovedBy, DateTime ChangedUtc, int? TierProposalId);

/// <summary>The QA manager's edit of the tier policy; saving it adds a new version based on <see cref="BasedOnVersion"/>.</summary>
public sealed class TierPolicyForm
{
    public int BasedOnVersion { get; set; }

    [Range(0, 100)]
    public decimal LotRejectionWeight { get; set; }

    [Range(0, 100)]
    public decimal DefectShortageWeight { get; set; }

    [Range(0, 100)]
    public decimal ComplaintWeight { get; set; }

    [Range(0, 100)]
    public decimal AuditFindingWeight { get; set; }

    [Range(0, 100)]
    public decimal LateCorrectiveActionWeight { get; set; }

    [Range(0, 100)]
    public decimal CsrWeight { get; set; }

    [Range(0, 100)]
    public decimal SelfInspectionMinimum { get; set; }

    [Range(0, 100)]
    public decimal AMinimum { get; set; }

    [Range(0, 100)]
    public decimal BMinimum { get; set; }

    [Range(1, 12)]
    public int LookbackMonths { get; set; }

    [MaxTextLength(500)]
    public string? Note { get; set; }

    public static TierPolicyForm From(TierPolicy policy) => new()
    {
        BasedOnVersion = policy.VersionNumber,
        LotRejectionWeight = policy.LotRejectionWeight,
        DefectShortageWeight = policy.DefectShortageWeight,
        ComplaintWeight = policy.ComplaintWeight,
        AuditFindingWeight = policy.AuditFindingWeight,
        LateCorrectiveActionWeight = policy.LateCorrectiveActionWeight,
        CsrWeight = policy.CsrWeight,
        SelfInspectionMinimum = policy.SelfInspectionMinimum,
        AMinimum = policy.AMinimum,
        BMinimum = policy.BMinimum,
        LookbackMonths = policy.LookbackMonths,
    };

    /// <summary>Copies the edited values onto a new version (the database keeps two decimals).</summary>
    public void ApplyTo(TierPolicy policy)
    {
        policy.LotRejectionWeight = Round(LotRejectionWeight);
        policy.DefectShortageWeight = Round(DefectShortageWeight);
        policy.ComplaintWeight = Round(ComplaintWeight);
        policy.AuditFindingWeight = Round(AuditFindingWeight);
        policy.LateCorrectiveActionWeight = Round(LateCorrectiveActionWeight);
        policy.CsrWeight = Round(CsrWeight);
        policy.SelfInspectionMinimum = Round(SelfInspectionMinimum);
        policy.AMinimum = Round(AMinimum);
        policy.BMinimum = Round(BMinimum);
        policy.LookbackMonths = LookbackMonths;
        policy.Note = string.IsNullOrWhiteSpace(Note) ? null : Note.Trim();
    }

    private static decimal Round(decimal value) => decimal.Round(value, 2);
}

/// <summary>Reasons in words: the localized metric name, its value with its unit, and the points.</summary>
public static class TierReasonText
{
    public static string Metric(IStringLocalizer l, string metric) => l["TierMetric." + metric];

    public static string Value(ScoreReason reason) => reason.Metric switch
    {
        TierScoring.LotRejection or TierScoring.DefectShortage or TierScoring.ComplaintRate =>
            reason.Value.ToString("0.##", CultureInfo.CurrentCulture) + " %",
        _ => reason.Value.ToString("0.#", CultureInfo.CurrentCulture),
    };

    public static string Points(decimal points) => points.ToString("+0.#;−0.#;0", CultureInfo.CurrentCulture);

    public static string Format(IStringLocalizer l, ScoreReason reason) =>
        string.Create(CultureInfo.CurrentCulture, $"{Metric(l, reason.Metric)} {Value(reason)} ({Points(reason.Points)})");

    public static string Month(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
