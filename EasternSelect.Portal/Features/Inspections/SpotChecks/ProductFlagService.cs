using EasternSelect.Data;
using EasternSelect.Domain.Common;
using EasternSelect.Domain.Inspections;
using EasternSelect.Portal.Infrastructure;
using EasternSelect.Portal.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace EasternSelect.Portal.Features.Inspections.SpotChecks;

public sealed record FlagRow(int Id, ProductPick Product, ProductFlagKind Kind, string Source, DateOnly Date, string? Note, string RecordedBy);

public sealed class FlagModel
{
    public int? ProductId { get; set; }

    public ProductFlagKind? Kind { get; set; }

    public string? Source { get; set; }

    public DateTime? Date { get; set; }

    public string? Note { get; set; }
}

/// <summary>Major complaints, news reports and other flags QA records on a product; a recent flag makes the product a spot-check candidate.</summary>
public sealed class ProductFlagService(IDbContextFactory<PortalDbContext> contexts, PolicyGuard guard, CurrentUser currentUser, TimeProvider clock)
{
    public async Task<IReadOnlyList<FlagRow>> FlagsAsync(int take, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.Inspections);
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.ProductFlags.AsNoTracking().OrderByDescending(f => f.Date).ThenByDescending(f => f.Id).Take(Math.Clamp(take, 1, 200))
            .Select(f => new FlagRow(f.Id, new ProductPick(f.Product!.Id, f.Product.Sku, f.Product.Name, f.Product.Supplier!.Name, f.Product.Category),
                f.Kind, f.Source, f.Date, f.Note, f.RecordedBy))
            .ToListAsync(ct);
    }

    /// <summary>QA records a major complaint, news report or other flag on a product.</summary>
    public async Task<Result> AddFlagAsync(FlagModel model, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.Inspections);
        var errors = new List<string>();
        if (model.ProductId is null)
        {
            errors.Add("Flag.ProductRequired");
        }

        if (model.Kind is null)
        {
            errors.Add("Flag.KindRequired");
        }

        if (string.IsNullOrWhiteSpace(model.Source))
        {
            errors.Add("Flag.SourceRequired");
        }
        else if (model.Source.Length > ProductFlag.SourceMaxLength)
        {
            errors.Add("Flag.SourceTooLong");
        }

        if (model.Note?.Length > ProductFlag.NoteMaxLength)
        {
            errors.Add("Flag.NoteTooLong");
        }

        var today = clock.TaipeiToday();
        if (model.Date is null)
        {
            errors.Add("Flag.DateRequired");
        }
        else if (DateOnly.FromDateTime(model.Date.Value) > today)
        {
            errors.Add("Flag.DateInFuture");
        }

        if (errors.Count > 0)
        {
            return Result.Fail(errors);
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        if (!await db.Products.AnyAsync(p => p.Id == model.ProductId, ct))
        {
            return Result.Fail("Flag.ProductRequired");
        }

        var flag = new ProductFlag
        {
            ProductId = model.ProductId!.Value,
            Kind = model.Kind!.Value,
            Source = model.Source!.Trim(),
            Date = DateOnly.FromDateTime(model.Date!.Value),
            Note = InspectionCommon.Trim(model.Note),
            RecordedBy = currentUser.Person().Name,
            RecordedUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.ProductFlags.Add(flag);
        await db.SaveChangesAsync(ct);
        return Result.Ok(flag.Id);
    }
}
