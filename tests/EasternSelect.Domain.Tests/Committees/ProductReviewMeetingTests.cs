using EasternSelect.Domain.Committees;
using EasternSelect.Domain.Common;
using EasternSelect.Domain.Suppliers;

namespace EasternSelect.Domain.Tests.Committees;

public sealed class ProductReviewMeetingTests
{
    private static readonly DateTime Now = new(2020, 12, 15, 6, 0, 0, DateTimeKind.Utc);

    private static readonly DateOnly MeetingDay = new(2020, 12, 15);

    private static readonly CommitteeMember[] Members =
    [
        new() { UserId = "p1", DisplayName = "商品部 A", Department = CommitteeDepartment.Product },
        new() { UserId = "g1", DisplayName = "節目部 B", Department = CommitteeDepartment.Programme },
        new() { UserId = "c1", DisplayName = "型錄部 C", Department = CommitteeDepartment.Catalogue },
        new() { UserId = "q1", DisplayName = "品保部 D", Department = CommitteeDepartment.QualityAssurance },
    ];

    private static (ProductReviewMeeting Meeting, ProductProposal Proposal) MeetingWithProposal()
    {
        var meeting = new ProductReviewMeeting(MeetingDay);
        var proposal = new ProductProposal { ProductName = "保溫瓶", SupplierId = 1, ProposedPrice = 990m, SellingPoints = "保溫" };
        meeting.AddProposal(proposal);
        return (meeting, proposal);
    }

    private static void ScoreAll(ProductReviewMeeting meeting, ProductProposal proposal, int score)
    {
        foreach (var member in Members)
        {
            meeting.Score(proposal, member, score, score, score, score, null, Now);
        }
    }

    [Fact]
    public void CanSeeScores_BeforeOwnScore_IsFalseAfterOwnScoreOrClose_IsTrue()
    {
        var (meeting, proposal) = MeetingWithProposal();
        meeting.Score(proposal, Members[0], 80, 80, 80, 80, null, Now);

        Assert.False(meeting.CanSeeScores(proposal, "g1"));
        Assert.False(meeting.CanSeeScores(proposal, null));
        Assert.True(meeting.CanSeeScores(proposal, "p1"));

        ScoreAll(meeting, proposal, 80);
        meeting.CloseScoring("主席", Now);

        Assert.True(meeting.CanSeeScores(proposal, "someone-else"));
    }

    [Fact]
    public void Score_AfterCloseScoring_IsLocked()
    {
        var (meeting, proposal) = MeetingWithProposal();
        ScoreAll(meeting, proposal, 80);
        meeting.CloseScoring("主席", Now);

        var error = Assert.Throws<DomainRuleException>(() => meeting.Score(proposal, Members[0], 10, 10, 10, 10, null, Now));

        Assert.Equal("Committee.ScoringLocked", error.Key);
        Assert.Equal(80, proposal.Scores.Single(s => s.MemberUserId == "p1").Presentation);
    }

    [Fact]
    public void Score_SameMemberTwice_ReplacesItsScore()
    {
        var (meeting, proposal) = MeetingWithProposal();
        meeting.Score(proposal, Members[0], 50, 50, 50, 50, null, Now);
        meeting.Score(proposal, Members[0], 90, 90, 90, 90, "改", Now);

        Assert.Equal(90, Assert.Single(proposal.Scores).Quality);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(101)]
    public void Score_OutOfRange_IsRefused(int value)
    {
        var (meeting, proposal) = MeetingWithProposal();

        var error = Assert.Throws<DomainRuleException>(() => meeting.Score(proposal, Members[0], value, 50, 50, 50, null, Now));

        Assert.Equal("Committee.ScoreOutOfRange", error.Key);
        Assert.Empty(proposal.Scores);
    }

    [Fact]
    public void CloseScoring_ADepartmentMissing_IsRefused()
    {
        var (meeting, proposal) = MeetingWithProposal();
        foreach (var member in Members.Take(3))
        {
            meeting.Score(proposal, member, 80, 80, 80, 80, null, Now);
        }

        var error = Assert.Throws<DomainRuleException>(() => meeting.CloseScoring("主席", Now));

        Assert.Equal("Committee.DepartmentsMissing", error.Key);
        Assert.Equal([CommitteeDepartment.QualityAssurance], meeting.MissingDepartments().Single().Missing);
        Assert.Equal(ReviewMeetingStatus.Open, meeting.Status);
    }

