using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using EasternSelect.Domain.Casework;
using EasternSelect.Domain.Inspections;
using EasternSelect.Domain.Suppliers;

namespace EasternSelect.Data.Seed;

/// <summary>
/// The reference data every installation needs, read from the JSON files embedded beside this class
/// (Seed/Reference/*.json): the 70-item baseline checklists, complaint topics, recognised labs and
/// the Taiwan government calendar. <see cref="ReferenceDataSeeder"/> writes the first three to the database.
/// </summary>
public static class ReferenceData
{
    public const int BaselineItemCount = 70;

    public const string ChecklistsFile = "checklists.json";
    public const string ComplaintTopicsFile = "complaint-topics.json";
    public const string RecognisedLabsFile = "recognised-labs.json";
    public const string TaiwanCalendarFile = "taiwan-calendar.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    private static readonly Lazy<ChecklistsDocument> Checklists = new(() => Read<ChecklistsDocument>(ChecklistsFile));

    private static readonly Lazy<IReadOnlyList<ComplaintTopic>> Topics = new(() => Read<TopicsDocument>(ComplaintTopicsFile).Topics);

    private static readonly Lazy<IReadOnlyList<RecognisedLabReference>> Labs = new(() => Read<LabsDocument>(RecognisedLabsFile).Labs);

    private static readonly Lazy<TaiwanCalendarDays> Calendar = new(() => ToCalendar(Read<CalendarDocument>(TaiwanCalendarFile)));

    private static readonly Lazy<IReadOnlyList<ReferenceCalendarDay>> CalendarRows = new(() => ToRows(Read<CalendarDocument>(TaiwanCalendarFile)));

    /// <summary>The day version 1 of every baseline checklist takes effect.</summary>
    public static DateOnly BaselineEffectiveFrom => Checklists.Value.EffectiveFrom;

    /// <summary>Complaint topics in display order.</summary>
    public static IReadOnlyList<ComplaintTopic> ComplaintTopics => Topics.Value;

    public static IReadOnlyList<RecognisedLabReference> RecognisedLabs => Labs.Value;

    /// <summary>Official holidays and make-up working days (補班日) of the years the file covers.</summary>
    public static TaiwanCalendarDays TaiwanCalendar => Calendar.Value;

    /// <summary>The same days with their names, per year: what <see cref="ReferenceDataSeeder"/> writes to the calendar table.</summary>
    public static IReadOnlyList<ReferenceCalendarDay> TaiwanCalendarDays => CalendarRows.Value;

    /// <summary>The baseline items of a category, in order: 50 shared (QC-01…QC-50) and 20 of its own.</summary>
    public static IReadOnlyList<ChecklistItemDraft> Baseline(SupplierCategory category)
    {
        var own = Checklists.Value.Categories.Single(c => c.Category == category);
        return
        [
            .. Checklists.Value.Shared.Select((item, i) => item.ToDraft(string.Create(CultureInfo.InvariantCulture, $"QC-{i + 1:00}"))),
            .. own.Items.Select((item, i) => item.ToDraft(string.Create(CultureInfo.InvariantCulture, $"{own.CodePrefix}-{i + 1:00}"))),
        ];
    }

    /// <summary>The text of an embedded reference file, for tests and tools that check the files themselves.</summary>
    public static string ReadText(string fileName)
    {
        using var stream = Open(fileName);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static T Read<T>(string fileName)
    {
        using var stream = Open(fileName);
        return JsonSerializer.Deserialize<T>(stream, Json) ?? throw new InvalidDataException($"Reference file {fileName} is empty.");
    }

    private static Stream Open(string fileName) =>
        typeof(ReferenceData).Assembly.GetManifestResourceStream($"{typeof(ReferenceData).Namespace}.Reference.{fileName}")
        ?? throw new FileNotFoundException($"Reference file {fileName} is not embedded in {typeof(ReferenceData).Assembly.GetName().Name}.", fileName);

    private static TaiwanCalendarDays ToCalendar(CalendarDocument document) => new(
        document.Years.Min(y => y.Year),
        document.Years.Max(y => y.Year),
        [.. document.Years.SelectMany(y => y.DaysOff).Select(d => d.Date).Order()],
        [.. document.Years.SelectMany(y => y.MakeUpWorkdays).Select(d => d.Date).Order()]);

    private static List<ReferenceCalendarDay> ToRows(CalendarDocument document) =>
    [
        .. document.Years.SelectMany(y => y.DaysOff.Select(d => new ReferenceCalendarDay(d.Date, CalendarDayKind.DayOff, d.Name ?? string.Empty))
            .Concat(y.MakeUpWorkdays.Select(d => new ReferenceCalendarDay(d.Date, CalendarDayKind.MakeUpWorkday, d.Name ?? string.Empty)))).OrderBy(d => d.Date),
    ];

    private sealed record ChecklistsDocument(DateOnly EffectiveFrom, List<ChecklistItemLine> Shared, List<CategoryChecklist> Categories);

    private sealed record CategoryChecklist(SupplierCategory Category, string CodePrefix, List<ChecklistItemLine> Items);

    private sealed record ChecklistItemLine(string Title, DefectClass DefectClass, string Method, string? Regulation)
    {
        public ChecklistItemDraft ToDraft(string code) => new(code, Title, DefectClass, Method, Regulation);
    }

    private sealed record TopicsDocument(List<ComplaintTopic> Topics);

    private sealed record LabsDocument(List<RecognisedLabReference> Labs);

    private sealed record CalendarDocument(List<CalendarYear> Years);

    private sealed record CalendarYear(int Year, List<CalendarDay> DaysOff, List<CalendarDay> MakeUpWorkdays);

    private sealed record CalendarDay(DateOnly Date, string? Name);
}

/// <summary>A complaint topic: the code is the stable key, the names are shown.</summary>
public sealed record ComplaintTopic(string Code, string NameZh, string NameEn, bool ExcludedFromStatistics = false);

/// <summary>A day of the reference Taiwan calendar: a weekday off or a Saturday worked.</summary>
public sealed record ReferenceCalendarDay(DateOnly Date, CalendarDayKind Kind, string Name);

public sealed record RecognisedLabReference(string Name, string RecognitionNumber, string Scope);

/// <summary>Weekdays off (national holidays, their substitute days and bridge days) and worked weekend days.</summary>
public sealed record TaiwanCalendarDays(int FirstYear, int LastYear, IReadOnlyList<DateOnly> DaysOff, IReadOnlyList<DateOnly> MakeUpWorkdays);
