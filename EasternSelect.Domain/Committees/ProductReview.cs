using EasternSelect.Domain.Common;
using EasternSelect.Domain.Suppliers;

namespace EasternSelect.Domain.Committees;

/// <summary>The four departments of the 商品審議委員會 (商品部、節目部、型錄部、品保部).</summary>
public enum CommitteeDepartment
{
    Product,
    Programme,
    Catalogue,
    QualityAssurance,
}

/// <summary>The four topics each department scores (節目呈現、賣點、價格、品質).</summary>
public enum ScoreCriterion
{
    Presentation,
    SellingPoint,
    Price,
    Quality,
}

public enum ReviewMeetingStatus
{
    /// <summary>Proposals are added and members score.</summary>
    Open,

    /// <summary>The chair closed scoring: scores are locked, the chair records decisions.</summary>
    ScoringClosed,

    /// <summary>Every proposal has a decision.</summary>
    Concluded,
}

public enum CommitteeDecision
{
    Approved,
    Rejected,
    ReviseAndResubmit,
}

/// <summary>What an approval did to the product: listed it, or left it waiting for its pre-inspection or for the QA manager.</summary>
public enum ApprovalListing
{
    Listed,

    /// <summary>核准，待樣品預檢: lists itself when its sample pre-inspection passes.</summary>
    AwaitingPreInspection,

    /// <summary>QA delisted the product: only the QA manager relists it.</summary>
    AwaitingQaRelisting,
}

/// <summary>A committee member: a portal user and the department it scores for (data on the member, not a role).</summary>
public sealed class CommitteeMember : AggregateRoot
{
    public string UserId { get; set; } = string.Empty;

    public string DisplayName { get; set; } = string.Empty;

    public CommitteeDepartment Department { get; set; }

    public bool Active { get; set; } = true;

    /// <summary>The first Taiwan day the member sits on the committee.</summary>
    public DateOnly EffectiveFrom { get; set; }

    /// <summary>The last Taiwan day of the membership; null while it runs. Ended memberships stay as history.</summary>
    public DateOnly? EffectiveTo { get; set; }

    /// <summary>Whether the member sits on the committee on a (meeting's) Taiwan day.</summary>
    public bool IsEffectiveOn(DateOnly day) => Active && EffectiveFrom <= day && (EffectiveTo is null || day <= EffectiveTo);

    /// <summary>Whether two memberships of one person share a day (a person belongs to one department at a time).</summary>
    public bool Overlaps(DateOnly from, DateOnly? to) =>
        Active && EffectiveFrom <= (to ?? DateOnly.MaxValue) && from <= (EffectiveTo ?? DateOnly.MaxValue);

    /// <summary>Ends the membership on <paramref name="lastDay"/>; the row stays so past meetings keep their members.</summary>
    public void End(DateOnly lastDay)
    {
        if (EffectiveTo is not null && EffectiveTo <= lastDay)
        {
            throw new DomainRuleException("Committee.Members.AlreadyEnded");
        }

        if (lastDay < EffectiveFrom)
        {
            throw new DomainRuleException("Committee.Members.EndBeforeStart");
        }

        EffectiveTo = lastDay;
    }
}

/// <summary>How one meeting weighs the four criteria and where it sets the pass line (both configurable per meeting).</summary>
public sealed record ScoringWeights(int Presentation, int SellingPoint, int Price, int Quality)
{
    public const int MaxScore = 100;

    public static readonly ScoringWeights Equal = new(25, 25, 25, 25);

    public int Total => Presentation + SellingPoint + Price + Quality;

    public int For(ScoreCriterion criterion) => criterion switch
    {
        ScoreCriterion.Presentation => Presentation,
        ScoreCriterion.SellingPoint => SellingPoint,
        ScoreCriterion.Price => Price,
        _ => Quality,
    };

    /// <summary>A resource key when the weights are unusable: each 0–100 and summing to 100.</summary>
    public string? Validate()
    {
        int[] all = [Presentation, SellingPoint, Price, Quality];
        if (all.Any(w => w is < 0 or > 100))
        {
            return "Committee.WeightOutOfRange";
        }

        return Total == 100 ? null : "Committee.WeightsMustSum100";
    }