    [Fact]
    public void ResultOf_WeightsPerCriterion_WeighsEachDepartmentAndAveragesDepartmentsEqually()
    {
        var (meeting, proposal) = MeetingWithProposal();
        meeting.Configure(MeetingDay, new ScoringWeights(40, 30, 20, 10), 70m);
        // Product: two members whose weighted scores are 100 and 60 → department 80.
        meeting.Score(proposal, Members[0], 100, 100, 100, 100, null, Now);
        meeting.Score(proposal, new CommitteeMember { UserId = "p2", DisplayName = "商品部 E", Department = CommitteeDepartment.Product }, 60, 60, 60, 60, null, Now);
        // Programme: 40×100 + 30×50 + 20×0 + 10×0 = 5500 / 100 = 55.
        meeting.Score(proposal, Members[1], 100, 50, 0, 0, null, Now);
        meeting.Score(proposal, Members[2], 70, 70, 70, 70, null, Now);
        meeting.Score(proposal, Members[3], 75, 75, 75, 75, null, Now);

        var result = meeting.ResultOf(proposal);

        Assert.Equal([80m, 55m, 70m, 75m], result.Departments.Select(d => d.Weighted));
        Assert.Equal(2, result.Departments[0].Members);
        Assert.Equal(70m, result.Overall);
        Assert.True(result.Passed);
    }

    [Fact]
    public void ResultOf_OverallBelowThreshold_DoesNotPass()
    {
        var (meeting, proposal) = MeetingWithProposal();
        meeting.Configure(MeetingDay, ScoringWeights.Equal, 80m);
        ScoreAll(meeting, proposal, 79);

        var result = meeting.ResultOf(proposal);

        Assert.Equal(79m, result.Overall);
        Assert.False(result.Passed);
    }

    [Theory]
    [InlineData(25, 25, 25, 24, "Committee.WeightsMustSum100")]
    [InlineData(110, -10, 0, 0, "Committee.WeightOutOfRange")]
    public void Configure_BadWeights_IsRefused(int a, int b, int c, int d, string key)
    {
        var (meeting, _) = MeetingWithProposal();

        var error = Assert.Throws<DomainRuleException>(() => meeting.Configure(MeetingDay, new ScoringWeights(a, b, c, d), 70m));

        Assert.Equal(key, error.Key);
        Assert.Equal(25, meeting.PresentationWeight);
    }

    [Fact]
    public void Decide_BeforeScoringClosed_IsRefused()
    {
        var (meeting, proposal) = MeetingWithProposal();
        ScoreAll(meeting, proposal, 90);

        var error = Assert.Throws<DomainRuleException>(() => meeting.Decide(proposal, CommitteeDecision.Approved, null, "主席", Now));

        Assert.Equal("Committee.ScoringStillOpen", error.Key);
    }

    [Fact]
    public void Decide_RejectWithoutConditions_IsRefusedWithConditionsAccepted()
    {
        var (meeting, proposal) = MeetingWithProposal();
        ScoreAll(meeting, proposal, 90);
        meeting.CloseScoring("主席", Now);

        var error = Assert.Throws<DomainRuleException>(() => meeting.Decide(proposal, CommitteeDecision.Rejected, " ", "主席", Now));
        meeting.Decide(proposal, CommitteeDecision.ReviseAndResubmit, "請補檢驗報告", "主席", Now);

        Assert.Equal("Committee.DecisionNeedsConditions", error.Key);
        Assert.Equal(CommitteeDecision.ReviseAndResubmit, proposal.Decision);
        Assert.Equal(ReviewMeetingStatus.Concluded, meeting.Status);
    }

    [Fact]
    public void Decide_ApproveBelowThreshold_NeedsConditions()
    {
        var (meeting, proposal) = MeetingWithProposal();
        ScoreAll(meeting, proposal, 50);
        meeting.CloseScoring("主席", Now);

        var error = Assert.Throws<DomainRuleException>(() => meeting.Decide(proposal, CommitteeDecision.Approved, null, "主席", Now));

        Assert.Equal("Committee.OverrideNeedsConditions", error.Key);
        Assert.Null(proposal.Decision);
    }

