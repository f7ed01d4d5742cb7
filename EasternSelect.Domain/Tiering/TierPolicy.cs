using EasternSelect.Domain.Common;
using EasternSelect.Domain.Sampling;
using EasternSelect.Domain.Suppliers;

namespace EasternSelect.Domain.Tiering;

/// <summary>
/// The weights and thresholds of the monthly tier evaluation, versioned: the QA manager edits by
/// adding a new version, so every past evaluation keeps the version it used.
/// </summary>
public sealed class TierPolicy : Entity
{
    public int VersionNumber { get; set; }

    public DateTime CreatedUtc { get; set; }

    public string CreatedBy { get; set; } = string.Empty;

    public string? Note { get; set; }

    // Penalty weights: points taken from 100 per percentage point (rates) or per event (counts).
    public decimal LotRejectionWeight { get; set; } = 4m;

    public decimal DefectShortageWeight { get; set; } = 5m;

    public decimal ComplaintWeight { get; set; } = 20m;

    public decimal AuditFindingWeight { get; set; } = 3m;

    public decimal LateCorrectiveActionWeight { get; set; } = 5m;

    /// <summary>Points added per CSR point above 60 (the CSR score is 0–100), capped at 10.</summary>
    public decimal CsrWeight { get; set; } = 0.25m;

    // Minimum scores for each tier (below BMinimum is C).
    public decimal SelfInspectionMinimum { get; set; } = 95m;

    public decimal AMinimum { get; set; } = 85m;

    public decimal BMinimum { get; set; } = 70m;

    /// <summary>Months of records a score looks back over.</summary>
    public int LookbackMonths { get; set; } = 3;

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        decimal[] weights = [LotRejectionWeight, DefectShortageWeight, ComplaintWeight, AuditFindingWeight, LateCorrectiveActionWeight, CsrWeight];
        if (weights.Any(w => w < 0 || w > 100))
        {
            errors.Add("Tiering.WeightOutOfRange");
        }

        if (!(SelfInspectionMinimum > AMinimum && AMinimum > BMinimum && BMinimum > 0 && SelfInspectionMinimum <= 100))
        {
            errors.Add("Tiering.ThresholdsOutOfOrder");
        }

        if (LookbackMonths is < 1 or > 12)
        {
            errors.Add("Tiering.LookbackOutOfRange");
        }

        return errors;
    }

    public TierPolicy NextVersion(string createdBy, DateTime nowUtc) => new()
    {
        VersionNumber = VersionNumber + 1,
        CreatedBy = createdBy,
        CreatedUtc = nowUtc,
        LotRejectionWeight = LotRejectionWeight,
        DefectShortageWeight = DefectShortageWeight,
        ComplaintWeight = ComplaintWeight,
        AuditFindingWeight = AuditFindingWeight,
        LateCorrectiveActionWeight = LateCorrectiveActionWeight,
        CsrWeight = CsrWeight,
        SelfInspectionMinimum = SelfInspectionMinimum,
        AMinimum = AMinimum,
        BMinimum = BMinimum,
        LookbackMonths = LookbackMonths,
    };
}

/// <summary>How intensely a tier's supplier is inspected: the one place this mapping lives.</summary>
public sealed record InspectionIntensity(InspectionSeverity StartingSeverity, bool MonthlySpotCheck)
{
    public static InspectionIntensity For(SupplierTier tier) => tier switch
    {
        SupplierTier.SelfInspection => new(InspectionSeverity.Reduced, MonthlySpotCheck: false),
        SupplierTier.A => new(InspectionSeverity.Normal, MonthlySpotCheck: false),
        SupplierTier.B => new(InspectionSeverity.Normal, MonthlySpotCheck: false),
        SupplierTier.C => new(InspectionSeverity.Tightened, MonthlySpotCheck: true),
        _ => throw new ArgumentOutOfRangeException(nameof(tier), tier, "Unknown tier."),
    };

    /// <summary>
    /// Where a stream at <paramref name="current"/> goes when the supplier moves from one tier to another: to the new tier's
    /// severity, but only in the direction of the change (a better tier never tightens a stream, a worse one never relaxes one,
    /// so a reduced inspection earned by lots is kept on a promotion). Null when the stream stays.
    /// </summary>
    public static InspectionSeverity? SeverityAfterTierChange(SupplierTier from, SupplierTier to, InspectionSeverity current)
    {
        var target = For(to).StartingSeverity;
        var better = to < from;
        var worse = to > from;
        return (better && Strictness(current) > Strictness(target)) || (worse && Strictness(current) < Strictness(target)) ? target : null;
    }

    /// <summary>Reduced is the loosest, tightened the strictest (the enum's order is not).</summary>
    public static int Strictness(InspectionSeverity severity) => severity switch
    {
        InspectionSeverity.Reduced => 0,
        InspectionSeverity.Normal => 1,
        _ => 2,
    };
}
