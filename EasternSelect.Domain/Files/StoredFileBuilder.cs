using System.Security.Cryptography;

namespace EasternSelect.Domain.Files;

/// <summary>
/// What one kind of upload accepts: extensions, a size limit, and the keys that explain a refusal
/// (photos and lab reports have their own messages, which name their own limits).
/// </summary>
public sealed record FileRule(IReadOnlyList<string> Extensions, long MaxBytes, string TooLargeKey = "File.TooLarge", string TypeNotAllowedKey = "File.TypeNotAllowed")
{
    /// <summary>Inspection photos: JPEG or PNG, at most 5 MB.</summary>
    public static readonly FileRule Photo = new(FileSignature.PhotoExtensions, FileSignature.MaxPhotoBytes, "File.PhotoTooLarge", "File.PhotoTypeNotAllowed");

    /// <summary>A third-party lab's report: a PDF, at most 10 MB.</summary>
    public static readonly FileRule LabReport = new(FileSignature.PdfExtensions, StoredFile.MaxBytes, TypeNotAllowedKey: "File.PdfOnly");

    /// <summary>Contracts, review documents and case attachments: a scan (JPEG/PNG) or a PDF, at most 10 MB.</summary>
    public static readonly FileRule Document = new([".pdf", ".jpg", ".jpeg", ".png"], StoredFile.MaxBytes);
}

/// <summary>An upload after the checks: the file to store, or the key saying why it was refused.</summary>
public sealed record FileUpload(StoredFile? File, string? Key, string FileName)
{
    /// <summary>The refusal as a Result error, "Key|file name", so the message names the file; null when accepted.</summary>
    public string? Error => Key is null ? null : $"{Key}|{FileName}";
}

/// <summary>The one way an upload becomes a <see cref="StoredFile"/>: name, size, extension and content are all checked.</summary>
public static class StoredFileBuilder
{
    /// <summary>The longest file name the Files table stores.</summary>
    public const int MaxNameLength = 260;

    public static FileUpload Build(string fileName, byte[] content, FileRule rule, string uploadedBy, DateTime uploadedUtc)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(rule);
        var name = Path.GetFileName(fileName ?? string.Empty).Trim();
        var key = CheckName(name) ?? FileSignature.Check(name, content, rule.Extensions, rule.MaxBytes) switch
        {
            "File.TooLarge" => rule.TooLargeKey,
            "File.TypeNotAllowed" => rule.TypeNotAllowedKey,
            var other => other,
        };
        if (key is not null)
        {
            return new FileUpload(null, key, name);
        }

        // The content type comes from the bytes, never from what the browser claimed.
        var file = new StoredFile
        {
            FileName = name,
            ContentType = StoredFile.AllowedTypes[FileSignature.Detect(content)!],
            Length = content.LongLength,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
            Content = content,
            UploadedBy = uploadedBy,
            UploadedUtc = uploadedUtc,
        };
        return new FileUpload(file, null, name);
    }

    /// <summary>Reads the stream (at most one byte over the limit, so a huge upload is not held in memory) and builds the file.</summary>
    public static async Task<FileUpload> BuildAsync(string fileName, Stream content, FileRule rule, string uploadedBy, DateTime uploadedUtc, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(rule);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > rule.MaxBytes)
            {
                return new FileUpload(null, rule.TooLargeKey, Path.GetFileName(fileName ?? string.Empty).Trim());
            }
        }

        return Build(fileName, buffer.ToArray(), rule, uploadedBy, uploadedUtc);
    }

    private static string? CheckName(string name) =>
        name.Length == 0 || name.Length > MaxNameLength || name.Any(char.IsControl) ? "File.NameInvalid" : null;
}
