using EasternSelect.Data;
using EasternSelect.Domain.Casework;
using EasternSelect.Domain.Committees;
using EasternSelect.Domain.Inspections;
using EasternSelect.Domain.Reviews;
using EasternSelect.Domain.Sampling;
using EasternSelect.Domain.Security;
using EasternSelect.Domain.Suppliers;
using EasternSelect.Portal.Features.Committees;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EasternSelect.Portal.Tests;

/// <summary>The committees against the real portal and its demo SQLite database (seeded members, meetings and action items).</summary>
public sealed class CommitteeServiceTests(PortalFactoryFixture fixture) : IClassFixture<PortalFactoryFixture>
{
    private static readonly string[] MemberEmails = ["committee@demo.local", "committee.programme@demo.local", "committee.catalogue@demo.local", "committee.qa@demo.local"];

    private readonly IServiceProvider _services = fixture.Factory.Services;

    [Fact]
    public async Task GetMeeting_MemberBeforeSubmittingOwnScore_SeesNoOtherScores()
    {
        var (meetingId, proposalIds) = await MeetingWithProposalsAsync(existingDelisted: 1, newProducts: 0);
        var proposalId = proposalIds[0];
        await ScoreAsync(MemberEmails[0], proposalId, 90);

        var before = await AsMemberAsync(MemberEmails[1], (ProductReviewService s) => s.GetAsync(meetingId, CancellationToken.None));
        await ScoreAsync(MemberEmails[1], proposalId, 70);
        var after = await AsMemberAsync(MemberEmails[1], (ProductReviewService s) => s.GetAsync(meetingId, CancellationToken.None));

        var hidden = before!.Proposals.Single();
        Assert.False(hidden.ScoresVisible);
        Assert.Empty(hidden.Scores);
        Assert.Null(hidden.Result);
        Assert.Equal([CommitteeDepartment.Product], hidden.ScoredDepartments);
        var shown = after!.Proposals.Single();
        Assert.True(shown.ScoresVisible);
        Assert.Equal(2, shown.Scores.Count);
        Assert.Equal(80m, shown.Result!.Overall);
    }

    [Fact]
    public async Task Decide_AfterCloseScoring_ScoresLockedApprovedProductsListedAndMinutesKeepEveryDepartment()
    {
        var (meetingId, proposalIds) = await MeetingWithProposalsAsync(existingDelisted: 1, newProducts: 1);
        foreach (var email in MemberEmails)
        {
            foreach (var id in proposalIds)
            {
                await ScoreAsync(email, id, 85);
            }
        }

        await using (var chairScope = TestScopes.As(_services, Roles.Executive, out ProductReviewService chair, "exec-1"))
        {
            var meeting = (await chair.GetAsync(meetingId, CancellationToken.None))!;
            Assert.True((await Get<ProductReviewChair>(chairScope).CloseScoringAsync(meetingId, meeting.Version, CancellationToken.None)).Succeeded);
        }

        var locked = await AsMemberAsync(MemberEmails[0], (ProposalScoring s) => s.ScoreAsync(proposalIds[0], Form(10), CancellationToken.None));
        Assert.Equal(["Committee.ScoringLocked"], locked.Errors);

        await using (var chairScope = TestScopes.As(_services, Roles.Executive, out ProductReviewService chair, "exec-1"))
        {
            foreach (var id in proposalIds)
            {
                var version = (await chair.GetAsync(meetingId, CancellationToken.None))!.Version;
                var result = await Get<ProductReviewChair>(chairScope).DecideAsync(id, new DecisionForm { Decision = CommitteeDecision.Approved, Conditions = "首檔限量 300 組", Version = version }, CancellationToken.None);
                Assert.True(result.Succeeded, string.Join(",", result.Errors));
            }

            var minutes = (await chair.BuildMinutesAsync(meetingId, CancellationToken.None))!;
            Assert.True(minutes.ScoresFinal);
            Assert.Equal(ReviewMeetingStatus.Concluded, minutes.Status);
            Assert.All(minutes.Proposals, p => Assert.Equal(Enum.GetValues<CommitteeDepartment>(), p.Departments.Select(d => d.Department)));
            Assert.All(minutes.Proposals, p => Assert.Equal(4, p.Scores.Count));
            Assert.Equal(5, minutes.Attendees.Count);
        }

        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var proposals = await db.ProductProposals.AsNoTracking().Where(p => proposalIds.Contains(p.Id)).OrderBy(p => p.Id).ToListAsync();
        var products = await db.Products.AsNoTracking().Where(p => proposals.Select(x => x.ListedProductId).Contains(p.Id)).ToListAsync();
        Assert.Equal(2, products.Count);
        // The delisted product (supplier-side) is relisted; the new one is pending until its sample pre-inspection passes.
        Assert.Equal(ListingStatus.Listed, products.Single(p => p.Id == proposals[0].ProductId).ListingStatus);
        Assert.Equal(ListingStatus.Pending, products.Single(p => p.Id == proposals[1].ListedProductId).ListingStatus);
        Assert.Equal((ApprovalListing.Listed, ApprovalListing.AwaitingPreInspection), (proposals[0].ListingOutcome, proposals[1].ListingOutcome));
        Assert.Equal(proposals[0].ProductId, proposals[0].ListedProductId);
        Assert.Contains(products, p => p.Name == proposals[1].ProductName && p.Sku.StartsWith('N') && p.Price == 1280m);
    }

