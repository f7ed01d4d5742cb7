using EasternSelect.Data;
using EasternSelect.Data.Auditing;
using EasternSelect.Domain.Common;
using EasternSelect.Data.Queries;
using EasternSelect.Domain.Inspections;
using EasternSelect.Domain.Reviews;
using EasternSelect.Domain.Sampling;
using EasternSelect.Domain.Security;
using EasternSelect.Domain.Suppliers;
using EasternSelect.Domain.Tiering;
using EasternSelect.Portal.Features.Inspections.Samples;
using EasternSelect.Portal.Features.Suppliers.Products;
using EasternSelect.Portal.Features.Suppliers.Tiering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EasternSelect.Portal.Tests;

/// <summary>Issue 14: a product lists only after its checks, and an approved tier change reaches the supplier's inspections. Each test builds its own rows.</summary>
public sealed class ListingAndTierEffectsTests(PortalFactoryFixture fixture) : IClassFixture<PortalFactoryFixture>
{
    private static int _nextTaxId = 93_100_000;
    private static int _nextMonth;

    private readonly IServiceProvider _services = fixture.Factory.Services;

    [Fact]
    public async Task Save_NewProduct_IsPending()
    {
        var id = await NewProductAsync();

        Assert.Equal(ListingStatus.Pending, (await ProductAsync(id)).ListingStatus);
    }

    [Fact]
    public async Task Confirm_PassedPreInspectionOfPendingProduct_ListsIt()
    {
        var productId = await NewProductAsync();
        int sampleId;
        Guid version;
        await using (var scope = TestScopes.As(_services, Roles.QaInspector, out SampleInspectionService inspector))
        {
            var started = await inspector.StartAsync(productId, new DateTime(2026, 1, 5), CancellationToken.None);
            Assert.True(started.Succeeded, string.Join(",", started.Errors));
            sampleId = started.Id!.Value;
            var sample = (await inspector.GetAsync(sampleId, CancellationToken.None))!;
            var submit = await inspector.SubmitAsync(sampleId, sample.Version, sample.Items.Select(i => new ItemEntry(i.Code, CheckResult.Pass, null)).ToList(), SampleVerdict.Pass, null, null, CancellationToken.None);
            Assert.True(submit.Succeeded, string.Join(",", submit.Errors));
            version = (await inspector.GetAsync(sampleId, CancellationToken.None))!.Version;
        }

        Assert.Equal(ListingStatus.Pending, (await ProductAsync(productId)).ListingStatus);
        await using var managerScope = TestScopes.As(_services, Roles.QaManager, out SampleInspectionService manager);
        var confirmed = await manager.ConfirmAsync(sampleId, version, CancellationToken.None);

        Assert.True(confirmed.Succeeded, string.Join(",", confirmed.Errors));
        Assert.Equal(ListingStatus.Listed, (await ProductAsync(productId)).ListingStatus);
    }

    [Fact]
    public async Task ListByException_QaManagerWithReason_ListsAndKeepsTheReason()
    {
        var productId = await NewProductAsync();
        await using var scope = TestScopes.As(_services, Roles.QaManager, out ProductEditService service);

        var noReason = await service.ListByExceptionAsync(productId, " ", (await ProductAsync(productId)).Version, CancellationToken.None);
        var listed = await service.ListByExceptionAsync(productId, "節目檔期已定，第三方報告下週補件", (await ProductAsync(productId)).Version, CancellationToken.None);

        var product = await ProductAsync(productId);
        Assert.Equal(["Product.ExceptionReasonRequired"], noReason.Errors);
        Assert.True(listed.Succeeded, string.Join(",", listed.Errors));
        Assert.Equal((ListingStatus.Listed, "節目檔期已定，第三方報告下週補件", "qa.manager@demo.local"),
            (product.ListingStatus, product.ListingExceptionReason, product.ListingExceptionBy));
        Assert.NotNull(product.ListingExceptionUtc);
    }

