using EasternSelect.Data;
using EasternSelect.Domain.Auditing;
using EasternSelect.Domain.Casework;
using EasternSelect.Domain.Security;
using EasternSelect.Portal.Features.Casework.Grievances;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EasternSelect.Portal.Tests;

public sealed class GrievanceServiceTests(PortalFactoryFixture fixture) : IClassFixture<PortalFactoryFixture>
{
    private readonly IServiceProvider _services = fixture.Factory.Services;

    public static TheoryData<string> RolesWithoutIdentity => new(Roles.All.Where(r => r is not (Roles.SupplierHead or Roles.Executive or Roles.ThirdPartyAuditor)));

    [Fact]
    public async Task YearCounts_OwnGrievancesOf2005_AreCountedByTopicAndOutcomeInTheTaiwanYear()
    {
        // 2005 is a year the demo never seeds.
        await using (var db = _services.GetRequiredService<PortalDatabase>().Create(EasternSelect.Data.Auditing.AuditActor.System))
        {
            db.Grievances.AddRange(
                Filed("T-YC-1", GrievanceTopic.PaymentsFees, new DateTime(2005, 2, 1, 2, 0, 0, DateTimeKind.Utc), GrievanceOutcome.Substantiated),
                Filed("T-YC-2", GrievanceTopic.PaymentsFees, new DateTime(2005, 5, 1, 2, 0, 0, DateTimeKind.Utc), GrievanceOutcome.Substantiated),
                Filed("T-YC-3", GrievanceTopic.PaymentsFees, new DateTime(2005, 8, 1, 2, 0, 0, DateTimeKind.Utc), null),
                // 2004-12-31 16:30 UTC is 2005-01-01 00:30 in Taipei: a 2005 grievance.
                Filed("T-YC-4", GrievanceTopic.ProductSales, new DateTime(2004, 12, 31, 16, 30, 0, DateTimeKind.Utc), GrievanceOutcome.NotSubstantiated),
                // 2005-12-31 16:30 UTC is already 2006 in Taipei: not counted.
                Filed("T-YC-5", GrievanceTopic.ProductSales, new DateTime(2005, 12, 31, 16, 30, 0, DateTimeKind.Utc), null));
            await db.SaveChangesAsync();
        }

        await using var scope = TestScopes.As(_services, Roles.Executive, "exec-1");
        var service = scope.ServiceProvider.GetRequiredService<GrievanceService>();

        var counts = await service.YearCountsAsync(2005, CancellationToken.None);

        Assert.Equal(
            [new GrievanceYearCount(GrievanceTopic.ProductSales, GrievanceOutcome.NotSubstantiated, 1), new GrievanceYearCount(GrievanceTopic.PaymentsFees, GrievanceOutcome.Substantiated, 2), new GrievanceYearCount(GrievanceTopic.PaymentsFees, null, 1)],
            counts.OrderBy(c => c.Topic).ThenBy(c => c.Outcome is null).ThenBy(c => c.Outcome));
    }

    [Theory]
    [MemberData(nameof(RolesWithoutIdentity))]
    public async Task RevealIdentity_EveryOtherRole_IsRefused(string role)
    {
        var id = await NewGrievanceAsync();
        await using var scope = Scope("someone-" + role, role, out var service);

        await Assert.ThrowsAnyAsync<UnauthorizedAccessException>(() => service.Queries.RevealIdentityAsync(id, CancellationToken.None));
    }

    [Fact]
    public async Task Detail_OfficerSeesTheCaseButTheIdentityIsProtected()
    {
        var id = await NewGrievanceAsync();
        await using var scope = Scope("officer-1", Roles.SupplierOfficer, out var service);

        var detail = await service.Queries.GetAsync(id, CancellationToken.None);

        Assert.NotNull(detail);
        Assert.True(detail.Identity.Protected);
        Assert.Null(detail.Identity.CompanyName);
        Assert.Null(detail.Identity.ContactPhone);
    }

