namespace EasternSelect.Domain.Files;

/// <summary>
/// What a file really is, from its first bytes (magic numbers): an extension is only a name and can lie,
/// so uploads of photos and lab reports are checked against their content too.
/// </summary>
public static class FileSignature
{
    /// <summary>Photos of inspections: JPEG or PNG, at most 5 MB.</summary>
    public const long MaxPhotoBytes = 5 * 1024 * 1024;

    public static readonly IReadOnlyList<string> PhotoExtensions = [".jpg", ".jpeg", ".png"];

    public static readonly IReadOnlyList<string> PdfExtensions = [".pdf"];

    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] Pdf = "%PDF-"u8.ToArray();

    /// <summary>The canonical extension the content starts like (".jpg", ".png", ".pdf"), or null when unknown.</summary>
    public static string? Detect(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith(Jpeg))
        {
            return ".jpg";
        }

        if (head.StartsWith(Png))
        {
            return ".png";
        }

        return head.StartsWith(Pdf) ? ".pdf" : null;
    }

    /// <summary>
    /// Checks an upload against the allowed extensions, the size limit and the content's signature.
    /// Returns an error key (File.Empty, File.TooLarge, File.TypeNotAllowed, File.ContentMismatch) or null when acceptable.
    /// </summary>
    public static string? Check(string fileName, ReadOnlySpan<byte> content, IReadOnlyList<string> extensions, long maxBytes)
    {
        if (content.Length == 0)
        {
            return "File.Empty";
        }

        if (content.Length > maxBytes)
        {
            return "File.TooLarge";
        }

        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (!extensions.Contains(extension))
        {
            return "File.TypeNotAllowed";
        }

        var actual = Detect(content);
        var expected = extension == ".jpeg" ? ".jpg" : extension;
        return actual == expected ? null : "File.ContentMismatch";
    }
}
