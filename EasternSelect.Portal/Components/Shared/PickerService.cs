using EasternSelect.Data;
using EasternSelect.Data.Queries;
using EasternSelect.Portal.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace EasternSelect.Portal.Components.Shared;

/// <summary>
/// The searches behind <see cref="SupplierPicker"/> and <see cref="ProductPicker"/>: one matching rule (<see cref="PickerQueries"/>),
/// checked against the policy of the page the picker sits on.
/// </summary>
public sealed class PickerService(IDbContextFactory<PortalDbContext> contexts, PolicyGuard guard)
{
    public async Task<IReadOnlyList<SupplierChoice>> SuppliersAsync(string policy, string? text, SupplierPickFilter filter, CancellationToken ct)
    {
        await guard.EnsureAsync(policy);
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await PickerQueries.SuppliersAsync(db, text, filter, ct);
    }

    public async Task<IReadOnlyList<ProductChoice>> ProductsAsync(string policy, string? text, ProductPickFilter filter, int? supplierId, CancellationToken ct)
    {
        await guard.EnsureAsync(policy);
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await PickerQueries.ProductsAsync(db, text, filter, supplierId, ct);
    }

    /// <summary>The supplier a form opens with (a link that names it), as the picker shows it.</summary>
    public async Task<SupplierChoice?> SupplierAsync(string policy, int id, CancellationToken ct)
    {
        await guard.EnsureAsync(policy);
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await PickerQueries.SupplierAsync(db, id, ct);
    }

    /// <summary>The product a form opens with, as the picker shows it.</summary>
    public async Task<ProductChoice?> ProductAsync(string policy, int id, CancellationToken ct)
    {
        await guard.EnsureAsync(policy);
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await PickerQueries.ProductAsync(db, id, ct);
    }
}
