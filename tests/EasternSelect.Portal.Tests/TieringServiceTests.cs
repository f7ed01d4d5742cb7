using EasternSelect.Data;
using EasternSelect.Data.Auditing;
using EasternSelect.Data.Queries;
using EasternSelect.Domain.Security;
using EasternSelect.Domain.Suppliers;
using EasternSelect.Domain.Tiering;
using EasternSelect.Portal.Features.Suppliers.Csr;
using EasternSelect.Portal.Features.Suppliers.Tiering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EasternSelect.Portal.Tests;

/// <summary>Monthly evaluations and decisions against the demo database (policy v1, 2020 records).</summary>
public sealed class TieringServiceTests(PortalFactoryFixture fixture) : IClassFixture<PortalFactoryFixture>
{
    private readonly IServiceProvider _services = fixture.Factory.Services;

    [Fact]
    public async Task RunEvaluation_December2020_ProposesExactlyTheSuppliersWhoseTierChanges()
    {
        await using var scope = TestScopes.As(_services, Roles.QaManager, out TieringService service);

        var result = await service.RunEvaluationAsync(new DateOnly(2020, 12, 1), CancellationToken.None);

        Assert.True(result.Result.Succeeded, string.Join(" ", result.Result.Errors));
        var expected = await ExpectedChangesAsync(new DateOnly(2020, 12, 1));
        var proposals = await service.ListProposalsAsync(result.Result.Id!.Value, CancellationToken.None);
        Assert.Equal(expected.OrderBy(e => e.Key), proposals.Select(p => KeyValuePair.Create(p.SupplierId, p.ProposedTier)).OrderBy(e => e.Key));
        Assert.All(proposals, p => Assert.NotEqual(p.CurrentTier, p.ProposedTier));
        Assert.All(proposals, p => Assert.Equal(ProposalDecision.Pending, p.Decision));
        Assert.Contains(proposals, p => p.ProposedTier < p.CurrentTier);
        Assert.Contains(proposals, p => p.ProposedTier > p.CurrentTier);
        Assert.InRange(proposals.Count, 2, 20);
        Assert.All(proposals.Where(p => p.Score < 100), p => Assert.NotEmpty(p.Reasons));
        Assert.Equal(0, result.Skipped);
        Assert.Equal(proposals.Count, result.Proposed);
    }

    [Fact]
    public async Task RunEvaluation_SameMonthTwice_SecondIsRefusedWithAMessage()
    {
        await using var scope = TestScopes.As(_services, Roles.QaManager, out TieringService service);
        var first = await service.RunEvaluationAsync(new DateOnly(2020, 9, 1), CancellationToken.None);

        var second = await service.RunEvaluationAsync(new DateOnly(2020, 9, 1), CancellationToken.None);

        Assert.True(first.Result.Succeeded);
        Assert.False(second.Result.Succeeded);
        Assert.Equal("Tiering.EvaluationExists|2020-09", second.Result.Errors.Single());
        Assert.Single(await service.ListEvaluationsAsync(CancellationToken.None), e => e.Month == new DateOnly(2020, 9, 1));
    }

    [Fact]
    public async Task RunEvaluation_UnfinishedMonth_IsRefused()
    {
        await using var scope = TestScopes.As(_services, Roles.QaManager, out TieringService service);

        var result = await service.RunEvaluationAsync(service.Today, CancellationToken.None);

        Assert.False(result.Result.Succeeded);
        Assert.Equal("Tiering.MonthNotEnded", result.Result.Errors.Single().Split('|')[0]);
        Assert.DoesNotContain(await service.ListEvaluationsAsync(CancellationToken.None), e => e.Month >= service.DefaultMonth.AddMonths(1));
    }

