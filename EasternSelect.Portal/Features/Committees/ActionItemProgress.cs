using EasternSelect.Data;
using EasternSelect.Domain.Committees;
using EasternSelect.Portal.Infrastructure;
using EasternSelect.Portal.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace EasternSelect.Portal.Features.Committees;

/// <summary>An action item's owner (or the QA manager) moves it along PDCA, even from the home page.</summary>
public sealed class ActionItemProgress(IDbContextFactory<PortalDbContext> contexts, PolicyGuard guard, CurrentUser currentUser, IAuthorizationService authorization, TimeProvider clock)
{
    public async Task<Result> ChangeActionItemStatusAsync(int itemId, ActionItemStatus status, string? note, Guid version, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.SignedIn);
        if (!Enum.IsDefined(status))
        {
            return Result.Fail("Anomaly.StatusInvalid");
        }

        if (note?.Trim().Length > AnomalyMeetingService.MaxText)
        {
            return Result.Fail("Anomaly.NoteTooLong");
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var item = await db.ActionItems.FirstOrDefaultAsync(a => a.Id == itemId, ct);
        if (item is null)
        {
            return Result.Fail("Anomaly.NotFound");
        }

        if (item.OwnerUserId != currentUser.Actor.UserId && !(await authorization.AuthorizeAsync(currentUser.Principal, Policies.AnomalyMeetingManage)).Succeeded)
        {
            throw new UnauthorizedAccessException("Only the owner or the QA manager changes an action item.");
        }

        db.Entry(item).Property(a => a.Version).OriginalValue = version;
        return await CommitteeCommands.SaveAsync(db, () => item.ChangeStatus(status, note, Now()), ct);
    }


    private DateTime Now() => clock.GetUtcNow().UtcDateTime;
}
