using System.ComponentModel.DataAnnotations;
using System.Globalization;
using EasternSelect.Data;
using EasternSelect.Data.Queries;
using EasternSelect.Domain.Common;
using EasternSelect.Domain.Suppliers;
using EasternSelect.Portal.Features.Inspections;
using EasternSelect.Portal.Infrastructure;
using EasternSelect.Portal.Infrastructure.Localization;
using EasternSelect.Portal.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace EasternSelect.Portal.Features.Suppliers.Products;

public sealed class ProductForm
{
    [RequiredField, MaxTextLength(200)]
    public string Name { get; set; } = string.Empty;

    public SupplierChoice? Supplier { get; set; }

    public SupplierCategory Category { get; set; } = SupplierCategory.Food;

    public SalesChannel Channel { get; set; } = SalesChannel.Tv;

    [Range(0, 10_000_000)]
    public decimal Price { get; set; }

    /// <summary>Units sold in the latest imported month (read-only: the operating-data import is the one source).</summary>
    public int? ImportedUnitsSold { get; set; }

    public Guid? Version { get; set; }

    public string? Sku { get; set; }
}

/// <summary>
/// Creates and edits products (a new one is pending until its sample pre-inspection passes), delists and relists them with a
/// reason and date, and lets the QA manager list a pending product by exception. Who delists is remembered: QA's delistings are QA's to undo.
/// </summary>
public sealed class ProductEditService(IDbContextFactory<PortalDbContext> contexts, PolicyGuard guard, IAuthorizationService authorization, CurrentUser currentUser,
    TimeProvider clock)
{
    public async Task<ProductForm?> GetFormAsync(int id, CancellationToken ct)
    {
        await ListingSideAsync();
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Products.AsNoTracking().Where(p => p.Id == id).Select(p => new ProductForm
        {
            Name = p.Name,
            Supplier = new SupplierChoice(p.SupplierId, p.Supplier!.Name, p.Supplier.TaxId, p.Supplier.Category, p.Supplier.CountryCode, p.Supplier.Status, p.Supplier.Tier),
            Category = p.Category,
            Channel = p.Channel,
            Price = p.Price,
            ImportedUnitsSold = db.ProductMonthlyOperatingData.Where(d => d.ProductId == p.Id).OrderByDescending(d => d.Month).Select(d => (int?)d.UnitsSold).FirstOrDefault(),
            Version = p.Version,
            Sku = p.Sku,
        }).SingleOrDefaultAsync(ct);
    }

    /// <summary>Creates (id null) or updates a product.</summary>
    public async Task<Result> SaveAsync(int? id, ProductForm form, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.SupplierManage);
        ArgumentNullException.ThrowIfNull(form);
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(form.Name))
        {
            errors.Add("Validation.Required");
        }

        if (form.Supplier is null)
        {
            errors.Add("Product.SupplierRequired");
        }

        if (form.Price < 0)
        {
            errors.Add("Product.PriceNegative");
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        if (form.Supplier is { } supplier && !await db.Suppliers.AnyAsync(s => s.Id == supplier.Id, ct))
        {
            errors.Add("Supplier.NotFound");
        }

        if (errors.Count > 0)
        {
            return Result.Fail(errors);
        }

        Product? product;
        if (id is { } existing)
        {
            product = await db.Products.SingleOrDefaultAsync(p => p.Id == existing, ct);
            if (product is null)
            {
                return Result.Fail("Product.NotFound");
            }

            db.Entry(product).Property(p => p.Version).OriginalValue = form.Version ?? Guid.Empty;
        }
        else
        {
            product = new Product { Sku = await NextSkuAsync(db, ct) };
            db.Products.Add(product);
        }

        product.Name = form.Name.Trim();
        product.SupplierId = form.Supplier!.Id;
        product.Category = form.Category;
        product.Channel = form.Channel;
        product.Price = form.Price;
        return await SaveAsync(db, product, ct);
    }

    /// <summary>Takes a listed product off sale on the day chosen, with a reason; the QA manager delists for QA, everyone else for the supplier side.</summary>
    public async Task<Result> DelistAsync(int id, string reason, DateTime delistedOn, Guid version, CancellationToken ct)
    {
        var side = await ListingSideAsync();
        if (reason?.Trim().Length > Product.ReasonMaxLength)
        {
            return Result.Fail("Product.DelistReasonTooLong");
        }

        return await ChangeListingAsync(id, version, p => p.Delist(reason ?? string.Empty, DateTime.SpecifyKind(delistedOn.Date, DateTimeKind.Utc), side), ct);
    }

    /// <summary>Puts a delisted product back on sale; a product QA delisted needs the QA manager (refused otherwise).</summary>
    public async Task<Result> RelistAsync(int id, Guid version, CancellationToken ct)
    {
        var side = await ListingSideAsync();
        return await ChangeListingAsync(id, version, p => p.Relist(side), ct);
    }

    /// <summary>The QA manager lists a pending product without a passed pre-inspection; the reason stays on the product (and in the audit log).</summary>
    public async Task<Result> ListByExceptionAsync(int id, string? reason, Guid version, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.ListingApprove);
        var by = currentUser.Person().Name;
        return await ChangeListingAsync(id, version, p => p.ListByException(reason ?? string.Empty, by, clock.GetUtcNow().UtcDateTime), ct);
    }

    /// <summary>Whether the current person may change listings at all, and for which side: the QA manager acts for QA.</summary>
    public async Task<ListingSide?> SideOfCurrentUserAsync()
    {
        if ((await authorization.AuthorizeAsync(currentUser.Principal, Policies.ListingApprove)).Succeeded)
        {
            return ListingSide.QualityAssurance;
        }

        return (await authorization.AuthorizeAsync(currentUser.Principal, Policies.SupplierManage)).Succeeded ? ListingSide.SupplierService : null;
    }

    private async Task<ListingSide> ListingSideAsync() =>
        await SideOfCurrentUserAsync() ?? throw new UnauthorizedAccessException($"The current user satisfies neither the {Policies.SupplierManage} nor the {Policies.ListingApprove} policy.");

    private async Task<Result> ChangeListingAsync(int id, Guid version, Action<Product> change, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var product = await db.Products.SingleOrDefaultAsync(p => p.Id == id, ct);
        if (product is null)
        {
            return Result.Fail("Product.NotFound");
        }

        db.Entry(product).Property(p => p.Version).OriginalValue = version;
        try
        {
            change(product);
        }
        catch (DomainRuleException rule)
        {
            return Result.Refused(rule);
        }

        return await SaveAsync(db, product, ct);
    }

    private static async Task<Result> SaveAsync(PortalDbContext db, Product product, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return Result.Ok(product.Id);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result.Conflicted();
        }
    }

    /// <summary>SKUs are "P" and seven digits; a new product takes the next number.</summary>
    private static async Task<string> NextSkuAsync(PortalDbContext db, CancellationToken ct)
    {
        var last = await db.Products.Where(p => p.Sku.StartsWith("P")).OrderByDescending(p => p.Sku).Select(p => p.Sku).FirstOrDefaultAsync(ct);
        var next = last is not null && int.TryParse(last.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n + 1 : 1;
        return string.Create(CultureInfo.InvariantCulture, $"P{next:D7}");
    }
}