    [Fact]
    public async Task Approve_Proposal_AppliesTheTierAndWritesOneChangeWithTheApprover()
    {
        var proposal = await PendingProposalAsync(new DateOnly(2020, 11, 1), skip: 0);
        await using var scope = TestScopes.As(_services, Roles.QaManager, out TieringService service);

        var result = await service.ApproveAsync([proposal.Id], CancellationToken.None);

        Assert.True(result.Result.Succeeded, string.Join(" ", result.Result.Errors));
        Assert.Equal(1, result.Applied);
        await using var db = await NewContextAsync();
        Assert.Equal(proposal.ProposedTier, await db.Suppliers.Where(s => s.Id == proposal.SupplierId).Select(s => s.Tier).SingleAsync());
        var change = Assert.Single(await db.SupplierTierChanges.Where(c => c.TierProposalId == proposal.Id).ToListAsync());
        Assert.Equal((proposal.SupplierId, proposal.CurrentTier, proposal.ProposedTier, "qa.manager@demo.local"), (change.SupplierId, change.From, change.To, change.ApprovedBy));
        Assert.Contains("2020-11", change.Reason, StringComparison.Ordinal);
        var history = await service.SupplierTierHistoryAsync(proposal.SupplierId, CancellationToken.None);
        Assert.Equal(change.Id, history[0].Id);
        Assert.Equal(ProposalDecision.Approved, (await db.TierProposals.SingleAsync(p => p.Id == proposal.Id)).Decision);
    }

    [Fact]
    public async Task Approve_TwoManagersAtOnce_AppliesTheChangeOnce()
    {
        var proposal = await PendingProposalAsync(new DateOnly(2020, 11, 1), skip: 1);
        await using var first = TestScopes.As(_services, Roles.QaManager, out TieringService firstService);
        await using var second = TestScopes.As(_services, Roles.QaManager, out TieringService secondService);

        var results = await Task.WhenAll(
            firstService.ApproveAsync([proposal.Id], CancellationToken.None),
            secondService.ApproveAsync([proposal.Id], CancellationToken.None));

        Assert.Equal(1, results.Sum(r => r.Applied));
        Assert.Single(results, r => r.Result.Conflict);
        await using var db = await NewContextAsync();
        Assert.Single(await db.SupplierTierChanges.Where(c => c.TierProposalId == proposal.Id).ToListAsync());
    }

    [Fact]
    public async Task Reject_Proposal_ChangesNoTierAndKeepsTheNote()
    {
        var proposal = await PendingProposalAsync(new DateOnly(2020, 11, 1), skip: 2);
        await using var scope = TestScopes.As(_services, Roles.QaManager, out TieringService service);

        var result = await service.RejectAsync(proposal.Id, "  供應商已提出改善計畫  ", CancellationToken.None);
        var again = await service.ApproveAsync([proposal.Id], CancellationToken.None);

        Assert.True(result.Result.Succeeded);
        Assert.Equal(0, again.Applied);
        Assert.StartsWith("Tiering.AlreadyDecided|", again.Result.Errors.Single(), StringComparison.Ordinal);
        await using var db = await NewContextAsync();
        Assert.Equal(proposal.CurrentTier, await db.Suppliers.Where(s => s.Id == proposal.SupplierId).Select(s => s.Tier).SingleAsync());
        Assert.False(await db.SupplierTierChanges.AnyAsync(c => c.SupplierId == proposal.SupplierId));
        var stored = await db.TierProposals.SingleAsync(p => p.Id == proposal.Id);
        Assert.Equal((ProposalDecision.Rejected, "供應商已提出改善計畫", "qa.manager@demo.local"), (stored.Decision, stored.DecisionNote, stored.DecidedBy));
    }

