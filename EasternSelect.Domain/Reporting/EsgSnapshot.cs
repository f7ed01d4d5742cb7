using System.Security.Cryptography;
using System.Text;
using EasternSelect.Domain.Common;

namespace EasternSelect.Domain.Reporting;

/// <summary>
/// A year's ESG figures frozen and signed off by an executive: the published report. It keeps the whole report as
/// JSON (the figures as they were, in the language it was frozen in), who froze it and when, and the SHA-256 of the
/// JSON. It is never changed or deleted (the database context refuses), so later edits to the records cannot change a
/// published report; <see cref="IsIntact"/> tells whether the stored figures still match their hash.
/// </summary>
public sealed class EsgSnapshot : Entity
{
    public const int MaxNoteLength = 500;

    public int Year { get; private set; }

    public DateTime FrozenUtc { get; private set; }

    public string FrozenById { get; private set; } = string.Empty;

    public string FrozenByName { get; private set; } = string.Empty;

    /// <summary>The culture the report's texts were written in (zh-TW or en).</summary>
    public string Culture { get; private set; } = string.Empty;

    public string DocumentJson { get; private set; } = string.Empty;

    /// <summary>Lower-case hex SHA-256 of <see cref="DocumentJson"/> as UTF-8.</summary>
    public string Sha256 { get; private set; } = string.Empty;

    /// <summary>The executive's sign-off note (optional).</summary>
    public string? Note { get; private set; }

    public bool IsIntact => string.Equals(Hash(DocumentJson), Sha256, StringComparison.Ordinal);

    /// <summary>The first 12 hex digits of the hash, as printed on the report.</summary>
    public string ShortHash => Sha256[..Math.Min(12, Sha256.Length)];

    public static string Hash(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
    }

    /// <summary>Why a year cannot be frozen now (a resource key), or null: only a completed Taiwan year, not in the future.</summary>
    public static string? CheckYear(int year, int currentYear) => year < 2000 || year >= currentYear ? "Esg.FreezeYearNotComplete" : null;

    /// <summary>
    /// Freezes a year's figures: the only way a snapshot comes to be, and there is no way to change one after. Refuses
    /// (<see cref="DomainRuleException"/>) a year that is not complete in Taiwan at <paramref name="nowUtc"/>, a year that
    /// already has a snapshot (<paramref name="existing"/>), and a note over <see cref="MaxNoteLength"/>.
    /// </summary>
    public static EsgSnapshot Freeze(int year, string documentJson, string culture, string userId, string userName, string? note, DateTime nowUtc, EsgSnapshot? existing = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(documentJson);
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        if (CheckYear(year, TaiwanTime.YearOf(nowUtc)) is { } error)
        {
            throw new DomainRuleException(error);
        }

        if (existing is not null)
        {
            throw new DomainRuleException("Esg.AlreadyFrozen");
        }

        note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (note is { Length: > MaxNoteLength })
        {
            throw new DomainRuleException("Esg.NoteTooLong");
        }

        return new EsgSnapshot
        {
            Year = year,
            FrozenUtc = nowUtc,
            FrozenById = userId,
            FrozenByName = userName,
            Culture = culture,
            DocumentJson = documentJson,
            Sha256 = Hash(documentJson),
            Note = note,
        };
    }
}
