using EasternSelect.Data;
using EasternSelect.Domain.Committees;
using EasternSelect.Domain.Common;
using EasternSelect.Domain.Security;
using EasternSelect.Portal.Components.Shared;
using EasternSelect.Portal.Infrastructure;
using EasternSelect.Portal.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace EasternSelect.Portal.Features.Committees;

public sealed record CommitteeMemberRow(int Id, Guid Version, string UserId, string DisplayName, CommitteeDepartment Department, DateOnly EffectiveFrom, DateOnly? EffectiveTo, bool Current);

/// <summary>A portal user holding the committee-member role; <paramref name="Reason"/> says why they cannot be added now (a resource key), or null.</summary>
public sealed record MemberCandidate(string UserId, string DisplayName, string? Email, string? Reason);

public sealed class CommitteeMemberForm
{
    public string? UserId { get; set; }

    public CommitteeDepartment? Department { get; set; }

    public DateTime? EffectiveFrom { get; set; }

    public DateTime? EffectiveTo { get; set; }
}

/// <summary>The chair keeps the 商品審議委員會's members at /committees/members: who sits for which department from when to when; ended memberships stay.</summary>
public sealed class CommitteeMemberService(IDbContextFactory<PortalDbContext> contexts, PolicyGuard guard, TimeProvider clock)
{
    /// <summary>The person's membership in force on a Taiwan day (a meeting's date), or null.</summary>
    public static async Task<CommitteeMember?> EffectiveAsync(PortalDbContext db, string userId, DateOnly day, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var memberships = await db.CommitteeMembers.AsNoTracking().Where(m => m.UserId == userId && m.Active).ToListAsync(ct);
        return memberships.Where(m => m.IsEffectiveOn(day)).OrderByDescending(m => m.EffectiveFrom).FirstOrDefault();
    }

    public async Task<IReadOnlyList<CommitteeMemberRow>> MembersAsync(CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.CommitteeChair);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var today = clock.TaipeiToday();
        var members = await db.CommitteeMembers.AsNoTracking().Where(m => m.Active).ToListAsync(ct);
        return members.OrderBy(m => m.Department).ThenBy(m => m.IsEffectiveOn(today) ? 0 : 1).ThenByDescending(m => m.EffectiveFrom).ThenBy(m => m.DisplayName, StringComparer.Ordinal)
            .Select(m => new CommitteeMemberRow(m.Id, m.Version, m.UserId, m.DisplayName, m.Department, m.EffectiveFrom, m.EffectiveTo, m.IsEffectiveOn(today))).ToList();
    }

    /// <summary>Everyone holding the committee-member role, with the reason one cannot be added from today.</summary>
    public async Task<IReadOnlyList<MemberCandidate>> CandidatesAsync(CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.CommitteeChair);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var today = clock.TaipeiToday();
        var users = await UsersInRole(db).Select(u => new { u.Id, u.DisplayName, u.Email, u.LockoutEnd }).ToListAsync(ct);
        var open = await db.CommitteeMembers.AsNoTracking().Where(m => m.Active).ToListAsync(ct);
        return users.OrderBy(u => u.DisplayName, StringComparer.Ordinal).Select(u => new MemberCandidate(u.Id, u.DisplayName, u.Email,
            u.LockoutEnd > clock.GetUtcNow() ? "Committee.Members.UserLocked"
            : open.Any(m => m.UserId == u.Id && m.Overlaps(today, null)) ? "Committee.Members.AlreadyMember" : null)).ToList();
    }

    public async Task<Result> AddAsync(CommitteeMemberForm form, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.CommitteeChair);
        ArgumentNullException.ThrowIfNull(form);
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(form.UserId))
        {
            errors.Add("Committee.Members.UserRequired");
        }

        if (form.Department is not { } department || !Enum.IsDefined(department))
        {
            errors.Add("Committee.Members.DepartmentRequired");
        }

        if (form.EffectiveFrom is null)
        {
            errors.Add("Committee.Members.FromRequired");
        }
        else if (form.EffectiveTo is { } end && end.Date < form.EffectiveFrom.Value.Date)
        {
            errors.Add("Committee.Members.EndBeforeStart");
        }

        if (errors.Count > 0)
        {
            return Result.Fail(errors);
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var user = await UsersInRole(db).Where(u => u.Id == form.UserId).Select(u => new { u.Id, u.DisplayName }).FirstOrDefaultAsync(ct);
        if (user is null)
        {
            return Result.Fail("Committee.Members.NotInRole");
        }

        var from = DateOnly.FromDateTime(form.EffectiveFrom!.Value);
        DateOnly? to = form.EffectiveTo is { } t ? DateOnly.FromDateTime(t) : null;
        var existing = await db.CommitteeMembers.AsNoTracking().Where(m => m.UserId == user.Id && m.Active).ToListAsync(ct);
        if (existing.Any(m => m.Overlaps(from, to)))
        {
            return Result.Fail("Committee.Members.Overlaps");
        }

        var member = new CommitteeMember { UserId = user.Id, DisplayName = user.DisplayName, Department = form.Department!.Value, EffectiveFrom = from, EffectiveTo = to };
        db.CommitteeMembers.Add(member);
        await db.SaveChangesAsync(ct);
        return Result.Ok(member.Id);
    }

    /// <summary>Ends a membership on a Taiwan day (never deletes it: past meetings keep their members).</summary>
    public async Task<Result> EndAsync(int id, Guid version, DateTime? lastDay, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.CommitteeChair);
        if (lastDay is null)
        {
            return Result.Fail("Committee.Members.EndRequired");
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var member = await db.CommitteeMembers.FirstOrDefaultAsync(m => m.Id == id, ct);
        if (member is null)
        {
            return Result.Conflicted();
        }

        db.Entry(member).Property(m => m.Version).OriginalValue = version;
        return await CommitteeCommands.SaveAsync(db, () => member.End(DateOnly.FromDateTime(lastDay.Value)), ct, () => member.Id);
    }

    public async Task<IReadOnlyList<ReferenceChange>> HistoryAsync(CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.CommitteeChair);
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await ReferenceHistory.ForAsync(db, nameof(CommitteeMember), ct);
    }

    private static IQueryable<PortalUser> UsersInRole(PortalDbContext db) =>
        from user in db.Users.AsNoTracking()
        join userRole in db.UserRoles on user.Id equals userRole.UserId
        join role in db.Roles on userRole.RoleId equals role.Id
        where role.Name == Roles.CommitteeMember
        select user;
}