    [Theory]
    [InlineData(Roles.SupplierHead)]
    [InlineData(Roles.Executive)]
    public async Task RevealIdentity_HeadOrExecutive_SeesItAndTheViewIsAudited(string role)
    {
        var id = await NewGrievanceAsync();
        await using var scope = Scope("reader-" + role, role, out var service);

        var masked = await service.Queries.GetAsync(id, CancellationToken.None);
        var identity = await service.Queries.RevealIdentityAsync(id, CancellationToken.None);

        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var key = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal("0922-***-333", masked!.Identity.ContactPhone);
        Assert.Equal("0922111333", identity!.ContactPhone);
        Assert.Equal("好品質食品有限公司", identity.CompanyName);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditAction.ViewPersonalData && a.EntityType == nameof(Grievance) && a.EntityKey == key && a.UserId == "reader-" + role));
    }

    [Fact]
    public async Task Auditor_SeesOnlyAssignedCases_AndTheIdentityOnlyOfThose()
    {
        var assigned = await NewGrievanceAsync();
        var other = await NewGrievanceAsync();
        var auditorId = await AuditorUserAsync("auditor.scope@test.local");
        await using (var head = Scope("head-1", Roles.SupplierHead, out var headService))
        {
            var result = await headService.Casework.AssignAuditorAsync(assigned, auditorId, (await headService.Queries.GetAsync(assigned, CancellationToken.None))!.Version, CancellationToken.None);
            Assert.True(result.Succeeded, string.Join(",", result.Errors));
        }

        await using var scope = Scope(auditorId, Roles.ThirdPartyAuditor, out var service);
        var page = await service.Queries.SearchAsync(new GrievanceQuery(false, null, 0, 100), CancellationToken.None);

        Assert.Equal([assigned], page.Items.Select(i => i.Id));
        Assert.Null(await service.Queries.GetAsync(other, CancellationToken.None));
        Assert.NotNull(await service.Queries.RevealIdentityAsync(assigned, CancellationToken.None));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => service.Queries.RevealIdentityAsync(other, CancellationToken.None));
        Assert.False((await service.Queries.GetAsync(assigned, CancellationToken.None))!.Identity.Protected);
    }

    [Fact]
    public async Task Close_NeedsTheAuditorsConclusionAndTheHeadsSignOff()
    {
        var id = await NewGrievanceAsync();
        var auditorId = await AuditorUserAsync("auditor.close@test.local");
        await using var head = Scope("head-close", Roles.SupplierHead, out var headService);
        await using var auditor = Scope(auditorId, Roles.ThirdPartyAuditor, out var auditorService);
        async Task<Guid> V() => (await headService.Queries.GetAsync(id, CancellationToken.None))!.Version;
        await headService.Casework.TakeAsync(id, await V(), CancellationToken.None);
        await headService.Casework.MoveAsync(id, CaseStatus.Investigating, null, await V(), CancellationToken.None);
        await headService.Casework.MoveAsync(id, CaseStatus.Resolved, null, await V(), CancellationToken.None);

        var noAuditor = await headService.Casework.MoveAsync(id, CaseStatus.Closed, null, await V(), CancellationToken.None);
        await headService.Casework.AssignAuditorAsync(id, auditorId, await V(), CancellationToken.None);
        var headConcludes = await Assert.ThrowsAsync<UnauthorizedAccessException>(() => headService.Casework.ConcludeAsync(id, GrievanceOutcome.Substantiated, "屬實", Guid.Empty, CancellationToken.None));
        await auditorService.Casework.RecordFindingAsync(id, "調閱對帳單，確認延遲撥款", await V(), CancellationToken.None);
        var concluded = await auditorService.Casework.ConcludeAsync(id, GrievanceOutcome.Substantiated, "貨款延遲屬實", await V(), CancellationToken.None);
        var noSignOff = await headService.Casework.MoveAsync(id, CaseStatus.Closed, null, await V(), CancellationToken.None);
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => auditorService.Casework.SignOffAsync(id, Guid.Empty, CancellationToken.None));
        var signed = await headService.Casework.SignOffAsync(id, await V(), CancellationToken.None);
        var closed = await headService.Casework.MoveAsync(id, CaseStatus.Closed, null, await V(), CancellationToken.None);

        Assert.Equal(["Grievance.Error.NoConclusion"], noAuditor.Errors);
        Assert.NotNull(headConcludes);
        Assert.True(concluded.Succeeded, string.Join(",", concluded.Errors));
        Assert.Equal(["Grievance.Error.NoSignOff"], noSignOff.Errors);
        Assert.True(signed.Succeeded);
        Assert.True(closed.Succeeded);
        Assert.Equal(CaseStatus.Closed, (await headService.Queries.GetAsync(id, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task Digest_ReadMarksArePerPerson()
    {
        var id = await NewGrievanceAsync();
        await using var head = Scope("head-digest", Roles.SupplierHead, out var headService);
        await using var exec = Scope("exec-digest", Roles.Executive, out var execService);

        var before = (await headService.Queries.DigestAsync(CancellationToken.None)).Single(r => r.Id == id);
        await headService.Queries.MarkReadAsync(id, CancellationToken.None);
        var headView = (await headService.Queries.DigestAsync(CancellationToken.None)).Single(r => r.Id == id);
        var execView = (await execService.Queries.DigestAsync(CancellationToken.None)).Single(r => r.Id == id);

        Assert.False(before.ReadByMe);
        Assert.True(before.New);
        Assert.True(headView.ReadByMe);
        Assert.True(headView.ReadByHead);
        Assert.False(headView.ReadByExecutive);
        Assert.False(execView.ReadByMe);
        Assert.True(execView.ReadByHead);
    }

    [Fact]
    public async Task Digest_ChangeAfterReading_IsUnreadAgain()
    {
        var id = await NewGrievanceAsync();
        await using var head = Scope("head-change", Roles.SupplierHead, out var headService);
        await headService.Queries.MarkReadAsync(id, CancellationToken.None);
        await Task.Delay(20);

        await headService.Casework.AddNoteAsync(id, "已請財務部提供撥款紀錄", (await headService.Queries.GetAsync(id, CancellationToken.None))!.Version, CancellationToken.None);

        Assert.False((await headService.Queries.DigestAsync(CancellationToken.None)).Single(r => r.Id == id).ReadByMe);
    }

    [Fact]
    public async Task Escalations_DemoGrievanceUnreadForDays_IsEscalated()
    {
        await using var scope = Scope("exec-esc", Roles.Executive, out var service);

        var rows = await service.Queries.EscalationsAsync(CancellationToken.None);

        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.True(r.Overdue));
    }

    [Fact]
    public async Task Status_WithTheTokenOnly_AndTheTokenIsStoredHashed()
    {
        await using var scope = Scope("anon", Roles.CxAgent, out var service);
        var (submitted, receipt) = await service.Intake.SubmitPublicAsync(Form(), [], CancellationToken.None);

        var status = await service.Intake.StatusAsync(receipt!.Number, receipt.Token, CancellationToken.None);
        var wrong = await service.Intake.StatusAsync(receipt.Number, receipt.Token[..^1] + "x", CancellationToken.None);
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var stored = await db.Grievances.Where(g => g.Number == receipt.Number).Select(g => g.TokenHash).SingleAsync();

        Assert.True(submitted.Succeeded);
        Assert.Equal(CaseStatus.New, status!.Status);
        Assert.Null(wrong);
        Assert.NotEqual(receipt.Token, stored);
        Assert.Equal(Grievance.HashToken(receipt.Token), stored);
        Assert.False(await db.AuditEntries.AnyAsync(a => a.Changes != null && a.Changes.Contains(receipt.Token)));
    }

    [Fact]
    public async Task SubmitPublic_AnonymousStoresNoIdentity_AndNamedNeedsContact()
    {
        await using var scope = Scope("anon", Roles.CxAgent, out var service);
        var anonymous = Form();
        anonymous.Anonymous = true;
        var missing = Form();
        missing.ContactPhone = null;
        missing.ContactEmail = null;

        var (_, receipt) = await service.Intake.SubmitPublicAsync(anonymous, [], CancellationToken.None);
        var (refused, none) = await service.Intake.SubmitPublicAsync(missing, [], CancellationToken.None);

        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var stored = await db.Grievances.Where(g => g.Number == receipt!.Number).Select(g => new { g.CompanyName, g.ContactName, g.ContactPhone, g.ContactEmail }).SingleAsync();
        Assert.Equal(new { CompanyName = (string?)null, ContactName = (string?)null, ContactPhone = (string?)null, ContactEmail = (string?)null }, stored);
        Assert.Null(none);
        Assert.Single(refused.Errors);
    }

    private static GrievanceForm Form() => new()
    {
        Topic = GrievanceTopic.PaymentsFees,
        Subject = "貨款撥付延遲",
        Description = "三月份貨款至今未撥付，請協助查明。",
        CompanyName = "好品質食品有限公司",
        ContactName = "林美華",
        ContactPhone = "0922111333",
        ContactEmail = "mei@goodfood.com.tw",
    };

    private async Task<int> NewGrievanceAsync()
    {
        await using var scope = Scope("officer-new", Roles.SupplierOfficer, out var service);
        var result = await service.Intake.RecordAsync(Form(), CancellationToken.None);
        Assert.True(result.Succeeded, string.Join(",", result.Errors));
        return result.Id!.Value;
    }

    private static Grievance Filed(string number, GrievanceTopic topic, DateTime openedUtc, GrievanceOutcome? outcome)
    {
        var grievance = new Grievance { Topic = topic, Source = GrievanceSource.Officer, Subject = "年度統計測試", Anonymous = true };
        var by = new CaseActor(null, "test");
        grievance.Open(number, openedUtc, openedUtc.AddDays(14), null, by);
        if (outcome is { } concluded)
        {
            var auditor = new CaseActor("auditor-yc", "稽核");
            grievance.AssignAuditor(auditor, by, openedUtc);
            grievance.Conclude(concluded, "查核完畢", auditor, openedUtc.AddDays(3));
        }

        return grievance;
    }

    private async Task<string> AuditorUserAsync(string email)
    {
        await using var scope = _services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "稽核 " + email, CreatedUtc = DateTime.UtcNow };
            Assert.True((await users.CreateAsync(user, "Auditor!Pass2026x")).Succeeded);
            await users.AddToRoleAsync(user, Roles.ThirdPartyAuditor);
        }

        return user.Id;
    }

    private AsyncServiceScope Scope(string id, string role, out GrievanceServices service)
    {
        var scope = TestScopes.As(_services, role, id);
        service = new GrievanceServices(scope.ServiceProvider.GetRequiredService<GrievanceService>(), scope.ServiceProvider.GetRequiredService<GrievanceIntake>(), scope.ServiceProvider.GetRequiredService<GrievanceCasework>());
        return scope;
    }

    /// <summary>The use-case services a test drives, resolved from one signed-in scope.</summary>
    private sealed record GrievanceServices(GrievanceService Queries, GrievanceIntake Intake, GrievanceCasework Casework);
}
