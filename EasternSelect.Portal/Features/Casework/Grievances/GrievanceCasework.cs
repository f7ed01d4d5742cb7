using EasternSelect.Data;
using EasternSelect.Domain.Casework;
using EasternSelect.Domain.Common;
using EasternSelect.Domain.Security;
using EasternSelect.Portal.Infrastructure;
using EasternSelect.Portal.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace EasternSelect.Portal.Features.Casework.Grievances;

/// <summary>
/// Grievance casework moves (客觀查): take, move, note, put an auditor on the case, the auditor's findings and conclusion,
/// the head's sign-off, attachments. Each loads the grievance, calls one domain method and saves.
/// </summary>
public sealed class GrievanceCasework(
    IDbContextFactory<PortalDbContext> contexts,
    PolicyGuard guard,
    CurrentUser currentUser,
    TimeProvider time)
{
    public async Task<IReadOnlyList<AuditorOption>> AuditorsAsync(CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.GrievanceManage);
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await (from ur in db.UserRoles
                      join r in db.Roles on ur.RoleId equals r.Id
                      join u in db.Users on ur.UserId equals u.Id
                      where r.Name == Roles.ThirdPartyAuditor
                      orderby u.DisplayName
                      select new AuditorOption(u.Id, u.DisplayName ?? u.Email ?? u.Id)).ToListAsync(ct);
    }

    public Task<Result> TakeAsync(int id, Guid version, CancellationToken ct) =>
        ChangeAsync(id, version, Policies.GrievanceIntake, (g, by, now) => g.Assign(by, by, now), ct);

    public Task<Result> MoveAsync(int id, CaseStatus to, string? note, Guid version, CancellationToken ct) =>
        ChangeAsync(id, version, Policies.GrievanceIntake, (g, by, now) => g.MoveTo(to, by, now, note), ct);

    public Task<Result> AddNoteAsync(int id, string text, Guid version, CancellationToken ct) =>
        ChangeAsync(id, version, Policies.GrievanceIntake, (g, by, now) => g.AddNote(text, by, now), ct);

    /// <summary>客觀查: the head puts a third-party auditor on the case.</summary>
    public async Task<Result> AssignAuditorAsync(int id, string auditorId, Guid version, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.GrievanceManage);
        var auditor = (await AuditorsAsync(ct)).FirstOrDefault(a => a.Id == auditorId);
        if (auditor is null)
        {
            return Result.Fail("Grievance.Error.NotAnAuditor");
        }

        return await ChangeAsync(id, version, Policies.GrievanceManage, (g, by, now) => g.AssignAuditor(new CaseActor(auditor.Id, auditor.Name), by, now), ct);
    }

    public Task<Result> RecordFindingAsync(int id, string text, Guid version, CancellationToken ct) =>
        ChangeAsync(id, version, Policies.GrievanceAudit, (g, by, now) => g.RecordFinding(text, by, now), ct);

    public Task<Result> ConcludeAsync(int id, GrievanceOutcome outcome, string conclusion, Guid version, CancellationToken ct) =>
        ChangeAsync(id, version, Policies.GrievanceAudit, (g, by, now) => g.Conclude(outcome, conclusion, by, now), ct);

    public Task<Result> SignOffAsync(int id, Guid version, CancellationToken ct) =>
        ChangeAsync(id, version, Policies.GrievanceManage, (g, by, now) => g.SignOff(by, now), ct);

    public async Task<Result> AttachAsync(int id, string fileName, long length, Stream content, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.Grievances);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var g = await Visible(db).AsTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (g is null)
        {
            return Result.Fail("Case.Error.NotFound");
        }

        var by = currentUser.Actor();
        var (file, error) = await CaseFiles.ReadAsync(fileName, length, content, by.Name, Now(), ct);
        if (file is null)
        {
            return Result.Fail(error!);
        }

        await CaseFiles.SaveWithFilesAsync(db, [file], () => g.Attach(file.Id, file.FileName, file.Length, by, Now()), ct);
        return Result.Ok(id);
    }

    private async Task<Result> ChangeAsync(int id, Guid version, string policy, Action<Grievance, CaseActor, DateTime> change, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.Grievances);
        await guard.EnsureAsync(policy);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var g = await Visible(db).AsTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (g is null)
        {
            return Result.Fail("Case.Error.NotFound");
        }

        db.Entry(g).Property(x => x.Version).OriginalValue = version;
        try
        {
            change(g, currentUser.Actor(), Now());
        }
        catch (DomainRuleException ex)
        {
            return Result.Refused(ex);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result.Conflicted();
        }

        return Result.Ok(id);
    }

    /// <summary>A third-party auditor sees only the cases assigned to it; the supplier-service staff and executives see all.</summary>

    private IQueryable<Grievance> Visible(PortalDbContext db) => GrievanceService.VisibleTo(db.Grievances.AsNoTracking(), currentUser.Principal);

    private DateTime Now() => time.GetUtcNow().UtcDateTime;
}
