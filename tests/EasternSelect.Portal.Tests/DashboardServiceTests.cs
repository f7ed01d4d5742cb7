using EasternSelect.Data;
using EasternSelect.Data.Auditing;
using EasternSelect.Domain.Casework;
using EasternSelect.Domain.Inspections;
using EasternSelect.Domain.Reviews;
using EasternSelect.Domain.Sampling;
using EasternSelect.Domain.Security;
using EasternSelect.Domain.Suppliers;
using EasternSelect.Domain.Tiering;
using EasternSelect.Portal.Features.Casework.Complaints;
using EasternSelect.Portal.Features.Dashboard;
using EasternSelect.Portal.Features.Casework.Grievances;
using EasternSelect.Portal.Features.Inspections.Lots;
using EasternSelect.Portal.Features.Inspections.Quality;
using EasternSelect.Portal.Features.Reports.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EasternSelect.Portal.Tests;

/// <summary>
/// The dashboards against the demo database: each figure is checked against a count written independently
/// here, against the list its link opens, and it moves when a record is added.
/// </summary>
public sealed class DashboardServiceTests(PortalFactoryFixture fixture) : IClassFixture<PortalFactoryFixture>
{
    private readonly IServiceProvider _services = fixture.Factory.Services;

    [Fact]
    public async Task Qa_RejectedLotThisMonth_RaisesInspectedRejectedAndOpenActions()
    {
        await using var scope = TestScopes.As(_services, Roles.QaInspector, out DashboardService dashboard);
        var lots = scope.ServiceProvider.GetRequiredService<IncomingLotService>();
        var before = await dashboard.QaAsync(CancellationToken.None);
        var (supplierId, productId) = await FreshSupplierAsync();

        await DecideRejectedAsync(scope.ServiceProvider, supplierId, productId, "T-DASH-REJ-1");
        var after = await dashboard.QaAsync(CancellationToken.None);

        Assert.Equal(before.ThisMonth.Figures.LotsDecided + 1, after.ThisMonth.Figures.LotsDecided);
        Assert.Equal(before.ThisMonth.Figures.LotsRejected + 1, after.ThisMonth.Figures.LotsRejected);
        Assert.Equal(before.OpenCorrectiveActions + 1, after.OpenCorrectiveActions);
        Assert.Equal(before.OverdueCorrectiveActions, after.OverdueCorrectiveActions);
        Assert.Equal(12, after.Months.Count);
        Assert.Equal(after.Window.ToMonth, after.Months[^1].Month);

        var month = after.Window.ToMonth;
        var today = after.Window.Today;
        await using var db = Context();
        Assert.Equal(await db.IncomingLots.CountAsync(l => l.Month == month && !l.IsReinspection && l.Status == LotStatus.Decided), after.ThisMonth.Figures.LotsDecided);
        Assert.Equal(await db.IncomingLots.CountAsync(l => l.Month == month && !l.IsReinspection && l.Decision == LotDecision.Rejected), after.ThisMonth.Figures.LotsRejected);
        Assert.Equal(await db.CorrectiveActions.CountAsync(c => c.Status == CorrectiveActionStatus.Open), after.OpenCorrectiveActions);
        Assert.Equal(await db.CorrectiveActions.CountAsync(c => c.Status == CorrectiveActionStatus.Open && c.DueOn < today), after.OverdueCorrectiveActions);
        Assert.True(after.OpenCorrectiveActions > 0);
    }

