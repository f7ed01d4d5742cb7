using EasternSelect.Data;
using EasternSelect.Data.Queries;
using EasternSelect.Domain.Files;
using EasternSelect.Domain.Inspections;
using EasternSelect.Domain.Suppliers;
using EasternSelect.Portal.Features.Files;
using EasternSelect.Portal.Infrastructure;
using EasternSelect.Portal.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace EasternSelect.Portal.Features.Inspections;

/// <summary>An uploaded file as the page read it: the name the person gave it and the bytes.</summary>
public sealed record Upload(string FileName, byte[] Content);

public sealed record FileRef(int Id, string FileName);

public sealed record ProductPick(int Id, string Sku, string Name, string SupplierName, SupplierCategory Category)
{
    public static ProductPick From(ProductChoice choice) => new(choice.Id, choice.Sku, choice.Name, choice.SupplierName, choice.Category);
}

/// <summary>Helpers the three inspection services share: who acts, file checks, saving with the conflict answer.</summary>
public static class InspectionCommon
{
    /// <summary>Checks uploads (name, extension, size, magic bytes); errors as "File.X|file name".</summary>
    public static List<string> CheckUploads(IEnumerable<Upload> uploads, IReadOnlyList<string> extensions, long maxBytes) =>
        uploads.Select(u => StoredFileBuilder.Build(u.FileName, u.Content, Rule(extensions, maxBytes), string.Empty, default).Error).OfType<string>().ToList();

    // Callers name the photo and lab-report limits; their rules carry the messages that name those limits.
    private static FileRule Rule(IReadOnlyList<string> extensions, long maxBytes) =>
        extensions == FileSignature.PhotoExtensions && maxBytes == FileSignature.MaxPhotoBytes ? FileRule.Photo
        : extensions == FileSignature.PdfExtensions ? FileRule.LabReport with { MaxBytes = maxBytes }
        : new FileRule(extensions, maxBytes);

    /// <summary>The stored file of an upload <see cref="CheckUploads"/> accepted.</summary>
    public static StoredFile ToFile(Upload upload, string uploadedBy, DateTime nowUtc) =>
        StoredFileBuilder.Build(upload.FileName, upload.Content, FileRule.Document, uploadedBy, nowUtc).File
            ?? throw new InvalidOperationException("An upload is stored only after CheckUploads accepted it.");

    public static (string Id, string Name) Person(this CurrentUser currentUser)
    {
        var id = currentUser.Actor.UserId ?? string.Empty;
        var name = currentUser.Principal.FindFirst(PortalClaims.DisplayName)?.Value ?? currentUser.Actor.UserName;
        return (id, name);
    }

    /// <summary>Saves; a row changed by someone else since it was read is a conflict, not an exception.</summary>
    public static async Task<Result> SaveAsync(PortalDbContext db, CancellationToken ct, int? id = null)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return Result.Ok(id);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result.Conflicted();
        }
    }

    public static string? Trim(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>Downloads of inspection photos and lab reports: only files that belong to an inspection record.</summary>
public sealed class InspectionFileService(IDbContextFactory<PortalDbContext> contexts, PolicyGuard guard)
{
    public async Task<StoredFile?> GetAsync(int id, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.Inspections);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var belongs = await db.Set<SamplePhoto>().AnyAsync(p => p.StoredFileId == id, ct)
            || await db.LabReferrals.AnyAsync(l => l.ReportFileId == id, ct)
            || await db.Set<SpotCheckPhoto>().AnyAsync(p => p.StoredFileId == id, ct)
            || await db.Set<AuditPhoto>().AnyAsync(p => p.StoredFileId == id, ct);
        return belongs ? await db.Files.AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, ct) : null;
    }
}

public static class InspectionEndpoints
{
    public static void MapInspectionEndpoints(this IEndpointRouteBuilder endpoints) =>
        // The older address of inspection files; served like every stored file (FileEndpoints: headers, audit).
        endpoints.MapGet("/inspections/files/{id:int}", (HttpContext http, FileDownloadService files, int id, CancellationToken ct) =>
            FileEndpoints.ServeAsync(http, files.InspectionAsync(id, ct)))
            .RequireAuthorization(Policies.Inspections);
}
