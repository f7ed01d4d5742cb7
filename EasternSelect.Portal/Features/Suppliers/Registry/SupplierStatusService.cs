using EasternSelect.Data;
using EasternSelect.Domain.Common;
using EasternSelect.Domain.Suppliers;
using EasternSelect.Portal.Infrastructure;
using EasternSelect.Portal.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace EasternSelect.Portal.Features.Suppliers.Registry;

/// <summary>Moves a supplier to another status by hand (suspend, terminate, back to review), with the reason on record.</summary>
public sealed class SupplierStatusService(IDbContextFactory<PortalDbContext> contexts, PolicyGuard guard, CurrentUser currentUser, TimeProvider time)
{
    /// <summary>Moves a supplier to one of <see cref="OfferedStatuses"/>: Qualified is the verdict's job, never a hand change.</summary>
    public async Task<Result> ChangeStatusAsync(int id, SupplierStatus to, string? reason, Guid version, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.SupplierManage);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var supplier = await db.Suppliers.SingleOrDefaultAsync(s => s.Id == id, ct);
        if (supplier is null)
        {
            return Result.Fail("Supplier.NotFound");
        }

        if (to == SupplierStatus.Qualified)
        {
            return Result.Fail("Supplier.StatusChangeNotAllowed");
        }

        db.Entry(supplier).Property(s => s.Version).OriginalValue = version;
        try
        {
            supplier.ChangeStatus(to, reason, currentUser.Actor.UserName, time.GetUtcNow().UtcDateTime);
        }
        catch (DomainRuleException rule)
        {
            return Result.Refused(rule);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result.Conflicted();
        }

        return Result.Ok(supplier.Id);
    }

    /// <summary>The statuses a person may choose by hand: the rules' next statuses, without Qualified (reached only by a verdict).</summary>
    public static IReadOnlyList<SupplierStatus> OfferedStatuses(SupplierStatus from) =>
        SupplierStatusRules.NextStatuses(from).Where(s => s != SupplierStatus.Qualified).ToList();
}