    [Fact]
    public async Task SubmitProposal_InvalidInput_SavesNothingAndNamesEveryProblem()
    {
        var (meetingId, _) = await MeetingWithProposalsAsync(0, 0);
        await using var scope = TestScopes.As(_services, Roles.Merchandiser, out ProductReviewService merchandiser, "merch-x");

        var result = await Get<ProposalSubmission>(scope).SubmitProposalAsync(meetingId, new ProposalForm { ExistingProduct = false, ProposedPrice = -5, SellingPoints = " " }, CancellationToken.None);

        Assert.Equal(["Committee.NewProductNameRequired", "Committee.SupplierRequired", "Committee.PriceInvalid", "Committee.SellingPointsRequired"], result.Errors);
        Assert.Empty((await merchandiser.BuildMinutesAsync(meetingId, CancellationToken.None))!.Proposals);
    }

    [Fact]
    public async Task Configure_StaleVersion_IsAConflict()
    {
        var (meetingId, _) = await MeetingWithProposalsAsync(0, 0);
        await using var scope = TestScopes.As(_services, Roles.Executive, out ProductReviewService chair, "exec-1");
        var form = new ReviewMeetingForm { MeetingDate = new DateTime(2021, 3, 1), Presentation = 40, SellingPoint = 20, Price = 20, Quality = 20, PassThreshold = 75, Version = Guid.NewGuid() };

        var result = await Get<ProductReviewChair>(scope).ConfigureAsync(meetingId, form, CancellationToken.None);

        Assert.True(result.Conflict);
        Assert.Equal(25, (await chair.GetAsync(meetingId, CancellationToken.None))!.Weights.Presentation);
    }

    [Fact]
    public async Task Gather_DelistingsOfAMonth_ReturnsOnlyThatMonthsDelistings()
    {
        var (a, _) = await TwoSuppliersAsync();
        var inMonth = await DelistedProductAsync(a, new DateTime(2019, 3, 31, 12, 0, 0, DateTimeKind.Utc), "G1");
        await DelistedProductAsync(a, new DateTime(2019, 4, 1, 0, 0, 0, DateTimeKind.Utc), "G2");
        await using var scope = TestScopes.As(_services, Roles.QaManager, out AnomalyGatherer gatherer, "qa-m");

        var anomalies = await gatherer.GatherAsync(new DateOnly(2019, 3, 1), CancellationToken.None);

        var anomaly = Assert.Single(anomalies, x => x.Kind == AnomalyKind.Delisting);
        Assert.Equal((AnomalyKind.Delisting, inMonth, a), (anomaly.Kind, anomaly.ProductId!.Value, anomaly.SupplierId!.Value));
        Assert.Equal($"/suppliers/{a}", anomaly.Link);
    }

