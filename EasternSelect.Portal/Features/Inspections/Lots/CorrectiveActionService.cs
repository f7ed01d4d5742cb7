using EasternSelect.Data;
using EasternSelect.Domain.Common;
using EasternSelect.Portal.Features.Inspections.Quality;
using EasternSelect.Portal.Infrastructure;
using EasternSelect.Portal.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace EasternSelect.Portal.Features.Inspections.Lots;

/// <summary>Corrective-action requests (矯正措施要求) of rejected lots: the QA manager accepts the supplier's answer.</summary>
public sealed class CorrectiveActionService(IDbContextFactory<PortalDbContext> contexts, PolicyGuard guard, CurrentUser currentUser, TimeProvider time)
{
    /// <summary>
    /// Accepts the supplier's corrective action; a discontinued stream of that supplier and category resumes (on tightened)
    /// and the month's record of the supplier is recomputed, in one transaction. The result's id is the original lot's.
    /// </summary>
    public async Task<Result> AcceptAsync(int actionId, Guid version, string? response, DateOnly? acceptedOn, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.InspectionApprove);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var action = await db.CorrectiveActions.Include(c => c.IncomingLot).SingleOrDefaultAsync(c => c.Id == actionId, ct);
        if (action is null)
        {
            return Result.Fail("Lots.NotFound");
        }

        db.Entry(action).Property(c => c.Version).OriginalValue = version;
        var today = time.TaipeiToday();
        var by = currentUser.Actor.UserName;
        try
        {
            var errors = action.Accept(response, acceptedOn ?? today, today, by);
            if (errors.Count > 0)
            {
                return Result.Fail(errors);
            }
        }
        catch (DomainRuleException e)
        {
            return Result.Refused(e);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var discontinued = await db.InspectionStreams
            .Where(s => s.SupplierId == action.SupplierId && s.Category == action.IncomingLot!.Category && s.IsDiscontinued).ToListAsync(ct);
        foreach (var stream in discontinued)
        {
            stream.ResumeAfterCorrectiveAction(by, now);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await db.SaveChangesAsync(ct);
            await QualityFiguresService.UpsertMonthlyRecordsAsync(db, action.IncomingLot!.Month, [action.SupplierId], today, ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result.Conflicted();
        }

        return Result.Ok(action.IncomingLotId);
    }
}
