using System.Buffers.Binary;

namespace EasternSelect.Portal.Features.Reports;

/// <summary>
/// Builds a TrueType font that keeps only the outlines of the glyphs a document uses. Skia's PDF backend
/// embeds the whole font file it is given, so the renderer hands it this copy: glyph order, cmap and
/// metrics stay as they are (text extraction keeps working), every other glyph's outline is emptied
/// and loca is rebuilt. Composite glyphs keep their components.
/// </summary>
public static class TrueTypeSubset
{
    private const ushort ArgsAreWords = 0x0001;
    private const ushort HaveScale = 0x0008;
    private const ushort MoreComponents = 0x0020;
    private const ushort HaveXyScale = 0x0040;
    private const ushort HaveTwoByTwo = 0x0080;

    /// <summary>Whether the font has TrueType outlines (a glyf table), the only kind this class can thin out.</summary>
    public static bool HasGlyfOutlines(ReadOnlySpan<byte> font) => FindTable(font, "glyf") is not null && FindTable(font, "loca") is not null;

    /// <summary>A copy of <paramref name="font"/> with the outlines of <paramref name="glyphs"/> (and glyph 0) only.</summary>
    public static byte[] Keep(byte[] font, IEnumerable<ushort> glyphs)
    {
        ArgumentNullException.ThrowIfNull(font);
        ArgumentNullException.ThrowIfNull(glyphs);
        var tables = ReadTables(font);
        var head = tables["head"];
        var numGlyphs = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(tables["maxp"].Offset + 4));
        var longLoca = BinaryPrimitives.ReadInt16BigEndian(font.AsSpan(head.Offset + 50)) == 1;
        var loca = tables["loca"];
        var glyf = tables["glyf"];

        (int Start, int End) Range(int glyph)
        {
            var span = font.AsSpan(loca.Offset);
            return longLoca
                ? ((int)BinaryPrimitives.ReadUInt32BigEndian(span[(glyph * 4)..]), (int)BinaryPrimitives.ReadUInt32BigEndian(span[((glyph + 1) * 4)..]))
                : (BinaryPrimitives.ReadUInt16BigEndian(span[(glyph * 2)..]) * 2, BinaryPrimitives.ReadUInt16BigEndian(span[((glyph + 1) * 2)..]) * 2);
        }

        var keep = new HashSet<int> { 0 };
        var pending = new Stack<int>(glyphs.Where(g => g < numGlyphs).Select(g => (int)g));
        while (pending.Count > 0)
        {
            var glyph = pending.Pop();
            if (!keep.Add(glyph))
            {
                continue;
            }

            var (start, end) = Range(glyph);
            if (end - start < 10 || BinaryPrimitives.ReadInt16BigEndian(font.AsSpan(glyf.Offset + start)) >= 0)
            {
                continue;
            }

            foreach (var component in Components(font.AsSpan(glyf.Offset + start + 10, end - start - 10)))
            {
                if (component < numGlyphs && !keep.Contains(component))
                {
                    pending.Push(component);
                }
            }
        }

        using var newGlyf = new MemoryStream();
        var newLoca = new byte[(numGlyphs + 1) * 4];
        for (var glyph = 0; glyph < numGlyphs; glyph++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(newLoca.AsSpan(glyph * 4), (uint)newGlyf.Length);
            if (keep.Contains(glyph))
            {
                var (start, end) = Range(glyph);
                newGlyf.Write(font, glyf.Offset + start, end - start);
                while (newGlyf.Length % 4 != 0)
                {
                    newGlyf.WriteByte(0);
                }
            }
        }

        BinaryPrimitives.WriteUInt32BigEndian(newLoca.AsSpan(numGlyphs * 4), (uint)newGlyf.Length);

