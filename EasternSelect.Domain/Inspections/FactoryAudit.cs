using EasternSelect.Domain.Common;
using EasternSelect.Domain.Files;
using EasternSelect.Domain.Reviews;
using EasternSelect.Domain.Suppliers;

namespace EasternSelect.Domain.Inspections;

/// <summary>Why a factory is visited; the seed's 2020 figures: 2 product anomalies, 18 OEM, 5 new-year dishes.</summary>
public enum AuditReason
{
    /// <summary>商品異常: a product anomaly or major complaint.</summary>
    ProductAnomaly,

    /// <summary>委外代工查廠: the factory making the product for the supplier (OEM).</summary>
    Oem,

    /// <summary>季節性商品 such as 年菜 (new-year dishes).</summary>
    Seasonal,
}

public enum AuditTrigger
{
    Scheduled,
    Triggered,
}

public enum AuditStatus
{
    Planned,
    Completed,
}

public enum FollowUpStatus
{
    Open,
    Done,
}

/// <summary>
/// 實地訪廠稽核: a visit of a supplier's factory scoring the seed's five items (the same <see cref="FactoryItem"/>s as an
/// on-site qualification review), with findings and follow-up actions.
/// </summary>
public sealed class FactoryAudit : AggregateRoot
{
    public const int TextMaxLength = 1000;

    public int SupplierId { get; set; }

    public Supplier? Supplier { get; set; }

    /// <summary>The product concerned (the anomalous product, the OEM item, the new-year dish), when there is one.</summary>
    public int? ProductId { get; set; }

    public Product? Product { get; set; }

    public AuditReason Reason { get; set; }

    public AuditTrigger Trigger { get; set; }

    public string? TriggerNote { get; set; }

    /// <summary>The (planned) day of the visit; its month is the month the findings count in.</summary>
    public DateOnly AuditDate { get; set; }

    public string FactoryName { get; set; } = string.Empty;

    public string AuditorName { get; set; } = string.Empty;

    public AuditStatus Status { get; set; } = AuditStatus.Planned;

    public string? Summary { get; set; }

    public List<AuditScore> Scores { get; set; } = [];

    public List<AuditFinding> Findings { get; set; } = [];

    public List<FollowUpAction> Actions { get; set; } = [];

    public DateOnly Month => new(AuditDate.Year, AuditDate.Month, 1);

    /// <summary>Records the five scores and completes the audit. Throws unless every item has one score of 0–100.</summary>
    public void Complete(IReadOnlyDictionary<FactoryItem, int> scores, string? summary)
    {
        var errors = AuditScoring.Errors(scores);
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("The audit scores are invalid: " + string.Join(", ", errors));
        }

        Scores = Enum.GetValues<FactoryItem>().Select(i => Scores.FirstOrDefault(s => s.Item == i) ?? new AuditScore { Item = i }).ToList();
        foreach (var score in Scores)
        {
            score.Score = scores[score.Item];
        }

        Summary = string.IsNullOrWhiteSpace(summary) ? null : summary.Trim();
        Status = AuditStatus.Completed;
    }

    public decimal? Average => Status == AuditStatus.Completed && Scores.Count > 0 ? AuditScoring.Average(Scores.ToDictionary(s => s.Item, s => s.Score)) : null;

    public bool? Passed => Status == AuditStatus.Completed && Scores.Count > 0 ? AuditScoring.Passes(Scores.ToDictionary(s => s.Item, s => s.Score)) : null;
}

/// <summary>
/// Scoring of the five audit items: each 0–100; the audit passes with an average of at least 70 and no item under 50
/// (the rule of the on-site qualification review, so a supplier is judged alike in both).
/// </summary>
public static class AuditScoring
{
    public const int PassAverage = QualificationReview.OnSitePassScore;
    public const int ItemFloor = 50;

    public static IReadOnlyList<string> Errors(IReadOnlyDictionary<FactoryItem, int> scores)
    {
        var errors = new List<string>();
        if (Enum.GetValues<FactoryItem>().Any(i => !scores.ContainsKey(i)))
        {
            errors.Add("Audit.ScoresMissing");
        }

        if (scores.Values.Any(s => s is < 0 or > 100))
        {
            errors.Add("Audit.ScoreOutOfRange");
        }

        return errors;
    }

    public static decimal Average(IReadOnlyDictionary<FactoryItem, int> scores) =>
        decimal.Round(scores.Values.Average(s => (decimal)s), 1, MidpointRounding.AwayFromZero);

    public static bool Passes(IReadOnlyDictionary<FactoryItem, int> scores) =>
        Errors(scores).Count == 0 && Average(scores) >= PassAverage && scores.Values.All(s => s >= ItemFloor);
}

public sealed class AuditScore : Entity
{
    public int FactoryAuditId { get; set; }

    public FactoryItem Item { get; set; }

    public int Score { get; set; }
}

public sealed class AuditFinding : Entity
{
    public int FactoryAuditId { get; set; }

    public FactoryItem Item { get; set; }

    public DefectClass Severity { get; set; }

    public string Description { get; set; } = string.Empty;

    public List<AuditPhoto> Photos { get; set; } = [];
}

public sealed class AuditPhoto : Entity
{
    public int AuditFindingId { get; set; }

    public int StoredFileId { get; set; }

    public StoredFile? File { get; set; }
}

/// <summary>A corrective action the supplier owes after an audit: who, by when, and whether it is done.</summary>
public sealed class FollowUpAction : Entity
{
    public int FactoryAuditId { get; set; }

    public string Description { get; set; } = string.Empty;

    public string Owner { get; set; } = string.Empty;

    public DateOnly DueOn { get; set; }

    public FollowUpStatus Status { get; set; }

    public DateOnly? DoneOn { get; set; }

    public bool IsOverdue(DateOnly today) => Status == FollowUpStatus.Open && DueOn < today;

    public void MarkDone(DateOnly today)
    {
        Status = FollowUpStatus.Done;
        DoneOn = today;
    }
}