    [Fact]
    public async Task Qa_EachFigure_EqualsTheTotalOfTheListItLinksTo()
    {
        await using var scope = TestScopes.As(_services, Roles.QaManager, out DashboardService dashboard);
        var lots = scope.ServiceProvider.GetRequiredService<IncomingLotService>();
        var (supplierId, productId) = await FreshSupplierAsync();
        await DecideRejectedAsync(scope.ServiceProvider, supplierId, productId, "T-DASH-LINK-1");
        await using (var db = Context())
        {
            // One request past its due date, so the overdue figure is not trivially zero.
            var action = await db.CorrectiveActions.Where(c => c.SupplierId == supplierId).SingleAsync();
            action.DueOn = lots.Today.AddDays(-1);
            await db.SaveChangesAsync();
        }

        var panel = await dashboard.QaAsync(CancellationToken.None);
        var month = panel.Window.ToMonth;

        Assert.True(panel.OverdueCorrectiveActions >= 1);
        Assert.Equal(panel.ThisMonth.Figures.LotsDecided, await ListTotalAsync(lots, new LotQuery(null, null, LotDecisionFilter.Inspected, month, null, 0, 1)));
        Assert.Equal(panel.ThisMonth.Figures.LotsRejected, await ListTotalAsync(lots, new LotQuery(null, null, LotDecisionFilter.RejectedOriginal, month, null, 0, 1)));
        Assert.Equal(panel.OpenCorrectiveActions, await ListTotalAsync(lots, new LotQuery(null, null, null, null, null, 0, 1, CorrectiveActionFilter.Open)));
        Assert.Equal(panel.OverdueCorrectiveActions, await ListTotalAsync(lots, new LotQuery(null, null, null, null, null, 0, 1, CorrectiveActionFilter.Overdue)));
        Assert.Equal(panel.Months.Sum(m => m.Figures.LotsDecided), await RecordTotalAsync(scope, DashboardLinks.LotsDecided(panel.Window.FromMonth, month)));
        Assert.Equal(panel.Months.Sum(m => m.Figures.LotsRejected), await RecordTotalAsync(scope, DashboardLinks.LotsRejected(panel.Window.FromMonth, month)));
        Assert.Equal(DashboardLinks.Lots(month, LotDecisionFilter.Inspected), "/inspections/lots?month=" + DashboardLinks.Month(month) + "&decision=Inspected");
    }

    [Fact]
    public async Task Cx_ComplaintPastItsDueTime_CountsAsOverdueAndTheListAgrees()
    {
        await using var scope = TestScopes.As(_services, Roles.CxAgent, out DashboardService dashboard);
        var complaints = scope.ServiceProvider.GetRequiredService<ComplaintIntake>();
        var before = await dashboard.CxAsync(CancellationToken.None);
        var created = await complaints.CreateAsync(ComplaintForm("商品與描述不符"), CancellationToken.None);
        var afterCreate = await dashboard.CxAsync(CancellationToken.None);
        await using (var db = Context())
        {
            await db.Complaints.Where(c => c.Id == created.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.ClosureDueUtc, DateTime.UtcNow.AddHours(-2)));
        }

        var after = await dashboard.CxAsync(CancellationToken.None);

