using System.Globalization;
using EasternSelect.Domain.Common;
using EasternSelect.Domain.Suppliers;

namespace EasternSelect.Domain.Reviews;

/// <summary>The two alternative review methods of the 4 大審查流程: a supplier is reviewed by one or the other.</summary>
public enum ReviewMethod
{
    Document,
    OnSite,
}

public enum ReviewStatus
{
    /// <summary>The reviewer is filling the checklist or scores.</summary>
    InProgress,

    /// <summary>Submitted for the qualification verdict (判定合格).</summary>
    AwaitingVerdict,
    Qualified,
    Rejected,
}

/// <summary>The five factory items of an on-site review and a factory audit.</summary>
public enum FactoryItem
{
    Certification,
    Environment,
    Equipment,
    ProcessStandardisation,
    QcSystem,
}

/// <summary>Documents a document review (書面審查) asks for.</summary>
public enum ReviewDocumentType
{
    BusinessRegistration,
    FactoryRegistration,
    ProductLiabilityInsurance,
    TestReports,
    QualityCertificate,
    ConsignmentContract,
}

public enum SupplierRisk
{
    Low,
    Medium,
    High,
}

/// <summary>
/// A qualification review of a new or returning supplier: a document review or an on-site review,
/// then a verdict by the supplier-service head, who must not be the reviewer.
/// </summary>
public sealed class QualificationReview : AggregateRoot
{
    public const int OnSitePassScore = 70;

    public const string StartReason = "開始資格審查";

    public const string QualifiedReason = "判定合格";

    public int SupplierId { get; set; }

    public Supplier? Supplier { get; set; }

    private ReviewMethod _method;

    private string? _methodOverrideReason;

    private string? _methodOverriddenBy;

    private ReviewStatus _status = ReviewStatus.InProgress;

    private DateTime? _submittedUtc;

    private string? _verdictById;

    private string? _verdictByName;

    private DateTime? _verdictUtc;

    private string? _verdictNote;

    private bool _spotChecksScheduled;

    // The state below is given when a review is created (Start, history, test data); after that only the methods change it.
    public ReviewMethod Method { get => _method; init => _method = value; }

    /// <summary>The method the rule suggested; differs from <see cref="Method"/> only with an override reason.</summary>
    public ReviewMethod SuggestedMethod { get; init; }

    public string? MethodOverrideReason { get => _methodOverrideReason; init => _methodOverrideReason = value; }

    public string? MethodOverriddenBy { get => _methodOverriddenBy; init => _methodOverriddenBy = value; }

    public SupplierRisk Risk { get; init; }

    public ReviewStatus Status { get => _status; init => _status = value; }

    public string ReviewerId { get; init; } = string.Empty;

    public string ReviewerName { get; init; } = string.Empty;

    public DateTime StartedUtc { get; init; }

    public DateTime? SubmittedUtc { get => _submittedUtc; init => _submittedUtc = value; }

    public string? Findings { get; set; }

    public string? VerdictById { get => _verdictById; init => _verdictById = value; }

    public string? VerdictByName { get => _verdictByName; init => _verdictByName = value; }

    public DateTime? VerdictUtc { get => _verdictUtc; init => _verdictUtc = value; }

    public string? VerdictNote { get => _verdictNote; init => _verdictNote = value; }

    /// <summary>Whether monthly spot checks (月檢抽驗) were scheduled with the verdict.</summary>
    public bool SpotChecksScheduled { get => _spotChecksScheduled; init => _spotChecksScheduled = value; }

    public List<ReviewDocumentItem> Documents { get; init; } = [];

    public List<OnSiteScoreItem> Scores { get; init; } = [];

    /// <summary>The year the review counts in for the yearly table: the verdict's Taiwan calendar year.</summary>
    public int? Year => VerdictUtc is { } verdict ? TaiwanTime.YearOf(verdict) : null;

