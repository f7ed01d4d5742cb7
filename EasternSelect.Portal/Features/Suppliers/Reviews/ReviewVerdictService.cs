using EasternSelect.Data;
using EasternSelect.Domain.Common;
using EasternSelect.Domain.Reviews;
using EasternSelect.Portal.Infrastructure;
using EasternSelect.Portal.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace EasternSelect.Portal.Features.Suppliers.Reviews;

/// <summary>判定合格: the supplier-service head's verdict on a submitted review, which may schedule monthly spot checks.</summary>
public sealed class ReviewVerdictService(IDbContextFactory<PortalDbContext> contexts, PolicyGuard guard, CurrentUser currentUser, TimeProvider clock)
{
    public const int SpotCheckMonths = 3;

    /// <summary>Decided by a head who is not the reviewer (the review refuses self-approval); a stale copy is a conflict.</summary>
    public async Task<Result> DecideAsync(int id, VerdictModel model, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(model);
        await guard.EnsureAsync(Policies.QualificationVerdict);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var review = await db.QualificationReviews.Include(r => r.Supplier).Include(r => r.Documents).Include(r => r.Scores)
            .AsSplitQuery().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (review is null)
        {
            return Result.Fail("Review.NotFound");
        }

        var actor = ReviewService.Person(currentUser);
        var now = clock.GetUtcNow().UtcDateTime;
        db.Entry(review).Property(r => r.Version).OriginalValue = model.Version;
        try
        {
            review.Decide(model.Qualified, actor.Id, actor.Name, ReviewService.Trim(model.Note, 1000), model.ScheduleSpotChecks, now);
        }
        catch (DomainRuleException rule)
        {
            return Result.Refused(rule);
        }

        if (review.SpotChecksScheduled)
        {
            db.MonthlySpotChecks.AddRange(MonthlySpotCheck.Schedule(review.SupplierId, review.Id, TaiwanTime.DateOf(now), SpotCheckMonths));
        }

        return await ReviewService.SaveAsync(db, ct);
    }
}
