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

    private readonly List<AuditScore> _scores = [];
    private readonly List<AuditFinding> _findings = [];
    private readonly List<FollowUpAction> _actions = [];

    public int SupplierId { get; private set; }

    public Supplier? Supplier { get; set; }

    /// <summary>The product concerned (the anomalous product, the OEM item, the new-year dish), when there is one.</summary>
    public int? ProductId { get; private set; }

    public Product? Product { get; set; }

    public AuditReason Reason { get; private set; }

    public AuditTrigger Trigger { get; private set; }

    public string? TriggerNote { get; private set; }

    /// <summary>The (planned) day of the visit; its month is the month the findings count in.</summary>
    public DateOnly AuditDate { get; private set; }

    public string FactoryName { get; private set; } = string.Empty;

    public string AuditorName { get; private set; } = string.Empty;

    public AuditStatus Status { get; private set; } = AuditStatus.Planned;

    public string? Summary { get; private set; }

    public IReadOnlyList<AuditScore> Scores => _scores;

    public IReadOnlyList<AuditFinding> Findings => _findings;

    public IReadOnlyList<FollowUpAction> Actions => _actions;

    public DateOnly Month => new(AuditDate.Year, AuditDate.Month, 1);

    /// <summary>A planned (or triggered) visit; a triggered one says what triggered it.</summary>
    public static FactoryAudit Plan(
        int supplierId, int? productId, AuditReason reason, AuditTrigger trigger, string? triggerNote, DateOnly auditDate, string factoryName, string auditorName)
    {
        if (trigger == AuditTrigger.Triggered && string.IsNullOrWhiteSpace(triggerNote))
        {
            throw new DomainRuleException("Audit.TriggerNoteRequired");
        }

        return new()
        {
            SupplierId = supplierId,
            ProductId = productId,
            Reason = reason,
            Trigger = trigger,
            TriggerNote = string.IsNullOrWhiteSpace(triggerNote) ? null : triggerNote.Trim(),
            AuditDate = auditDate,
            FactoryName = factoryName.Trim(),
            AuditorName = auditorName,
        };
    }

    /// <summary>Records the five scores and completes the audit (again, when corrected). Refuses unless every item has one score of 0–100.</summary>
    public void Complete(IReadOnlyDictionary<FactoryItem, int> scores, string? summary)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var errors = AuditScoring.Errors(scores);
        if (errors.Count > 0)
        {
            throw new DomainRuleException(errors[0]);
        }

        foreach (var item in Enum.GetValues<FactoryItem>())
        {
            if (_scores.FirstOrDefault(s => s.Item == item) is not { } score)
            {
                _scores.Add(score = new AuditScore { Item = item });
            }

            score.Score = scores[item];
        }

        Summary = string.IsNullOrWhiteSpace(summary) ? null : summary.Trim();
        Status = AuditStatus.Completed;
    }

    /// <summary>A finding of the visit on one of the five items, with its photos.</summary>
    public AuditFinding AddFinding(FactoryItem item, DefectClass severity, string description, IEnumerable<StoredFile> photos)
    {
        if (string.IsNullOrWhiteSpace(description))
        {
            throw new DomainRuleException("Audit.FindingRequired");
        }

        var finding = new AuditFinding { Item = item, Severity = severity, Description = description.Trim(), Photos = [.. photos.Select(f => new AuditPhoto { File = f })] };
        _findings.Add(finding);
        return finding;
    }

    /// <summary>A corrective action the supplier owes: what, who, by when.</summary>
    public FollowUpAction AddAction(string description, string owner, DateOnly dueOn)
    {
        if (string.IsNullOrWhiteSpace(description))
        {
            throw new DomainRuleException("Audit.ActionRequired");
        }

        if (string.IsNullOrWhiteSpace(owner))
        {
            throw new DomainRuleException("Audit.OwnerRequired");
        }

        var action = new FollowUpAction(description.Trim(), owner.Trim(), dueOn);
        _actions.Add(action);
        return action;
    }

    /// <summary>Marks one of this audit's follow-up actions done.</summary>
    public void CompleteAction(int actionId, DateOnly today)
    {
        var action = _actions.FirstOrDefault(a => a.Id == actionId) ?? throw new DomainRuleException("Audit.NotFound");
        action.MarkDone(today);
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
    public FollowUpAction(string description, string owner, DateOnly dueOn)
    {
        Description = description;
        Owner = owner;
        DueOn = dueOn;
    }

    public int FactoryAuditId { get; private set; }

    public string Description { get; private set; }

    public string Owner { get; private set; }

    public DateOnly DueOn { get; private set; }

    public FollowUpStatus Status { get; private set; }

    public DateOnly? DoneOn { get; private set; }

    public bool IsOverdue(DateOnly today) => Status == FollowUpStatus.Open && DueOn < today;

    /// <summary>Done on the given day; an action already done stays as it was.</summary>
    public void MarkDone(DateOnly today)
    {
        if (Status == FollowUpStatus.Done)
        {
            throw new DomainRuleException("Audit.ActionAlreadyDone");
        }

        Status = FollowUpStatus.Done;
        DoneOn = today;
    }
}
