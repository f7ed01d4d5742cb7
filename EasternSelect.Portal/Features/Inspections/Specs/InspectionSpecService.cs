using EasternSelect.Data;
using EasternSelect.Domain.Inspections;
using EasternSelect.Domain.Suppliers;
using EasternSelect.Portal.Features.Suppliers.Registry;
using EasternSelect.Portal.Infrastructure;
using EasternSelect.Portal.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace EasternSelect.Portal.Features.Inspections.Specs;

public sealed record ChecklistItemRow(string Code, string Title, DefectClass DefectClass, string Method, string? RegulationReference, int Order);

public sealed record ChecklistVersionView(int TemplateId, SupplierCategory Category, int Number, DateOnly EffectiveFrom, IReadOnlyList<ChecklistItemRow> Items);

public sealed record ChecklistVersionRow(
    int TemplateId, int Number, DateOnly EffectiveFrom, string CreatedBy, DateTime CreatedUtc, int ItemCount,
    string? WhatChanged, string? Reason);

public sealed record SpecChangeRequest(
    SupplierCategory Category, int BasedOnTemplateId, IReadOnlyList<ChecklistItemDraft> Items, string? WhatChanged, string? Reason, DateOnly EffectiveDate);

/// <summary>A recorded spec change: <see cref="Result"/> carries the change record's id, <see cref="NewVersionNumber"/> the checklist version it made.</summary>
public sealed record SpecChangeResult(Result Result, int? NewVersionNumber = null);

public sealed record AffectedProductRow(int Id, string Sku, string Name, string SupplierName, SalesChannel Channel, decimal Price, int MonthlyUnitsSold);

/// <summary>A delisting: how many products it took off sale.</summary>
public sealed record DelistResult(Result Result, int Delisted = 0);