    /// <summary>Starts a review of a supplier that is not qualified (a qualified one is suspended first).</summary>
    public static QualificationReview Start(Supplier supplier, SupplierRisk risk, string reviewerId, string reviewerName, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(supplier);
        if (supplier.Status == SupplierStatus.Qualified)
        {
            throw new DomainRuleException("Review.AlreadyQualified");
        }

        var suggested = ReviewMethodRule.Suggest(supplier.Category, risk, supplier.IsLocal);
        var review = new QualificationReview
        {
            SupplierId = supplier.Id,
            Supplier = supplier,
            Risk = risk,
            Method = suggested,
            SuggestedMethod = suggested,
            ReviewerId = reviewerId,
            ReviewerName = reviewerName,
            StartedUtc = nowUtc,
        };
        review.ResetChecklist();

        // A new or returning supplier is under review while the review runs.
        if (supplier.Status is SupplierStatus.Prospect or SupplierStatus.Terminated)
        {
            supplier.ChangeStatus(SupplierStatus.UnderReview, StartReason, reviewerName, nowUtc);
        }

        return review;
    }

    /// <summary>The supplier-service head may choose the other method, with a reason.</summary>
    public void OverrideMethod(ReviewMethod method, string reason, string headName)
    {
        EnsureStatus(ReviewStatus.InProgress);
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainRuleException("Review.OverrideNeedsReason");
        }

        _method = method;
        _methodOverrideReason = reason.Trim();
        _methodOverriddenBy = headName;
        ResetChecklist();
    }

    /// <summary>Marks a requested document provided or not, with a note; only while the review is in progress.</summary>
    public void RecordDocument(ReviewDocumentType type, bool provided, string? note)
    {
        var item = Document(type);
        item.Provided = provided;
        item.Note = note;
    }

    /// <summary>An uploaded copy of a requested document: it is provided.</summary>
    public void AttachDocument(ReviewDocumentType type, int fileId)
    {
        var item = Document(type);
        item.FileId = fileId;
        item.Provided = true;
    }

    /// <summary>Scores one factory item (0–100, or null to clear it) with the finding; only while the review is in progress.</summary>
    public void RecordScore(FactoryItem factoryItem, int? score, string? finding)
    {
        if (score is < 0 or > 100)
        {
            throw new DomainRuleException("Review.ScoreOutOfRange");
        }

        var item = Score(factoryItem);
        item.Score = score;
        item.Finding = finding;
    }

    public void AddPhoto(FactoryItem factoryItem, int fileId)
    {
        var item = Score(factoryItem);
        item.PhotoFileIds = string.IsNullOrEmpty(item.PhotoFileIds) ? fileId.ToString(CultureInfo.InvariantCulture) : string.Create(CultureInfo.InvariantCulture, $"{item.PhotoFileIds},{fileId}");
    }

    /// <summary>What still blocks submission, as message keys (empty when the review can be submitted).</summary>
    public IReadOnlyList<string> MissingForSubmission()
    {
        var missing = new List<string>();
        if (Method == ReviewMethod.Document && Documents.Any(d => !d.Provided || d.FileId is null))
        {
            missing.Add("Review.DocumentsMissing");
        }

        if (Method == ReviewMethod.OnSite && Scores.Any(s => s.Score is null))
        {
            missing.Add("Review.ScoresMissing");
        }

        return missing;
    }

    /// <summary>The average of the five on-site items (0–100), when all are scored.</summary>
    public decimal? OnSiteAverage => Scores.Count > 0 && Scores.All(s => s.Score is not null)
        ? decimal.Round(Scores.Average(s => (decimal)s.Score!.Value), 1)
        : null;

    /// <summary>The reviewer's recommendation: all documents in, or on-site items averaging the pass score with none under 50.</summary>
    public bool Recommends => Method == ReviewMethod.Document
        ? Documents.All(d => d.Provided && d.FileId is not null)
        : OnSiteAverage >= OnSitePassScore && Scores.All(s => s.Score >= 50);

    public void Submit(DateTime nowUtc)
    {
        EnsureStatus(ReviewStatus.InProgress);
        var missing = MissingForSubmission();
        if (missing.Count > 0)
        {
            throw new DomainRuleException(missing[0]);
        }

        _status = ReviewStatus.AwaitingVerdict;
        _submittedUtc = nowUtc;
    }

    /// <summary>
    /// 判定合格: decided by a supplier-service head who did not do the review (no self-approval).
    /// A qualified verdict qualifies the supplier.
    /// </summary>
    public void Decide(bool qualified, string headId, string headName, string? note, bool scheduleSpotChecks, DateTime nowUtc)
    {
        EnsureStatus(ReviewStatus.AwaitingVerdict);
        if (headId == ReviewerId)
        {
            throw new DomainRuleException("Review.SelfApproval");
        }

        if (!qualified && string.IsNullOrWhiteSpace(note))
        {
            throw new DomainRuleException("Review.RejectionNeedsReason");
        }

        _status = qualified ? ReviewStatus.Qualified : ReviewStatus.Rejected;
        _verdictById = headId;
        _verdictByName = headName;
        _verdictUtc = nowUtc;
        _verdictNote = note?.Trim();
        _spotChecksScheduled = qualified && scheduleSpotChecks;
        if (qualified && Supplier is not null)
        {
            Supplier.Qualify(string.IsNullOrWhiteSpace(note) ? QualifiedReason : note.Trim(), headName, nowUtc);
        }
        else if (!qualified && Supplier is { Status: SupplierStatus.UnderReview })
        {
            // A rejected supplier goes back to prospect: it may be reviewed again later.
            Supplier.ChangeStatus(SupplierStatus.Prospect, note, headName, nowUtc);
        }
    }

    private void ResetChecklist()
    {
        // The lists are replaced in place: EF tracks the removed items as deletions.
        Documents.Clear();
        Scores.Clear();
        if (Method == ReviewMethod.Document)
        {
            Documents.AddRange(Enum.GetValues<ReviewDocumentType>().Select(t => new ReviewDocumentItem { Type = t }));
        }
        else
        {
            Scores.AddRange(Enum.GetValues<FactoryItem>().Select(i => new OnSiteScoreItem { Item = i }));
        }
    }

    private ReviewDocumentItem Document(ReviewDocumentType type)
    {
        EnsureStatus(ReviewStatus.InProgress);
        return Documents.FirstOrDefault(d => d.Type == type) ?? throw new DomainRuleException("Review.NotFound");
    }

    private OnSiteScoreItem Score(FactoryItem factoryItem)
    {
        EnsureStatus(ReviewStatus.InProgress);
        return Scores.FirstOrDefault(s => s.Item == factoryItem) ?? throw new DomainRuleException("Review.NotFound");
    }

    private void EnsureStatus(ReviewStatus expected)
    {
        if (Status != expected)
        {
            throw new DomainRuleException(expected switch
            {
                ReviewStatus.InProgress => "Review.NotInProgress",
                _ => "Review.NotAwaitingVerdict",
            });
        }
    }
}

