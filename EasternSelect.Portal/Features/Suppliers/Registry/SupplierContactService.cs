using System.Globalization;
using EasternSelect.Data;
using EasternSelect.Domain.Auditing;
using EasternSelect.Domain.Suppliers;
using EasternSelect.Portal.Infrastructure;
using EasternSelect.Portal.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace EasternSelect.Portal.Features.Suppliers.Registry;

public sealed record SupplierContact(string Name, string Phone, string Email);

/// <summary>Reveals a supplier's masked contact to a supplier manager, and records that it was seen.</summary>
public sealed class SupplierContactService(IDbContextFactory<PortalDbContext> contexts, PolicyGuard guard, CurrentUser currentUser, AuditLog auditLog)
{
    public async Task<SupplierContact?> RevealContactAsync(int id, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.SupplierManage);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var contact = await db.Suppliers.AsNoTracking().Where(s => s.Id == id)
            .Select(s => new SupplierContact(s.ContactName, s.ContactPhone, s.ContactEmail)).SingleOrDefaultAsync(ct);
        if (contact is not null)
        {
            await auditLog.WriteAsync(AuditAction.ViewPersonalData, currentUser.Actor, nameof(Supplier), id.ToString(CultureInfo.InvariantCulture), "contact", ct);
        }

        return contact;
    }
}
