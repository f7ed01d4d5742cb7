using EasternSelect.Data;
using EasternSelect.Domain.Common;
using EasternSelect.Portal.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EasternSelect.Portal.Features.Committees;

internal static class CommitteeCommands
{
    /// <summary>Applies a domain change and saves; a refused rule or a stale version leaves nothing saved.</summary>
    public static async Task<Result> SaveAsync(PortalDbContext db, Action change, CancellationToken ct, Func<int>? id = null)
    {
        try
        {
            change();
            await db.SaveChangesAsync(ct);
            return Result.Ok(id?.Invoke());
        }
        catch (DomainRuleException e)
        {
            return Result.Refused(e);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result.Conflicted();
        }
    }
}