    [Theory]
    [InlineData(Roles.QaInspector)]
    [InlineData(Roles.SupplierHead)]
    public async Task RunAndDecide_NotQaManager_AreRefused(string role)
    {
        var proposal = await PendingProposalAsync(new DateOnly(2020, 11, 1), skip: 3);
        await using var scope = TestScopes.As(_services, role, out TieringService service);

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => service.RunEvaluationAsync(new DateOnly(2020, 8, 1), CancellationToken.None));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => service.ApproveAsync([proposal.Id], CancellationToken.None));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => service.RejectAsync(proposal.Id, null, CancellationToken.None));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => service.SavePolicyAsync(new TierPolicyForm(), CancellationToken.None));
        Assert.NotNull(await service.ListEvaluationsAsync(CancellationToken.None));
        await using var db = await NewContextAsync();
        Assert.Equal(ProposalDecision.Pending, (await db.TierProposals.SingleAsync(p => p.Id == proposal.Id)).Decision);
    }

    private async Task<ProposalRow> PendingProposalAsync(DateOnly month, int skip)
    {
        await using var scope = TestScopes.As(_services, Roles.QaManager, out TieringService service);
        var evaluation = (await service.ListEvaluationsAsync(CancellationToken.None)).FirstOrDefault(e => e.Month == month);
        var id = evaluation?.Id ?? (await service.RunEvaluationAsync(month, CancellationToken.None)).Result.Id!.Value;
        return (await service.ListProposalsAsync(id, CancellationToken.None)).OrderBy(p => p.Id).Skip(skip).First();
    }

    /// <summary>Recomputes the month from the stored records, independently of the service's bulk loading.</summary>
    private async Task<Dictionary<int, SupplierTier>> ExpectedChangesAsync(DateOnly month)
    {
        await using var db = await NewContextAsync();
        var policy = await db.TierPolicies.OrderByDescending(p => p.VersionNumber).FirstAsync();
        var expected = new Dictionary<int, SupplierTier>();
        foreach (var supplier in await db.Suppliers.Where(s => s.Status == SupplierStatus.Qualified).ToListAsync())
        {
            var records = await db.SupplierMonthlyRecords.Where(r => r.SupplierId == supplier.Id && r.Month > month.AddMonths(-policy.LookbackMonths) && r.Month <= month).ToListAsync();
            foreach (var record in records)
            {
                // Shipped units and complaints are not stored on the record: the service puts the month's figures on it.
                var figure = (await OperatingFigures.SupplierComplaintRatesAsync(db, record.Month, record.Month, CancellationToken.None)).FirstOrDefault(f => f.Id == supplier.Id);
                (record.UnitsShipped, record.Complaints) = ((int)(figure?.UnitsShipped ?? 0), figure?.Complaints ?? 0);
            }

            var score = TierScoring.Score(policy, records, null);
            if (score.HasRecords && score.Tier != supplier.Tier)
            {
                expected[supplier.Id] = score.Tier;
            }
        }

        return expected;
    }

    private Task<PortalDbContext> NewContextAsync() =>
        Task.FromResult(_services.GetRequiredService<PortalDatabase>().Create(AuditActor.System));
}

/// <summary>Policy versions and CSR evaluations, on their own database so they do not move the evaluation tests' scores.</summary>
public sealed class TierPolicyAndCsrServiceTests(PortalFactoryFixture fixture) : IClassFixture<PortalFactoryFixture>
{
    private readonly IServiceProvider _services = fixture.Factory.Services;

    [Fact]
    public async Task SavePolicy_Edited_CreatesVersionNPlusOneAndLeavesVersionNIntact()
    {
        await using var scope = TestScopes.As(_services, Roles.QaManager, out TieringService service);
        var before = (await service.GetPolicyAsync(CancellationToken.None)).Current;
        var form = TierPolicyForm.From(before);
        form.ComplaintWeight = 25m;
        form.AMinimum = 88m;
        form.Note = "客訴加重";

        var result = await service.SavePolicyAsync(form, CancellationToken.None);

        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        var after = await service.GetPolicyAsync(CancellationToken.None);
        Assert.Equal(before.VersionNumber + 1, after.Current.VersionNumber);
        Assert.Equal((25m, 88m, "客訴加重", "qa.manager@demo.local"), (after.Current.ComplaintWeight, after.Current.AMinimum, after.Current.Note, after.Current.CreatedBy));
        var old = after.History.Single(p => p.VersionNumber == before.VersionNumber);
        Assert.Equal((before.ComplaintWeight, before.AMinimum, before.Note), (old.ComplaintWeight, old.AMinimum, old.Note));
    }

