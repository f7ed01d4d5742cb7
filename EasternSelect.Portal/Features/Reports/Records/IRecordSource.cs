using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;

namespace EasternSelect.Portal.Features.Reports.Records;

/// <summary>
/// The records behind a report figure: every linked figure of the ESG report and the KPI pages opens
/// <c>/reports/records/{Source}?…</c>, which asks the source of that name for the (masked) records the figure was
/// computed from, with the same filters. A source checks its own policy; lists never show unmasked personal data.
/// </summary>
public interface IRecordSource
{
    /// <summary>The name in the address: lots, audits, suppliers, reviews, training, complaints, grievances, …</summary>
    string Source { get; }

    /// <summary>The policy a person needs to see these records.</summary>
    string Policy { get; }

    /// <summary>The records matching <paramref name="filter"/>: at most <paramref name="limit"/> rows, and how many match in all.</summary>
    Task<RecordList> ListAsync(RecordFilter filter, int limit, CancellationToken ct);
}

/// <summary>A drill-down list: what it shows (title and the filter in words), the first rows, and the full count.</summary>
public sealed record RecordList(string Title, string Description, ReportTable Table, int Total);

/// <summary>A drill-down link's filter did not make sense (an unknown category, a month out of range).</summary>
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

/// <summary>The query values of a drill-down link, read strictly: a value that is present but wrong is an error, never ignored.</summary>
public sealed class RecordFilter(IReadOnlyDictionary<string, string?> values)
{
    /// <summary>The filter of a query string ("?year=2020&amp;category=Food").</summary>
    public static RecordFilter FromQuery(string? query) =>
        new(QueryHelpers.ParseQuery(query).ToDictionary(q => q.Key, q => (string?)q.Value.ToString(), StringComparer.Ordinal));

    public string? Text(string name) => values.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

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
}