public sealed class ReviewDocumentItem : Entity
{
    public int QualificationReviewId { get; set; }

    public ReviewDocumentType Type { get; set; }

    public bool Provided { get; set; }

    public int? FileId { get; set; }

    public string? Note { get; set; }
}

public sealed class OnSiteScoreItem : Entity
{
    public int QualificationReviewId { get; set; }

    public FactoryItem Item { get; set; }

    /// <summary>0–100.</summary>
    public int? Score { get; set; }

    public string? Finding { get; set; }

    /// <summary>Photo file ids, comma separated (a handful per item).</summary>
    public string? PhotoFileIds { get; set; }
}

/// <summary>
/// Which review method a supplier gets, by category and risk. Food, beauty &amp; health and high-risk
/// suppliers are visited (their factories decide safety); overseas suppliers and low/medium risk
/// in other categories are reviewed on documents. The head may override with a reason.
/// </summary>
public static class ReviewMethodRule
{
    public static ReviewMethod Suggest(SupplierCategory category, SupplierRisk risk, bool isLocal)
    {
        if (risk == SupplierRisk.High)
        {
            return ReviewMethod.OnSite;
        }

        if (!isLocal)
        {
            return ReviewMethod.Document;
        }

        return category is SupplierCategory.Food or SupplierCategory.BeautyHealth or SupplierCategory.ElectronicsAppliances || risk == SupplierRisk.Medium
            ? ReviewMethod.OnSite
            : ReviewMethod.Document;
    }