    /// <summary>The weighted score (0–100) of one member's four scores.</summary>
    public decimal Weigh(int presentation, int sellingPoint, int price, int quality) =>
        Math.Round(((decimal)(presentation * Presentation) + (sellingPoint * SellingPoint) + (price * Price) + (quality * Quality)) / Total, 2);
}

/// <summary>A month's 商品審議委員會 meeting: its agenda of proposals, its weights and pass threshold, and the scoring state.</summary>
public sealed class ProductReviewMeeting : AggregateRoot
{
    public ProductReviewMeeting(DateOnly meetingDate)
    {
        MeetingDate = meetingDate;
    }

    // For EF.
    private ProductReviewMeeting()
    {
    }

    public DateOnly MeetingDate { get; private set; }

    public ReviewMeetingStatus Status { get; private set; } = ReviewMeetingStatus.Open;

    public int PresentationWeight { get; private set; } = 25;

    public int SellingPointWeight { get; private set; } = 25;

    public int PriceWeight { get; private set; } = 25;

    public int QualityWeight { get; private set; } = 25;

    /// <summary>The overall weighted score (0–100) a proposal needs to pass.</summary>
    public decimal PassThreshold { get; private set; } = 70m;

    public string? ChairName { get; private set; }

    public DateTime? ScoringClosedUtc { get; private set; }

    public List<ProductProposal> Proposals { get; } = [];

    public ScoringWeights Weights => new(PresentationWeight, SellingPointWeight, PriceWeight, QualityWeight);

    public static string? ValidateThreshold(decimal threshold) => threshold is < 0 or > ScoringWeights.MaxScore ? "Committee.ThresholdOutOfRange" : null;

    /// <summary>Sets the date, weights and pass line; only while scoring is open, so no score is weighed twice differently.</summary>
    public void Configure(DateOnly meetingDate, ScoringWeights weights, decimal passThreshold)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (Status != ReviewMeetingStatus.Open)
        {
            throw new DomainRuleException("Committee.ScoringLocked");
        }

        var error = weights.Validate() ?? ValidateThreshold(passThreshold);
        if (error is not null)
        {
            throw new DomainRuleException(error);
        }

