using EasternSelect.Domain.Suppliers;

namespace EasternSelect.Domain.Tiering;

/// <summary>One reason behind a score: a metric, its value and the points it took or gave.</summary>
public sealed record ScoreReason(string Metric, decimal Value, decimal Points);

public sealed record TierScore(decimal Score, SupplierTier Tier, IReadOnlyList<ScoreReason> Reasons, bool HasRecords);

/// <summary>The monthly tier score: 100 minus weighted penalties plus a CSR bonus, mapped to a tier by the policy's thresholds.</summary>
public static class TierScoring
{
    public const string LotRejection = "LotRejectionRate";
    public const string DefectShortage = "DefectShortageRate";
    public const string ComplaintRate = "ComplaintRate";
    public const string AuditFindings = "AuditFindings";
    public const string LateCorrectiveActions = "LateCorrectiveActions";
    public const string Csr = "CsrScore";

    public static TierScore Score(TierPolicy policy, IReadOnlyCollection<SupplierMonthlyRecord> records, decimal? csrScore)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(records);
        var reasons = new List<ScoreReason>();
        var lots = records.Sum(r => r.LotsInspected);
        var received = records.Sum(r => r.UnitsReceived);
        var shipped = records.Sum(r => r.UnitsShipped);

        var rejection = Percent(records.Sum(r => r.LotsRejected), lots);
        var defects = Percent(records.Sum(r => r.DefectiveUnits + r.ShortUnits), received);
        var complaints = Percent(records.Sum(r => r.Complaints), shipped);
        var findings = records.Sum(r => r.AuditFindings);
        var late = records.Sum(r => r.LateCorrectiveActions);

        reasons.Add(new(LotRejection, rejection, -rejection * policy.LotRejectionWeight));
        reasons.Add(new(DefectShortage, defects, -defects * policy.DefectShortageWeight));
        reasons.Add(new(ComplaintRate, complaints, -complaints * policy.ComplaintWeight));
        reasons.Add(new(AuditFindings, findings, -findings * policy.AuditFindingWeight));
        reasons.Add(new(LateCorrectiveActions, late, -late * policy.LateCorrectiveActionWeight));
        if (csrScore is { } csr)
        {
            reasons.Add(new(Csr, csr, Math.Clamp((csr - 60m) * policy.CsrWeight, -10m, 10m)));
        }

        var score = decimal.Round(Math.Clamp(100m + reasons.Sum(r => r.Points), 0m, 100m), 1);
        return new TierScore(score, TierFor(policy, score), reasons.Where(r => r.Points != 0).OrderBy(r => r.Points).ToList(), records.Count > 0);
    }

    public static SupplierTier TierFor(TierPolicy policy, decimal score) =>
        score >= policy.SelfInspectionMinimum ? SupplierTier.SelfInspection
        : score >= policy.AMinimum ? SupplierTier.A
        : score >= policy.BMinimum ? SupplierTier.B
        : SupplierTier.C;

    private static decimal Percent(int part, int whole) => whole == 0 ? 0m : decimal.Round(100m * part / whole, 2);
}
