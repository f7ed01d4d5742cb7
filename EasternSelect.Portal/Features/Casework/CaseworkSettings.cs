using System.Globalization;
using EasternSelect.Data.Seed;
using EasternSelect.Domain.Casework;

namespace EasternSelect.Portal.Features.Casework;

/// <summary>The <c>Casework</c> section of appsettings.json: SLA targets and the business calendar.</summary>
public sealed class CaseworkOptions
{
    public int ClosureDays { get; set; } = 7;

    public bool ClosureInBusinessDays { get; set; }

    public double OnlineFirstResponseHours { get; set; } = 24;

    public double ClosureWarningHours { get; set; } = 24;

    public double ResponseWarningHours { get; set; } = 4;

    /// <summary>National holidays, yyyy-MM-dd, that win over the calendar kept at /admin/calendar.</summary>
    public List<string> Holidays { get; set; } = [];

    /// <summary>Make-up working days (補班日), yyyy-MM-dd, that win over the calendar kept at /admin/calendar.</summary>
    public List<string> MakeUpWorkdays { get; set; } = [];
}

/// <summary>
/// The SLA policy and the business calendar. The calendar starts as the embedded reference calendar and is replaced by
/// the database's calendar (<see cref="UseCalendar"/>) at start and whenever an administrator changes it; the days
/// listed in configuration win over both, so an installation can still correct a day without touching the table.
/// </summary>
public sealed class CaseworkSettings
{
    private readonly HashSet<DateOnly> _configuredHolidays;
    private readonly HashSet<DateOnly> _configuredMakeUpWorkdays;
    private BusinessCalendar _calendar;

    public CaseworkSettings(BusinessCalendar calendar, SlaPolicy sla)
        : this(calendar, sla, [], [])
    {
    }

    private CaseworkSettings(BusinessCalendar calendar, SlaPolicy sla, HashSet<DateOnly> holidays, HashSet<DateOnly> makeUpWorkdays)
    {
        _calendar = calendar;
        Sla = sla;
        _configuredHolidays = holidays;
        _configuredMakeUpWorkdays = makeUpWorkdays;
    }

    public BusinessCalendar Calendar => Volatile.Read(ref _calendar);

    public SlaPolicy Sla { get; }

    public static CaseworkSettings From(CaseworkOptions options)
    {
        var settings = new CaseworkSettings(
            new BusinessCalendar(),
            new SlaPolicy(options.ClosureDays, options.ClosureInBusinessDays, options.OnlineFirstResponseHours, options.ClosureWarningHours, options.ResponseWarningHours),
            [.. Dates(options.Holidays)],
            [.. Dates(options.MakeUpWorkdays)]);
        var reference = ReferenceData.TaiwanCalendar;
        settings.UseCalendar(reference.DaysOff, reference.MakeUpWorkdays);
        return settings;
    }

    /// <summary>Replaces the calendar (the database's days off and worked weekend days); configured days still win.</summary>
    public void UseCalendar(IEnumerable<DateOnly> daysOff, IEnumerable<DateOnly> makeUpWorkdays)
    {
        var off = daysOff.Where(d => !_configuredMakeUpWorkdays.Contains(d)).Concat(_configuredHolidays);
        var worked = makeUpWorkdays.Where(d => !_configuredHolidays.Contains(d)).Concat(_configuredMakeUpWorkdays);
        Volatile.Write(ref _calendar, new BusinessCalendar(off, worked));
    }

    private static IEnumerable<DateOnly> Dates(IEnumerable<string> values) =>
        values.Select(v => DateOnly.ParseExact(v.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture));
}
