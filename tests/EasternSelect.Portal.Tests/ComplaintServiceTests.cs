using EasternSelect.Data;
using EasternSelect.Domain.Auditing;
using EasternSelect.Domain.Casework;
using EasternSelect.Domain.Security;
using EasternSelect.Portal.Features.Casework;
using EasternSelect.Portal.Features.Casework.Complaints;
using EasternSelect.Portal.Infrastructure;
using EasternSelect.Portal.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EasternSelect.Portal.Tests;

public sealed class ComplaintServiceTests(PortalFactoryFixture fixture) : IClassFixture<PortalFactoryFixture>
{
    private readonly IServiceProvider _services = fixture.Factory.Services;

    [Fact]
    public async Task Create_TextWithInjury_IsMajorAndTheTeamIsNotified()
    {
        await using var scope = Scope("agent-1", Roles.CxAgent, out var service);

        var result = await service.Intake.CreateAsync(Form("手被氣炸鍋燙傷，已經去急診"), CancellationToken.None);

        var detail = await service.Queries.GetAsync(result.Id!.Value, CancellationToken.None);
        Assert.True(result.Succeeded);
        Assert.True(detail!.IsMajor);
        Assert.True(detail.MajorDetected);
        Assert.Equal(MajorCaseReason.PersonalInjury, detail.MajorReasons);
        await using var teamScope = Scope("team-1", Roles.MajorCaseTeam, out _);
        var (items, unread) = await teamScope.ServiceProvider.GetRequiredService<NotificationService>().MineAsync(CancellationToken.None);
        Assert.Contains(items, n => n.Argument == detail.Number && n.Link == "/complaints/" + detail.Id);
        Assert.True(unread > 0);
        await using var agentScope = Scope("agent-2", Roles.CxAgent, out _);
        var (agentItems, _) = await agentScope.ServiceProvider.GetRequiredService<NotificationService>().MineAsync(CancellationToken.None);
        Assert.DoesNotContain(agentItems, n => n.Argument == detail.Number);
    }

    [Fact]
    public async Task Create_OrdinaryText_IsNotMajor()
    {
        await using var scope = Scope("agent-1", Roles.CxAgent, out var service);

        var result = await service.Intake.CreateAsync(Form("商品顏色與圖片不同"), CancellationToken.None);

        Assert.False((await service.Queries.GetAsync(result.Id!.Value, CancellationToken.None))!.IsMajor);
    }

    [Fact]
    public async Task ListAndDetailAndAudit_CustomerData_IsMasked()
    {
        await using var scope = Scope("agent-1", Roles.CxAgent, out var service);
        var id = (await service.Intake.CreateAsync(Form("配送延遲"), CancellationToken.None)).Id!.Value;

        var detail = await service.Queries.GetAsync(id, CancellationToken.None);
        var page = await service.Queries.SearchAsync(new ComplaintQuery(detail!.Number, ComplaintView.All, null, null, 0, 10), CancellationToken.None);
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var audit = await db.AuditEntries.Where(a => a.EntityType == nameof(Complaint) && a.EntityKey == id.ToString(System.Globalization.CultureInfo.InvariantCulture) && a.Action == AuditAction.Create).SingleAsync();

        Assert.Equal("0912-***-678", detail.CustomerPhone);
        Assert.Equal("陳*明", detail.CustomerName);
        Assert.Equal("台北市信義區*****", detail.CustomerAddress);
        Assert.Equal("陳*明", Assert.Single(page.Items).CustomerName);
        Assert.DoesNotContain("0912345678", audit.Changes!, StringComparison.Ordinal);
        Assert.DoesNotContain("陳大明", audit.Changes!, StringComparison.Ordinal);
        Assert.DoesNotContain("松仁路", audit.Changes!, StringComparison.Ordinal);
        Assert.Contains("0912-***-678", audit.Changes!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reveal_ByTheAgentWorkingTheCase_ReturnsTheFieldAndIsAudited()
    {
        await using var scope = Scope("agent-reveal", Roles.CxAgent, out var service);
        var id = (await service.Intake.CreateAsync(Form("退款尚未入帳"), CancellationToken.None)).Id!.Value;
        var detail = await service.Queries.GetAsync(id, CancellationToken.None);
        await service.Casework.TakeAsync(id, detail!.Version, CancellationToken.None);

        var phone = await service.Queries.RevealAsync(id, ComplaintField.CustomerPhone, CancellationToken.None);

        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var key = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal("0912345678", phone);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditAction.ViewPersonalData && a.EntityType == nameof(Complaint)
            && a.EntityKey == key && a.Detail == "CustomerPhone" && a.UserId == "agent-reveal"));
    }

