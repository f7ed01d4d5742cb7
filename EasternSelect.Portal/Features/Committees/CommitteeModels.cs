using EasternSelect.Domain.Committees;
using EasternSelect.Domain.Suppliers;

namespace EasternSelect.Portal.Features.Committees;

public sealed record ReviewMeetingRow(int Id, DateOnly MeetingDate, ReviewMeetingStatus Status, int Proposals, int Decided);

public sealed record ProposalScoreView(string MemberUserId, string MemberName, CommitteeDepartment Department, int Presentation, int SellingPoint, int Price, int Quality,
    decimal Weighted, string? Comment, DateTime SubmittedUtc);

public sealed record ProposalView(
    int Id, int? ProductId, string ProductName, bool IsNewProduct, int SupplierId, string SupplierName, SalesChannel Channel, decimal ProposedPrice,
    string SellingPoints, int? SamplePreInspectionId, string? SamplePreInspectionResult, string SubmittedByName, DateTime SubmittedUtc,
    CommitteeDecision? Decision, string? DecisionConditions, string? DecidedByName, DateTime? DecidedUtc, int? ListedProductId,
    ProposalScoreView? MyScore, bool ScoresVisible, IReadOnlyList<ProposalScoreView> Scores, ProposalResult? Result,
    IReadOnlyList<CommitteeDepartment> ScoredDepartments, ApprovalListing? ListingOutcome = null);

public sealed record ReviewMeetingDetail(
    int Id, Guid Version, DateOnly MeetingDate, ReviewMeetingStatus Status, ScoringWeights Weights, decimal PassThreshold, string? ChairName,
    DateTime? ScoringClosedUtc, CommitteeDepartment? MyDepartment, IReadOnlyList<ProposalView> Proposals);

public sealed class ReviewMeetingForm
{
    public DateTime? MeetingDate { get; set; }

    public int Presentation { get; set; } = 25;

    public int SellingPoint { get; set; } = 25;

    public int Price { get; set; } = 25;

    public int Quality { get; set; } = 25;

    public decimal PassThreshold { get; set; } = 70m;

    public Guid Version { get; set; }
}

public sealed class ProposalForm
{
    /// <summary>True proposes an existing product (<see cref="ProductId"/>); false a new one (<see cref="NewProductName"/>).</summary>
    public bool ExistingProduct { get; set; } = true;

    public int? ProductId { get; set; }

    public string? NewProductName { get; set; }

    public int? SupplierId { get; set; }

    public SalesChannel Channel { get; set; } = SalesChannel.Tv;

    public decimal? ProposedPrice { get; set; }

    public string? SellingPoints { get; set; }

    public int? SamplePreInspectionId { get; set; }

    public string? SamplePreInspectionResult { get; set; }
}

public sealed class ScoreForm
{
    public int? Presentation { get; set; }

    public int? SellingPoint { get; set; }

    public int? Price { get; set; }

    public int? Quality { get; set; }

    public string? Comment { get; set; }
}

public sealed class DecisionForm
{
    public CommitteeDecision? Decision { get; set; }

    public string? Conditions { get; set; }

    public Guid Version { get; set; }
}

public sealed record SupplierPick(int Id, string Name);

public sealed record MinutesAttendee(string Name, CommitteeDepartment? Department, bool Chair);

public sealed record MinutesProposal(
    int Number, int ProposalId, string ProductName, bool IsNewProduct, string SupplierName, SalesChannel Channel, decimal ProposedPrice, string SellingPoints,
    string? SamplePreInspectionResult, string SubmittedByName, IReadOnlyList<ProposalScoreView> Scores, IReadOnlyList<DepartmentResult> Departments,
    decimal? Overall, bool Passed, CommitteeDecision? Decision, string? DecisionConditions, string? DecidedByName);

/// <summary>
/// 會議紀錄 of a product-review meeting as plain data, for the printable page and the report engine.
/// While scoring is open the scores are left out (<see cref="ScoresFinal"/> is false): the minutes never leak them early.
/// </summary>
public sealed record ProductReviewMinutes(
    int MeetingId, DateOnly MeetingDate, ReviewMeetingStatus Status, string? ChairName, ScoringWeights Weights, decimal PassThreshold, bool ScoresFinal,
    IReadOnlyList<MinutesAttendee> Attendees, IReadOnlyList<MinutesProposal> Proposals);
