using EasternSelect.Data;
using EasternSelect.Domain.Common;
using EasternSelect.Domain.Files;
using EasternSelect.Domain.Reviews;
using EasternSelect.Portal.Infrastructure;
using EasternSelect.Portal.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace EasternSelect.Portal.Features.Suppliers.Reviews;

/// <summary>
/// The reviewer's work on an open review of the 4 大審查流程: the documents or on-site scores, their uploads, the head's method
/// override and the submission. Starting (<see cref="StartReviewService"/>), the verdict (<see cref="ReviewVerdictService"/>),
/// reading (<see cref="ReviewListService"/>) and the yearly table (<see cref="ReviewYearSummaryService"/>) are their own classes.
/// </summary>
public sealed class ReviewService(IDbContextFactory<PortalDbContext> contexts, PolicyGuard guard, CurrentUser currentUser, TimeProvider clock)
{
    private static readonly string[] PhotoExtensions = [".jpg", ".jpeg", ".png"];

    private static readonly string[] DocumentExtensions = [".pdf", ".jpg", ".jpeg", ".png"];

    /// <summary>The head chooses the other method with a reason; the checklist starts over for it.</summary>
    public async Task<Result> OverrideMethodAsync(int id, ReviewMethod method, string? reason, Guid version, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.QualificationVerdict);
        return await ChangeAsync(id, version, review => review.OverrideMethod(method, reason ?? string.Empty, Person().Name), ct);
    }

    public async Task<Result> SaveDocumentAsync(int id, ReviewDocumentType type, bool provided, string? note, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.QualificationReview);
        return await ChangeAsync(id, null, review => review.RecordDocument(type, provided, Trim(note, 500)), ct);
    }

    /// <summary>Stores an uploaded document (PDF/JPG/PNG) and marks it provided.</summary>
    public Task<Result> UploadDocumentAsync(int id, ReviewDocumentType type, string fileName, string contentType, long length, Stream content, CancellationToken ct) =>
        UploadAsync(id, fileName, length, content, DocumentExtensions, (review, fileId) => review.AttachDocument(type, fileId), ct);

    public async Task<Result> SaveScoreAsync(int id, FactoryItem factoryItem, int? score, string? finding, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.QualificationReview);
        return await ChangeAsync(id, null, review => review.RecordScore(factoryItem, score, Trim(finding, 1000)), ct);
    }

    public Task<Result> UploadPhotoAsync(int id, FactoryItem factoryItem, string fileName, string contentType, long length, Stream content, CancellationToken ct) =>
        UploadAsync(id, fileName, length, content, PhotoExtensions, (review, fileId) => review.AddPhoto(factoryItem, fileId), ct);

    /// <summary>Checks the upload by content, stores it and lets the review record it, as one command.</summary>
    private async Task<Result> UploadAsync(int id, string fileName, long length, Stream content, string[] extensions, Action<QualificationReview, int> record, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.QualificationReview);
        var upload = await ReadFileAsync(fileName, length, content, extensions, ct);
        if (upload.File is null)
        {
            return Result.Fail(upload.Key!);
        }

        return await ChangeAsync(id, null, async (db, review) =>
        {
            var file = await StoreAsync(db, upload.File, ct);
            record(review, file.Id);
        }, ct);
    }

    /// <summary>Submits for the verdict; when something is missing nothing changes and the missing parts are listed.</summary>
    public async Task<Result> SubmitAsync(int id, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.QualificationReview);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var review = await LoadAsync(db, id, ct);
        if (review is null)
        {
            return Result.Fail("Review.NotFound");
        }

        var missing = review.Status == ReviewStatus.InProgress ? review.MissingForSubmission() : [];
        if (missing.Count > 0)
        {
            return Result.Fail(missing);
        }

        try
        {
            review.Submit(Now());
        }
        catch (DomainRuleException rule)
        {
            return Result.Refused(rule);
        }

        return await SaveAsync(db, ct);
    }

    private Task<Result> ChangeAsync(int id, Guid? version, Action<QualificationReview> change, CancellationToken ct) =>
        ChangeAsync(id, version, (_, review) =>
        {
            change(review);
            return Task.CompletedTask;
        }, ct);

    /// <summary>Loads a review, lets the review itself make one change (it refuses once the review is submitted), saves.</summary>
    private async Task<Result> ChangeAsync(int id, Guid? version, Func<PortalDbContext, QualificationReview, Task> change, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var review = await LoadAsync(db, id, ct);
        if (review is null)
        {
            return Result.Fail("Review.NotFound");
        }

        if (version is { } expected)
        {
            db.Entry(review).Property(r => r.Version).OriginalValue = expected;
        }

        try
        {
            await change(db, review);
        }
        catch (DomainRuleException rule)
        {
            return Result.Refused(rule);
        }

        return await SaveAsync(db, ct);
    }

    private static Task<QualificationReview?> LoadAsync(PortalDbContext db, int id, CancellationToken ct) =>
        db.QualificationReviews.Include(r => r.Documents).Include(r => r.Scores).AsSplitQuery().FirstOrDefaultAsync(r => r.Id == id, ct);

    internal static async Task<Result> SaveAsync(PortalDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return Result.Ok();
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result.Conflicted();
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

    internal static IEnumerable<int> PhotoIds(string? ids) =>
        string.IsNullOrEmpty(ids) ? [] : ids.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(p => int.Parse(p, System.Globalization.CultureInfo.InvariantCulture));

    internal static string? Trim(string? text, int max) =>
        string.IsNullOrWhiteSpace(text) ? null : text.Trim() is var t && t.Length > max ? t[..max] : text.Trim();

    private (string Id, string Name) Person() => Person(currentUser);

    /// <summary>The reviewer or head as the review records them: user id and display name.</summary>
    internal static (string Id, string Name) Person(CurrentUser currentUser)
    {
        var principal = currentUser.Principal;
        var id = currentUser.Actor.UserId ?? string.Empty;
        var name = principal.FindFirst(PortalClaims.DisplayName)?.Value ?? currentUser.Actor.UserName;
        return (id, name);
    }

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;
}
