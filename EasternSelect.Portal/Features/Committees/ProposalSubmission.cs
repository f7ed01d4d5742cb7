using EasternSelect.Data;
using EasternSelect.Domain.Committees;
using EasternSelect.Domain.Suppliers;
using EasternSelect.Portal.Infrastructure;
using EasternSelect.Portal.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace EasternSelect.Portal.Features.Committees;

/// <summary>A merchandiser puts a product (existing, or new and not yet listed) on an open meeting's agenda.</summary>
public sealed class ProposalSubmission(IDbContextFactory<PortalDbContext> contexts, PolicyGuard guard, CurrentUser currentUser, TimeProvider clock)
{
    public async Task<Result> SubmitProposalAsync(int meetingId, ProposalForm form, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.ProposalSubmit);
        var errors = new List<string>();
        if (form.ExistingProduct && form.ProductId is null)
        {
            errors.Add("Committee.ProductRequired");
        }

        if (!form.ExistingProduct)
        {
            if (string.IsNullOrWhiteSpace(form.NewProductName))
            {
                errors.Add("Committee.NewProductNameRequired");
            }
            else if (form.NewProductName.Trim().Length > ProductReviewService.MaxName)
            {
                errors.Add("Committee.NewProductNameTooLong");
            }

            if (form.SupplierId is null)
            {
                errors.Add("Committee.SupplierRequired");
            }
        }

        if (form.ProposedPrice is not { } price || price <= 0 || price > 10_000_000m || decimal.Round(price, 2) != price)
        {
            errors.Add("Committee.PriceInvalid");
        }

        if (string.IsNullOrWhiteSpace(form.SellingPoints))
        {
            errors.Add("Committee.SellingPointsRequired");
        }
        else if (form.SellingPoints.Trim().Length > ProductReviewService.MaxSellingPoints)
        {
            errors.Add("Committee.SellingPointsTooLong");
        }

        if (form.SamplePreInspectionResult?.Trim().Length > ProductReviewService.MaxText)
        {
            errors.Add("Committee.PreInspectionTooLong");
        }

        if (form.SamplePreInspectionId is <= 0)
        {
            errors.Add("Committee.PreInspectionIdInvalid");
        }

        if (!Enum.IsDefined(form.Channel))
        {
            errors.Add("Committee.ChannelInvalid");
        }

        if (errors.Count > 0)
        {
            return Result.Fail(errors);
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var meeting = await db.ProductReviewMeetings.Include(m => m.Proposals).FirstOrDefaultAsync(m => m.Id == meetingId, ct);
        if (meeting is null)
        {
            return Result.Fail("Committee.NotFound");
        }

        var proposal = new ProductProposal
        {
            Channel = form.Channel, ProposedPrice = form.ProposedPrice!.Value, SellingPoints = form.SellingPoints!.Trim(),
            SamplePreInspectionId = form.SamplePreInspectionId, SamplePreInspectionResult = Trim(form.SamplePreInspectionResult),
            SubmittedById = currentUser.Actor.UserId ?? string.Empty, SubmittedByName = PersonName(), SubmittedUtc = Now(),
        };
        if (form.ExistingProduct)
        {
            var product = await db.Products.AsNoTracking().FirstOrDefaultAsync(p => p.Id == form.ProductId, ct);
            if (product is null)
            {
                return Result.Fail("Committee.ProductRequired");
            }

            if (meeting.Proposals.Any(p => p.ProductId == product.Id))
            {
                return Result.Fail("Committee.AlreadyOnAgenda");
            }

            (proposal.ProductId, proposal.ProductName, proposal.SupplierId) = (product.Id, product.Name, product.SupplierId);
        }
        else
        {
            var supplier = await db.Suppliers.AsNoTracking().FirstOrDefaultAsync(s => s.Id == form.SupplierId, ct);
            if (supplier is null || supplier.Status == SupplierStatus.Terminated)
            {
                return Result.Fail("Committee.SupplierRequired");
            }

            (proposal.ProductName, proposal.SupplierId) = (form.NewProductName!.Trim(), supplier.Id);
        }

        return await CommitteeCommands.SaveAsync(db, () => meeting.AddProposal(proposal), ct, () => proposal.Id);
    }

    /// <summary>A committee member scores a proposal for its department (again, to change it, until scoring closes).</summary>

    private static string? Trim(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private string PersonName() => currentUser.Principal.FindFirst(PortalClaims.DisplayName)?.Value ?? currentUser.Actor.UserName;

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;
}
