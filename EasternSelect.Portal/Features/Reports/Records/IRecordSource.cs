using System.Globalization;
using EasternSelect.Domain.Common;
using Microsoft.AspNetCore.WebUtilities;

namespace EasternSelect.Portal.Features.Reports.Records;

/// <summary>
/// The records behind a figure: every linked figure of the ESG report, the KPI pages and the dashboards opens
/// <c>/reports/records/{Source}?…</c>, which asks the source of that name for the (masked) records the figure was
/// computed from, with the same filters. A source checks its own policy; lists never show unmasked personal data.
/// </summary>
public interface IRecordSource
{
    /// <summary>The name in the address: lots, audits, suppliers, reviews, training, complaints, grievances, …</summary>
    string Source { get; }

    /// <summary>The policy a person needs to see these records.</summary>
    string Policy { get; }

    /// <summary>One page of the records matching <paramref name="filter"/>, and how many match in all.</summary>
    Task<RecordList> ListAsync(RecordFilter filter, RecordPage page, CancellationToken ct);
}

/// <summary>
/// A drill-down list: what it shows (title and the filter in words), one page of rows, the full count, and a key per
/// column (the page marks each cell with <c>data-testid="record-{key}"</c>).
/// </summary>
public sealed record RecordList(string Title, string Description, ReportTable Table, int Total, RecordPage Page, IReadOnlyList<string>? Keys = null)
{
    public int PageCount => Math.Max(1, (Total + Page.Size - 1) / Page.Size);
}

/// <summary>Page <paramref name="Number"/> (from 1) of <paramref name="Size"/> rows.</summary>
public sealed record RecordPage(int Number, int Size = RecordPage.DefaultSize)
{
    public const int DefaultSize = 50;

    public static readonly RecordPage First = new(1);

    public int Skip => (Number - 1) * Size;
}

/// <summary>A drill-down link's filter did not make sense (an unknown category, a month out of range, a word no source knows).</summary>
public sealed class RecordFilterException : Exception
{
    public RecordFilterException()
    {
    }

    public RecordFilterException(string message)
        : base(message)
    {
    }

    public RecordFilterException(string message, Exception inner)
        : base(message, inner)
    {
    }
}

/// <summary>
/// The query values of a drill-down link, read strictly: a value that is present but wrong is an error, never ignored,
/// and so is a name the source did not read (an old or misspelt word would otherwise list more than the figure counts).
/// One vocabulary for every source: the period is <c>year</c> (with <c>month</c>) or <c>from</c>/<c>to</c>
/// (yyyy-MM months or, where a source counts instants, yyyy-MM-dd days, both included), Taiwan calendar;
/// <c>page</c> is the page number.
/// </summary>
public sealed class RecordFilter(IReadOnlyDictionary<string, string?> values)
{
    private const string DayFormat = "yyyy-MM-dd";

    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    /// <summary>The filter of a query string ("?year=2020&amp;category=Food").</summary>
    public static RecordFilter FromQuery(string? query) =>
        new(QueryHelpers.ParseQuery(query).ToDictionary(q => q.Key, q => (string?)q.Value.ToString(), StringComparer.Ordinal));

    /// <summary>The names in the link that nothing read: refused by <see cref="RecordsService"/>.</summary>
    public IReadOnlyList<string> Unread => [.. values.Keys.Where(k => !_read.Contains(k)).Order(StringComparer.Ordinal)];

    public string? Text(string name)
    {
        _read.Add(name);
        return values.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
    }

    public int? Int(string name, int min, int max)
    {
        if (Text(name) is not { } text)
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new RecordFilterException($"{name} must be a whole number from {min} to {max}.");
    }

    /// <summary>The required year (2000–2100).</summary>
    public int Year => Int("year", 2000, 2100) ?? throw new RecordFilterException("year is required.");

    /// <summary>The page asked for (1 when absent).</summary>
    public RecordPage Page => new(Int("page", 1, 1_000_000) ?? 1);