        var newHead = font.AsSpan(head.Offset, head.Length).ToArray();
        BinaryPrimitives.WriteInt16BigEndian(newHead.AsSpan(50), 1);
        BinaryPrimitives.WriteUInt32BigEndian(newHead.AsSpan(8), 0);
        var contents = tables.ToDictionary(t => t.Key, t => t.Key switch
        {
            "glyf" => newGlyf.ToArray(),
            "loca" => newLoca,
            "head" => newHead,
            _ => font.AsSpan(t.Value.Offset, t.Value.Length).ToArray(),
        }, StringComparer.Ordinal);
        return Write(BinaryPrimitives.ReadUInt32BigEndian(font), contents);
    }

    private static IEnumerable<int> Components(ReadOnlySpan<byte> data)
    {
        var result = new List<int>();
        var at = 0;
        ushort flags;
        do
        {
            flags = BinaryPrimitives.ReadUInt16BigEndian(data[at..]);
            result.Add(BinaryPrimitives.ReadUInt16BigEndian(data[(at + 2)..]));
            at += 4 + ((flags & ArgsAreWords) != 0 ? 4 : 2);
            at += (flags & HaveScale) != 0 ? 2 : (flags & HaveXyScale) != 0 ? 4 : (flags & HaveTwoByTwo) != 0 ? 8 : 0;
        }
        while ((flags & MoreComponents) != 0 && at + 4 <= data.Length);
        return result;
    }

    private static (int Offset, int Length)? FindTable(ReadOnlySpan<byte> font, string tag)
    {
        if (font.Length < 12)
        {
            return null;
        }

        var count = BinaryPrimitives.ReadUInt16BigEndian(font[4..]);
        for (var i = 0; i < count && 12 + (i * 16) + 16 <= font.Length; i++)
        {
            var record = font.Slice(12 + (i * 16), 16);
            if (System.Text.Encoding.ASCII.GetString(record[..4]) == tag)
            {
                return ((int)BinaryPrimitives.ReadUInt32BigEndian(record[8..]), (int)BinaryPrimitives.ReadUInt32BigEndian(record[12..]));
            }
        }

        return null;
    }

    private static SortedDictionary<string, (int Offset, int Length)> ReadTables(byte[] font)
    {
        var tables = new SortedDictionary<string, (int, int)>(StringComparer.Ordinal);
        var count = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(4));
        for (var i = 0; i < count; i++)
        {
            var record = font.AsSpan(12 + (i * 16), 16);
            tables[System.Text.Encoding.ASCII.GetString(record[..4])] =
                ((int)BinaryPrimitives.ReadUInt32BigEndian(record[8..]), (int)BinaryPrimitives.ReadUInt32BigEndian(record[12..]));
        }

        foreach (var required in new[] { "head", "maxp", "loca", "glyf" })
        {
            if (!tables.ContainsKey(required))
            {
                throw new InvalidDataException($"The font has no {required} table (TrueType outlines are required).");
            }
        }

        return tables;
    }

    private static byte[] Write(uint sfntVersion, Dictionary<string, byte[]> tables)
    {
        var tags = tables.Keys.Order(StringComparer.Ordinal).ToList();
        var entrySelector = (int)Math.Floor(Math.Log2(tags.Count));
        var searchRange = (1 << entrySelector) * 16;
        var headerLength = 12 + (16 * tags.Count);
        var total = headerLength + tags.Sum(t => (tables[t].Length + 3) & ~3);
        var output = new byte[total];
        BinaryPrimitives.WriteUInt32BigEndian(output, sfntVersion);
        BinaryPrimitives.WriteUInt16BigEndian(output.AsSpan(4), (ushort)tags.Count);
        BinaryPrimitives.WriteUInt16BigEndian(output.AsSpan(6), (ushort)searchRange);
        BinaryPrimitives.WriteUInt16BigEndian(output.AsSpan(8), (ushort)entrySelector);
        BinaryPrimitives.WriteUInt16BigEndian(output.AsSpan(10), (ushort)((tags.Count * 16) - searchRange));
        var offset = headerLength;
        var headOffset = 0;
        for (var i = 0; i < tags.Count; i++)
        {
            var data = tables[tags[i]];
            var record = output.AsSpan(12 + (i * 16), 16);
            System.Text.Encoding.ASCII.GetBytes(tags[i], record);
            BinaryPrimitives.WriteUInt32BigEndian(record[4..], Checksum(data));
            BinaryPrimitives.WriteUInt32BigEndian(record[8..], (uint)offset);
            BinaryPrimitives.WriteUInt32BigEndian(record[12..], (uint)data.Length);
            data.CopyTo(output, offset);
            if (tags[i] == "head")
            {
                headOffset = offset;
            }

            offset += (data.Length + 3) & ~3;
        }

        BinaryPrimitives.WriteUInt32BigEndian(output.AsSpan(headOffset + 8), unchecked(0xB1B0AFBA - Checksum(output)));
        return output;
    }

    private static uint Checksum(ReadOnlySpan<byte> data)
    {
        uint sum = 0;
        var i = 0;
        for (; i + 4 <= data.Length; i += 4)
        {
            sum = unchecked(sum + BinaryPrimitives.ReadUInt32BigEndian(data[i..]));
        }

        if (i < data.Length)
        {
            Span<byte> last = stackalloc byte[4];
            last.Clear();
            data[i..].CopyTo(last);
            sum = unchecked(sum + BinaryPrimitives.ReadUInt32BigEndian(last));
        }

        return sum;
    }
}
