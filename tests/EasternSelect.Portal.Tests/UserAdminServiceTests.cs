using EasternSelect.Data;
using EasternSelect.Domain.Auditing;
using EasternSelect.Domain.Security;
using EasternSelect.Portal.Features.Admin.Users;
using EasternSelect.Portal.Infrastructure;
using EasternSelect.Portal.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace EasternSelect.Portal.Tests;

public sealed class UserAdminServiceTests(PortalFactoryFixture fixture) : IClassFixture<PortalFactoryFixture>
{
    private const string AdminEmail = "admin@demo.local";

    private readonly IServiceProvider _services = fixture.Factory.Services;

    [Fact]
    public async Task Update_TwoAdminsEditTheSameStaleCopy_SecondGetsConflictAndFirstEditStays()
    {
        var row = await FindAsync("qa.manager@demo.local");
        await using var first = TestScopes.AsAccount(_services, AdminEmail, Roles.Administrator, out UserAdminService firstService);
        await using var second = TestScopes.AsAccount(_services, AdminEmail, Roles.Administrator, out UserAdminService secondService);

        var firstResult = await firstService.UpdateAsync(row.Id, "品保主管 黃建國（代理）", [Roles.QaManager], row.ConcurrencyStamp, CancellationToken.None);
        var secondResult = await secondService.UpdateAsync(row.Id, "另一個名字", [Roles.QaManager, Roles.Executive], row.ConcurrencyStamp, CancellationToken.None);

        var after = await FindAsync("qa.manager@demo.local");
        Assert.True(firstResult.Succeeded);
        Assert.False(secondResult.Succeeded);
        Assert.True(secondResult.Conflict);
        Assert.Equal([Result.ConflictKey], secondResult.Errors);
        Assert.Equal("品保主管 黃建國（代理）", after.DisplayName);
        Assert.Equal([Roles.QaManager], after.Roles);
    }

    [Fact]
    public async Task Invite_WeakPassword_CreatesNothing()
    {
        await using var scope = TestScopes.AsAccount(_services, AdminEmail, Roles.Administrator, out UserAdminService service);

        var result = await service.InviteAsync(new InviteUserModel { Email = "weak@demo.local", DisplayName = "弱密碼", Roles = [Roles.CxAgent], InitialPassword = "qwerty123456" }, "http://localhost", CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.NotEmpty(result.Result.Errors);
        Assert.DoesNotContain(await service.ListAsync("weak@demo.local", CancellationToken.None), u => u.Email == "weak@demo.local");
    }

    [Fact]
    public async Task Invite_DuplicateEmail_FailsWithMessageAndKeepsTheExistingAccount()
    {
        await using var scope = TestScopes.AsAccount(_services, AdminEmail, Roles.Administrator, out UserAdminService service);
        var before = await FindAsync("merchandiser@demo.local");

        var result = await service.InviteAsync(new InviteUserModel { Email = "merchandiser@demo.local", DisplayName = "重複", Roles = [Roles.Administrator] }, "http://localhost", CancellationToken.None);

        var after = await FindAsync("merchandiser@demo.local");
        Assert.False(result.Succeeded);
        Assert.Contains(result.Result.Errors, e => e.Contains("merchandiser@demo.local", StringComparison.Ordinal));
        Assert.Equal(before.Roles, after.Roles);
        Assert.Equal(before.DisplayName, after.DisplayName);
    }

    [Fact]
    public async Task Invite_WithoutPassword_ReturnsLinkAndAuditsTheNewAccount()
    {
        await using var scope = TestScopes.AsAccount(_services, AdminEmail, Roles.Administrator, out UserAdminService service);

        var result = await service.InviteAsync(new InviteUserModel { Email = "new.agent@demo.local", DisplayName = "新客服", Roles = [Roles.CxAgent] }, "http://localhost:5080/", CancellationToken.None);

        Assert.True(result.Succeeded);
        Assert.StartsWith("http://localhost:5080/Account/AcceptInvitation?userId=", result.Link, StringComparison.Ordinal);
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var user = await db.Users.SingleAsync(u => u.Email == "new.agent@demo.local");
        var audit = await db.AuditEntries.Where(a => a.EntityType == nameof(PortalUser) && a.EntityKey == user.Id && a.Action == AuditAction.Create).SingleAsync();
        Assert.Equal("admin@demo.local", audit.UserName);
        Assert.DoesNotContain("new.agent@demo.local", audit.Changes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lock_OwnAccount_IsRefused()
    {
        await using var scope = TestScopes.AsAccount(_services, AdminEmail, Roles.Administrator, out UserAdminService service);
        var self = await FindAsync("admin@demo.local");

        var result = await service.SetLockedAsync(self.Id, locked: true, self.ConcurrencyStamp, CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal(["Admin.Users.CannotLockSelf"], result.Errors);
        Assert.False((await FindAsync("admin@demo.local")).LockedOut);
    }

    [Fact]
    public async Task Update_NoRolesAndBlankName_ReturnsKeysThePageTranslates()
    {
        await using var scope = TestScopes.AsAccount(_services, AdminEmail, Roles.Administrator, out UserAdminService service);
        var row = await FindAsync("executive@demo.local");
        var l = scope.ServiceProvider.GetRequiredService<IStringLocalizer<SharedResource>>();

        var result = await service.UpdateAsync(row.Id, " ", [], row.ConcurrencyStamp, CancellationToken.None);

        Assert.Equal(["Admin.Users.RoleRequired", "Admin.Users.DisplayNameRequired"], result.Errors);
        using (new CultureScope("zh-TW"))
        {
            Assert.Contains("請至少選擇一個角色", l.Messages(result));
        }

        using (new CultureScope("en"))
        {
            Assert.Contains("Choose at least one role", l.Messages(result));
        }
    }

    [Fact]
    public async Task List_AsNonAdministrator_IsRefused()
    {
        await using var scope = TestScopes.As(_services, Roles.Executive, out UserAdminService service, "exec-id", "executive@demo.local");

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => service.ListAsync(null, CancellationToken.None));
    }

    private async Task<UserRow> FindAsync(string email)
    {
        await using var scope = TestScopes.AsAccount(_services, AdminEmail, Roles.Administrator, out UserAdminService service);
        return (await service.ListAsync(email, CancellationToken.None)).Single(u => u.Email == email);
    }

}