    /// <summary>Why <see cref="Suggest"/> chose its method, as a message key (the same order of rules).</summary>
    public static string Reason(SupplierCategory category, SupplierRisk risk, bool isLocal)
    {
        if (risk == SupplierRisk.High)
        {
            return "ReviewRule.HighRisk";
        }

        if (!isLocal)
        {
            return "ReviewRule.Overseas";
        }

        if (category is SupplierCategory.Food or SupplierCategory.BeautyHealth or SupplierCategory.ElectronicsAppliances)
        {
            return "ReviewRule.SafetyCategory";
        }

        return risk == SupplierRisk.Medium ? "ReviewRule.MediumRisk" : "ReviewRule.LowRisk";
    }
}

/// <summary>A scheduled monthly spot check (月檢抽驗) of a qualified supplier.</summary>
public sealed class MonthlySpotCheck : Entity
{
    public const int ResultMaxLength = 1000;

    public int SupplierId { get; private set; }

    public Supplier? Supplier { get; set; }

    /// <summary>The first day of the month the check is due in.</summary>
    public DateOnly Month { get; private set; }

    public int? QualificationReviewId { get; private set; }

    public SpotCheckStatus Status { get; private set; } = SpotCheckStatus.Scheduled;

    /// <summary>What the inspector found, or why the check was cancelled; the outcome itself is <see cref="Status"/>.</summary>
    public string? Result { get; private set; }

    public DateTime? CompletedUtc { get; private set; }

    /// <summary>The tier that asked for this check (a change to C), when a tier change scheduled it instead of a review.</summary>
    public SupplierTier? ScheduledForTier { get; private set; }

    /// <summary>The one check a tier with monthly spot checks (<see cref="Tiering.InspectionIntensity.MonthlySpotCheck"/>) asks for, in the given month.</summary>
    public static MonthlySpotCheck ForTier(int supplierId, SupplierTier tier, DateOnly month) =>
        new() { SupplierId = supplierId, ScheduledForTier = tier, Month = new DateOnly(month.Year, month.Month, 1) };

    /// <summary>Schedules the next <paramref name="months"/> monthly checks starting the month after <paramref name="from"/>.</summary>
    public static IEnumerable<MonthlySpotCheck> Schedule(int supplierId, int? reviewId, DateOnly from, int months = 3)
    {
        var first = new DateOnly(from.Year, from.Month, 1).AddMonths(1);
        return Enumerable.Range(0, months).Select(i => new MonthlySpotCheck { SupplierId = supplierId, QualificationReviewId = reviewId, Month = first.AddMonths(i) });
    }

    /// <summary>The spot check of the month was done: passed or failed, with the findings (if any); a corrected result replaces it.</summary>
    public void Complete(bool passed, string? findings, DateTime utc)
    {
        if (Status == SpotCheckStatus.Cancelled)
        {
            throw new DomainRuleException("SpotCheck.FollowUpNotScheduled");
        }

        Status = passed ? SpotCheckStatus.Passed : SpotCheckStatus.Failed;
        Result = Shorten(findings);
        CompletedUtc = utc;
    }

    /// <summary>The check is not done this month (the QA manager took it off the list), with the reason.</summary>
    public void Cancel(string? reason)
    {
        if (Status != SpotCheckStatus.Scheduled)
        {
            throw new DomainRuleException("SpotCheck.FollowUpNotScheduled");
        }

        Status = SpotCheckStatus.Cancelled;
        Result = Shorten(reason);
    }

    private static string? Shorten(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : text.Trim() is var t && t.Length > ResultMaxLength ? t[..ResultMaxLength] : t;
}

public enum SpotCheckStatus
{
    Scheduled,
    Passed,
    Failed,
    Cancelled,
}

/// <summary>One row of the seed's yearly table 近 3 年審查結果.</summary>
public sealed record ReviewYearSummary(int Year, int DocumentReviews, int OnSiteReviews, int Qualified, int SpotCheckedSuppliers)
{
    /// <summary>The methods are alternatives: reviewed = document + on-site.</summary>
    public int Reviewed => DocumentReviews + OnSiteReviews;

    /// <summary>Qualified ÷ reviewed, as a whole percentage (2018: 102 ÷ 104 = 98%).</summary>
    public int PassRatioPercent => Reviewed == 0 ? 0 : (int)Math.Round(100m * Qualified / Reviewed, MidpointRounding.AwayFromZero);
}
