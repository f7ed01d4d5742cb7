using EasternSelect.Domain.Common;

namespace EasternSelect.Domain.Casework;

public enum CalendarDayKind
{
    /// <summary>A weekday off: a national holiday, its substitute day (補假) or a bridge day (調整放假).</summary>
    DayOff,

    /// <summary>A weekend day worked (補行上班).</summary>
    MakeUpWorkday,
}

/// <summary>One day of the business calendar that differs from a Monday–Friday week (the DGPA office calendar, kept per year).</summary>
public sealed class CalendarDay : Entity
{
    public const int NameMaxLength = 100;

    public DateOnly Date { get; set; }

    public CalendarDayKind Kind { get; set; }

    public string Name { get; set; } = string.Empty;
}