    [Fact]
    public async Task SavePolicy_StaleVersionOrBadThresholds_SavesNothing()
    {
        await using var scope = TestScopes.As(_services, Roles.QaManager, out TieringService service);
        var current = (await service.GetPolicyAsync(CancellationToken.None)).Current;
        var stale = TierPolicyForm.From(current);
        stale.BasedOnVersion = current.VersionNumber - 1;
        var disordered = TierPolicyForm.From(current);
        disordered.AMinimum = disordered.SelfInspectionMinimum;

        var staleResult = await service.SavePolicyAsync(stale, CancellationToken.None);
        var disorderedResult = await service.SavePolicyAsync(disordered, CancellationToken.None);

        Assert.True(staleResult.Conflict);
        Assert.Equal("Tiering.ThresholdsOutOfOrder", disorderedResult.Errors.Single());
        Assert.Equal(current.VersionNumber, (await service.GetPolicyAsync(CancellationToken.None)).Current.VersionNumber);
    }

    [Fact]
    public async Task SaveCsr_SameSupplierAndYearTwice_SecondIsRefused()
    {
        await using var scope = TestScopes.As(_services, Roles.SupplierOfficer, out CsrService service);
        var supplierId = await AnySupplierIdAsync(skip: 0);
        var form = new CsrForm { SupplierId = supplierId, Year = 2020, LabourScore = 90, EnvironmentScore = 80, EthicsScore = 70, SafetyScore = 60 };

        var first = await service.SaveAsync(form, CancellationToken.None);
        var second = await service.SaveAsync(new CsrForm { SupplierId = supplierId, Year = 2020, LabourScore = 10, EnvironmentScore = 10, EthicsScore = 10, SafetyScore = 10 }, CancellationToken.None);

        Assert.True(first.Succeeded, string.Join(" ", first.Errors));
        Assert.False(second.Succeeded);
        Assert.Equal("Csr.DuplicateYear|2020", second.Errors.Single());
        var row = Assert.Single((await service.GetAsync(supplierId, CancellationToken.None))!.Evaluations);
        Assert.Equal(75m, row.Score);
    }

    [Fact]
    public async Task SaveCsr_StaleEdit_IsAConflictAndLatestScoreFollowsTheNewestYear()
    {
        await using var scope = TestScopes.As(_services, Roles.QaManager, out CsrService service);
        var supplierId = await AnySupplierIdAsync(skip: 1);
        await service.SaveAsync(new CsrForm { SupplierId = supplierId, Year = 2019, LabourScore = 50, EnvironmentScore = 50, EthicsScore = 50, SafetyScore = 50 }, CancellationToken.None);
        await service.SaveAsync(new CsrForm { SupplierId = supplierId, Year = 2020, LabourScore = 80, EnvironmentScore = 80, EthicsScore = 80, SafetyScore = 80 }, CancellationToken.None);
        var loaded = (await service.GetAsync(supplierId, CancellationToken.None))!.Evaluations.Single(e => e.Year == 2020);
        var firstEdit = CsrForm.From(supplierId, loaded);
        firstEdit.SafetyScore = 100;
        var staleEdit = CsrForm.From(supplierId, loaded);
        staleEdit.SafetyScore = 0;

        var first = await service.SaveAsync(firstEdit, CancellationToken.None);
        var stale = await service.SaveAsync(staleEdit, CancellationToken.None);

        Assert.True(first.Succeeded);
        Assert.True(stale.Conflict);
        var latest = await service.LatestScoresAsync(2020, CancellationToken.None);
        Assert.Equal(85m, latest[supplierId]);
        Assert.Equal(50m, (await service.LatestScoresAsync(2019, CancellationToken.None))[supplierId]);
    }

    [Fact]
    public async Task SaveCsr_Merchandiser_IsRefused()
    {
        await using var scope = TestScopes.As(_services, Roles.Merchandiser, out CsrService service);
        var supplierId = await AnySupplierIdAsync(skip: 2);

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => service.SaveAsync(new CsrForm { SupplierId = supplierId, Year = 2020 }, CancellationToken.None));
        Assert.Empty((await service.GetAsync(supplierId, CancellationToken.None))!.Evaluations);
    }

    private async Task<int> AnySupplierIdAsync(int skip)
    {
        await using var db = _services.GetRequiredService<PortalDatabase>().Create(AuditActor.System);
        return await db.Suppliers.OrderBy(s => s.Id).Skip(skip).Select(s => s.Id).FirstAsync();
    }
}