        Assert.Equal(before.OnTrack + 1, afterCreate.OnTrack);
        Assert.Equal(before.Overdue + 1, after.Overdue);
        Assert.Equal(before.OnTrack, after.OnTrack);
        var now = DateTime.UtcNow;
        await using var check = Context();
        var open = check.Complaints.Where(c => c.Status != CaseStatus.Closed);
        Assert.Equal(await open.CountAsync(c => c.ClosureDueUtc < now), after.Overdue);
        Assert.Equal(await open.CountAsync(c => c.ClosureDueUtc > now.AddHours(24)), after.OnTrack);
        Assert.Equal(await open.CountAsync(), after.Open);
        foreach (var sla in new[] { SlaStatus.OnTrack, SlaStatus.DueSoon, SlaStatus.Breached })
        {
            var figure = sla switch { SlaStatus.OnTrack => after.OnTrack, SlaStatus.DueSoon => after.DueSoon, _ => after.Overdue };
            var page = await scope.ServiceProvider.GetRequiredService<ComplaintService>().SearchAsync(new ComplaintQuery(null, ComplaintView.Open, null, null, 0, 100, sla), CancellationToken.None);
            Assert.Equal(figure, page.Total);
            Assert.Equal(Math.Min(figure, 100), page.Items.Count);
            Assert.All(page.Items, row => Assert.Equal(sla, row.Sla.Closure));
        }
    }

    [Fact]
    public async Task Cx_ClosureTrend_CountsComplaintsOpenedInEachLocalMonth()
    {
        await using var scope = TestScopes.As(_services, Roles.MajorCaseTeam, out DashboardService dashboard);

        var panel = await dashboard.CxAsync(CancellationToken.None);

        var (from, to) = panel.Window.Utc;
        await using var db = Context();
        var inWindow = db.Complaints.Where(c => c.OpenedUtc >= from && c.OpenedUtc < to);
        Assert.Equal(await inWindow.CountAsync(), panel.Closure.Sum(c => c.Opened));
        Assert.Equal(await inWindow.CountAsync(c => c.ClosedUtc != null), panel.Closure.Sum(c => c.Closed));
        Assert.Equal(await inWindow.CountAsync(c => c.ClosedWithinTarget == true), panel.Closure.Sum(c => c.ClosedWithinTarget));
        var thisMonthStart = DashboardWindow.MonthStartUtc(panel.Window.ToMonth);
        Assert.Equal(await db.Complaints.CountAsync(c => c.OpenedUtc >= thisMonthStart && c.OpenedUtc < to), panel.Closure[^1].Opened);
        Assert.True(panel.Closure.Sum(c => c.Opened) > 0, "The demo seed opens complaints around today.");
    }

    [Fact]
    public async Task SupplierService_Figures_MatchTheDatabaseAndOnlyTheHeadHasUnreadGrievances()
    {
        await using var officerScope = TestScopes.As(_services, Roles.SupplierOfficer, out DashboardService officer);
        var recorded = await officerScope.ServiceProvider.GetRequiredService<GrievanceIntake>().RecordAsync(GrievanceForm(), CancellationToken.None);
        Assert.True(recorded.Succeeded);
        await using var headScope = TestScopes.As(_services, Roles.SupplierHead, out DashboardService head);

        var officerPanel = await officer.SupplierServiceAsync(CancellationToken.None);
        var headBefore = await head.SupplierServiceAsync(CancellationToken.None);
        await headScope.ServiceProvider.GetRequiredService<GrievanceService>().MarkReadAsync(recorded.Id!.Value, CancellationToken.None);
        var headAfter = await head.SupplierServiceAsync(CancellationToken.None);

        await using var db = Context();
        Assert.Null(officerPanel.UnreadGrievances);
        Assert.Equal(headBefore.UnreadGrievances - 1, headAfter.UnreadGrievances);
        Assert.Equal(await db.Grievances.CountAsync(g => g.Status != CaseStatus.Closed), officerPanel.OpenGrievances);
        Assert.Equal(await db.Grievances.CountAsync(g => g.Status == CaseStatus.New), officerPanel.NewGrievances);
        Assert.Equal(await db.QualificationReviews.CountAsync(r => r.Status == ReviewStatus.InProgress), officerPanel.ReviewsInProgress);
        Assert.Equal(await db.QualificationReviews.CountAsync(r => r.Status == ReviewStatus.AwaitingVerdict), officerPanel.ReviewsAwaitingVerdict);
        Assert.Equal(await db.TierProposals.CountAsync(p => p.Decision == ProposalDecision.Pending), officerPanel.PendingTierProposals);
        if (officerPanel.PendingEvaluationId is { } evaluationId)
        {
            Assert.True(await db.TierProposals.AnyAsync(p => p.TierEvaluationId == evaluationId && p.Decision == ProposalDecision.Pending));
        }
    }

    [Fact]
    public async Task Executive_Kpis_EqualTheQualityPageAndTheRecordsBehindThem()
    {
        await using var scope = TestScopes.As(_services, Roles.Executive, out DashboardService dashboard);
        await using var qaScope = TestScopes.As(_services, Roles.QaManager, out QualityFiguresService quality);

        var panel = await dashboard.ExecutiveAsync(CancellationToken.None);
        var page = await quality.FiguresAsync(new QualityQuery(panel.Window.FromMonth, panel.Window.ToMonth, null, null), CancellationToken.None);

        Assert.Equal(page.Total with { Key = "window" }, panel.Quality);
        var w = panel.Window;
        Assert.True(panel.Quality.LotsDecided > 0, "The demo seed receives lots in recent months.");
        Assert.Equal(panel.Quality.LotsReceived, await RecordTotalAsync(scope, DashboardLinks.LotsReceived(w.FromMonth, w.ToMonth)));
        Assert.Equal(panel.Quality.LotsDecided, await RecordTotalAsync(scope, DashboardLinks.LotsDecided(w.FromMonth, w.ToMonth)));
        Assert.Equal(panel.Quality.LotsRejected, await RecordTotalAsync(scope, DashboardLinks.LotsRejected(w.FromMonth, w.ToMonth)));
        var closure = panel.ClosureTotal;
        Assert.Equal(panel.ComplaintsOpened, await RecordTotalAsync(scope, DashboardLinks.ComplaintsOpened(w.FromMonth, w.ToMonth)));
        Assert.Equal(closure.Closed, await RecordTotalAsync(scope, DashboardLinks.ComplaintsClosed(w.FromMonth, w.ToMonth)));
        Assert.Equal(closure.Closed - closure.ClosedWithinTarget, await RecordTotalAsync(scope, DashboardLinks.ComplaintsClosedLate(w.FromMonth, w.ToMonth)));
    }

    [Fact]
    public async Task ExecutiveComplaintLink_CustomerNames_AreMasked()
    {
        await using var scope = TestScopes.As(_services, Roles.Executive, out DashboardService dashboard);
        await using (var agentScope = TestScopes.As(_services, Roles.CxAgent, out ComplaintIntake complaints))
        {
            await complaints.CreateAsync(ComplaintForm("配送延遲"), CancellationToken.None);
        }

        var w = dashboard.Window();
        var list = await RecordListAsync(scope, DashboardLinks.ComplaintsOpened(w.ToMonth, w.ToMonth));

        var customers = list.Table.Rows.Select(r => r[list.Keys!.ToList().IndexOf("customer")].Text).ToList();
        Assert.Contains("陳*明", customers);
        Assert.DoesNotContain("陳大明", customers);
    }

    [Fact]
    public async Task Executive_OwnComplaintsAndLotInMarch2011_FiguresAndTheirRecordsAreTheHandCountedOnes()
    {
        // A clock in June 2011 puts the window on July 2010 – June 2011, months the demo never seeds.
        await using var scope = TestScopes.As(_services, Roles.Executive, out DashboardService _);
        var dashboard = ActivatorUtilities.CreateInstance<DashboardService>(scope.ServiceProvider, new FixedClock(new DateTimeOffset(2011, 6, 15, 4, 0, 0, TimeSpan.Zero)));
        await using (var agentScope = TestScopes.As(_services, Roles.CxAgent, out ComplaintIntake complaints))
        {
            // Opened in March 2011 (Taiwan): closed on time, closed late, still open; and one at 23:30 on 30 June Taiwan time, the window's last hour.
            await AddComplaintAsync(complaints, new DateTime(2011, 3, 2, 2, 0, 0, DateTimeKind.Utc), closedWithinTarget: true);
            await AddComplaintAsync(complaints, new DateTime(2011, 3, 3, 2, 0, 0, DateTimeKind.Utc), closedWithinTarget: false);
            await AddComplaintAsync(complaints, new DateTime(2011, 3, 4, 2, 0, 0, DateTimeKind.Utc), closedWithinTarget: null);
            await AddComplaintAsync(complaints, new DateTime(2011, 6, 30, 15, 30, 0, DateTimeKind.Utc), closedWithinTarget: null);
        }

        var panel = await dashboard.ExecutiveAsync(CancellationToken.None);

        Assert.Equal(new DateOnly(2010, 7, 1), panel.Window.FromMonth);
        Assert.Equal(new DateOnly(2011, 6, 1), panel.Window.ToMonth);
        Assert.Equal(4, panel.ComplaintsOpened);
        Assert.Equal(2, panel.ClosureTotal.Closed);
        Assert.Equal(1, panel.ClosureTotal.ClosedWithinTarget);
        Assert.Equal(50.0, panel.ClosureTotal.Rate);
        Assert.Equal(3, panel.Closure.Single(m => m.Month == new DateOnly(2011, 3, 1)).Opened);
        Assert.Equal(0, panel.Quality.LotsReceived);
        var w = panel.Window;
        Assert.Equal(4, await RecordTotalAsync(scope, DashboardLinks.ComplaintsOpened(w.FromMonth, w.ToMonth)));
        Assert.Equal(2, await RecordTotalAsync(scope, DashboardLinks.ComplaintsClosed(w.FromMonth, w.ToMonth)));
        Assert.Equal(1, await RecordTotalAsync(scope, DashboardLinks.ComplaintsClosedLate(w.FromMonth, w.ToMonth)));
        Assert.Equal(0, await RecordTotalAsync(scope, DashboardLinks.LotsDecided(w.FromMonth, w.ToMonth)));
    }

    [Theory]
    [InlineData(Roles.CxAgent, "qa")]
    [InlineData(Roles.QaManager, "cx")]
    [InlineData(Roles.QaInspector, "supplier")]
    [InlineData(Roles.SupplierHead, "executive")]
    [InlineData(Roles.Merchandiser, "qa")]
    [InlineData(Roles.Administrator, "executive")]
    [InlineData(Roles.CxAgent, "lot-records")]
    [InlineData(Roles.QaInspector, "complaint-records")]
    public async Task Panel_OtherRole_IsRefusedByTheService(string role, string panel)
    {
        await using var scope = TestScopes.As(_services, role, out DashboardService dashboard);
        var w = dashboard.Window();

        Func<Task> call = panel switch
        {
            "qa" => () => dashboard.QaAsync(CancellationToken.None),
            "cx" => () => dashboard.CxAsync(CancellationToken.None),
            "supplier" => () => dashboard.SupplierServiceAsync(CancellationToken.None),
            "lot-records" => () => RecordTotalAsync(scope, DashboardLinks.LotsReceived(w.FromMonth, w.ToMonth)),
            "complaint-records" => () => RecordTotalAsync(scope, DashboardLinks.ComplaintsOpened(w.FromMonth, w.ToMonth)),
            _ => () => dashboard.ExecutiveAsync(CancellationToken.None),
        };

        await Assert.ThrowsAsync<UnauthorizedAccessException>(call);
    }

    [Fact]
    public void Window_EndsWithTheCurrentMonthAndSpansTwelve()
    {
        var window = DashboardWindow.Ending(new DateOnly(2026, 1, 31));

        Assert.Equal(new DateOnly(2025, 2, 1), window.FromMonth);
        Assert.Equal(new DateOnly(2026, 1, 1), window.ToMonth);
        Assert.Equal(12, window.AllMonths.Count);
        // Taiwan midnight on the 1st is 16:00 UTC the day before.
        Assert.Equal(new DateTime(2025, 1, 31, 16, 0, 0, DateTimeKind.Utc), window.Utc.FromUtc);
        Assert.Equal(new DateTime(2026, 1, 31, 16, 0, 0, DateTimeKind.Utc), window.Utc.ToUtc);
    }

    /// <summary>The records a dashboard link opens, as the drill-down page lists them for the scope's person.</summary>
    private static async Task<RecordList> RecordListAsync(AsyncServiceScope scope, string link)
    {
        var uri = new Uri("http://portal" + link);
        Assert.StartsWith("/reports/records/", uri.AbsolutePath, StringComparison.Ordinal);
        var records = scope.ServiceProvider.GetRequiredService<RecordsService>();
        var source = records.Find(uri.AbsolutePath["/reports/records/".Length..]) ?? throw new InvalidOperationException("no source for " + link);
        return await records.ListAsync(source, RecordFilter.FromQuery(uri.Query), CancellationToken.None);
    }

    private static async Task<int> RecordTotalAsync(AsyncServiceScope scope, string link) => (await RecordListAsync(scope, link)).Total;

    private async Task AddComplaintAsync(ComplaintIntake complaints, DateTime openedUtc, bool? closedWithinTarget)
    {
        var created = await complaints.CreateAsync(ComplaintForm("T-DASH-2011"), CancellationToken.None);
        Assert.True(created.Succeeded, string.Join(" ", created.Errors));
        await using var db = Context();
        await db.Complaints.Where(c => c.Id == created.Id).ExecuteUpdateAsync(
            s => s.SetProperty(c => c.OpenedUtc, openedUtc)
                .SetProperty(c => c.ClosedUtc, closedWithinTarget is null ? null : openedUtc.AddDays(closedWithinTarget.Value ? 2 : 10))
                .SetProperty(c => c.ClosedWithinTarget, closedWithinTarget)
                .SetProperty(c => c.Status, closedWithinTarget is null ? CaseStatus.New : CaseStatus.Closed));
    }

    private static async Task<int> ListTotalAsync(IncomingLotService lots, LotQuery query) => (await lots.SearchAsync(query, CancellationToken.None)).Total;

    private static async Task DecideRejectedAsync(IServiceProvider services, int supplierId, int productId, string number)
    {
        var service = services.GetRequiredService<IncomingLotService>();
        var received = await services.GetRequiredService<LotReceivingService>().ReceiveAsync(new NewLotRequest(supplierId, productId, number, service.Today, 1000, 0, InspectionLevel.II, null), CancellationToken.None);
        Assert.True(received.Succeeded, string.Join(" ", received.Errors));
        var detail = (await service.GetAsync(received.Id!.Value, CancellationToken.None))!;
        var request = new DecideLotRequest(detail.Id, detail.Version, service.Today,
            [.. detail.Plans.Select(p => new ClassFinding(p.DefectClass, p.Aql, p.DefectClass == DefectClass.Major ? p.Reject : 0, p.Severity, p.StreamVersion))], null);
        var result = await services.GetRequiredService<LotDecisionService>().DecideAsync(request, CancellationToken.None);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
    }

    private async Task<(int SupplierId, int ProductId)> FreshSupplierAsync()
    {
        await using var db = Context();
        var supplier = await db.Suppliers.Where(s => s.Status == SupplierStatus.Qualified && s.Tier == SupplierTier.B
                && !db.IncomingLots.Any(l => l.SupplierId == s.Id) && db.Products.Any(p => p.SupplierId == s.Id))
            .OrderByDescending(s => s.Id).Select(s => new { s.Id, ProductId = db.Products.Where(p => p.SupplierId == s.Id).Min(p => p.Id) }).FirstAsync();
        return (supplier.Id, supplier.ProductId);
    }

    private static ComplaintForm ComplaintForm(string description) => new()
    {
        Channel = ComplaintChannel.Phone,
        CustomerName = "陳大明",
        CustomerPhone = "0912345678",
        CategoryId = 1,
        Description = description,
    };

    private static GrievanceForm GrievanceForm() => new()
    {
        Topic = GrievanceTopic.PaymentsFees,
        Subject = "貨款撥付延遲",
        Description = "三月份貨款至今未撥付，請協助查明。",
        Anonymous = true,
    };

    private PortalDbContext Context() => _services.GetRequiredService<PortalDatabase>().Create(AuditActor.System);
}
