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

    /// <summary>National holidays, yyyy-MM-dd; when both lists are empty the embedded government calendar is used.</summary>
    public List<string> Holidays { get; set; } = [];

    /// <summary>Make-up working days (補班日), yyyy-MM-dd.</summary>
    public List<string> MakeUpWorkdays { get; set; } = [];
}

/// <summary>The calendar and SLA policy built once from <see cref="CaseworkOptions"/>.</summary>
public sealed class CaseworkSettings(BusinessCalendar calendar, SlaPolicy sla)
{
    public BusinessCalendar Calendar { get; } = calendar;

    public SlaPolicy Sla { get; } = sla;

    public static CaseworkSettings From(CaseworkOptions options) => new(
        CalendarFrom(options),
        new SlaPolicy(options.ClosureDays, options.ClosureInBusinessDays, options.OnlineFirstResponseHours, options.ClosureWarningHours, options.ResponseWarningHours));

    /// <summary>Configuration overrides the whole reference calendar, so an installation can correct a year without merging.</summary>
    private static BusinessCalendar CalendarFrom(CaseworkOptions options)
    {
        if (options.Holidays.Count > 0 || options.MakeUpWorkdays.Count > 0)
        {
            return new BusinessCalendar(Dates(options.Holidays), Dates(options.MakeUpWorkdays));
        }

        var reference = ReferenceData.TaiwanCalendar;
        return new BusinessCalendar(reference.DaysOff, reference.MakeUpWorkdays);
    }

    private static IEnumerable<DateOnly> Dates(IEnumerable<string> values) =>
        values.Select(v => DateOnly.ParseExact(v.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture));
}