    [Fact]
    public void Decide_Twice_IsRefused()
    {
        var (meeting, proposal) = MeetingWithProposal();
        ScoreAll(meeting, proposal, 90);
        meeting.CloseScoring("主席", Now);
        meeting.Decide(proposal, CommitteeDecision.Approved, null, "主席", Now);

        var error = Assert.Throws<DomainRuleException>(() => meeting.Decide(proposal, CommitteeDecision.Rejected, "x", "主席", Now));

        Assert.Equal("Committee.AlreadyDecided", error.Key);
    }

    [Fact]
    public void ListApproved_NewProduct_IsCreatedPendingAtTheProposedPriceAndAwaitsPreInspection()
    {
        var meeting = new ProductReviewMeeting(MeetingDay);
        var proposal = new ProductProposal { ProductName = "新保溫瓶", SupplierId = 7, Channel = SalesChannel.Catalogue, ProposedPrice = 1280m, SellingPoints = "保溫" };
        meeting.AddProposal(proposal);
        ScoreAll(meeting, proposal, 90);
        meeting.CloseScoring("主席", Now);
        meeting.Decide(proposal, CommitteeDecision.Approved, null, "主席", Now);

        var product = proposal.ListApproved(new Supplier { Id = 7, Category = SupplierCategory.LeisureSmallAppliances }, "N0000001");

        Assert.Equal((ListingStatus.Pending, ApprovalListing.AwaitingPreInspection), (product.ListingStatus, proposal.ListingOutcome));
        Assert.Equal(("新保溫瓶", 1280m, SalesChannel.Catalogue, SupplierCategory.LeisureSmallAppliances), (product.Name, product.Price, product.Channel, product.Category));
    }

    [Theory]
    [InlineData(ListingStatus.Pending, null, ListingStatus.Pending, ApprovalListing.AwaitingPreInspection)]
    [InlineData(ListingStatus.Listed, null, ListingStatus.Listed, ApprovalListing.Listed)]
    [InlineData(ListingStatus.Delisted, ListingSide.SupplierService, ListingStatus.Listed, ApprovalListing.Listed)]
    [InlineData(ListingStatus.Delisted, null, ListingStatus.Listed, ApprovalListing.Listed)]
    [InlineData(ListingStatus.Delisted, ListingSide.QualityAssurance, ListingStatus.Delisted, ApprovalListing.AwaitingQaRelisting)]
    public void ListApproved_ExistingProduct_ListsOnlyWhenTheChecksAllow(ListingStatus before, ListingSide? delistedBy, ListingStatus after, ApprovalListing outcome)
    {
        var meeting = new ProductReviewMeeting(MeetingDay);
        var existing = new Product { Id = 3, Sku = "P0000003", Name = "舊保溫瓶", SupplierId = 7, ListingStatus = before, DelistedBy = delistedBy, DelistingReason = before == ListingStatus.Delisted ? "標示不符" : null };
        var proposal = new ProductProposal { ProductId = 3, Product = existing, ProductName = existing.Name, SupplierId = 7, Channel = SalesChannel.Tv, ProposedPrice = 990m, SellingPoints = "重新上架" };
        meeting.AddProposal(proposal);
        ScoreAll(meeting, proposal, 90);
        meeting.CloseScoring("主席", Now);
        meeting.Decide(proposal, CommitteeDecision.Approved, null, "主席", Now);

        var product = proposal.ListApproved(new Supplier { Id = 7 }, "N0000001");

        Assert.Same(existing, product);
        Assert.Equal((after, outcome), (product.ListingStatus, proposal.ListingOutcome));
    }

    [Fact]
    public void ListApprovedAndMarkListed_Rejected_AreRefused()
    {
        var (meeting, proposal) = MeetingWithProposal();
        ScoreAll(meeting, proposal, 90);
        meeting.CloseScoring("主席", Now);
        meeting.Decide(proposal, CommitteeDecision.Rejected, "價格過高", "主席", Now);

        Assert.Equal("Committee.NotApproved", Assert.Throws<DomainRuleException>(() => proposal.ListApproved(new Supplier(), "N1")).Key);
        Assert.Equal("Committee.NotApproved", Assert.Throws<DomainRuleException>(() => proposal.MarkListed(5)).Key);
        Assert.Null(proposal.ListedProductId);
    }

