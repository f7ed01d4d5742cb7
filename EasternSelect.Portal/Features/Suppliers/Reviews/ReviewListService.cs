using EasternSelect.Data;
using EasternSelect.Domain.Reviews;
using EasternSelect.Portal.Features.Suppliers.Registry;
using EasternSelect.Portal.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace EasternSelect.Portal.Features.Suppliers.Reviews;

/// <summary>Reads qualification reviews: the tabs of the list, the count awaiting a verdict, and one review with its checklist.</summary>
public sealed class ReviewListService(IDbContextFactory<PortalDbContext> contexts, PolicyGuard guard, CurrentUser currentUser, IAuthorizationService authorization)
{
    public const int MaxPageSize = 100;

    public async Task<PagedResult<ReviewRow>> ListAsync(ReviewTab tab, int page, int pageSize, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.QualificationReview);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var reviews = db.QualificationReviews.AsNoTracking();
        reviews = tab switch
        {
            ReviewTab.InProgress => reviews.Where(r => r.Status == ReviewStatus.InProgress).OrderByDescending(r => r.StartedUtc),
            ReviewTab.AwaitingVerdict => reviews.Where(r => r.Status == ReviewStatus.AwaitingVerdict).OrderBy(r => r.SubmittedUtc),
            _ => reviews.Where(r => r.Status == ReviewStatus.Qualified || r.Status == ReviewStatus.Rejected).OrderByDescending(r => r.VerdictUtc).ThenByDescending(r => r.Id),
        };
        var total = await reviews.CountAsync(ct);
        var size = Math.Clamp(pageSize, 1, MaxPageSize);
        var rows = await reviews.Skip(Math.Max(page, 0) * size).Take(size)
            .Select(r => new ReviewRow(r.Id, r.SupplierId, r.Supplier!.Name, r.Method, r.Risk, r.Status, r.ReviewerName, r.StartedUtc, r.SubmittedUtc, r.VerdictUtc, r.VerdictByName))
            .ToListAsync(ct);
        return new PagedResult<ReviewRow>(rows, total);
    }

    public async Task<int> CountAwaitingVerdictAsync(CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.QualificationReview);
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.QualificationReviews.CountAsync(r => r.Status == ReviewStatus.AwaitingVerdict, ct);
    }

    /// <summary>Whether the person may decide verdicts (and override a method): the page shows those actions only to them.</summary>
    public async Task<bool> CanDecideAsync() =>
        (await authorization.AuthorizeAsync(currentUser.Principal, Policies.QualificationVerdict)).Succeeded;

    public async Task<ReviewDetail?> GetAsync(int id, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.QualificationReview);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var review = await db.QualificationReviews.AsNoTracking().Include(r => r.Supplier).Include(r => r.Documents).Include(r => r.Scores)
            .AsSplitQuery().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (review is null)
        {
            return null;
        }

        var photoIds = review.Scores.SelectMany(s => ReviewService.PhotoIds(s.PhotoFileIds)).ToList();
        var fileIds = review.Documents.Where(d => d.FileId is not null).Select(d => d.FileId!.Value).Concat(photoIds).ToList();
        var files = await db.Files.AsNoTracking().Where(f => fileIds.Contains(f.Id)).Select(f => new { f.Id, f.FileName, f.Sha256 }).ToDictionaryAsync(f => f.Id, ct);
        var checks = await db.MonthlySpotChecks.AsNoTracking().Where(c => c.QualificationReviewId == id).OrderBy(c => c.Month)
            .Select(c => new SpotCheckRow(c.Id, c.Month, c.Status, c.Result)).ToListAsync(ct);
        var s = review.Supplier!;
        return new ReviewDetail(
            review.Id, review.Version, new ReviewSupplier(s.Id, s.Name, s.TaxId, s.Category, s.CountryCode, s.Status, s.Tier),
            review.Method, review.SuggestedMethod, review.MethodOverrideReason, review.MethodOverriddenBy, review.Risk, review.Status,
            review.ReviewerId, review.ReviewerName, review.StartedUtc, review.SubmittedUtc, review.VerdictByName, review.VerdictUtc, review.VerdictNote,
            review.SpotChecksScheduled,
            review.Documents.OrderBy(d => d.Type).Select(d => new ReviewDocumentRow(d.Id, d.Type, d.Provided, d.FileId,
                d.FileId is { } f && files.TryGetValue(f, out var file) ? file.FileName : null,
                d.FileId is { } g && files.TryGetValue(g, out var file2) ? file2.Sha256 : null, d.Note)).ToList(),
            review.Scores.OrderBy(x => x.Item).Select(x => new ReviewScoreRow(x.Id, x.Item, x.Score, x.Finding,
                ReviewService.PhotoIds(x.PhotoFileIds).Where(files.ContainsKey).Select(p => new ReviewFileRef(p, files[p].FileName)).ToList())).ToList(),
            review.MissingForSubmission(), review.Recommends, review.OnSiteAverage, checks);
    }
}