        MeetingDate = meetingDate;
        (PresentationWeight, SellingPointWeight, PriceWeight, QualityWeight) = (weights.Presentation, weights.SellingPoint, weights.Price, weights.Quality);
        PassThreshold = passThreshold;
    }

    public void AddProposal(ProductProposal proposal)
    {
        if (Status != ReviewMeetingStatus.Open)
        {
            throw new DomainRuleException("Committee.MeetingNotOpen");
        }

        Proposals.Add(proposal);
    }

    /// <summary>Records or replaces a member's scores of one proposal, only while scoring is open.</summary>
    public ProposalScore Score(ProductProposal proposal, CommitteeMember member, int presentation, int sellingPoint, int price, int quality, string? comment, DateTime utc)
    {
        if (Status != ReviewMeetingStatus.Open)
        {
            throw new DomainRuleException("Committee.ScoringLocked");
        }

        if (!member.IsEffectiveOn(MeetingDate))
        {
            throw new DomainRuleException("Committee.NotAMember");
        }

        if (new[] { presentation, sellingPoint, price, quality }.Any(s => s is < 0 or > ScoringWeights.MaxScore))
        {
            throw new DomainRuleException("Committee.ScoreOutOfRange");
        }

        var score = proposal.Scores.FirstOrDefault(s => s.MemberUserId == member.UserId);
        if (score is null)
        {
            score = new ProposalScore { MemberUserId = member.UserId };
            proposal.Scores.Add(score);
        }

        score.MemberName = member.DisplayName;
        score.Department = member.Department;
        (score.Presentation, score.SellingPoint, score.Price, score.Quality) = (presentation, sellingPoint, price, quality);
        score.Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        score.SubmittedUtc = utc;
        return score;
    }

    /// <summary>The departments that have not scored each proposal yet (closing needs none).</summary>
    public IReadOnlyList<(ProductProposal Proposal, IReadOnlyList<CommitteeDepartment> Missing)> MissingDepartments() =>
        Proposals.Select(p => (p, (IReadOnlyList<CommitteeDepartment>)Enum.GetValues<CommitteeDepartment>().Where(d => p.Scores.All(s => s.Department != d)).ToList()))
            .Where(x => x.Item2.Count > 0).ToList();

    /// <summary>The chair closes scoring: from now on scores are locked and everyone may see them.</summary>
    public void CloseScoring(string chairName, DateTime utc)
    {
        if (Status != ReviewMeetingStatus.Open)
        {
            throw new DomainRuleException("Committee.ScoringLocked");
        }

        if (Proposals.Count == 0)
        {
            throw new DomainRuleException("Committee.NoProposals");
        }

        if (MissingDepartments().Count > 0)
        {
            throw new DomainRuleException("Committee.DepartmentsMissing");
        }

        Status = ReviewMeetingStatus.ScoringClosed;
        ChairName = chairName;
        ScoringClosedUtc = utc;
    }

    /// <summary>
    /// Whether a person may see the other members' scores of a proposal: once its own score is in, or once
    /// scoring is closed. Until then nobody (the chair included) sees them, so nobody scores by anchoring on others.
    /// </summary>
    public bool CanSeeScores(ProductProposal proposal, string? userId) =>
        Status != ReviewMeetingStatus.Open || (userId is not null && proposal.Scores.Any(s => s.MemberUserId == userId));

    public ProposalResult ResultOf(ProductProposal proposal) => ProposalResult.Compute(proposal.Scores, Weights, PassThreshold);

    /// <summary>
    /// The chair's decision, after scoring is closed. Rejecting or asking for a revision needs conditions (the reasons);
    /// approving a proposal under the pass threshold needs conditions too (why the committee overrides the score).
    /// </summary>
    public void Decide(ProductProposal proposal, CommitteeDecision decision, string? conditions, string chairName, DateTime utc)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        if (Status == ReviewMeetingStatus.Open)
        {
            throw new DomainRuleException("Committee.ScoringStillOpen");
        }

        if (!Proposals.Contains(proposal))
        {
            throw new DomainRuleException("Committee.NotFound");
        }

        if (proposal.Decision is not null)
        {
            throw new DomainRuleException("Committee.AlreadyDecided");
        }

        var needsConditions = decision != CommitteeDecision.Approved || !ResultOf(proposal).Passed;
        if (needsConditions && string.IsNullOrWhiteSpace(conditions))
        {
            throw new DomainRuleException(decision == CommitteeDecision.Approved ? "Committee.OverrideNeedsConditions" : "Committee.DecisionNeedsConditions");
        }

        proposal.RecordDecision(decision, string.IsNullOrWhiteSpace(conditions) ? null : conditions.Trim(), chairName, utc);
        ChairName = chairName;
        if (Proposals.All(p => p.Decision is not null))
        {
            Status = ReviewMeetingStatus.Concluded;
        }
    }
}

/// <summary>A merchandiser's proposal of a product (existing, or new and not yet listed) to a meeting's agenda.</summary>
public sealed class ProductProposal : Entity
{
    public int MeetingId { get; set; }

    /// <summary>The existing product, or null for a new one described by the name below.</summary>
    public int? ProductId { get; set; }

    public Product? Product { get; set; }

    public string ProductName { get; set; } = string.Empty;

    public int SupplierId { get; set; }

    public Supplier? Supplier { get; set; }

    public SalesChannel Channel { get; set; }

    public decimal ProposedPrice { get; set; }

    public string SellingPoints { get; set; } = string.Empty;

    /// <summary>The sample pre-inspection (樣品預先檢驗) record, when there is one; the entity is built elsewhere.</summary>
    public int? SamplePreInspectionId { get; set; }

    public string? SamplePreInspectionResult { get; set; }

    public string SubmittedById { get; set; } = string.Empty;

    public string SubmittedByName { get; set; } = string.Empty;

    public DateTime SubmittedUtc { get; set; }

    public CommitteeDecision? Decision { get; private set; }

    public string? DecisionConditions { get; private set; }

    public string? DecidedByName { get; private set; }

    public DateTime? DecidedUtc { get; private set; }