    [Fact]
    public void MarkListed_Approved_RemembersTheProduct()
    {
        var (meeting, proposal) = MeetingWithProposal();
        ScoreAll(meeting, proposal, 90);
        meeting.CloseScoring("主席", Now);
        meeting.Decide(proposal, CommitteeDecision.Approved, null, "主席", Now);

        proposal.MarkListed(42);

        Assert.Equal(42, proposal.ListedProductId);
    }

    [Fact]
    public void Configure_AfterScoringClosed_IsRefusedAndKeepsTheDateAndWeights()
    {
        var (meeting, proposal) = MeetingWithProposal();
        ScoreAll(meeting, proposal, 90);
        meeting.CloseScoring("主席", Now);

        var error = Assert.Throws<DomainRuleException>(() => meeting.Configure(new DateOnly(2020, 12, 20), new ScoringWeights(40, 30, 20, 10), 60m));

        Assert.Equal("Committee.ScoringLocked", error.Key);
        Assert.Equal((MeetingDay, 25, 70m), (meeting.MeetingDate, meeting.PresentationWeight, meeting.PassThreshold));
    }

    [Fact]
    public void Configure_WhileOpen_ChangesDateWeightsAndThreshold()
    {
        var (meeting, _) = MeetingWithProposal();

        meeting.Configure(new DateOnly(2020, 12, 22), new ScoringWeights(40, 30, 20, 10), 65m);

        Assert.Equal((new DateOnly(2020, 12, 22), 40, 30, 20, 10, 65m),
            (meeting.MeetingDate, meeting.PresentationWeight, meeting.SellingPointWeight, meeting.PriceWeight, meeting.QualityWeight, meeting.PassThreshold));
    }

    [Fact]
    public void Decide_ProposalOfAnotherMeeting_IsRefused()
    {
        var (meeting, proposal) = MeetingWithProposal();
        ScoreAll(meeting, proposal, 90);
        meeting.CloseScoring("主席", Now);
        var stranger = new ProductProposal { ProductName = "他案", SupplierId = 2, ProposedPrice = 10m, SellingPoints = "x" };

        var error = Assert.Throws<DomainRuleException>(() => meeting.Decide(stranger, CommitteeDecision.Approved, null, "主席", Now));

        Assert.Equal("Committee.NotFound", error.Key);
        Assert.Null(stranger.Decision);
    }

    [Fact]
    public void Score_MemberEffectiveOnlyAfterTheMeetingDate_IsRefused()
    {
        var (meeting, proposal) = MeetingWithProposal();
        var later = new CommitteeMember { UserId = "new-member", DisplayName = "新委員", Department = CommitteeDepartment.Product, EffectiveFrom = MeetingDay.AddDays(1) };

        var refused = Assert.Throws<DomainRuleException>(() => meeting.Score(proposal, later, 80, 80, 80, 80, null, Now));

        Assert.Equal("Committee.NotAMember", refused.Key);
        Assert.Empty(proposal.Scores);
    }

    [Fact]
    public void Score_MembershipEndedTheDayBeforeTheMeeting_IsRefusedEndingOnTheDayIsAllowed()
    {
        var (meeting, proposal) = MeetingWithProposal();
        var ended = new CommitteeMember { UserId = "old-member", DisplayName = "前委員", Department = CommitteeDepartment.Catalogue, EffectiveFrom = new DateOnly(2019, 1, 1) };
        ended.End(MeetingDay.AddDays(-1));
        var lastDay = new CommitteeMember { UserId = "leaving-member", DisplayName = "卸任委員", Department = CommitteeDepartment.Catalogue, EffectiveFrom = new DateOnly(2019, 1, 1) };
        lastDay.End(MeetingDay);

        Assert.Throws<DomainRuleException>(() => meeting.Score(proposal, ended, 80, 80, 80, 80, null, Now));
        meeting.Score(proposal, lastDay, 80, 80, 80, 80, null, Now);

        Assert.Equal(["leaving-member"], proposal.Scores.Select(s => s.MemberUserId).ToList());
    }
}
