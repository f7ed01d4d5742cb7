using SkiaSharp;

namespace EasternSelect.Portal.Features.Reports;

/// <summary>
/// The font PDF reports are drawn with: the shipped subset of LXGW WenKai (Fonts/, OFL), or the file set
/// in <c>Reports:FontFile</c>. No system font is looked up, so a server without CJK fonts prints the same.
/// Per document, <see cref="ForText"/> gives a typeface holding only the glyphs the document uses.
/// </summary>
public sealed class ReportFont : IDisposable
{
    public const string ResourceName = "EasternSelect.Portal.Reports.ReportKai-Regular.ttf";

    private readonly byte[] _font;
    private readonly SKTypeface _full;
    private readonly bool _canSubset;

    public ReportFont(byte[] font)
    {
        ArgumentNullException.ThrowIfNull(font);
        _font = font;
        using var data = SKData.CreateCopy(font);
        _full = SKTypeface.FromData(data) ?? throw new InvalidDataException("The report font cannot be read.");
        _canSubset = TrueTypeSubset.HasGlyfOutlines(font);
    }

    public int FileLength => _font.Length;

    /// <summary>The configured font file, or the one shipped in the portal assembly.</summary>
    public static ReportFont Load(IConfiguration configuration, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var path = configuration["Reports:FontFile"];
        if (!string.IsNullOrWhiteSpace(path))
        {
            return new ReportFont(File.ReadAllBytes(Path.IsPathRooted(path) ? path : Path.Combine(contentRoot, path)));
        }

        return Shipped();
    }

    public static ReportFont Shipped()
    {
        using var stream = typeof(ReportFont).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded font {ResourceName} is missing.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return new ReportFont(copy.ToArray());
    }

    /// <summary>Characters of <paramref name="text"/> the font has no glyph for.</summary>
    public IReadOnlyList<int> Missing(string text)
    {
        using var font = new SKFont(_full);
        var missing = new List<int>();
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.Value > 0x20 && font.GetGlyph(rune.Value) == 0)
            {
                missing.Add(rune.Value);
            }
        }

        return missing;
    }

    /// <summary>A typeface with the outlines of the glyphs of <paramref name="texts"/> only (the caller disposes it).</summary>
    public SKTypeface ForText(IEnumerable<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        if (!_canSubset)
        {
            using var whole = SKData.CreateCopy(_font);
            return SKTypeface.FromData(whole);
        }

        using var font = new SKFont(_full);
        var glyphs = new HashSet<ushort>();
        foreach (var text in texts)
        {
            glyphs.UnionWith(font.GetGlyphs(text));
        }

        using var data = SKData.CreateCopy(TrueTypeSubset.Keep(_font, glyphs));
        return SKTypeface.FromData(data) ?? throw new InvalidDataException("The subset report font cannot be read.");
    }

    public void Dispose() => _full.Dispose();
}
