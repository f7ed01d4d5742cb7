using EasternSelect.Data;
using EasternSelect.Domain.Files;

namespace EasternSelect.Portal.Features.Casework;

/// <summary>Stores a case attachment after checking its name, type, size and content with <see cref="StoredFile"/>'s rules.</summary>
public static class CaseFiles
{
    /// <summary>The number of attachments one case may carry through the public form.</summary>
    public const int MaxPublicFiles = 3;

    /// <summary>Photos and documents only; spreadsheets and Word files are not taken from outside.</summary>
    public static readonly IReadOnlySet<string> Extensions = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { ".pdf", ".jpg", ".jpeg", ".png" };

    public const string Accept = ".pdf,.jpg,.jpeg,.png";

    public static string? Check(string fileName, long length)
    {
        var error = StoredFile.Check(fileName, length);
        if (error is not null)
        {
            return error;
        }

        return Extensions.Contains(Path.GetExtension(fileName)) ? null : "File.TypeNotAllowed";
    }

    /// <summary>
    /// Saves the files, then lets <paramref name="attach"/> link them to their case (the links need the files' ids),
    /// in one transaction: a file is never stored without its case, nor a case without the files sent with it.
    /// </summary>
    public static async Task SaveWithFilesAsync(PortalDbContext db, IReadOnlyCollection<StoredFile> files, Action attach, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Files.AddRange(files);
        await db.SaveChangesAsync(ct);
        attach();
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>Reads and checks an attachment (content included); the error is a plain key, as the case pages translate it.</summary>
    public static async Task<(StoredFile? File, string? Error)> ReadAsync(string fileName, long length, Stream content, string uploadedBy, DateTime utc, CancellationToken ct)
    {
        if (Check(fileName, length) is { } error)
        {
            return (null, error);
        }

        var upload = await StoredFileBuilder.BuildAsync(fileName, content, FileRule.Document, uploadedBy, utc, ct);
        return (upload.File, upload.Key);
    }

    public static void Add(PortalDbContext db, StoredFile file) => db.Files.Add(file);
}
