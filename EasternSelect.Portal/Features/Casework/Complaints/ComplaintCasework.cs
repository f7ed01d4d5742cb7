using EasternSelect.Data;
using EasternSelect.Domain.Casework;
using EasternSelect.Domain.Common;
using EasternSelect.Domain.Tiering;
using EasternSelect.Portal.Infrastructure;
using EasternSelect.Portal.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace EasternSelect.Portal.Features.Casework.Complaints;

/// <summary>
/// Complaint casework moves: take, move along the workflow, close with a root cause, note, flag a major case, attach.
/// Each loads the complaint, calls one domain method and saves; a refused rule or a stale version saves nothing.
/// </summary>
public sealed class ComplaintCasework(
    IDbContextFactory<PortalDbContext> contexts,
    PolicyGuard guard,
    IAuthorizationService authorization,
    CurrentUser currentUser,
    TimeProvider time)
{
    /// <summary>The current person takes the case (a major case only by the major-case team).</summary>
    public Task<Result> TakeAsync(int id, Guid version, CancellationToken ct) =>
        ChangeAsync(id, version, requireWorker: false, async (c, by, now) =>
        {
            if (c.IsMajor && !await IsAsync(Policies.MajorCases))
            {
                throw new DomainRuleException("Complaint.Error.MajorTeamOnly");
            }

            c.Assign(by, by, now);
        }, ct);

    public Task<Result> MoveAsync(int id, CaseStatus to, string? note, Guid version, CancellationToken ct) =>
        ChangeAsync(id, version, requireWorker: true, (c, by, now) =>
        {
            c.MoveTo(to, by, now, note);
            return Task.CompletedTask;
        }, ct);

    /// <summary>Records the root cause and closes in one step: closing requires it.</summary>
    public Task<Result> CloseAsync(int id, RootCause cause, string? note, Guid version, CancellationToken ct) =>
        ChangeAsync(id, version, requireWorker: true, (c, by, now) =>
        {
            c.Close(cause, note, by, now);
            return Task.CompletedTask;
        }, ct);

    public Task<Result> AddNoteAsync(int id, string text, Guid version, CancellationToken ct) =>
        ChangeAsync(id, version, requireWorker: true, (c, by, now) =>
        {
            c.AddNote(text, by, now);
            return Task.CompletedTask;
        }, ct);

    /// <summary>The agent flags a major case; the team is told at once.</summary>
    public Task<Result> FlagMajorAsync(int id, MajorCaseReason reasons, Guid version, CancellationToken ct) =>
        ChangeAsync(id, version, requireWorker: false, (c, by, now) =>
        {
            if (reasons == MajorCaseReason.None)
            {
                throw new DomainRuleException("Complaint.Error.MajorReason");
            }

            c.MarkMajor(reasons, detected: false, by, now);
            return Task.CompletedTask;
        }, ct);

    public async Task<Result> AttachAsync(int id, string fileName, long length, Stream content, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.Complaints);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var c = await db.Complaints.SingleOrDefaultAsync(x => x.Id == id, ct);
        if (c is null)
        {
            return Result.Fail("Case.Error.NotFound");
        }

        if (!await ComplaintWork.CanWorkAsync(authorization, currentUser, c.AssigneeId, c.IsMajor))
        {
            return Result.Fail("Case.Error.NotWorking");
        }

        var by = currentUser.Actor();
        var (file, error) = await CaseFiles.ReadAsync(fileName, length, content, by.Name, Now(), ct);
        if (file is null)
        {
            return Result.Fail(error!);
        }

        await CaseFiles.SaveWithFilesAsync(db, [file], () => c.Attach(file.Id, file.FileName, file.Length, by, Now()), ct);
        return Result.Ok(id);
    }

    private async Task<Result> ChangeAsync(int id, Guid version, bool requireWorker, Func<Complaint, CaseActor, DateTime, Task> change, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.Complaints);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var c = await db.Complaints.SingleOrDefaultAsync(x => x.Id == id, ct);
        if (c is null)
        {
            return Result.Fail("Case.Error.NotFound");
        }

        if (requireWorker && !await ComplaintWork.CanWorkAsync(authorization, currentUser, c.AssigneeId, c.IsMajor))
        {
            return Result.Fail(c.IsMajor ? "Complaint.Error.MajorTeamOnly" : "Case.Error.NotWorking");
        }

        db.Entry(c).Property(x => x.Version).OriginalValue = version;
        var now = Now();
        var wasMajor = c.IsMajor;
        var wasClosed = c.Status == CaseStatus.Closed ? (c.RootCause, c.SupplierId, c.ClosedUtc) : default;
        try
        {
            await change(c, currentUser.Actor(), now);
        }
        catch (DomainRuleException ex)
        {
            return Result.Refused(ex);
        }

        if (!wasMajor && c.IsMajor)
        {
            ComplaintWork.NotifyMajor(db, c, now);
        }

        // A quality complaint counts toward its supplier's monthly record (complaint rate, spot-check candidates).
        if (wasClosed.RootCause == RootCause.QualityDefect && c.Status != CaseStatus.Closed && wasClosed.SupplierId is { } oldSupplier)
        {
            await CountQualityComplaintAsync(db, oldSupplier, wasClosed.ClosedUtc!.Value, -1, ct);
        }

        if (c.Status == CaseStatus.Closed && wasClosed.ClosedUtc is null && c.RootCause == RootCause.QualityDefect && c.SupplierId is { } supplier)
        {
            await CountQualityComplaintAsync(db, supplier, now, +1, ct);
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

    /// <summary>The supplier's record of the Taiwan month the complaint closed in.</summary>
    private static async Task CountQualityComplaintAsync(PortalDbContext db, int supplierId, DateTime utc, int delta, CancellationToken ct)
    {
        var month = TaiwanTime.MonthOf(utc);
        var record = await db.SupplierMonthlyRecords.SingleOrDefaultAsync(r => r.SupplierId == supplierId && r.Month == month, ct);
        if (record is null)
        {
            record = new SupplierMonthlyRecord { SupplierId = supplierId, Month = month };
            db.SupplierMonthlyRecords.Add(record);
        }

        record.Complaints = Math.Max(0, record.Complaints + delta);
    }

    private async Task<bool> IsAsync(string policy) => (await authorization.AuthorizeAsync(currentUser.Principal, policy)).Succeeded;

    private DateTime Now() => time.GetUtcNow().UtcDateTime;
}
