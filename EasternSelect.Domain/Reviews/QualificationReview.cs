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

    public ReviewMethod Method { get; set; }

    /// <summary>The method the rule suggested; differs from <see cref="Method"/> only with an override reason.</summary>
    public ReviewMethod SuggestedMethod { get; set; }

    public string? MethodOverrideReason { get; set; }

    public string? MethodOverriddenBy { get; set; }

    public SupplierRisk Risk { get; set; }

    public ReviewStatus Status { get; set; } = ReviewStatus.InProgress;

    public string ReviewerId { get; set; } = string.Empty;

    public string ReviewerName { get; set; } = string.Empty;

    public DateTime StartedUtc { get; set; }

    public DateTime? SubmittedUtc { get; set; }

    public string? Findings { get; set; }

    public string? VerdictById { get; set; }

    public string? VerdictByName { get; set; }

    public DateTime? VerdictUtc { get; set; }

    public string? VerdictNote { get; set; }

    /// <summary>Whether monthly spot checks (月檢抽驗) were scheduled with the verdict.</summary>
    public bool SpotChecksScheduled { get; set; }

    public List<ReviewDocumentItem> Documents { get; set; } = [];

    public List<OnSiteScoreItem> Scores { get; set; } = [];

    /// <summary>The year the review counts in for the yearly table: the verdict's year.</summary>
    public int? Year => VerdictUtc?.Year;

    public static QualificationReview Start(Supplier supplier, SupplierRisk risk, string reviewerId, string reviewerName, DateTime nowUtc)
    {
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
            throw new InvalidOperationException("Overriding the review method needs a reason.");
        }

        Method = method;
        MethodOverrideReason = reason.Trim();
        MethodOverriddenBy = headName;
        ResetChecklist();
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
            throw new InvalidOperationException("The review is incomplete: " + string.Join(", ", missing));
        }

        Status = ReviewStatus.AwaitingVerdict;
        SubmittedUtc = nowUtc;
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
            throw new SelfApprovalException();
        }

        if (!qualified && string.IsNullOrWhiteSpace(note))
        {
            throw new InvalidOperationException("A rejection needs a reason.");
        }

        Status = qualified ? ReviewStatus.Qualified : ReviewStatus.Rejected;
        VerdictById = headId;
        VerdictByName = headName;
        VerdictUtc = nowUtc;
        VerdictNote = note?.Trim();
        SpotChecksScheduled = qualified && scheduleSpotChecks;
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
        Documents = Method == ReviewMethod.Document
            ? Enum.GetValues<ReviewDocumentType>().Select(t => new ReviewDocumentItem { Type = t }).ToList()
            : [];
        Scores = Method == ReviewMethod.OnSite
            ? Enum.GetValues<FactoryItem>().Select(i => new OnSiteScoreItem { Item = i }).ToList()
            : [];
    }

    private void EnsureStatus(ReviewStatus expected)
    {
        if (Status != expected)
        {
            throw new InvalidOperationException($"The review is {Status}, not {expected}.");
        }
    }
}

public sealed class SelfApprovalException() : InvalidOperationException("The person who did the review cannot decide its verdict.");

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