/// <summary>
/// Inspection specs (法規履歷更新): the versioned checklist of each category, recording a spec change as a new
/// version, the listed products a change affects, and delisting chosen ones in one action.
/// </summary>
public sealed class InspectionSpecService(
    IDbContextFactory<PortalDbContext> contexts, PolicyGuard guard, CurrentUser currentUser, TimeProvider time)
{
    public const int MaxDelistBatch = 500;

    /// <summary>A version of the category's checklist: the given number, or the latest.</summary>
    public async Task<ChecklistVersionView?> GetVersionAsync(SupplierCategory category, int? number, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.Inspections);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var templates = db.ChecklistTemplates.AsNoTracking().Where(t => t.Category == category);
        templates = number is { } n ? templates.Where(t => t.Number == n) : templates.OrderByDescending(t => t.Number);
        var template = await templates.Select(t => new { t.Id, t.Number, t.EffectiveFrom }).FirstOrDefaultAsync(ct);
        if (template is null)
        {
            return null;
        }

        var items = await db.ChecklistItems.AsNoTracking().Where(i => i.ChecklistTemplateId == template.Id).OrderBy(i => i.Order)
            .Select(i => new ChecklistItemRow(i.Code, i.Title, i.DefectClass, i.Method, i.RegulationReference, i.Order))
            .ToListAsync(ct);
        return new ChecklistVersionView(template.Id, category, template.Number, template.EffectiveFrom, items);
    }

    /// <summary>Every version of the category's checklist, newest first, with the change that produced it.</summary>
    public async Task<IReadOnlyList<ChecklistVersionRow>> ListVersionsAsync(SupplierCategory category, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.Inspections);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var changes = db.InspectionSpecChanges.AsNoTracking();
        return await db.ChecklistTemplates.AsNoTracking().Where(t => t.Category == category).OrderByDescending(t => t.Number)
            .Select(t => new ChecklistVersionRow(
                t.Id, t.Number, t.EffectiveFrom,
                changes.Where(c => c.NewTemplateId == t.Id).Select(c => c.ChangedByName).FirstOrDefault() ?? t.CreatedBy,
                t.CreatedUtc, t.Items.Count,
                changes.Where(c => c.NewTemplateId == t.Id).Select(c => c.WhatChanged).FirstOrDefault(),
                changes.Where(c => c.NewTemplateId == t.Id).Select(c => c.Reason).FirstOrDefault()))
            .ToListAsync(ct);
    }

    /// <summary>Records a spec change: a new checklist version (the previous one stays as it was) and the change record.</summary>
    public async Task<SpecChangeResult> RecordChangeAsync(SpecChangeRequest request, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.InspectionSpecManage);
        ArgumentNullException.ThrowIfNull(request);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var previous = await db.ChecklistTemplates.Include(t => t.Items)
            .SingleOrDefaultAsync(t => t.Id == request.BasedOnTemplateId && t.Category == request.Category, ct);
        if (previous is null)
        {
            return new SpecChangeResult(Result.Fail("Spec.VersionNotFound"));
        }

        var latest = await db.ChecklistTemplates.Where(t => t.Category == request.Category).MaxAsync(t => t.Number, ct);
        if (latest != previous.Number)
        {
            return new SpecChangeResult(Result.Conflicted());
        }

        var errors = InspectionSpecChange.Validate(request.WhatChanged, request.Reason, previous, request.Items).ToList();
        errors.AddRange(previous.ValidateNext(request.Items));
        if (errors.Count > 0)
        {
            return new SpecChangeResult(Result.Fail(errors.Distinct()));
        }

        var actor = currentUser.Actor;
        var next = previous.NextVersion(request.Items, request.EffectiveDate, actor.UserName);
        var change = new InspectionSpecChange
        {
            Category = request.Category,
            PreviousTemplateId = previous.Id,
            NewTemplate = next,
            NewVersionNumber = next.Number,
            WhatChanged = request.WhatChanged!.Trim(),
            Reason = request.Reason!.Trim(),
            EffectiveDate = request.EffectiveDate,
            ChangedById = actor.UserId ?? string.Empty,
            ChangedByName = actor.UserName,
            RecordedUtc = time.GetUtcNow().UtcDateTime,
        };
        db.ChecklistTemplates.Add(next);
        db.InspectionSpecChanges.Add(change);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The unique (Category, Number) index: someone else recorded a version at the same moment.
            return new SpecChangeResult(Result.Conflicted());
        }

        return new SpecChangeResult(Result.Ok(change.Id), next.Number);
    }

    /// <summary>The listed products of the category a change affects, optionally narrowed by a name keyword or SKU.</summary>
    public async Task<PagedResult<AffectedProductRow>> AffectedProductsAsync(SupplierCategory category, string? keyword, int page, int pageSize, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.InspectionSpecManage);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var products = db.Products.AsNoTracking().Where(p => p.Category == category && p.ListingStatus == ListingStatus.Listed);
        if (!string.IsNullOrWhiteSpace(keyword))
        {
            var term = keyword.Trim();
            products = products.Where(p => p.Name.Contains(term) || p.Sku == term);
        }

        var total = await products.CountAsync(ct);
        var size = Math.Clamp(pageSize, 1, SupplierListService.MaxPageSize);
        var rows = await products.OrderBy(p => p.Name).ThenBy(p => p.Id).Skip(Math.Max(page, 0) * size).Take(size)
            .Select(p => new AffectedProductRow(p.Id, p.Sku, p.Name, p.Supplier!.Name, p.Channel, p.Price,
                db.ProductMonthlyOperatingData.Where(d => d.ProductId == p.Id).OrderByDescending(d => d.Month).Select(d => d.UnitsSold).FirstOrDefault()))
            .ToListAsync(ct);
        return new PagedResult<AffectedProductRow>(rows, total);
    }

    /// <summary>Delists (下架) the chosen listed products of the category in one save; each change is audited.</summary>
    public async Task<DelistResult> DelistAsync(SupplierCategory category, IReadOnlyCollection<int> productIds, string? reason, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.InspectionSpecManage);
        ArgumentNullException.ThrowIfNull(productIds);
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(reason))
        {
            errors.Add("Product.DelistReasonRequired");
        }
        else if (reason.Trim().Length > 500)
        {
            errors.Add("Spec.DelistReasonTooLong");
        }

        if (productIds.Count == 0)
        {
            errors.Add("Spec.NoProductsSelected");
        }
        else if (productIds.Count > MaxDelistBatch)
        {
            errors.Add("Spec.TooManyProducts");
        }

        if (errors.Count > 0)
        {
            return new DelistResult(Result.Fail(errors));
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var ids = productIds.Distinct().ToList();
        var products = await db.Products
            .Where(p => ids.Contains(p.Id) && p.Category == category && p.ListingStatus == ListingStatus.Listed)
            .ToListAsync(ct);
        if (products.Count != ids.Count)
        {
            // Someone delisted one of them meanwhile, or an id is not of this category: change nothing.
            return new DelistResult(Result.Fail("Spec.ProductsChanged"));
        }

        var now = time.GetUtcNow().UtcDateTime;
        foreach (var product in products)
        {
            product.Delist(reason!, now, ListingSide.QualityAssurance);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new DelistResult(Result.Fail("Spec.ProductsChanged"));
        }

        return new DelistResult(Result.Ok(), products.Count);
    }
}
