using EasternSelect.Domain.Common;
using EasternSelect.Domain.Suppliers;
using EasternSelect.Domain.Tiering;

namespace EasternSelect.Domain.Tests.Tiering;

public sealed class TierProposalTests
{
    private static readonly DateTime Now = new(2026, 12, 7, 2, 0, 0, DateTimeKind.Utc);

    private static Supplier Supplier(SupplierTier tier = SupplierTier.B) => new() { Id = 11, Name = "分級測試有限公司", Status = SupplierStatus.Qualified, Tier = tier };

    private static TierProposal Proposal(SupplierTier from = SupplierTier.B, SupplierTier to = SupplierTier.A) =>
        new() { Id = 5, SupplierId = 11, CurrentTier = from, ProposedTier = to, Score = 88.5m };

    [Fact]
    public void Approve_Pending_MovesTheSupplierAndRecordsTheChangeWithTheProposal()
    {
        var supplier = Supplier();
        var proposal = Proposal();

        var change = proposal.Approve(supplier, "2026-11 評分 88.5", "qa.manager", Now);

        Assert.Equal(SupplierTier.A, supplier.Tier);
        Assert.Equal((ProposalDecision.Approved, "qa.manager", Now), (proposal.Decision, proposal.DecidedBy, proposal.DecidedUtc));
        Assert.Equal((SupplierTier.B, SupplierTier.A, 5, "qa.manager"), (change.From, change.To, change.TierProposalId, change.ApprovedBy));
        Assert.Same(change, Assert.Single(supplier.TierChanges));
    }

    [Fact]
    public void Approve_AlreadyApproved_IsRefusedAndChangesNothingTwice()
    {
        var supplier = Supplier();
        var proposal = Proposal();
        proposal.Approve(supplier, "第一次", "qa.manager", Now);

        var refused = Assert.Throws<DomainRuleException>(() => proposal.Approve(supplier, "第二次", "other.manager", Now.AddMinutes(1)));

        Assert.Equal("Tiering.AlreadyDecided", refused.Key);
        Assert.Equal("qa.manager", proposal.DecidedBy);
        Assert.Single(supplier.TierChanges);
    }

    [Fact]
    public void Approve_AfterReject_IsRefusedAndTheTierStays()
    {
        var supplier = Supplier();
        var proposal = Proposal();
        proposal.Reject("  供應商已提出改善計畫 ", "qa.manager", Now);

        var refused = Assert.Throws<DomainRuleException>(() => proposal.Approve(supplier, "理由", "qa.manager", Now));

        Assert.Equal("Tiering.AlreadyDecided", refused.Key);
        Assert.Equal((ProposalDecision.Rejected, "供應商已提出改善計畫"), (proposal.Decision, proposal.DecisionNote));
        Assert.Equal(SupplierTier.B, supplier.Tier);
        Assert.Empty(supplier.TierChanges);
    }

    [Fact]
    public void Reject_Twice_IsRefused()
    {
        var proposal = Proposal();
        proposal.Reject(null, "qa.manager", Now);

        Assert.Equal("Tiering.AlreadyDecided", Assert.Throws<DomainRuleException>(() => proposal.Reject("再次", "qa.manager", Now)).Key);
        Assert.Null(proposal.DecisionNote);
    }

    [Fact]
    public void Approve_SupplierTierChangedSinceTheEvaluation_IsRefusedAndStaysPending()
    {
        var supplier = Supplier(SupplierTier.C);
        var proposal = Proposal(from: SupplierTier.B, to: SupplierTier.A);

        var refused = Assert.Throws<DomainRuleException>(() => proposal.Approve(supplier, "理由", "qa.manager", Now));

        Assert.Equal("Tiering.TierChangedSince", refused.Key);
        Assert.Equal(ProposalDecision.Pending, proposal.Decision);
        Assert.Equal(SupplierTier.C, supplier.Tier);
    }

    [Fact]
    public void ChangeTier_ToTheCurrentTier_IsRefused()
    {
        var supplier = Supplier(SupplierTier.A);

        Assert.Equal("Tiering.TierUnchanged", Assert.Throws<DomainRuleException>(() => supplier.ChangeTier(SupplierTier.A, "理由", "qa.manager", Now)).Key);
        Assert.Empty(supplier.TierChanges);
    }
}
