using System.Globalization;

namespace EasternSelect.Domain.Privacy;

/// <summary>The one place personal data is masked for display, export, reports and logs.</summary>
public static class PersonalDataMask
{
    public const char MaskChar = '*';

    public static string Mask(PersonalDataKind kind, string? value) => kind switch
    {
        PersonalDataKind.Name => Name(value),
        PersonalDataKind.Phone => Phone(value),
        PersonalDataKind.Email => Email(value),
        PersonalDataKind.Address => Address(value),
        PersonalDataKind.NationalId => NationalId(value),
        PersonalDataKind.FreeText => FreeText(value),
        PersonalDataKind.FileName => FileName(value),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown personal-data kind."),
    };

    /// <summary>王小明 → 王*明, 王明 → 王*, 歐陽小明 → 歐**明, John Smith → J********h.</summary>
    public static string Name(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return string.Empty;
        }

        var chars = TextElements(value.Trim());
        return chars.Count switch
        {
            1 => MaskChar.ToString(),
            2 => chars[0] + MaskChar,
            _ => chars[0] + new string(MaskChar, chars.Count - 2) + chars[^1],
        };
    }

    /// <summary>0912345678 → 0912-***-678; 02-2345-6789 → 0223-***-789. Keeps 4 leading and 3 trailing digits.</summary>
    public static string Phone(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return string.Empty;
        }

        var digits = new string(value.Where(char.IsAsciiDigit).ToArray());
        if (digits.Length < 8)
        {
            return new string(MaskChar, Math.Max(digits.Length, 3));
        }

        return string.Create(CultureInfo.InvariantCulture, $"{digits[..4]}-***-{digits[^3..]}");
    }

    /// <summary>john.doe@example.com → j***@example.com.</summary>
    public static string Email(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return string.Empty;
        }

        var at = value.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0)
        {
            return Name(value);
        }

        return value[0] + "***" + value[at..];
    }

    /// <summary>
    /// Keeps the city and district (the first six characters of a Taiwanese address, or the first
    /// word of others) and masks the rest: 台北市信義區松仁路100號5樓 → 台北市信義區*****.
    /// </summary>
    public static string Address(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return string.Empty;
        }

        var chars = TextElements(value.Trim());
        var keep = Math.Min(6, chars.Count / 2);
        return string.Concat(chars.Take(keep)) + new string(MaskChar, 5);
    }

    /// <summary>A123456789 → A12****789.</summary>
    public static string NationalId(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return string.Empty;
        }

        var id = value.Trim();
        return id.Length < 7
            ? new string(MaskChar, id.Length)
            : id[..3] + new string(MaskChar, id.Length - 6) + id[^3..];
    }

    public static string FreeText(string? value) =>
        string.IsNullOrEmpty(value)
            ? string.Empty
            : string.Create(CultureInfo.InvariantCulture, $"({value.Length} chars)");

    /// <summary>王小明診斷書.pdf → ***.pdf: a file name can name a person, the extension says what kind of file it was.</summary>
    public static string FileName(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return string.Empty;
        }

        var extension = Path.GetExtension(value.Trim());
        return extension.Length is > 1 and <= 6 && extension.Skip(1).All(char.IsAsciiLetterOrDigit)
            ? "***" + extension.ToLowerInvariant()
            : "***";
    }

    private static List<string> TextElements(string value)
    {
        var result = new List<string>(value.Length);
        var e = StringInfo.GetTextElementEnumerator(value);
        while (e.MoveNext())
        {
            result.Add((string)e.Current);
        }

        return result;
    }
}
