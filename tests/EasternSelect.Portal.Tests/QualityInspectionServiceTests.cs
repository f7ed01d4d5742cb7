using EasternSelect.Data;
using EasternSelect.Data.Queries;
using EasternSelect.Data.Seed;
using EasternSelect.Domain.Inspections;
using EasternSelect.Domain.Operations;
using EasternSelect.Domain.Reviews;
using EasternSelect.Domain.Security;
using EasternSelect.Domain.Suppliers;
using EasternSelect.Domain.Tiering;
using EasternSelect.Portal.Components.Shared;
using EasternSelect.Portal.Features.Inspections;
using EasternSelect.Portal.Features.Inspections.Audits;
using EasternSelect.Portal.Features.Inspections.Samples;
using EasternSelect.Portal.Features.Inspections.SpotChecks;
using EasternSelect.Portal.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EasternSelect.Portal.Tests;

/// <summary>Sample pre-inspections, spot checks and factory audits against the demo database.</summary>
public sealed class QualityInspectionServiceTests(PortalFactoryFixture fixture) : IClassFixture<PortalFactoryFixture>
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];
    private static readonly byte[] Pdf = "%PDF-1.4\n%%EOF\n"u8.ToArray();

    private readonly IServiceProvider _services = fixture.Factory.Services;

    [Fact]
    public async Task List_OwnAuditsOf2005_CountsEachReasonOfThatYearOnly()
    {
        // 2005 is a year the demo never seeds; the last audit falls on 1 January 2006.
        await using (var db = _services.GetRequiredService<PortalDatabase>().Create(EasternSelect.Data.Auditing.AuditActor.System))
        {
            var supplierId = await db.Suppliers.OrderBy(s => s.Id).Select(s => s.Id).FirstAsync();
            FactoryAudit Audit(AuditReason reason, DateOnly day) => FactoryAudit.Plan(supplierId, null, reason, AuditTrigger.Scheduled, null, day, "年度測試工廠", "稽核員");
            db.FactoryAudits.AddRange(
                Audit(AuditReason.Oem, new DateOnly(2005, 1, 1)),
                Audit(AuditReason.Oem, new DateOnly(2005, 6, 15)),
                Audit(AuditReason.Seasonal, new DateOnly(2005, 12, 31)),
                Audit(AuditReason.ProductAnomaly, new DateOnly(2006, 1, 1)));
            await db.SaveChangesAsync();
        }

        await using var scope = TestScopes.As(_services, Roles.QaInspector, out FactoryAuditService service);

        var year = await service.ListAsync(2005, CancellationToken.None);

        Assert.Equal(3, year.Rows.Count);
        Assert.Equal((0, 2, 1), (year.ByReason[AuditReason.ProductAnomaly], year.ByReason[AuditReason.Oem], year.ByReason[AuditReason.Seasonal]));
        Assert.Equal([new DateOnly(2005, 12, 31), new DateOnly(2005, 6, 15), new DateOnly(2005, 1, 1)], year.Rows.Select(r => r.AuditDate));
    }

    [Fact]
    public async Task Seed_SamplesAndLabs_HaveConfirmedYearAndRecentAwaiting()
    {
        await using var scope = TestScopes.As(_services, Roles.QaManager, out SampleInspectionService service);

        var awaiting = await service.ListAsync(SampleTab.AwaitingConfirmation, 0, 100, CancellationToken.None);
        var confirmed = await service.ListAsync(SampleTab.Confirmed, 0, 100, CancellationToken.None);
        var labs = await scope.ServiceProvider.GetRequiredService<RecognisedLabService>().LabsAsync(false, CancellationToken.None);

        Assert.True(awaiting.Total >= 3);
        Assert.Equal(48, confirmed.Items.Count(r => r.SampleReceivedOn.Year == QualitySeeder.Year));
        Assert.Contains(labs, l => l.Name.Contains("食品工業發展研究所", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SavePhoto_RenamedPdfOrGif_IsRefusedAndNothingSaved()
    {
        var id = await StartSampleAsync();
        await using var scope = TestScopes.As(_services, Roles.QaInspector, out SampleInspectionService service);
        var before = (await service.GetAsync(id, CancellationToken.None))!;

        var renamed = await service.SaveAsync(id, before.Version, [new ItemEntry(before.Items[0].Code, CheckResult.Pass, "看起來不錯")], [new Upload("photo.jpg", Pdf)], CancellationToken.None);
        var gif = await service.SaveAsync(id, before.Version, [], [new Upload("photo.gif", "GIF89a"u8.ToArray())], CancellationToken.None);

        var after = (await service.GetAsync(id, CancellationToken.None))!;
        Assert.False(renamed.Succeeded);
        Assert.Equal(["File.ContentMismatch|photo.jpg"], renamed.Errors);
        Assert.Equal(["File.PhotoTypeNotAllowed|photo.gif"], gif.Errors);
        Assert.Empty(after.Photos);
        Assert.Null(after.Items[0].Result);
        Assert.Equal(before.Version, after.Version);
    }

    [Fact]
    public async Task SavePhoto_RealPng_IsStoredWithTheEntriesAndDownloadable()
    {
        var id = await StartSampleAsync();
        await using var scope = TestScopes.As(_services, Roles.QaInspector, out SampleInspectionService service);
        var before = (await service.GetAsync(id, CancellationToken.None))!;

        var result = await service.SaveAsync(id, before.Version, [new ItemEntry(before.Items[0].Code, CheckResult.Pass, null)], [new Upload("sample.png", Png)], CancellationToken.None);

        var after = (await service.GetAsync(id, CancellationToken.None))!;
        Assert.True(result.Succeeded, string.Join(",", result.Errors));
        var photo = Assert.Single(after.Photos);
        Assert.Equal(CheckResult.Pass, after.Items[0].Result);
        var file = await scope.ServiceProvider.GetRequiredService<InspectionFileService>().GetAsync(photo.Id, CancellationToken.None);
        Assert.Equal("image/png", file!.ContentType);
        var stale = await service.SaveAsync(id, before.Version, [], [], CancellationToken.None);
        Assert.True(stale.Conflict);
    }

    [Fact]
    public async Task Submit_FailedCriticalWithPass_IsRefusedAndNothingSaved()
    {
        var id = await StartSampleAsync();
        await using var scope = TestScopes.As(_services, Roles.QaInspector, out SampleInspectionService service);
        var sample = (await service.GetAsync(id, CancellationToken.None))!;
        var critical = sample.Items.First(i => i.DefectClass == DefectClass.Critical).Code;
        var entries = sample.Items.Select(i => new ItemEntry(i.Code, i.Code == critical ? CheckResult.Fail : CheckResult.Pass, null)).ToList();

        var result = await service.SubmitAsync(id, sample.Version, entries, SampleVerdict.Pass, null, null, CancellationToken.None);

        var after = (await service.GetAsync(id, CancellationToken.None))!;
        Assert.False(result.Succeeded);
        Assert.Contains("Sample.CriticalFailedCannotPass", result.Errors);
        Assert.Equal(SampleInspectionStatus.Draft, after.Status);
        Assert.NotEmpty(after.Items);
        Assert.All(after.Items, i => Assert.Null(i.Result));
    }

    [Fact]
    public async Task Confirm_InspectorRefused_QaManagerConfirms()
    {
        var id = await StartSampleAsync();
        Guid version;
        await using (var scope = TestScopes.As(_services, Roles.QaInspector, out SampleInspectionService inspector))
        {
            var sample = (await inspector.GetAsync(id, CancellationToken.None))!;
            var submit = await inspector.SubmitAsync(id, sample.Version, sample.Items.Select(i => new ItemEntry(i.Code, CheckResult.Pass, null)).ToList(), SampleVerdict.Pass, null, null, CancellationToken.None);
            Assert.True(submit.Succeeded, string.Join(",", submit.Errors));
            version = (await inspector.GetAsync(id, CancellationToken.None))!.Version;
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => inspector.ConfirmAsync(id, version, CancellationToken.None));
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => inspector.SendBackAsync(id, version, "x", CancellationToken.None));
        }

        await using var managerScope = TestScopes.As(_services, Roles.QaManager, out SampleInspectionService manager);
        var noReason = await manager.SendBackAsync(id, version, " ", CancellationToken.None);
        var confirmed = await manager.ConfirmAsync(id, version, CancellationToken.None);

        var after = (await manager.GetAsync(id, CancellationToken.None))!;
        Assert.Equal(["Sample.SendBackReasonRequired"], noReason.Errors);
        Assert.True(confirmed.Succeeded, string.Join(",", confirmed.Errors));
        Assert.Equal(SampleInspectionStatus.Confirmed, after.Status);
        Assert.Equal("id-QaManager", (await ReadAsync(db => db.SamplePreInspections.Where(s => s.Id == id).Select(s => s.ConfirmedById).SingleAsync()))!);
    }

    [Fact]
    public async Task LabResult_NonPdfReport_IsRefused_PdfIsRecorded()
    {
        var id = await StartSampleAsync();
        await using var scope = TestScopes.As(_services, Roles.QaInspector, out SampleInspectionService service);
        var labs = await scope.ServiceProvider.GetRequiredService<RecognisedLabService>().LabsAsync(false, CancellationToken.None);
        var sample = (await service.GetAsync(id, CancellationToken.None))!;
        var referred = await service.AddLabReferralAsync(id, sample.Version, new LabReferralModel { LabId = labs[0].Id, TestItems = "重金屬", SentOn = new DateTime(2026, 1, 5) }, CancellationToken.None);
        sample = (await service.GetAsync(id, CancellationToken.None))!;
        var referral = Assert.Single(sample.LabReferrals);
        var model = new LabResultModel { ReportNumber = "R-001", Result = LabResult.Pass, ReportedOn = new DateTime(2026, 1, 9) };

        var png = await service.RecordLabResultAsync(id, sample.Version, referral.Id, model, new Upload("report.pdf", Png), CancellationToken.None);
        var pdf = await service.RecordLabResultAsync(id, sample.Version, referral.Id, model, new Upload("report.pdf", Pdf), CancellationToken.None);

        Assert.True(referred.Succeeded);
        Assert.Equal(["File.ContentMismatch|report.pdf"], png.Errors);
        Assert.True(pdf.Succeeded, string.Join(",", pdf.Errors));
        var after = (await service.GetAsync(id, CancellationToken.None))!.LabReferrals.Single();
        Assert.Equal("R-001", after.ReportNumber);
        Assert.Equal("report.pdf", after.Report!.FileName);
    }

    [Fact]
    public async Task SpotCheckMonth_ConfirmRemovesFollowUpWithReasonAndRecordsResult()
    {
        var month = new DateOnly(2021, 2, 1);
        var suppliers = await ReadAsync(db => db.Products.Where(p => p.ListingStatus == ListingStatus.Listed).Select(p => p.SupplierId).Distinct().OrderBy(s => s).Take(2).ToListAsync());
        var checks = new[] { MonthlySpotCheck.Schedule(suppliers[0], null, month.AddMonths(-1), 1).Single(), MonthlySpotCheck.Schedule(suppliers[1], null, month.AddMonths(-1), 1).Single() };
        await WriteAsync(db => db.MonthlySpotChecks.AddRange(checks));
        // Top sales rank by the imported units sold of the month before.
        var bestSeller = await ReadAsync(db => db.Products.Where(p => p.ListingStatus == ListingStatus.Listed).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync());
        await WriteAsync(db => db.ProductMonthlyOperatingData.Add(new ProductMonthlyOperatingData { ProductId = bestSeller, Month = month.AddMonths(-1), UnitsShipped = 90_000, UnitsSold = 90_000 }));

        await using (var inspectorScope = TestScopes.As(_services, Roles.QaInspector, out SpotCheckService inspectorService))
        {
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => inspectorService.ConfirmAsync(month, [], [], CancellationToken.None));
        }

        await using var scope = TestScopes.As(_services, Roles.QaManager, out SpotCheckService service);
        var proposal = await service.GetMonthAsync(month, CancellationToken.None);
        var followUps = proposal.Candidates.Where(c => c.Reasons.Any(r => r.Kind == SpotCheckReasonKind.QualificationFollowUp)).ToList();
        Assert.False(proposal.Confirmed);
        Assert.Equal(2, followUps.Count);
        Assert.Contains(proposal.Candidates, c => c.Reasons.Any(r => r.Kind == SpotCheckReasonKind.TopSales));
        var removed = followUps[1].Product.Id;
        var manual = (await scope.ServiceProvider.GetRequiredService<PickerService>().ProductsAsync(Policies.Inspections, null, ProductPickFilter.Listed, null, CancellationToken.None)).First(p => proposal.Candidates.All(c => c.Product.Id != p.Id));

        var noReason = await service.ConfirmAsync(month, [new Removal(removed, null)], [], CancellationToken.None);
        var confirmed = await service.ConfirmAsync(month, [new Removal(removed, "供應商停產中")], [new Addition(manual.Id, "節目部要求加驗")], CancellationToken.None);
        var again = await service.ConfirmAsync(month, [], [], CancellationToken.None);

        Assert.Contains("SpotCheck.RemovalReasonRequired", noReason.Errors);
        Assert.True(confirmed.Succeeded, string.Join(",", confirmed.Errors));
        Assert.Equal(["SpotCheck.AlreadyConfirmed"], again.Errors);
        var list = await service.GetMonthAsync(month, CancellationToken.None);
        Assert.True(list.Confirmed);
        Assert.Contains(list.Items, i => i.Product.Id == manual.Id && i.AddedReason == "節目部要求加驗");
        Assert.Contains(list.Items, i => i.Product.Id == removed && i.Removed && i.RemovalReason == "供應商停產中");

        var followUpItem = list.Items.Single(i => i.Product.Id == followUps[0].Product.Id);
        var failNoFindings = await service.RecordResultAsync(followUpItem.Id, followUpItem.Version, SpotCheckOutcome.Fail, null, [], CancellationToken.None);
        var pass = await service.RecordResultAsync(followUpItem.Id, followUpItem.Version, SpotCheckOutcome.Pass, null, [new Upload("p.png", Png)], CancellationToken.None);
        Assert.Equal(["SpotCheck.FindingsRequired"], failNoFindings.Errors);
        Assert.True(pass.Succeeded, string.Join(",", pass.Errors));

        var statuses = await ReadAsync(db => db.MonthlySpotChecks.Where(c => c.Month == month).ToDictionaryAsync(c => c.Id, c => c.Status));
        var doneId = followUpItem.MonthlySpotCheckId!.Value;
        Assert.Equal(SpotCheckStatus.Passed, statuses[doneId]);
        Assert.Equal(SpotCheckStatus.Cancelled, statuses.Single(s => s.Key != doneId).Value);
    }

    [Fact]
    public async Task Flag_RecordedOnProduct_ProposesItThisMonth()
    {
        await using var scope = TestScopes.As(_services, Roles.QaInspector, out SpotCheckService service);
        var product = (await scope.ServiceProvider.GetRequiredService<PickerService>().ProductsAsync(Policies.Inspections, "P00001", ProductPickFilter.Listed, null, CancellationToken.None)).Last();
        var month = new DateOnly(2019, 4, 1);

        var flags = scope.ServiceProvider.GetRequiredService<ProductFlagService>();
        var missing = await flags.AddFlagAsync(new FlagModel { ProductId = product.Id, Kind = ProductFlagKind.News }, CancellationToken.None);
        var added = await flags.AddFlagAsync(new FlagModel { ProductId = product.Id, Kind = ProductFlagKind.News, Source = "自由時報", Date = new DateTime(2019, 4, 3) }, CancellationToken.None);

        Assert.Equal(["Flag.SourceRequired", "Flag.DateRequired"], missing.Errors);
        Assert.True(added.Succeeded);
        var view = await service.GetMonthAsync(month, CancellationToken.None);
        var candidate = view.Candidates.Single(c => c.Product.Id == product.Id);
        Assert.Contains(candidate.Reasons, r => r.Kind == SpotCheckReasonKind.Flagged && r.ReferenceId == added.Id);
    }

    [Fact]
    public async Task AuditFollowUp_PastDue_IsOverdueUntilDone_AndFindingCountsInMonthlyRecord()
    {
        await using var scope = TestScopes.As(_services, Roles.QaInspector, out FactoryAuditService service);
        var supplier = (await scope.ServiceProvider.GetRequiredService<PickerService>()
            .SuppliersAsync(Policies.Inspections, null, SupplierPickFilter.Inspectable, CancellationToken.None))[3];
        var auditDate = new DateTime(2019, 8, 12);
        var month = new DateOnly(2019, 8, 1);
        await WriteAsync(db => db.SupplierMonthlyRecords.Add(new SupplierMonthlyRecord { SupplierId = supplier.Id, Month = month, LotsInspected = 7, Complaints = 2, AuditFindings = 1 }));

        var created = await service.CreateAsync(new NewAuditModel { SupplierId = supplier.Id, Reason = AuditReason.Oem, AuditDate = auditDate, FactoryName = "測試代工廠" }, CancellationToken.None);
        var audit = (await service.GetAsync(created.Id!.Value, CancellationToken.None))!;
        var noOwner = await service.AddActionAsync(audit.Id, audit.Version, new ActionModel { Description = "改善", DueOn = new DateTime(2019, 9, 1) }, CancellationToken.None);
        var action = await service.AddActionAsync(audit.Id, audit.Version, new ActionModel { Description = "更換防蟲簾", Owner = "廠長", DueOn = new DateTime(2019, 9, 1) }, CancellationToken.None);
        audit = (await service.GetAsync(audit.Id, CancellationToken.None))!;
        var finding = await service.AddFindingAsync(audit.Id, audit.Version, new FindingModel { Item = FactoryItem.Environment, Description = "防蟲簾破損" }, [new Upload("f.png", Png)], CancellationToken.None);
        audit = (await service.GetAsync(audit.Id, CancellationToken.None))!;

        Assert.Equal(["Audit.OwnerRequired"], noOwner.Errors);
        Assert.True(action.Succeeded && finding.Succeeded);
        Assert.True(Assert.Single(audit.Actions).Overdue);
        Assert.Single(Assert.Single(audit.Findings).Photos);
        var record = await ReadAsync(db => db.SupplierMonthlyRecords.SingleAsync(r => r.SupplierId == supplier.Id && r.Month == month));
        Assert.Equal(2, record.AuditFindings);
        Assert.Equal(7, record.LotsInspected);

        var stale = await service.CompleteActionAsync(audit.Id, Guid.NewGuid(), audit.Actions[0].Id, CancellationToken.None);
        var done = await service.CompleteActionAsync(audit.Id, audit.Version, audit.Actions[0].Id, CancellationToken.None);
        Assert.True(stale.Conflict);
        Assert.True(done.Succeeded);
        Assert.False((await service.GetAsync(audit.Id, CancellationToken.None))!.Actions.Single().Overdue);

        var scores = Enum.GetValues<FactoryItem>().ToDictionary(i => i, i => (int?)(i == FactoryItem.QcSystem ? null : 80));
        var incomplete = await service.ScoreAsync(audit.Id, (await service.GetAsync(audit.Id, CancellationToken.None))!.Version, scores, null, CancellationToken.None);
        Assert.Equal(["Audit.ScoresMissing"], incomplete.Errors);
    }

    [Fact]
    public async Task Labs_OnlyQaManagerMaintainsTheList_WithdrawnLabIsNotOffered()
    {
        await using (var inspectorScope = TestScopes.As(_services, Roles.QaInspector, out RecognisedLabService inspector))
        {
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => inspector.AddLabAsync("某實驗室", "FDA9999", null, CancellationToken.None));
        }

        await using var scope = TestScopes.As(_services, Roles.QaManager, out RecognisedLabService service);
        var duplicate = await service.AddLabAsync(ReferenceData.RecognisedLabs[1].Name, "FDA0006", null, CancellationToken.None);
        var added = await service.AddLabAsync("測試檢驗科技股份有限公司", "TFDA 認證編號 FDA0999", "食品微生物", CancellationToken.None);
        var lab = (await service.LabsAsync(false, CancellationToken.None)).Single(l => l.Name == "測試檢驗科技股份有限公司");
        await service.SetLabActiveAsync(lab.Id, false, CancellationToken.None);

        Assert.Equal(["Lab.Duplicate"], duplicate.Errors);
        Assert.True(added.Succeeded);
        Assert.DoesNotContain(await service.LabsAsync(false, CancellationToken.None), l => l.Id == lab.Id);
        Assert.Contains(await service.LabsAsync(true, CancellationToken.None), l => l.Id == lab.Id && !l.Active);
    }

    private async Task<int> StartSampleAsync()
    {
        await using var scope = TestScopes.As(_services, Roles.QaInspector, out SampleInspectionService service);
        var product = (await scope.ServiceProvider.GetRequiredService<PickerService>().ProductsAsync(Policies.Inspections, null, ProductPickFilter.Listed, null, CancellationToken.None)).First(p => p.Category == SupplierCategory.Food);
        var result = await service.StartAsync(product.Id, new DateTime(2026, 1, 2), CancellationToken.None);
        Assert.True(result.Succeeded, string.Join(",", result.Errors));
        return result.Id!.Value;
    }

    private async Task<T> ReadAsync<T>(Func<PortalDbContext, Task<T>> read)
    {
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        return await read(db);
    }

    private async Task WriteAsync(Action<PortalDbContext> write)
    {
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        write(db);
        await db.SaveChangesAsync();
    }
}