    [Fact]
    public async Task Gather_RejectedLotFailedSpotCheckAndAuditFindingOfAMonth_AreGatheredWithTheirLinks()
    {
        var (a, _) = await TwoSuppliersAsync();
        var productId = await DelistedProductAsync(a, new DateTime(2018, 1, 15, 0, 0, 0, DateTimeKind.Utc), "Q1");
        var otherProductId = await DelistedProductAsync(a, new DateTime(2018, 1, 15, 0, 0, 0, DateTimeKind.Utc), "Q2");
        int rejected, reinspection, accepted, nextMonth, failed, passed, auditId, findingId;
        await using (var seed = _services.CreateAsyncScope())
        {
            var db = seed.ServiceProvider.GetRequiredService<PortalDbContext>();
            IncomingLot Lot(DateOnly received, LotDecision decision, bool re = false)
            {
                var plan = SamplingTables.Plan(500, InspectionLevel.II, 1.0m, InspectionSeverity.Normal);
                ClassInspection Major(int defects) => new(DefectClass.Major, 1.0m, InspectionSeverity.Normal, plan, defects);
                var lot = IncomingLot.Receive(a, productId, SupplierCategory.Food, "GATHER-" + Guid.NewGuid().ToString("N")[..8], received, 500, 0, InspectionLevel.II, null);
                if (re)
                {
                    lot.Decide([Major(4)], received, received, null, "qa", DateTime.UtcNow);
                    lot = lot.NewReinspection(null, null);
                }

                lot.Decide([Major(decision == LotDecision.Rejected ? 4 : 0)], received, received, null, "qa", DateTime.UtcNow);
                return lot;
            }

            var lots = new[]
            {
                Lot(new DateOnly(2018, 9, 12), LotDecision.Rejected), Lot(new DateOnly(2018, 9, 20), LotDecision.Rejected, re: true),
                Lot(new DateOnly(2018, 9, 21), LotDecision.Accepted), Lot(new DateOnly(2018, 10, 1), LotDecision.Rejected),
            };
            db.IncomingLots.AddRange(lots);
            var month = SpotCheckMonth.Confirm(new DateOnly(2018, 9, 1), "qa-m", "qa-m", new DateTime(2018, 9, 1, 0, 0, 0, DateTimeKind.Utc));
            var fail = month.AddManual(productId, "加驗");
            fail.Record(SpotCheckOutcome.Fail, "標示缺漏", "qa", new DateTime(2018, 9, 18, 0, 0, 0, DateTimeKind.Utc));
            var pass = month.AddManual(otherProductId, "加驗");
            pass.Record(SpotCheckOutcome.Pass, null, "qa", new DateTime(2018, 9, 19, 0, 0, 0, DateTimeKind.Utc));
            db.SpotCheckMonths.Add(month);
            var audit = FactoryAudit.Plan(a, null, AuditReason.Oem, AuditTrigger.Scheduled, null, new DateOnly(2018, 9, 25), "測試工廠", "稽核員");
            var finding = audit.AddFinding(Enum.GetValues<FactoryItem>()[0], DefectClass.Major, "倉儲溫度紀錄缺漏", []);
            db.FactoryAudits.Add(audit);
            await db.SaveChangesAsync();
            (rejected, reinspection, accepted, nextMonth) = (lots[0].Id, lots[1].Id, lots[2].Id, lots[3].Id);
            (failed, passed, auditId, findingId) = (fail.Id, pass.Id, audit.Id, finding.Id);
        }

        await using var scope = TestScopes.As(_services, Roles.QaManager, out AnomalyGatherer gatherer, "qa-m");
        var anomalies = await gatherer.GatherAsync(new DateOnly(2018, 9, 1), CancellationToken.None);

        var lot = Assert.Single(anomalies, x => x.Kind == AnomalyKind.RejectedLot);
        Assert.Equal((rejected, a, productId, $"/inspections/lots/{rejected}"), (lot.SourceId, lot.SupplierId!.Value, lot.ProductId!.Value, lot.Link));
        var spot = Assert.Single(anomalies, x => x.Kind == AnomalyKind.FailedSpotCheck);
        Assert.Equal((failed, a, "/inspections/spot-checks?month=2018-09"), (spot.SourceId, spot.SupplierId!.Value, spot.Link));
        Assert.Contains("標示缺漏", spot.Summary, StringComparison.Ordinal);
        var audited = Assert.Single(anomalies, x => x.Kind == AnomalyKind.FactoryAuditFinding);
        Assert.Equal((findingId, a, new DateOnly(2018, 9, 25), $"/inspections/audits/{auditId}"), (audited.SourceId, audited.SupplierId!.Value, audited.OccurredOn, audited.Link));
        Assert.Contains("倉儲溫度紀錄缺漏", audited.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain(anomalies, x => x.Kind == AnomalyKind.RejectedLot && (x.SourceId == reinspection || x.SourceId == accepted || x.SourceId == nextMonth));
        Assert.DoesNotContain(anomalies, x => x.Kind == AnomalyKind.FailedSpotCheck && x.SourceId == passed);
    }

    [Fact]
    public async Task Gather_QualityComplaintsAndMajorCasesOfAMonth_AreGatheredWithoutPersonalData()
    {
        var (a, _) = await TwoSuppliersAsync();
        var productId = await DelistedProductAsync(a, new DateTime(2017, 1, 15, 0, 0, 0, DateTimeKind.Utc), "C1");
        int quality, major, delivery, nextMonth;
        await using (var seed = _services.CreateAsyncScope())
        {
            var db = seed.ServiceProvider.GetRequiredService<PortalDbContext>();
            var topicId = await db.ComplaintCategories.Select(t => t.Id).FirstAsync();
            var by = new CaseActor("agent", "客服專員");
            Complaint Case(string number, DateTime opened, RootCause? cause, bool isMajor, DateTime? closed = null)
            {
                var c = new Complaint
                {
                    Description = "王小明 0912345678 商品有異味", CustomerName = "王小明", CustomerPhone = "0912345678",
                    CategoryId = topicId, ProductId = productId, SupplierId = a,
                };
                c.Open(number, opened, opened.AddDays(7), null, by);
                if (isMajor)
                {
                    c.MarkMajor(MajorCaseReason.PersonalInjury, detected: false, by, opened);
                }

                c.Assign(by, by, opened);
                c.MoveTo(CaseStatus.Investigating, by, opened);
                if (cause is { } rootCause)
                {
                    var at = closed ?? opened.AddDays(3);
                    c.MoveTo(CaseStatus.Resolved, by, at);
                    c.SetRootCause(rootCause, null, a, by, at);
                    c.MoveTo(CaseStatus.Closed, by, at);
                }

                return c;
            }

            var cases = new[]
            {
                Case("T-GATHER-Q", new DateTime(2017, 5, 3, 0, 0, 0, DateTimeKind.Utc), RootCause.QualityDefect, false),
                Case("T-GATHER-M", new DateTime(2017, 5, 9, 0, 0, 0, DateTimeKind.Utc), null, true),
                Case("T-GATHER-D", new DateTime(2017, 5, 10, 0, 0, 0, DateTimeKind.Utc), RootCause.Delivery, false),
                Case("T-GATHER-N", new DateTime(2017, 5, 30, 0, 0, 0, DateTimeKind.Utc), RootCause.QualityDefect, false, new DateTime(2017, 6, 2, 0, 0, 0, DateTimeKind.Utc)),
            };
            db.Complaints.AddRange(cases);
            await db.SaveChangesAsync();
            (quality, major, delivery, nextMonth) = (cases[0].Id, cases[1].Id, cases[2].Id, cases[3].Id);
        }

        await using var scope = TestScopes.As(_services, Roles.QaManager, out AnomalyGatherer gatherer, "qa-m");
        var anomalies = await gatherer.GatherAsync(new DateOnly(2017, 5, 1), CancellationToken.None);

        var q = Assert.Single(anomalies, x => x.Kind == AnomalyKind.QualityComplaint);
        Assert.Equal((quality, a, productId, $"/complaints/{quality}"), (q.SourceId, q.SupplierId!.Value, q.ProductId!.Value, q.Link));
        var m = Assert.Single(anomalies, x => x.Kind == AnomalyKind.MajorCase);
        Assert.Equal(major, m.SourceId);
        Assert.DoesNotContain(anomalies, x => x.SourceId == delivery || x.SourceId == nextMonth);
        Assert.All(anomalies, x => Assert.DoesNotContain("王小明", x.Summary, StringComparison.Ordinal));
        Assert.All(anomalies, x => Assert.DoesNotContain("0912", x.Summary, StringComparison.Ordinal));
    }

    [Fact]
    public async Task OverdueActionItem_AppearsForItsOwnerAndOnTheNextMeetingsAgenda()
    {
        var qaManagerId = await UserIdAsync("qa.manager@demo.local");
        await using var scope = TestScopes.As(_services, Roles.QaManager, out AnomalyMeetingService qa, qaManagerId);

        var overdue = await qa.MyOverdueAsync(CancellationToken.None);
        var opened = await Get<AnomalyMeetingConduct>(scope).OpenAsync(new AnomalyMeetingForm { Month = new DateTime(2021, 1, 1), MeetingDate = new DateTime(2021, 2, 5), Kind = AnomalyMeetingKind.Internal }, CancellationToken.None);
        var next = (await qa.GetAsync(opened.Id!.Value, CancellationToken.None))!;

        var item = Assert.Single(overdue);
        Assert.True(item.Overdue);
        Assert.Contains(next.CarriedOver, c => c.Id == item.Id && c.Overdue);
        await using var other = TestScopes.As(_services, Roles.QaInspector, out AnomalyMeetingService inspector, "someone-else");
        Assert.Empty(await inspector.MyOverdueAsync(CancellationToken.None));
    }

    [Fact]
    public async Task HomePage_OwnerOfAnOverdueItem_ShowsThePanelOthersDoNot()
    {
        using var owner = await fixture.Factory.SignedInClientAsync("qa.manager@demo.local");
        using var other = await fixture.Factory.SignedInClientAsync("executive@demo.local");

        var ownerHome = await owner.GetStringAsync(new Uri("/", UriKind.Relative));
        var otherHome = await other.GetStringAsync(new Uri("/", UriKind.Relative));

        Assert.Contains("data-testid=\"home-overdue-actions\"", ownerHome, StringComparison.Ordinal);
        Assert.Contains("更新食品類檢驗規範之標示檢核項目", ownerHome, StringComparison.Ordinal);
        Assert.DoesNotContain("home-overdue-actions", otherHome, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExternalMinutes_ForOneSupplier_ShowOnlyThatSuppliersItems()
    {
        var (a, b) = await TwoSuppliersAsync();
        await DelistedProductAsync(a, new DateTime(2019, 5, 10, 0, 0, 0, DateTimeKind.Utc), "E1");
        await DelistedProductAsync(b, new DateTime(2019, 5, 11, 0, 0, 0, DateTimeKind.Utc), "E2");
        var ownerId = await UserIdAsync("supplier.head@demo.local");
        await using var scope = TestScopes.As(_services, Roles.QaManager, out AnomalyMeetingService qa, "qa-m");
        var opened = await Get<AnomalyMeetingConduct>(scope).OpenAsync(new AnomalyMeetingForm
        {
            Month = new DateTime(2019, 5, 1), MeetingDate = new DateTime(2019, 6, 5), Kind = AnomalyMeetingKind.External, SupplierIds = [a, b],
        }, CancellationToken.None);
        var meeting = (await qa.GetAsync(opened.Id!.Value, CancellationToken.None))!;
        foreach (var anomaly in meeting.Anomalies)
        {
            var added = await Get<AnomalyMeetingConduct>(scope).AddActionItemAsync(meeting.Id, new ActionItemForm { Description = "改善 " + anomaly.ProductName, OwnerUserId = ownerId, DueDate = new DateTime(2019, 6, 30), MeetingAnomalyId = anomaly.Id }, CancellationToken.None);
            Assert.True(added.Succeeded, string.Join(",", added.Errors));
        }

        var forA = (await qa.BuildMinutesAsync(meeting.Id, a, CancellationToken.None))!;
        var all = (await qa.BuildMinutesAsync(meeting.Id, null, CancellationToken.None))!;
        var notInvited = await qa.BuildMinutesAsync(meeting.Id, a + b + 100_000, CancellationToken.None);

        Assert.Equal(2, all.Anomalies.Count);
        Assert.Equal(2, all.ActionItems.Count);
        Assert.Equal(a, Assert.Single(forA.Anomalies).SupplierId);
        Assert.Equal(a, Assert.Single(forA.ActionItems).SupplierId);
        Assert.Equal(a, Assert.Single(forA.Suppliers).Id);
        Assert.Null(notInvited);
    }

    [Fact]
    public async Task Services_RolesOutsideThePolicies_AreRefused()
    {
        var (meetingId, proposalIds) = await MeetingWithProposalsAsync(existingDelisted: 1, newProducts: 0);

        await using (var scope = TestScopes.As(_services, Roles.CxAgent, out ProductReviewService cx, "cx"))
        {
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => cx.ListAsync(CancellationToken.None));
        }

        await using (var scope = TestScopes.As(_services, Roles.Merchandiser, out ProductReviewService merchandiser, "merch"))
        {
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Get<ProposalScoring>(scope).ScoreAsync(proposalIds[0], Form(80), CancellationToken.None));
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Get<ProductReviewChair>(scope).CloseScoringAsync(meetingId, Guid.Empty, CancellationToken.None));
        }

        await using (var scope = TestScopes.As(_services, Roles.CommitteeMember, out ProductReviewService member, "member"))
        {
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Get<ProductReviewChair>(scope).DecideAsync(proposalIds[0], new DecisionForm { Decision = CommitteeDecision.Approved }, CancellationToken.None));
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Get<ProposalSubmission>(scope).SubmitProposalAsync(meetingId, new ProposalForm(), CancellationToken.None));
            // A CommitteeMember without a department on record is no member: it cannot score.
            Assert.Equal(["Committee.NotAMember"], (await Get<ProposalScoring>(scope).ScoreAsync(proposalIds[0], Form(80), CancellationToken.None)).Errors);
        }

        await using (var scope = TestScopes.As(_services, Roles.ThirdPartyAuditor, out AnomalyMeetingService auditor, "auditor"))
        {
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => auditor.ListAsync(CancellationToken.None));
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => auditor.BuildMinutesAsync(1, null, CancellationToken.None));
        }

        await using (var scope = TestScopes.As(_services, Roles.QaInspector, out AnomalyMeetingService inspector, "inspector"))
        {
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Get<AnomalyMeetingConduct>(scope).OpenAsync(new AnomalyMeetingForm(), CancellationToken.None));
            var someItem = (await inspector.ListAsync(CancellationToken.None)).First(m => m.ActionItems > 0).Id;
            var item = (await inspector.GetAsync(someItem, CancellationToken.None))!.ActionItems.First(i => i.OwnerUserId != "inspector");
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Get<ActionItemProgress>(scope).ChangeActionItemStatusAsync(item.Id, ActionItemStatus.Closed, null, item.Version, CancellationToken.None));
        }
    }

    private static ScoreForm Form(int score) => new() { Presentation = score, SellingPoint = score, Price = score, Quality = score, Comment = "ok" };

    /// <summary>A new meeting (by the chair) with proposals (by the merchandiser): existing delisted products first, then new ones.</summary>
    private async Task<(int MeetingId, List<int> ProposalIds)> MeetingWithProposalsAsync(int existingDelisted, int newProducts)
    {
        int meetingId;
        await using (var scope = TestScopes.As(_services, Roles.Executive, out ProductReviewService chair, "exec-1"))
        {
            var created = await Get<ProductReviewChair>(scope).CreateMeetingAsync(new ReviewMeetingForm { MeetingDate = new DateTime(2021, 2, 20) }, CancellationToken.None);
            Assert.True(created.Succeeded, string.Join(",", created.Errors));
            meetingId = created.Id!.Value;
        }

        var (supplierA, _) = await TwoSuppliersAsync();
        var ids = new List<int>();
        await using (var scope = TestScopes.As(_services, Roles.Merchandiser, out ProductReviewService merchandiser, "merch-1"))
        {
            for (var i = 0; i < existingDelisted; i++)
            {
                var productId = await DelistedProductAsync(supplierA, new DateTime(2018, 6, 1, 0, 0, 0, DateTimeKind.Utc), "M");
                var r = await Get<ProposalSubmission>(scope).SubmitProposalAsync(meetingId, new ProposalForm { ProductId = productId, ProposedPrice = 990m, SellingPoints = "重新上架" }, CancellationToken.None);
                Assert.True(r.Succeeded, string.Join(",", r.Errors));
                ids.Add(r.Id!.Value);
            }

            for (var i = 0; i < newProducts; i++)
            {
                var r = await Get<ProposalSubmission>(scope).SubmitProposalAsync(meetingId, new ProposalForm
                {
                    ExistingProduct = false, NewProductName = "測試新品 " + Guid.NewGuid().ToString("N")[..6], SupplierId = supplierA, Channel = SalesChannel.ECommerce,
                    ProposedPrice = 1280m, SellingPoints = "新品", SamplePreInspectionResult = "合格",
                }, CancellationToken.None);
                Assert.True(r.Succeeded, string.Join(",", r.Errors));
                ids.Add(r.Id!.Value);
            }
        }

        return (meetingId, ids);
    }

    private async Task ScoreAsync(string email, int proposalId, int score)
    {
        var result = await AsMemberAsync(email, (ProposalScoring s) => s.ScoreAsync(proposalId, Form(score), CancellationToken.None));
        Assert.True(result.Succeeded, string.Join(",", result.Errors));
    }

    private async Task<T> AsMemberAsync<TService, T>(string email, Func<TService, Task<T>> action)
        where TService : notnull
    {
        var id = await UserIdAsync(email);
        await using var scope = TestScopes.As(_services, Roles.CommitteeMember, out TService service, id);
        return await action(service);
    }

    private static T Get<T>(AsyncServiceScope scope)
        where T : notnull => scope.ServiceProvider.GetRequiredService<T>();

    private async Task<string> UserIdAsync(string email)
    {
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        return await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    private async Task<(int A, int B)> TwoSuppliersAsync()
    {
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var ids = await db.Suppliers.Where(s => s.Status == SupplierStatus.Qualified).OrderBy(s => s.Id).Select(s => s.Id).Take(2).ToListAsync();
        return (ids[0], ids[1]);
    }

    private async Task<int> DelistedProductAsync(int supplierId, DateTime delistedUtc, string prefix)
    {
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var product = new Product
        {
            Sku = prefix + Guid.NewGuid().ToString("N")[..10], Name = "測試商品 " + prefix, SupplierId = supplierId, Category = SupplierCategory.Food,
            Price = 500m, ListingStatus = ListingStatus.Delisted, DelistedUtc = delistedUtc, DelistingReason = "標示不符",
        };
        db.Products.Add(product);
        await db.SaveChangesAsync();
        return product.Id;
    }
}
