using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace EasternSelect.Portal.Features.Reports.Records;

/// <summary>Counts an ordered, projected query and reads one page of it into a drill-down list.</summary>
internal static class RecordTables
{
    public static async Task<RecordList> ListAsync<T>(
        IQueryable<T> ordered, RecordPage page, string title, string description, IReadOnlyList<ReportColumn> columns, Func<T, IReadOnlyList<ReportCell>> row,
        CancellationToken ct, IReadOnlyList<string>? keys = null)
    {
        var total = await ordered.CountAsync(ct);
        var rows = await ordered.Skip(page.Skip).Take(page.Size).ToListAsync(ct);
        return new RecordList(title, description, new ReportTable(title, columns, rows.Select(row).ToList()), total, page, keys);
    }

    /// <summary>The filter in words for the list's description: "年度 2020 · 類別 食品".</summary>
    public static string Describe(params (string Label, string? Value)[] parts) =>
        string.Join(" · ", parts.Where(p => p.Value is not null).Select(p => p.Label + " " + p.Value));

    /// <summary>A period in words: "2020 年", "2020 年 6 月", "2025-12 至 2026-11" or, for days, "2020-01-01 至 2020-06-30".</summary>
    public static string Period(IStringLocalizer l, DateOnly from, DateOnly to, bool days = false)
    {
        var format = days ? "yyyy-MM-dd" : "yyyy-MM";
        if (!days && from == to)
        {
            return l["Records.YearMonth", from.Year, from.Month];
        }

        return !days && from.Year == to.Year && from.Month == 1 && to.Month == 12
            ? l["Records.Year", from.Year]
            : l["Records.Period", from.ToString(format, CultureInfo.InvariantCulture), to.ToString(format, CultureInfo.InvariantCulture)];
    }
}
