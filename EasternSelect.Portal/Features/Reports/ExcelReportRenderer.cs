using System.Globalization;
using ClosedXML.Excel;

namespace EasternSelect.Portal.Features.Reports;

/// <summary>
/// Writes a <see cref="ReportDocument"/> as an Excel workbook: a summary sheet with the headings and
/// paragraphs, then one sheet per table, KPI group and chart (its data), each with title rows, a frozen
/// header row and typed cells. Column widths are computed here: AdjustToContents needs system fonts.
/// </summary>
public static class ExcelReportRenderer
{
    private const int TitleRows = 3;

    public static byte[] Render(ReportDocument report, CultureInfo culture, ExcelLabels labels)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(labels);
        using var workbook = new XLWorkbook();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var summary = workbook.AddWorksheet(SheetName(labels.Summary, names));
        summary.Column(1).Width = 100;
        var row = 1;
        summary.Cell(row++, 1).SetValue(report.Title).Style.Font.SetBold().Font.SetFontSize(14);
        if (report.Subtitle is { } subtitle)
        {
            summary.Cell(row++, 1).SetValue(subtitle);
        }

        foreach (var section in report.Sections)
        {
            row++;
            summary.Cell(row++, 1).SetValue(section.Heading).Style.Font.SetBold().Font.SetFontSize(12);
            foreach (var block in section.Blocks)
            {
                switch (block)
                {
                    case ReportParagraph p:
                        summary.Cell(row, 1).SetValue(p.Text).Style.Alignment.WrapText = true;
                        row++;
                        break;
                    case ReportTable t:
                        WriteTable(workbook.AddWorksheet(SheetName(t.Title, names)), report, t, culture);
                        break;
                    case ReportKpis k:
                        WriteTable(workbook.AddWorksheet(SheetName(labels.Kpis, names)), report, KpiTable(k, labels, culture), culture);
                        break;
                    case ReportChart c:
                        WriteTable(workbook.AddWorksheet(SheetName(c.Title, names)), report, ChartTable(c, labels), culture);
                        break;
                    default:
                        throw new NotSupportedException(block.GetType().Name);
                }
            }
        }

        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    /// <summary>Writes one table with title rows above its header; the header row stays frozen.</summary>
    public static void WriteTable(IXLWorksheet sheet, ReportDocument report, ReportTable table, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(table);
        sheet.Cell(1, 1).SetValue(report.Title).Style.Font.SetBold().Font.SetFontSize(14);
        sheet.Cell(2, 1).SetValue(report.Subtitle ?? string.Empty);
        sheet.Cell(TitleRows, 1).SetValue(table.Title).Style.Font.SetBold();
        var headerRow = TitleRows + 1;
        for (var c = 0; c < table.Columns.Count; c++)
        {
            sheet.Cell(headerRow, c + 1).SetValue(table.Columns[c].Header);
            var longest = table.Rows.Select(r => c < r.Count ? r[c].Display(culture) : string.Empty)
                .Append(table.Columns[c].Header).Max(DisplayWidth);
            sheet.Column(c + 1).Width = Math.Clamp(longest + 2, 8, 60);
        }

        var header = sheet.Range(headerRow, 1, headerRow, Math.Max(table.Columns.Count, 1));
        header.Style.Font.Bold = true;
        header.Style.Fill.BackgroundColor = XLColor.FromHtml("#E8EEF4");
        sheet.SheetView.FreezeRows(headerRow);
        var r = headerRow + 1;
        foreach (var cells in table.Rows)
        {
            WriteRow(sheet, r++, cells);
        }

        if (table.Totals is { } totals)
        {
            WriteRow(sheet, r, totals);
            sheet.Range(r, 1, r, Math.Max(table.Columns.Count, 1)).Style.Font.Bold = true;
        }
    }

    private static void WriteRow(IXLWorksheet sheet, int row, IReadOnlyList<ReportCell> cells)
    {
        for (var c = 0; c < cells.Count; c++)
        {
            var cell = sheet.Cell(row, c + 1);
            var value = cells[c];
            switch (value.Kind)
            {
                case CellKind.Number or CellKind.Percent when value.Number is { } number:
                    cell.Value = number;
                    cell.Style.NumberFormat.Format = value.ExcelFormat;
                    break;
                case CellKind.Date when value.Date is { } date:
                    cell.Value = date.ToDateTime(TimeOnly.MinValue);
                    cell.Style.DateFormat.Format = value.ExcelFormat;
                    break;
                case CellKind.Text:
                    cell.SetValue(value.Text ?? string.Empty);
                    break;
                default:
                    break;
            }
        }
    }

    private static ReportTable KpiTable(ReportKpis kpis, ExcelLabels labels, CultureInfo culture) => new(
        labels.Kpis,
        [new(labels.Kpi), new(kpis.TargetLabel), new(labels.Actual, CellKind.Number), new(labels.Status)],
        kpis.Tiles.Select(t => (IReadOnlyList<ReportCell>)
        [
            ReportCell.Of(t.Label), ReportCell.Of(t.TargetText(culture)),
            t.Kind == CellKind.Percent ? ReportCell.Percent(t.Actual, t.Decimals) : ReportCell.Of(t.Actual, t.Decimals),
            ReportCell.Of(t.Met ? kpis.MetLabel : kpis.NotMetLabel),
        ]).ToList());

    private static ReportTable ChartTable(ReportChart chart, ExcelLabels labels) => new(
        chart.Title,
        [new(labels.Label), .. chart.Series.Select(s => new ReportColumn(s.Name, CellKind.Number))],
        chart.Labels.Select((label, i) => (IReadOnlyList<ReportCell>)
            [ReportCell.Of(label), .. chart.Series.Select(s => i < s.Values.Count ? ReportCell.Of(s.Values[i]) : ReportCell.Empty)]).ToList());

    /// <summary>Excel column width in characters: CJK characters count double.</summary>
    private static double DisplayWidth(string text) => text.EnumerateRunes().Sum(r => r.Value >= 0x2E80 ? 2.0 : 1.1);

    /// <summary>A valid, unique sheet name: at most 31 characters, none of []:*?/\.</summary>
    private static string SheetName(string title, HashSet<string> used)
    {
        var cleaned = new string(title.Select(c => "[]:*?/\\".Contains(c, StringComparison.Ordinal) ? '-' : c).ToArray()).Trim('\'', ' ');
        if (cleaned.Length == 0)
        {
            cleaned = "Sheet";
        }

        var name = cleaned.Length > 31 ? cleaned[..31] : cleaned;
        for (var i = 2; !used.Add(name); i++)
        {
            var suffix = " (" + i.ToString(CultureInfo.InvariantCulture) + ")";
            name = (cleaned.Length + suffix.Length > 31 ? cleaned[..(31 - suffix.Length)] : cleaned) + suffix;
        }

        return name;
    }
}

/// <summary>Localized words the workbook adds around the model.</summary>
public sealed record ExcelLabels(string Summary, string Kpis, string Kpi, string Actual, string Status, string Label);
