using System.Security.Cryptography;
using EasternSelect.Data;
using EasternSelect.Domain.Files;

namespace EasternSelect.Portal.Features.Casework;

/// <summary>Stores a case attachment after checking its name, type and size against <see cref="StoredFile"/>'s rules.</summary>
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

    /// <summary>Checks the content's first bytes match the extension, so a renamed program is not stored as a photo.</summary>
    public static bool ContentMatches(string fileName, byte[] bytes) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".pdf" => bytes.AsSpan().StartsWith("%PDF"u8),
        ".png" => bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47]),
        ".jpg" or ".jpeg" => bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]),
        _ => false,
    };

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

    public static async Task<(StoredFile? File, string? Error)> ReadAsync(string fileName, long length, Stream content, string uploadedBy, DateTime utc, CancellationToken ct)
    {
        if (Check(fileName, length) is { } error)
        {
            return (null, error);
        }

        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, ct);
        var bytes = buffer.ToArray();
        if (bytes.Length == 0 || bytes.LongLength > StoredFile.MaxBytes)
        {
            return (null, bytes.Length == 0 ? "File.Empty" : "File.TooLarge");
        }

        if (!ContentMatches(fileName, bytes))
        {
            return (null, "File.ContentMismatch");
        }

        var extension = Path.GetExtension(fileName);
        return (new StoredFile
        {
            FileName = Path.GetFileName(fileName),
            ContentType = StoredFile.AllowedTypes[extension],
            Length = bytes.LongLength,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)),
            Content = bytes,
            UploadedBy = uploadedBy,
            UploadedUtc = utc,
        }, null);
    }

    public static void Add(PortalDbContext db, StoredFile file) => db.Files.Add(file);
}
