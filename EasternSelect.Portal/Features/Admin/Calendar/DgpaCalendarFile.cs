using System.Globalization;
using System.Text;
using EasternSelect.Domain.Casework;

namespace EasternSelect.Portal.Features.Admin.Calendar;

/// <summary>
/// Reads the DGPA's yearly 中華民国政府行政機關辦公日曆表 CSV (data.gov.tw): 西元日期 (yyyyMMdd), 星期, 是否放假 (2 day off,
/// 0 working day), 備註. Only the days that differ from a Monday–Friday week are kept. Every row is checked; one bad row rejects the file.
/// </summary>
public static class DgpaCalendarFile
{
    public const int MaxBytes = 512 * 1024;

    public sealed record Parsed(IReadOnlyList<CalendarDay> Days, IReadOnlyList<string> Errors);

    public static Parsed Parse(byte[] content, int year)
    {
        ArgumentNullException.ThrowIfNull(content);
        var errors = new List<string>();
        var days = new List<CalendarDay>();
        var seen = new HashSet<DateOnly>();
        var lines = Decode(content).Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var rows = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            var row = (i + 1).ToString(CultureInfo.InvariantCulture);
            var line = lines[i];
            if (string.IsNullOrWhiteSpace(line) || (i == 0 && line.Contains("西元日期", StringComparison.Ordinal)))
            {
                continue;
            }

            rows++;
            var cells = line.Split(',').Select(c => c.Trim().Trim('"').Trim()).ToArray();
            if (cells.Length < 3)
            {
                errors.Add("Calendar.Import.Columns|" + row);
                continue;
            }

            if (!DateOnly.TryParseExact(cells[0], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) || date.Year != year)
            {
                errors.Add("Calendar.Import.BadDate|" + row);
                continue;
            }

            if (cells[2] is not ("0" or "2"))
            {
                errors.Add("Calendar.Import.BadFlag|" + row);
                continue;
            }

            if (!seen.Add(date))
            {
                errors.Add("Calendar.Import.Duplicate|" + row);
                continue;
            }

            var note = cells.Length > 3 ? string.Join(',', cells[3..]).Trim() : string.Empty;
            if (note.Length > CalendarDay.NameMaxLength)
            {
                errors.Add("Calendar.Import.NoteTooLong|" + row);
                continue;
            }

            var weekend = date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
            var off = cells[2] == "2";
            if (off != weekend)
            {
                days.Add(new CalendarDay
                {
                    Date = date,
                    Kind = off ? CalendarDayKind.DayOff : CalendarDayKind.MakeUpWorkday,
                    Name = note.Length > 0 ? note : off ? "放假" : "補行上班",
                });
            }
        }

        if (rows == 0)
        {
            errors.Add("Calendar.Import.Empty");
        }

        return new Parsed(errors.Count == 0 ? days : [], errors);
    }

    /// <summary>UTF-8 (with or without BOM); a file that is not valid UTF-8 is read as Big5, the other encoding the DGPA has used.</summary>
    private static string Decode(byte[] content)
    {
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(content).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding(950).GetString(content);
        }
    }
}