    [Fact]
    public async Task ListByException_SupplierOfficer_IsRefused()
    {
        var productId = await NewProductAsync();
        await using var scope = TestScopes.As(_services, Roles.SupplierOfficer, out ProductEditService service);

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => service.ListByExceptionAsync(productId, "理由", Guid.Empty, CancellationToken.None));
        Assert.Equal(ListingStatus.Pending, (await ProductAsync(productId)).ListingStatus);
    }

    [Fact]
    public async Task Relist_QaDelistedProduct_SupplierOfficerRefusedQaManagerRelists()
    {
        var productId = await NewProductAsync(ListingStatus.Listed);
        await using (var qa = TestScopes.As(_services, Roles.QaManager, out ProductEditService manager))
        {
            var delisted = await manager.DelistAsync(productId, "檢出塑化劑", new DateTime(2026, 3, 1), (await ProductAsync(productId)).Version, CancellationToken.None);
            Assert.True(delisted.Succeeded, string.Join(",", delisted.Errors));
        }

        Assert.Equal(ListingSide.QualityAssurance, (await ProductAsync(productId)).DelistedBy);
        await using (var officerScope = TestScopes.As(_services, Roles.SupplierOfficer, out ProductEditService officer))
        {
            var refused = await officer.RelistAsync(productId, (await ProductAsync(productId)).Version, CancellationToken.None);
            Assert.Equal(["Product.RelistNeedsQaManager"], refused.Errors);
        }

        Assert.Equal(ListingStatus.Delisted, (await ProductAsync(productId)).ListingStatus);
        await using var managerScope = TestScopes.As(_services, Roles.QaManager, out ProductEditService qaManager);
        var relisted = await qaManager.RelistAsync(productId, (await ProductAsync(productId)).Version, CancellationToken.None);

        Assert.True(relisted.Succeeded, string.Join(",", relisted.Errors));
        Assert.Equal(ListingStatus.Listed, (await ProductAsync(productId)).ListingStatus);
    }

    [Fact]
    public async Task Relist_SupplierSideDelisting_SupplierOfficerRelists()
    {
        var productId = await NewProductAsync(ListingStatus.Listed);
        await using var scope = TestScopes.As(_services, Roles.SupplierOfficer, out ProductEditService officer);

        var delisted = await officer.DelistAsync(productId, "廠商停產", new DateTime(2026, 3, 1), (await ProductAsync(productId)).Version, CancellationToken.None);
        var side = (await ProductAsync(productId)).DelistedBy;
        var relisted = await officer.RelistAsync(productId, (await ProductAsync(productId)).Version, CancellationToken.None);

        Assert.True(delisted.Succeeded && relisted.Succeeded, string.Join(",", delisted.Errors.Concat(relisted.Errors)));
        Assert.Equal(ListingSide.SupplierService, side);
        Assert.Equal(ListingStatus.Listed, (await ProductAsync(productId)).ListingStatus);
    }

    [Fact]
    public async Task Approve_AToC_TightensEveryStreamWithReasonTierChangeAndSchedulesTheSpotCheck()
    {
        var (supplierId, proposalId) = await SupplierWithProposalAsync(SupplierTier.A, SupplierTier.C);
        await using var scope = TestScopes.As(_services, Roles.QaManager, out TieringService service);

        var result = await service.ApproveAsync([proposalId], CancellationToken.None);

        Assert.True(result.Result.Succeeded, string.Join(",", result.Result.Errors));
        await using var db = NewContext();
        var streams = await db.InspectionStreams.AsNoTracking().Include(s => s.Transitions).Where(s => s.SupplierId == supplierId).ToListAsync();
        Assert.Equal(2, streams.Count);
        Assert.All(streams, s => Assert.Equal(InspectionSeverity.Tightened, s.Severity));
        Assert.All(streams, s => Assert.Equal((InspectionSeverity.Normal, InspectionSeverity.Tightened, SwitchReason.TierChange),
            (Assert.Single(s.Transitions).From, s.Transitions[0].To, s.Transitions[0].Reason)));
        var check = Assert.Single(await db.MonthlySpotChecks.AsNoTracking().Where(c => c.SupplierId == supplierId).ToListAsync());
        var today = _services.GetRequiredService<TimeProvider>().TaipeiToday();
        Assert.Equal((SupplierTier.C, SpotCheckStatus.Scheduled, 1), (check.ScheduledForTier, check.Status, check.Month.Day));
        Assert.True(check.Month > today, $"{check.Month} should be after {today}");
    }

    [Fact]
    public async Task Approve_BToA_RelaxesATightenedStreamAndSchedulesNoSpotCheck()
    {
        var (supplierId, proposalId) = await SupplierWithProposalAsync(SupplierTier.B, SupplierTier.A, streamTier: SupplierTier.C);
        await using var scope = TestScopes.As(_services, Roles.QaManager, out TieringService service);

        var result = await service.ApproveAsync([proposalId], CancellationToken.None);

        Assert.True(result.Result.Succeeded, string.Join(",", result.Result.Errors));
        await using var db = NewContext();
        var streams = await db.InspectionStreams.AsNoTracking().Include(s => s.Transitions).Where(s => s.SupplierId == supplierId).ToListAsync();
        Assert.All(streams, s => Assert.Equal(InspectionSeverity.Normal, s.Severity));
        Assert.All(streams, s => Assert.Equal((InspectionSeverity.Tightened, InspectionSeverity.Normal, SwitchReason.TierChange),
            (Assert.Single(s.Transitions).From, s.Transitions[0].To, s.Transitions[0].Reason)));
        Assert.False(await db.MonthlySpotChecks.AnyAsync(c => c.SupplierId == supplierId));
    }

    private async Task<int> NewProductAsync(ListingStatus? status = null)
    {
        await using var db = NewContext();
        var supplierId = await db.Suppliers.Where(s => s.Status == SupplierStatus.Qualified).OrderBy(s => s.Id).Select(s => s.Id).FirstAsync();
        if (status is null)
        {
            await using var scope = TestScopes.As(_services, Roles.SupplierOfficer, out ProductEditService service);
            var supplier = await PickerQueries.SupplierAsync(db, supplierId, CancellationToken.None);
            var created = await service.SaveAsync(null, new ProductForm { Name = "待上架測試 " + Guid.NewGuid().ToString("N")[..6], Supplier = supplier, Category = SupplierCategory.Food, Price = 990m }, CancellationToken.None);
            Assert.True(created.Succeeded, string.Join(",", created.Errors));
            return created.Id!.Value;
        }

        var product = new Product
        {
            Sku = "LT" + Guid.NewGuid().ToString("N")[..10], Name = "上架測試", SupplierId = supplierId, Category = SupplierCategory.Food, Price = 500m, ListingStatus = status.Value,
        };
        db.Products.Add(product);
        await db.SaveChangesAsync();
        return product.Id;
    }

    /// <summary>A new qualified supplier of <paramref name="from"/> with a food stream per defect class, and a pending proposal to <paramref name="to"/> in a month of its own.</summary>
    private async Task<(int SupplierId, int ProposalId)> SupplierWithProposalAsync(SupplierTier from, SupplierTier to, SupplierTier? streamTier = null)
    {
        await using var db = NewContext();
        var supplier = new Supplier
        {
            Name = "分級生效測試 " + Guid.NewGuid().ToString("N")[..6], TaxId = Interlocked.Increment(ref _nextTaxId).ToString("D8", System.Globalization.CultureInfo.InvariantCulture),
            Category = SupplierCategory.Food, CountryCode = "TW", Status = SupplierStatus.Qualified, Tier = from, WarrantyMonths = 12,
        };
        db.Suppliers.Add(supplier);
        await db.SaveChangesAsync();
        db.InspectionStreams.AddRange(
            InspectionStream.Start(supplier.Id, SupplierCategory.Food, DefectClass.Major, 1.0m, streamTier ?? from),
            InspectionStream.Start(supplier.Id, SupplierCategory.Food, DefectClass.Minor, 2.5m, streamTier ?? from));
        var policy = await db.TierPolicies.OrderByDescending(p => p.VersionNumber).Select(p => p.Id).FirstOrDefaultAsync();
        if (policy == 0)
        {
            var first = new TierPolicy { VersionNumber = 1, CreatedBy = "test", CreatedUtc = DateTime.UtcNow };
            db.TierPolicies.Add(first);
            await db.SaveChangesAsync();
            policy = first.Id;
        }

        var proposal = new TierProposal { SupplierId = supplier.Id, CurrentTier = from, ProposedTier = to, Score = 60m };
        db.TierEvaluations.Add(new TierEvaluation
        {
            Month = new DateOnly(2001, 1, 1).AddMonths(Interlocked.Increment(ref _nextMonth)), TierPolicyId = policy, RunBy = "test", RunUtc = DateTime.UtcNow, SuppliersEvaluated = 1,
            Proposals = [proposal],
        });
        await db.SaveChangesAsync();
        return (supplier.Id, proposal.Id);
    }

    private async Task<Product> ProductAsync(int id)
    {
        await using var db = NewContext();
        return await db.Products.AsNoTracking().SingleAsync(p => p.Id == id);
    }

    private PortalDbContext NewContext() => _services.GetRequiredService<PortalDatabase>().Create(AuditActor.System);
}