    [Fact]
    public async Task Reveal_ByAnAgentNotWorkingTheCase_IsRefused()
    {
        int id;
        await using (var scope = Scope("agent-owner", Roles.CxAgent, out var owner))
        {
            id = (await owner.Intake.CreateAsync(Form("退款尚未入帳"), CancellationToken.None)).Id!.Value;
            await owner.Casework.TakeAsync(id, (await owner.Queries.GetAsync(id, CancellationToken.None))!.Version, CancellationToken.None);
        }

        await using var other = Scope("agent-other", Roles.CxAgent, out var service);
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => service.Queries.RevealAsync(id, ComplaintField.CustomerName, CancellationToken.None));
        Assert.False((await service.Queries.GetAsync(id, CancellationToken.None))!.CanWork);
    }

    [Theory]
    [InlineData(Roles.SupplierOfficer)]
    [InlineData(Roles.QaManager)]
    [InlineData(Roles.Executive)]
    [InlineData(Roles.Administrator)]
    [InlineData(Roles.ThirdPartyAuditor)]
    public async Task Search_RolesOutsideCustomerService_AreRefused(string role)
    {
        await using var scope = Scope("x", role, out var service);

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => service.Queries.SearchAsync(new ComplaintQuery(null, ComplaintView.All, null, null, 0, 10), CancellationToken.None));
    }

    [Fact]
    public async Task Close_QualityDefectWithoutProduct_IsRefusedAndNonQualityCloses()
    {
        await using var scope = Scope("agent-close", Roles.CxAgent, out var service);
        var id = (await service.Intake.CreateAsync(Form("客服電話等候太久"), CancellationToken.None)).Id!.Value;
        await service.Casework.TakeAsync(id, (await service.Queries.GetAsync(id, CancellationToken.None))!.Version, CancellationToken.None);
        await service.Casework.MoveAsync(id, CaseStatus.Investigating, null, (await service.Queries.GetAsync(id, CancellationToken.None))!.Version, CancellationToken.None);

        var quality = await service.Casework.CloseAsync(id, RootCause.QualityDefect, null, (await service.Queries.GetAsync(id, CancellationToken.None))!.Version, CancellationToken.None);
        var other = await service.Casework.CloseAsync(id, RootCause.ServiceProcess, "尖峰時段人力不足", (await service.Queries.GetAsync(id, CancellationToken.None))!.Version, CancellationToken.None);

        var detail = await service.Queries.GetAsync(id, CancellationToken.None);
        Assert.Equal(["Complaint.Error.QualityNeedsSupplier"], quality.Errors);
        Assert.True(other.Succeeded);
        Assert.Equal(CaseStatus.Closed, detail!.Status);
        Assert.Equal(RootCause.ServiceProcess, detail.RootCause);
    }

    [Fact]
    public async Task TakeAndMove_MajorCaseByAnAgent_AreRefusedAndTheTeamMayWorkIt()
    {
        int id;
        await using (var agentScope = Scope("agent-major", Roles.CxAgent, out var agent))
        {
            id = (await agent.Intake.CreateAsync(Form("我要找記者爆料"), CancellationToken.None)).Id!.Value;
            var version = (await agent.Queries.GetAsync(id, CancellationToken.None))!.Version;
            var take = await agent.Casework.TakeAsync(id, version, CancellationToken.None);
            var move = await agent.Casework.MoveAsync(id, CaseStatus.Assigned, null, version, CancellationToken.None);
            Assert.Equal(["Complaint.Error.MajorTeamOnly"], take.Errors);
            Assert.Equal(["Complaint.Error.MajorTeamOnly"], move.Errors);
            Assert.Equal(CaseStatus.New, (await agent.Queries.GetAsync(id, CancellationToken.None))!.Status);
        }

        await using var teamScope = Scope("team-major", Roles.MajorCaseTeam, out var team);
        var taken = await team.Casework.TakeAsync(id, (await team.Queries.GetAsync(id, CancellationToken.None))!.Version, CancellationToken.None);
        var moved = await team.Casework.MoveAsync(id, CaseStatus.Investigating, null, (await team.Queries.GetAsync(id, CancellationToken.None))!.Version, CancellationToken.None);

        Assert.True(taken.Succeeded);
        Assert.True(moved.Succeeded);
    }

    [Fact]
    public async Task AddNote_WithAStaleVersion_ReportsAConflictAndSavesNothing()
    {
        await using var scope = Scope("agent-stale", Roles.CxAgent, out var service);
        var id = (await service.Intake.CreateAsync(Form("發票未開立"), CancellationToken.None)).Id!.Value;
        var stale = (await service.Queries.GetAsync(id, CancellationToken.None))!.Version;
        await service.Casework.TakeAsync(id, stale, CancellationToken.None);

        var result = await service.Casework.AddNoteAsync(id, "已致電客戶", stale, CancellationToken.None);

        Assert.True(result.Conflict);
        Assert.Equal([Result.ConflictKey], result.Errors);
        Assert.DoesNotContain((await service.Queries.GetAsync(id, CancellationToken.None))!.History, e => e.Kind == CaseEventKind.Note);
    }

    [Fact]
    public async Task Move_WithAStaleVersion_ReportsAConflictAndKeepsTheStatus()
    {
        await using var scope = Scope("agent-stale-move", Roles.CxAgent, out var service);
        var id = (await service.Intake.CreateAsync(Form("贈品未附"), CancellationToken.None)).Id!.Value;
        var stale = (await service.Queries.GetAsync(id, CancellationToken.None))!.Version;
        await service.Casework.TakeAsync(id, stale, CancellationToken.None);

        var result = await service.Casework.MoveAsync(id, CaseStatus.Investigating, null, stale, CancellationToken.None);

        Assert.True(result.Conflict);
        Assert.Equal(CaseStatus.Assigned, (await service.Queries.GetAsync(id, CancellationToken.None))!.Status);
    }

    [Theory]
    [InlineData(15, "C2020-")]
    [InlineData(16, "C2021-")]
    public async Task Create_AroundNewYearInTaipei_NumbersTheCaseInTheTaiwanYear(int utcHourOnDec31, string prefix)
    {
        // 2020-12-31 15:30 UTC is 23:30 in Taipei (still 2020); 16:30 UTC is 2021-01-01 00:30 there.
        var opened = new DateTime(2020, 12, 31, utcHourOnDec31, 30, 0, DateTimeKind.Utc);
        await using var scope = Scope("agent-newyear", Roles.CxAgent, out var service);
        var provider = scope.ServiceProvider;
        var intake = new ComplaintIntake(provider.GetRequiredService<IDbContextFactory<PortalDbContext>>(), provider.GetRequiredService<PolicyGuard>(),
            provider.GetRequiredService<CurrentUser>(), provider.GetRequiredService<CaseworkSettings>(), new FixedClock(opened));

        var id = (await intake.CreateAsync(Form("跨年夜訂單未出貨"), CancellationToken.None)).Id!.Value;

        var detail = (await service.Queries.GetAsync(id, CancellationToken.None))!;
        Assert.StartsWith(prefix, detail.Number, StringComparison.Ordinal);
        Assert.Equal(opened, detail.OpenedUtc);
    }

    private static ComplaintForm Form(string description) => new()
    {
        Channel = ComplaintChannel.Web,
        CustomerName = "陳大明",
        CustomerPhone = "0912345678",
        CustomerEmail = "daming@example.com",
        CustomerAddress = "台北市信義區松仁路100號5樓",
        OrderNumber = "ES12345678",
        CategoryId = 1,
        Description = description,
    };

    private AsyncServiceScope Scope(string id, string role, out ComplaintServices service)
    {
        var scope = TestScopes.As(_services, role, id);
        service = new ComplaintServices(scope.ServiceProvider.GetRequiredService<ComplaintService>(), scope.ServiceProvider.GetRequiredService<ComplaintIntake>(), scope.ServiceProvider.GetRequiredService<ComplaintCasework>());
        return scope;
    }

    /// <summary>The use-case services a test drives, resolved from one signed-in scope.</summary>
    private sealed record ComplaintServices(ComplaintService Queries, ComplaintIntake Intake, ComplaintCasework Casework);
}
