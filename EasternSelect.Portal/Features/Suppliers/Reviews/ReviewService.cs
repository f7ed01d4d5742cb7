using EasternSelect.Data;
using EasternSelect.Domain.Files;
using EasternSelect.Domain.Reviews;
using EasternSelect.Domain.Suppliers;
using EasternSelect.Domain.Tiering;
using EasternSelect.Portal.Features.Suppliers.Registry;
using EasternSelect.Portal.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace EasternSelect.Portal.Features.Suppliers.Reviews;

public enum ReviewTab
{
    InProgress,
    AwaitingVerdict,
    Decided,
}

public sealed record ReviewRow(int Id, int SupplierId, string SupplierName, ReviewMethod Method, SupplierRisk Risk, ReviewStatus Status,
    string ReviewerName, DateTime StartedUtc, DateTime? SubmittedUtc, DateTime? VerdictUtc, string? VerdictByName);

public sealed record ReviewSupplier(int Id, string Name, string TaxId, SupplierCategory Category, string CountryCode, SupplierStatus Status, SupplierTier Tier)
{
    public bool IsLocal => CountryCode == "TW";

    /// <summary>Whether the tier asks for monthly spot checks (the verdict's default).</summary>
    public bool TierWantsSpotChecks => InspectionIntensity.For(Tier).MonthlySpotCheck;
}

public sealed record ReviewDocumentRow(int Id, ReviewDocumentType Type, bool Provided, int? FileId, string? FileName, string? Sha256, string? Note);

public sealed record ReviewFileRef(int Id, string FileName);

public sealed record ReviewScoreRow(int Id, FactoryItem Item, int? Score, string? Finding, IReadOnlyList<ReviewFileRef> Photos);

public sealed record SpotCheckRow(int Id, DateOnly Month, SpotCheckStatus Status, string? Result);

public sealed record ReviewDetail(
    int Id, Guid Version, ReviewSupplier Supplier, ReviewMethod Method, ReviewMethod SuggestedMethod, string? MethodOverrideReason, string? MethodOverriddenBy,
    SupplierRisk Risk, ReviewStatus Status, string ReviewerId, string ReviewerName, DateTime StartedUtc, DateTime? SubmittedUtc,
    string? VerdictByName, DateTime? VerdictUtc, string? VerdictNote, bool SpotChecksScheduled,
    IReadOnlyList<ReviewDocumentRow> Documents, IReadOnlyList<ReviewScoreRow> Scores, IReadOnlyList<string> Missing,
    bool Recommends, decimal? OnSiteAverage, IReadOnlyList<SpotCheckRow> SpotChecks);

/// <summary>The outcome of a review action: errors are resource keys the page shows as messages.</summary>
public sealed record ReviewResult(bool Succeeded, IReadOnlyList<string> Errors, bool Conflict = false, int? Id = null)
{
    public static ReviewResult Success(int? id = null) => new(true, [], Id: id);

    public static ReviewResult Fail(params string[] errors) => new(false, errors);
}

public sealed class StartReviewModel
{
    public int SupplierId { get; set; }

    public SupplierRisk Risk { get; set; } = SupplierRisk.Medium;

    /// <summary>Null keeps the rule's suggestion; another method is an override by the supplier head.</summary>
    public ReviewMethod? Method { get; set; }

    public string? OverrideReason { get; set; }
}

public sealed class VerdictModel
{
    public bool Qualified { get; set; } = true;

    public string? Note { get; set; }

    public bool ScheduleSpotChecks { get; set; }

    public Guid Version { get; set; }
}

