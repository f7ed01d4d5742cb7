using System.Globalization;
using EasternSelect.Data;
using EasternSelect.Domain.Common;
using EasternSelect.Domain.Inspections;
using EasternSelect.Portal.Infrastructure;
using EasternSelect.Portal.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace EasternSelect.Portal.Features.Inspections.Lots;

/// <summary>Receiving a lot (status Received) and the re-inspection (複檢) of a rejected one; both are inspected on the lot's page.</summary>
public sealed class LotReceivingService(
    IDbContextFactory<PortalDbContext> contexts, PolicyGuard guard, TimeProvider time, IStringLocalizer<SharedResource> l)
{
    /// <summary>Receives a lot; the result's id is the new lot's.</summary>
    public Task<Result> ReceiveAsync(NewLotRequest request, CancellationToken ct) =>
        TransientRetry.RunAsync(() => ReceiveOnceAsync(request, ct), ct);

    private async Task<Result> ReceiveOnceAsync(NewLotRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        await guard.EnsureAsync(Policies.Inspections);
        var errors = IncomingLot.ValidateReceipt(request.LotNumber, request.ReceivedOn, request.LotSize, request.UnitsShort, time.TaipeiToday()).ToList();
        if (request.SupplierId is null)
        {
            errors.Add("Lots.SupplierRequired");
        }

        if (request.ProductId is null)
        {
            errors.Add("Lots.ProductRequired");
        }

        if (request.Note?.Length > IncomingLot.NoteMaxLength)
        {
            errors.Add("Lots.NoteTooLong");
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var product = request.ProductId is { } productId && request.SupplierId is { } supplierId
            ? await db.Products.AsNoTracking().Where(p => p.Id == productId && p.SupplierId == supplierId).Select(p => new { p.Id, p.Category }).SingleOrDefaultAsync(ct)
            : null;
        if (product is null && request.ProductId is not null && request.SupplierId is not null)
        {
            errors.Add("Lots.ProductNotOfSupplier");
        }

        if (errors.Count > 0)
        {
            return Result.Fail(errors.Distinct());
        }

        var lot = IncomingLot.Receive(
            request.SupplierId!.Value, product!.Id, product.Category, request.LotNumber!, request.ReceivedOn!.Value, request.LotSize, request.UnitsShort, request.Level, request.Note);
        db.IncomingLots.Add(lot);
        await db.SaveChangesAsync(ct);
        return Result.Ok(lot.Id);
    }

    /// <summary>Receives the re-inspection of a rejected lot: same lot, linked to its corrective-action request; the result's id is the new lot's.</summary>
    public async Task<Result> ReceiveReinspectionAsync(int originalLotId, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.Inspections);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var original = await db.IncomingLots.AsNoTracking().SingleOrDefaultAsync(x => x.Id == originalLotId, ct);
        if (original is null)
        {
            return Result.Fail("Lots.ReinspectionNeedsRejectedLot");
        }

        if (await db.IncomingLots.AnyAsync(x => x.ReinspectionOfLotId == originalLotId && x.Status == LotStatus.Received, ct))
        {
            return Result.Fail("Lots.ReinspectionPending");
        }

        var actionId = await db.CorrectiveActions.Where(c => c.IncomingLotId == originalLotId).Select(c => (int?)c.Id).SingleOrDefaultAsync(ct);
        var note = string.Format(CultureInfo.CurrentCulture, l["Lots.ReinspectionNote"], time.TaipeiToday().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        try
        {
            var lot = original.NewReinspection(actionId, note);
            db.IncomingLots.Add(lot);
            await db.SaveChangesAsync(ct);
            return Result.Ok(lot.Id);
        }
        catch (DomainRuleException e)
        {
            return Result.Refused(e);
        }
    }
}