    public TEnum? Enum<TEnum>(string name)
        where TEnum : struct, Enum
    {
        if (Text(name) is not { } text)
        {
            return null;
        }

        return System.Enum.TryParse<TEnum>(text, ignoreCase: false, out var value) && System.Enum.IsDefined(value) && char.IsLetter(text[0])
            ? value
            : throw new RecordFilterException($"{name} is not a known {typeof(TEnum).Name}.");
    }

    public bool? Bool(string name) => Text(name) switch
    {
        null => null,
        "true" => true,
        "false" => false,
        _ => throw new RecordFilterException($"{name} must be true or false."),
    };

    /// <summary>
    /// The required period in whole months (first days, both included): <c>year</c>, <c>year</c>+<c>month</c>, or
    /// <c>from</c>/<c>to</c> as yyyy-MM, at most <paramref name="maxYears"/> years long.
    /// </summary>
    public (DateOnly From, DateOnly To) Months(int maxYears = 5)
    {
        var (from, to, days) = Period();
        if (days)
        {
            throw new RecordFilterException("from and to must be months (yyyy-MM) here.");
        }

        return to > from.AddYears(maxYears) ? throw new RecordFilterException($"The period may not be longer than {maxYears} years.") : (from, to);
    }

    /// <summary>
    /// The required period as a half-open UTC range over Taiwan months or days, with its first and last month or day
    /// (<c>Days</c> true when from/to were given as days).
    /// </summary>
    public (UtcRange Range, DateOnly From, DateOnly To, bool Days) Instants()
    {
        var (from, to, days) = Period();
        var range = days
            ? TaiwanTime.Days(from, to)
            : new UtcRange(TaiwanTime.Month(from.Year, from.Month).FromUtc, TaiwanTime.Month(to.Year, to.Month).ToUtc);
        return (range, from, to, days);
    }

    /// <summary>year (+month) or from/to; Days is true when from/to were given as days.</summary>
    private (DateOnly From, DateOnly To, bool Days) Period()
    {
        var fromText = Text("from");
        var toText = Text("to");
        if (fromText is null && toText is null)
        {
            var year = Year;
            if (Int("month", 1, 12) is { } month)
            {
                var first = new DateOnly(year, month, 1);
                return (first, first, false);
            }

            return (new DateOnly(year, 1, 1), new DateOnly(year, 12, 1), false);
        }

        if (Text("year") is not null || Text("month") is not null)
        {
            throw new RecordFilterException("Give either year (and month) or from/to.");
        }

        if (fromText is null || toText is null)
        {
            throw new RecordFilterException("from and to go together.");
        }

        var (from, fromDays) = Date(fromText, "from");
        var (to, toDays) = Date(toText, "to");
        if (fromDays != toDays)
        {
            throw new RecordFilterException("from and to must both be months or both be days.");
        }

        return to < from ? throw new RecordFilterException("to must not be before from.") : (from, to, fromDays);
    }

    private static (DateOnly Date, bool Days) Date(string text, string name)
    {
        if (DateOnly.TryParseExact(text, DayFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) && day.Year is >= 2000 and <= 2100)
        {
            return (day, true);
        }

        return DateOnly.TryParseExact(text + "-01", DayFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var month) && month.Year is >= 2000 and <= 2100
            ? (month, false)
            : throw new RecordFilterException($"{name} must be a month yyyy-MM or a day yyyy-MM-dd.");
    }
}

/// <summary>Builds drill-down addresses: <c>RecordLinks.For("lots", ("year", 2020), ("category", SupplierCategory.Food))</c>.</summary>
public static class RecordLinks
{
    public static string For(string source, params (string Name, object? Value)[] filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = filter.Where(f => f.Value is not null)
            .Select(f => new KeyValuePair<string, string?>(f.Name, f.Value switch
            {
                bool b => b ? "true" : "false",
                IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
                var other => other!.ToString(),
            }));
        return QueryHelpers.AddQueryString("/reports/records/" + source, query);
    }

    /// <summary>The months From..To (first days) as the link's from/to.</summary>
    public static (string Name, object? Value)[] Months(DateOnly from, DateOnly to) =>
        [("from", from.ToString("yyyy-MM", CultureInfo.InvariantCulture)), ("to", to.ToString("yyyy-MM", CultureInfo.InvariantCulture))];
}
