using Microsoft.EntityFrameworkCore;

namespace EasternSelect.Portal.Features.Reports.Records;

/// <summary>Counts an ordered, projected query and reads its first rows into a drill-down list.</summary>
internal static class RecordTables
{
    public static async Task<RecordList> ListAsync<T>(
        IQueryable<T> ordered, int limit, string title, string description, IReadOnlyList<ReportColumn> columns, Func<T, IReadOnlyList<ReportCell>> row, CancellationToken ct)
    {
        var total = await ordered.CountAsync(ct);
        var rows = await ordered.Take(limit).ToListAsync(ct);
        return new RecordList(title, description, new ReportTable(title, columns, rows.Select(row).ToList()), total);
    }

    /// <summary>The filter in words for the list's description: "年度 2020 · 類別 食品".</summary>
    public static string Describe(params (string Label, string? Value)[] parts) =>
        string.Join(" · ", parts.Where(p => p.Value is not null).Select(p => p.Label + " " + p.Value));
}