    /// <summary>The product of an approval (the new product created, or the existing one); listed or waiting, see <see cref="ListingOutcome"/>.</summary>
    public int? ListedProductId { get; private set; }

    /// <summary>What the approval did to the product's listing (null before an approval).</summary>
    public ApprovalListing? ListingOutcome { get; private set; }

    public List<ProposalScore> Scores { get; } = [];

    /// <summary>Remembers the product an approval listed (its id exists only once the new product is saved).</summary>
    public void MarkListed(int productId)
    {
        if (Decision != CommitteeDecision.Approved)
        {
            throw new DomainRuleException("Committee.NotApproved");
        }

        ListedProductId = productId;
    }

    internal void RecordDecision(CommitteeDecision decision, string? conditions, string chairName, DateTime utc)
    {
        Decision = decision;
        DecisionConditions = conditions;
        DecidedByName = chairName;
        DecidedUtc = utc;
    }

    /// <summary>
    /// Lists the approved product when the checks allow: a new product is created pending and lists itself when its sample
    /// pre-inspection passes; an existing pending one waits the same way; a supplier-side delisting is relisted, a QA delisting waits for the QA manager.
    /// <see cref="ListingOutcome"/> records which.
    /// </summary>
    public Product ListApproved(Supplier supplier, string newSku)
    {
        ArgumentNullException.ThrowIfNull(supplier);
        if (Decision != CommitteeDecision.Approved)
        {
            throw new DomainRuleException("Committee.NotApproved");
        }

        var product = Product ?? new Product { Sku = newSku, Name = ProductName, SupplierId = supplier.Id, Category = supplier.Category };
        product.Channel = Channel;
        product.Price = ProposedPrice;
        if (product.ListingStatus == ListingStatus.Delisted && product.DelistedBy != ListingSide.QualityAssurance)
        {
            product.Relist(ListingSide.SupplierService);
        }

        ListingOutcome = product.ListingStatus switch
        {
            ListingStatus.Listed => ApprovalListing.Listed,
            ListingStatus.Pending => ApprovalListing.AwaitingPreInspection,
            _ => ApprovalListing.AwaitingQaRelisting,
        };
        return product;
    }
}

/// <summary>One member's scores of one proposal (the record the seed report says is kept in the system).</summary>
public sealed class ProposalScore : Entity
{
    public int ProposalId { get; set; }

    public string MemberUserId { get; set; } = string.Empty;

    public string MemberName { get; set; } = string.Empty;

    public CommitteeDepartment Department { get; set; }

    public int Presentation { get; set; }

    public int SellingPoint { get; set; }

    public int Price { get; set; }

    public int Quality { get; set; }

    public string? Comment { get; set; }

    public DateTime SubmittedUtc { get; set; }
}

/// <summary>A department's averages: each criterion, and the weighted score of its members.</summary>
public sealed record DepartmentResult(CommitteeDepartment Department, int Members, decimal Presentation, decimal SellingPoint, decimal Price, decimal Quality, decimal Weighted);

/// <summary>
/// A proposal's weighted score per department (the average of its members' weighted scores) and overall
/// (the average of the departments that scored, each department counting once however many members it sent).
/// </summary>
public sealed record ProposalResult(IReadOnlyList<DepartmentResult> Departments, decimal? Overall, bool Passed)
{
    public static ProposalResult Compute(IEnumerable<ProposalScore> scores, ScoringWeights weights, decimal passThreshold)
    {
        var departments = scores.GroupBy(s => s.Department).OrderBy(g => g.Key).Select(g => new DepartmentResult(
            g.Key, g.Count(),
            Average(g.Select(s => (decimal)s.Presentation)), Average(g.Select(s => (decimal)s.SellingPoint)),
            Average(g.Select(s => (decimal)s.Price)), Average(g.Select(s => (decimal)s.Quality)),
            Average(g.Select(s => weights.Weigh(s.Presentation, s.SellingPoint, s.Price, s.Quality))))).ToList();
        decimal? overall = departments.Count == 0 ? null : Average(departments.Select(d => d.Weighted));
        return new ProposalResult(departments, overall, overall >= passThreshold);
    }

    private static decimal Average(IEnumerable<decimal> values) => Math.Round(values.Average(), 2);
}
