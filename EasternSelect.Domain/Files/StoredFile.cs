using EasternSelect.Domain.Common;
using EasternSelect.Domain.Privacy;

namespace EasternSelect.Domain.Files;

/// <summary>An uploaded file (contract, review document, photo). Content lives in the database with the record it proves.</summary>
public sealed class StoredFile : Entity
{
    public const long MaxBytes = 10 * 1024 * 1024;

    public static readonly IReadOnlyDictionary<string, string> AllowedTypes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = "application/pdf",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".png"] = "image/png",
        [".xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    };

    /// <summary>The name the uploader gave; it can name a person, so the audit log keeps only its extension.</summary>
    [PersonalData(PersonalDataKind.FileName)]
    public string FileName { get; set; } = string.Empty;

    public string ContentType { get; set; } = string.Empty;

    public long Length { get; set; }

    /// <summary>Hex SHA-256 of the content, so a document can be proven unchanged.</summary>
    public string Sha256 { get; set; } = string.Empty;

    public byte[] Content { get; set; } = [];

    public string UploadedBy { get; set; } = string.Empty;

    public DateTime UploadedUtc { get; set; }

    /// <summary>Checks name, extension and size; returns an error key or null when acceptable.</summary>
    public static string? Check(string fileName, long length)
    {
        if (length <= 0)
        {
            return "File.Empty";
        }

        if (length > MaxBytes)
        {
            return "File.TooLarge";
        }

        return AllowedTypes.ContainsKey(Path.GetExtension(fileName)) ? null : "File.TypeNotAllowed";
    }
}