/// <summary>The 4 大審查流程: start, document or on-site review, submit, the head's verdict, and the yearly table.</summary>
public sealed class ReviewService(IDbContextFactory<PortalDbContext> contexts, PolicyGuard guard, CurrentUser currentUser,
    IAuthorizationService authorization, TimeProvider clock)
{
    public const int MaxPageSize = 100;

    public const int MinYear = 2000;

    public const int MaxYearSpan = 20;

    public const int SpotCheckMonths = 3;

    private static readonly string[] PhotoExtensions = [".jpg", ".jpeg", ".png"];

    private static readonly string[] DocumentExtensions = [".pdf", ".jpg", ".jpeg", ".png"];

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

    /// <summary>The supplier picker of a new review: a name or tax-ID search, a handful of matches.</summary>
    public async Task<IReadOnlyList<ReviewSupplier>> SearchSuppliersAsync(string? term, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.QualificationReview);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var suppliers = db.Suppliers.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(term))
        {
            var t = term.Trim();
            suppliers = t.All(char.IsAsciiDigit) ? suppliers.Where(s => s.TaxId.StartsWith(t)) : suppliers.Where(s => s.Name.Contains(t));
        }

        return await suppliers.OrderBy(s => s.Status == SupplierStatus.Prospect || s.Status == SupplierStatus.Terminated ? 0 : 1).ThenBy(s => s.Name).Take(20)
            .Select(s => new ReviewSupplier(s.Id, s.Name, s.TaxId, s.Category, s.CountryCode, s.Status, s.Tier))
            .ToListAsync(ct);
    }

    public async Task<ReviewSupplier?> GetSupplierAsync(int supplierId, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.QualificationReview);
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Suppliers.AsNoTracking().Where(s => s.Id == supplierId)
            .Select(s => new ReviewSupplier(s.Id, s.Name, s.TaxId, s.Category, s.CountryCode, s.Status, s.Tier))
            .FirstOrDefaultAsync(ct);
    }

    public async Task<bool> CanDecideAsync() =>
        (await authorization.AuthorizeAsync(currentUser.Principal, Policies.QualificationVerdict)).Succeeded;

    public async Task<ReviewResult> StartAsync(StartReviewModel model, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.QualificationReview);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var supplier = await db.Suppliers.FirstOrDefaultAsync(s => s.Id == model.SupplierId, ct);
        if (supplier is null)
        {
            return ReviewResult.Fail("Review.SupplierRequired");
        }

        if (await db.QualificationReviews.AnyAsync(r => r.SupplierId == supplier.Id && (r.Status == ReviewStatus.InProgress || r.Status == ReviewStatus.AwaitingVerdict), ct))
        {
            return ReviewResult.Fail("Review.AlreadyOpen");
        }

        if (supplier.Status is SupplierStatus.Qualified)
        {
            return ReviewResult.Fail("Review.AlreadyQualified");
        }

        var actor = Person();
        var review = QualificationReview.Start(supplier, model.Risk, actor.Id, actor.Name, Now());
        if (model.Method is { } method && method != review.SuggestedMethod)
        {
            if (!await CanDecideAsync())
            {
                return ReviewResult.Fail("Review.OverrideHeadOnly");
            }

            if (string.IsNullOrWhiteSpace(model.OverrideReason))
            {
                return ReviewResult.Fail("Review.OverrideNeedsReason");
            }

            review.OverrideMethod(method, model.OverrideReason, actor.Name);
        }

        db.QualificationReviews.Add(review);
        await db.SaveChangesAsync(ct);
        return ReviewResult.Success(review.Id);
    }

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

        var photoIds = review.Scores.SelectMany(s => PhotoIds(s.PhotoFileIds)).ToList();
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
                PhotoIds(x.PhotoFileIds).Where(files.ContainsKey).Select(p => new ReviewFileRef(p, files[p].FileName)).ToList())).ToList(),
            review.MissingForSubmission(), review.Recommends, review.OnSiteAverage, checks);
    }

    public async Task<ReviewResult> OverrideMethodAsync(int id, ReviewMethod method, string? reason, Guid version, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.QualificationVerdict);
        if (string.IsNullOrWhiteSpace(reason))
        {
            return ReviewResult.Fail("Review.OverrideNeedsReason");
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var review = await LoadAsync(db, id, ct);
        if (review is null)
        {
            return ReviewResult.Fail("Review.NotFound");
        }

        if (review.Status != ReviewStatus.InProgress)
        {
            return ReviewResult.Fail("Review.NotInProgress");
        }

        db.Entry(review).Property(r => r.Version).OriginalValue = version;
        review.OverrideMethod(method, reason, Person().Name);
        return await SaveAsync(db, ct);
    }

    public async Task<ReviewResult> SaveDocumentAsync(int id, ReviewDocumentType type, bool provided, string? note, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.QualificationReview);
        return await ChangeInProgressAsync(id, r => r.Documents.FirstOrDefault(d => d.Type == type), (_, item) =>
        {
            item.Provided = provided;
            item.Note = Trim(note, 500);
            return Task.CompletedTask;
        }, ct);
    }

    /// <summary>Stores an uploaded document (PDF/JPG/PNG) and marks it provided.</summary>
    public async Task<ReviewResult> UploadDocumentAsync(int id, ReviewDocumentType type, string fileName, string contentType, long length, Stream content, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.QualificationReview);
        var upload = await ReadFileAsync(fileName, length, content, DocumentExtensions, ct);
        if (upload.File is null)
        {
            return ReviewResult.Fail(upload.Key!);
        }

        return await ChangeInProgressAsync(id, r => r.Documents.FirstOrDefault(d => d.Type == type), async (db, item) =>
        {
            var file = await StoreAsync(db, upload.File, ct);
            item.FileId = file.Id;
            item.Provided = true;
        }, ct);
    }

    public async Task<ReviewResult> SaveScoreAsync(int id, FactoryItem factoryItem, int? score, string? finding, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.QualificationReview);
        if (score is < 0 or > 100)
        {
            return ReviewResult.Fail("Review.ScoreOutOfRange");
        }

        return await ChangeInProgressAsync(id, r => r.Scores.FirstOrDefault(s => s.Item == factoryItem), (_, item) =>
        {
            item.Score = score;
            item.Finding = Trim(finding, 1000);
            return Task.CompletedTask;
        }, ct);
    }

    public async Task<ReviewResult> UploadPhotoAsync(int id, FactoryItem factoryItem, string fileName, string contentType, long length, Stream content, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.QualificationReview);
        var upload = await ReadFileAsync(fileName, length, content, PhotoExtensions, ct);
        if (upload.File is null)
        {
            return ReviewResult.Fail(upload.Key!);
        }

        return await ChangeInProgressAsync(id, r => r.Scores.FirstOrDefault(s => s.Item == factoryItem), async (db, item) =>
        {
            var file = await StoreAsync(db, upload.File, ct);
            item.PhotoFileIds = string.Join(',', PhotoIds(item.PhotoFileIds).Append(file.Id));
        }, ct);
    }

    /// <summary>Loads a review, finds one checklist item and changes it, only while the review is in progress.</summary>
    private async Task<ReviewResult> ChangeInProgressAsync<TItem>(int id, Func<QualificationReview, TItem?> find, Func<PortalDbContext, TItem, Task> change, CancellationToken ct)
        where TItem : class
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var review = await LoadAsync(db, id, ct);
        var item = review is null ? null : find(review);
        if (review is null || item is null)
        {
            return ReviewResult.Fail("Review.NotFound");
        }

        if (review.Status != ReviewStatus.InProgress)
        {
            return ReviewResult.Fail("Review.NotInProgress");
        }

        await change(db, item);
        return await SaveAsync(db, ct);
    }

    /// <summary>Submits for the verdict; when something is missing nothing changes and the missing parts are listed.</summary>
    public async Task<ReviewResult> SubmitAsync(int id, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.QualificationReview);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var review = await LoadAsync(db, id, ct);
        if (review is null)
        {
            return ReviewResult.Fail("Review.NotFound");
        }

        if (review.Status != ReviewStatus.InProgress)
        {
            return ReviewResult.Fail("Review.NotInProgress");
        }

        var missing = review.MissingForSubmission();
        if (missing.Count > 0)
        {
            return new ReviewResult(false, missing);
        }

        review.Submit(Now());
        return await SaveAsync(db, ct);
    }

    /// <summary>判定合格 by a supplier head who is not the reviewer; a qualified verdict may schedule monthly spot checks.</summary>
    public async Task<ReviewResult> DecideAsync(int id, VerdictModel model, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.QualificationVerdict);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var review = await db.QualificationReviews.Include(r => r.Supplier).Include(r => r.Documents).Include(r => r.Scores)
            .AsSplitQuery().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (review is null)
        {
            return ReviewResult.Fail("Review.NotFound");
        }

        if (review.Status != ReviewStatus.AwaitingVerdict)
        {
            return ReviewResult.Fail("Review.NotAwaitingVerdict");
        }

        if (!model.Qualified && string.IsNullOrWhiteSpace(model.Note))
        {
            return ReviewResult.Fail("Review.RejectionNeedsReason");
        }

        var actor = Person();
        var now = Now();
        db.Entry(review).Property(r => r.Version).OriginalValue = model.Version;
        try
        {
            review.Decide(model.Qualified, actor.Id, actor.Name, Trim(model.Note, 1000), model.ScheduleSpotChecks, now);
        }
        catch (SelfApprovalException)
        {
            return ReviewResult.Fail("Review.SelfApproval");
        }

        if (review.SpotChecksScheduled)
        {
            db.MonthlySpotChecks.AddRange(MonthlySpotCheck.Schedule(review.SupplierId, review.Id, DateOnly.FromDateTime(now), SpotCheckMonths));
        }

        return await SaveAsync(db, ct);
    }

    /// <summary>
    /// 近 3 年審查結果 for the years from..to: reviews decided in the year by method, qualified verdicts, the pass ratio,
    /// and the distinct suppliers with a (not cancelled) monthly spot check in the year.
    /// </summary>
    public async Task<IReadOnlyList<ReviewYearSummary>> YearSummaryAsync(int fromYear, int toYear, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.SupplierRegistry);
        var error = CheckYearRange(fromYear, toYear, clock.GetUtcNow().Year);
        if (error is not null)
        {
            throw new ArgumentOutOfRangeException(nameof(fromYear), error);
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var start = new DateTime(fromYear, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var end = new DateTime(toYear + 1, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var decided = await db.QualificationReviews.AsNoTracking()
            .Where(r => r.VerdictUtc >= start && r.VerdictUtc < end && (r.Status == ReviewStatus.Qualified || r.Status == ReviewStatus.Rejected))
            .Select(r => new { r.VerdictUtc, r.Method, r.Status })
            .ToListAsync(ct);
        var checks = await db.MonthlySpotChecks.AsNoTracking()
            .Where(c => c.Month >= DateOnly.FromDateTime(start) && c.Month < DateOnly.FromDateTime(end) && c.Status != SpotCheckStatus.Cancelled)
            .Select(c => new { c.Month, c.SupplierId })
            .ToListAsync(ct);
        return Enumerable.Range(fromYear, toYear - fromYear + 1).Select(year =>
        {
            var inYear = decided.Where(r => r.VerdictUtc!.Value.Year == year).ToList();
            return new ReviewYearSummary(
                year,
                inYear.Count(r => r.Method == ReviewMethod.Document),
                inYear.Count(r => r.Method == ReviewMethod.OnSite),
                inYear.Count(r => r.Status == ReviewStatus.Qualified),
                checks.Where(c => c.Month.Year == year).Select(c => c.SupplierId).Distinct().Count());
        }).ToList();
    }

    /// <summary>Validates a year range typed by a person: a resource key, or null when the range is usable.</summary>
    public static string? CheckYearRange(int fromYear, int toYear, int currentYear)
    {
        if (fromYear < MinYear || toYear > currentYear + 1)
        {
            return "Review.YearOutOfRange";
        }

        if (toYear < fromYear)
        {
            return "Review.YearOrder";
        }

        return toYear - fromYear >= MaxYearSpan ? "Review.YearSpanTooLong" : null;
    }

    private static Task<QualificationReview?> LoadAsync(PortalDbContext db, int id, CancellationToken ct) =>
        db.QualificationReviews.Include(r => r.Documents).Include(r => r.Scores).AsSplitQuery().FirstOrDefaultAsync(r => r.Id == id, ct);

    private static async Task<ReviewResult> SaveAsync(PortalDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return ReviewResult.Success();
        }
        catch (DbUpdateConcurrencyException)
        {
            return new ReviewResult(false, ["Common.ConcurrencyConflict"], Conflict: true);
        }
    }

    /// <summary>Reads and checks an upload (name, type, size, content); the key is plain, as the review page names the file itself.</summary>
    private async Task<FileUpload> ReadFileAsync(string fileName, long length, Stream content, string[] extensions, CancellationToken ct)
    {
        var rule = new FileRule(extensions, StoredFile.MaxBytes);
        return StoredFile.Check(fileName, length) is { } error
            ? new FileUpload(null, error, fileName)
            : await StoredFileBuilder.BuildAsync(fileName, content, rule, Person().Name, Now(), ct);
    }

    private static async Task<StoredFile> StoreAsync(PortalDbContext db, StoredFile file, CancellationToken ct)
    {
        db.Files.Add(file);
        await db.SaveChangesAsync(ct);
        return file;
    }

    private static IEnumerable<int> PhotoIds(string? ids) =>
        string.IsNullOrEmpty(ids) ? [] : ids.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(p => int.Parse(p, System.Globalization.CultureInfo.InvariantCulture));

    private static string? Trim(string? text, int max) =>
        string.IsNullOrWhiteSpace(text) ? null : text.Trim() is var t && t.Length > max ? t[..max] : text.Trim();

    private (string Id, string Name) Person()
    {
        var principal = currentUser.Principal;
        var id = currentUser.Actor.UserId ?? string.Empty;
        var name = principal.FindFirst(PortalClaims.DisplayName)?.Value ?? currentUser.Actor.UserName;
        return (id, name);
    }

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;
}
