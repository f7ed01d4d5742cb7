using EasternSelect.Data;
using EasternSelect.Domain.Common;
using EasternSelect.Domain.Reviews;
using EasternSelect.Portal.Infrastructure;
using EasternSelect.Portal.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace EasternSelect.Portal.Features.Suppliers.Reviews;

/// <summary>Starts a qualification review: picks the supplier, takes the rule's method or the head's override.</summary>
public sealed class StartReviewService(IDbContextFactory<PortalDbContext> contexts, PolicyGuard guard, CurrentUser currentUser,
    IAuthorizationService authorization, TimeProvider clock)
{
    public async Task<ReviewSupplier?> GetSupplierAsync(int supplierId, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.QualificationReview);
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Suppliers.AsNoTracking().Where(s => s.Id == supplierId)
            .Select(s => new ReviewSupplier(s.Id, s.Name, s.TaxId, s.Category, s.CountryCode, s.Status, s.Tier))
            .FirstOrDefaultAsync(ct);
    }

    public async Task<Result> StartAsync(StartReviewModel model, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(model);
        await guard.EnsureAsync(Policies.QualificationReview);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var supplier = await db.Suppliers.FirstOrDefaultAsync(s => s.Id == model.SupplierId, ct);
        if (supplier is null)
        {
            return Result.Fail("Review.SupplierRequired");
        }

        if (await db.QualificationReviews.AnyAsync(r => r.SupplierId == supplier.Id && (r.Status == ReviewStatus.InProgress || r.Status == ReviewStatus.AwaitingVerdict), ct))
        {
            return Result.Fail("Review.AlreadyOpen");
        }

        var actor = ReviewService.Person(currentUser);
        try
        {
            var review = QualificationReview.Start(supplier, model.Risk, actor.Id, actor.Name, clock.GetUtcNow().UtcDateTime);
            if (model.Method is { } method && method != review.SuggestedMethod)
            {
                if (!(await authorization.AuthorizeAsync(currentUser.Principal, Policies.QualificationVerdict)).Succeeded)
                {
                    return Result.Fail("Review.OverrideHeadOnly");
                }

                review.OverrideMethod(method, model.OverrideReason ?? string.Empty, actor.Name);
            }

            db.QualificationReviews.Add(review);
            await db.SaveChangesAsync(ct);
            return Result.Ok(review.Id);
        }
        catch (DomainRuleException rule)
        {
            return Result.Refused(rule);
        }
    }
}
