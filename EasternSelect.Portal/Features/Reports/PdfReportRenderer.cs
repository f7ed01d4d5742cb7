using System.Globalization;
using System.Text;
using SkiaSharp;

namespace EasternSelect.Portal.Features.Reports;

/// <summary>What the PDF prints around the content: the page footer's texts.</summary>
public sealed record PdfPageInfo(string PrintedLine, Func<int, int, string> PageText);

/// <summary>
/// Draws a <see cref="ReportDocument"/> as an A4 PDF with Skia: everything is laid out first (so the
/// footer knows the page count), then drawn as vector text, lines and paths with the report font.
/// Paragraphs wrap per word, and per character in CJK text; tables break across pages and repeat
/// their header row; numbers are right-aligned.
/// </summary>
public sealed class PdfReportRenderer(ReportFont reportFont)
{
    public const float PageWidth = 595.28f;
    public const float PageHeight = 841.89f;
    public const float Margin = 50f;
    private const float ContentTop = 78f;
    private const float ContentBottom = PageHeight - 64f;
    private const float ContentWidth = PageWidth - (2 * Margin);
    private const float CellPadding = 4f;

    private static readonly SKColor Ink = new(0x21, 0x21, 0x21);
    private static readonly SKColor Muted = new(0x61, 0x61, 0x61);
    private static readonly SKColor Accent = new(0x0D, 0x47, 0xA1);
    private static readonly SKColor Rule = new(0xBD, 0xBD, 0xBD);
    private static readonly SKColor HeaderFill = new(0xE8, 0xEE, 0xF4);
    private static readonly SKColor TotalsFill = new(0xF5, 0xF5, 0xF5);
    private static readonly SKColor Good = new(0x2E, 0x7D, 0x32);
    private static readonly SKColor Bad = new(0xC6, 0x28, 0x28);
    private static readonly SKColor[] SeriesColors = [new(0x19, 0x76, 0xD2), new(0xF5, 0x7C, 0x00), new(0x38, 0x8E, 0x3C), new(0x7B, 0x1F, 0xA2), new(0x00, 0x83, 0x8F)];

    public byte[] Render(ReportDocument report, PdfPageInfo page, CultureInfo culture, DateTime createdUtc)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(page);
        // The footer's page numbers are not known before layout; every digit is in the font to be safe.
        var texts = report.Texts(culture).Append(page.PrintedLine).Append(page.PageText(1234567890, 1234567890)).Append("0123456789…");
        using var typeface = reportFont.ForText(texts);
        var layout = new Layout(typeface, culture);
        layout.Document(report);

        using var output = new MemoryStream();
        var metadata = new SKDocumentPdfMetadata
        {
            Title = report.Title,
            Subject = report.Subtitle ?? string.Empty,
            Creator = "Eastern Select Portal",
            Producer = "Eastern Select Portal (SkiaSharp)",
            Creation = createdUtc,
            Modified = createdUtc,
        };
        using (var document = SKDocument.CreatePdf(output, metadata))
        {
            for (var i = 0; i < layout.Pages.Count; i++)
            {
                var canvas = document.BeginPage(PageWidth, PageHeight);
                layout.Frame(canvas, report.Title, page.PrintedLine, page.PageText(i + 1, layout.Pages.Count));
                foreach (var draw in layout.Pages[i])
                {
                    draw(canvas);
                }

                document.EndPage();
            }

            document.Close();
        }

        return output.ToArray();
    }

    /// <summary>Splits text into lines no wider than <paramref name="width"/>: at spaces in Latin text, between any two CJK characters.</summary>
    public static IReadOnlyList<string> Wrap(string text, SKFont font, float width)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(font);
        var lines = new List<string>();
        foreach (var paragraph in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var line = new StringBuilder();
            foreach (var token in Tokens(paragraph))
            {
                var candidate = line.ToString() + token;
                if (font.MeasureText(candidate) <= width || (line.Length > 0 && IsClosingPunctuation(token)))
                {
                    line.Append(token);
                    continue;
                }

                if (line.Length > 0)
                {
                    lines.Add(line.ToString().TrimEnd());
                    line.Clear();
                }

                if (token != " ")
                {
                    // A word longer than the line is cut per character.
                    foreach (var rune in token.EnumerateRunes())
                    {
                        if (line.Length > 0 && font.MeasureText(line.ToString() + rune.ToString()) > width)
                        {
                            lines.Add(line.ToString());
                            line.Clear();
                        }

                        line.Append(rune.ToString());
                    }
                }
            }

            lines.Add(line.ToString().TrimEnd());
        }

        return lines;
    }

    private static IEnumerable<string> Tokens(string text)
    {
        var word = new StringBuilder();
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.Value == ' ' || IsWide(rune.Value))
            {
                if (word.Length > 0)
                {
                    yield return word.ToString();
                    word.Clear();
                }

                yield return rune.ToString();
            }
            else
            {
                word.Append(rune.ToString());
            }
        }

        if (word.Length > 0)
        {
            yield return word.ToString();
        }
    }

    private static bool IsWide(int c) => c is >= 0x2E80 and <= 0x9FFF or >= 0xF900 and <= 0xFAFF or >= 0xFF00 and <= 0xFFEF or >= 0x20000;

    private static bool IsClosingPunctuation(string token) => token.Length == 1 && "，。、；：！？）」』】》,.;:!?)%".Contains(token[0], StringComparison.Ordinal);

    /// <summary>Lays the document out into pages of drawing steps.</summary>
    private sealed class Layout(SKTypeface typeface, CultureInfo culture)
    {
        private float _y = ContentTop;

        public List<List<Action<SKCanvas>>> Pages { get; } = [[]];

        private List<Action<SKCanvas>> Current => Pages[^1];

        public void Document(ReportDocument report)
        {
            Text(report.Title, 20, Accent, Margin, ContentWidth, 1.3f);
            if (report.Subtitle is { Length: > 0 } subtitle)
            {
                Text(subtitle, 11, Muted, Margin, ContentWidth, 1.4f);
            }

            _y += 6;
            foreach (var section in report.Sections)
            {
                Section(section);
            }
        }

        /// <summary>The page frame: the report title above, the printed line and page X / Y below.</summary>
        public void Frame(SKCanvas canvas, string title, string printed, string pageText)
        {
            using var small = Font(8.5f);
            using var paint = Paint(Muted);
            using var line = Stroke(Rule, 0.6f);
            var titleText = Fit(title, small, ContentWidth);
            Draw(canvas, titleText, Margin, 40, SKTextAlign.Left, small, paint);
            canvas.DrawLine(Margin, 48, PageWidth - Margin, 48, line);
            canvas.DrawLine(Margin, PageHeight - 48, PageWidth - Margin, PageHeight - 48, line);
            var pageWidth = small.MeasureText(pageText);
            Draw(canvas, Fit(printed, small, ContentWidth - pageWidth - 12), Margin, PageHeight - 34, SKTextAlign.Left, small, paint);
            Draw(canvas, pageText, PageWidth - Margin, PageHeight - 34, SKTextAlign.Right, small, paint);
        }

        private void Section(ReportSection section)
        {
            // Keep a heading with the start of what follows it.
            Need(15 * 1.4f + 60);
            _y += 8;
            Text(section.Heading, 15, Accent, Margin, ContentWidth, 1.4f);
            var y = _y;
            Current.Add(c =>
            {
                using var rule = Stroke(Accent, 1f);
                c.DrawLine(Margin, y, Margin + 40, y, rule);
            });
            _y += 8;
            foreach (var block in section.Blocks)
            {
                switch (block)
                {
                    case ReportParagraph p:
                        Text(p.Text, 10.5f, Ink, Margin, ContentWidth, 1.6f);
                        _y += 6;
                        break;
                    case ReportTable t:
                        Table(t);
                        break;
                    case ReportKpis k:
                        Kpis(k);
                        break;
                    case ReportChart ch:
                        Chart(ch);
                        break;
                    default:
                        throw new NotSupportedException(block.GetType().Name);
                }
            }
        }

        private void Text(string text, float size, SKColor color, float x, float width, float lineFactor)
        {
            using var font = Font(size);
            var lineHeight = size * lineFactor;
            foreach (var line in Wrap(text, font, width))
            {
                Need(lineHeight);
                var baseline = _y + (size * 1.05f);
                Current.Add(c =>
                {
                    using var f = Font(size);
                    using var paint = Paint(color);
                    Draw(c, line, x, baseline, SKTextAlign.Left, f, paint);
                });
                _y += lineHeight;
            }
        }

        private void Table(ReportTable table)
        {
            var (size, widths) = ColumnWidths(table);
            var lineHeight = size * 1.45f;
            using var font = Font(size);
            var lefts = new float[widths.Length];
            for (var i = 1; i < widths.Length; i++)
            {
                lefts[i] = lefts[i - 1] + widths[i - 1];
            }

            List<string[]> WrapRow(IReadOnlyList<string> cells) =>
                cells.Select((text, i) => Wrap(text, font, widths[i] - (2 * CellPadding)).ToArray()).ToList();

            float Height(List<string[]> wrapped) => (wrapped.Max(w => w.Length) * lineHeight) + (2 * CellPadding);

            var header = WrapRow(table.Columns.Select(c => c.Header).ToList());
            var headerHeight = Height(header);

            void DrawRow(List<string[]> wrapped, float height, SKColor? fill, bool isHeader, IReadOnlyList<bool> right)
            {
                var top = _y;
                Current.Add(c =>
                {
                    using var f = Font(size);
                    using var paint = Paint(Ink);
                    using var rule = Stroke(Rule, isHeader ? 0.9f : 0.4f);
                    if (fill is { } color)
                    {
                        using var background = Paint(color);
                        c.DrawRect(Margin, top, ContentWidth, height, background);
                    }

                    for (var i = 0; i < wrapped.Count; i++)
                    {
                        for (var l = 0; l < wrapped[i].Length; l++)
                        {
                            var baseline = top + CellPadding + (l * lineHeight) + (size * 1.1f);
                            if (right[i])
                            {
                                Draw(c, wrapped[i][l], Margin + lefts[i] + widths[i] - CellPadding, baseline, SKTextAlign.Right, f, paint);
                            }
                            else
                            {
                                Draw(c, wrapped[i][l], Margin + lefts[i] + CellPadding, baseline, SKTextAlign.Left, f, paint);
                            }
                        }
                    }

                    c.DrawLine(Margin, top + height, Margin + ContentWidth, top + height, rule);
                    if (isHeader)
                    {
                        c.DrawLine(Margin, top, Margin + ContentWidth, top, rule);
                    }
                });
                _y += height;
            }

            var rightAligned = table.Columns.Select(c => c.Kind is CellKind.Number or CellKind.Percent).ToList();
            var headerRight = rightAligned;

            // The title, the header and the first row stay together.
            var first = table.Rows.Count > 0 ? Height(WrapRow(table.Rows[0].Select(c => c.Display(culture)).ToList())) : 0;
            Need(11 * 1.5f + headerHeight + first);
            if (table.Title.Length > 0)
            {
                Text(table.Title, 11, Ink, Margin, ContentWidth, 1.5f);
            }

            DrawRow(header, headerHeight, HeaderFill, true, headerRight);
            var rows = table.Rows.Select(r => (Cells: r, Fill: (SKColor?)null)).ToList();
            if (table.Totals is { } totals)
            {
                rows.Add((totals, TotalsFill));
            }

            foreach (var (cells, fill) in rows)
            {
                var wrapped = WrapRow(cells.Select(c => c.Display(culture)).ToList());
                var height = Height(wrapped);
                if (_y + height > ContentBottom)
                {
                    NewPage();
                    DrawRow(header, headerHeight, HeaderFill, true, headerRight);
                }

                DrawRow(wrapped, height, fill, false, cells.Select((c, i) => c.IsNumeric || rightAligned[i]).ToList());
            }

            _y += 12;
        }

        /// <summary>
        /// Column widths from the texts: each column's natural width (its widest text, capped), spread over the
        /// page width. A table too wide for 9.5 pt is set in 8 pt; what still does not fit wraps in its cell.
        /// </summary>
        private (float Size, float[] Widths) ColumnWidths(ReportTable table)
        {
            // Natural: the widest text (capped). Minimum: the widest word that must not break (numbers, e-mails).
            (float[] Natural, float[] Minimum) Measure(float size)
            {
                using var font = Font(size);
                var natural = new float[table.Columns.Count];
                var minimum = new float[table.Columns.Count];
                for (var i = 0; i < table.Columns.Count; i++)
                {
                    var texts = table.Rows.Select(r => i < r.Count ? r[i].Display(culture) : string.Empty)
                        .Concat(table.Totals is { } t && i < t.Count ? [t[i].Display(culture)] : [])
                        .Append(table.Columns[i].Header).ToList();
                    var padding = (2 * CellPadding) + 2;
                    natural[i] = Math.Min(texts.Max(text => font.MeasureText(text)), 170f) + padding;
                    minimum[i] = Math.Min(texts.SelectMany(Tokens).Where(w => w != " ").DefaultIfEmpty(string.Empty).Max(w => font.MeasureText(w)), 120f) + padding;
                    natural[i] = Math.Max(natural[i], minimum[i]);
                }

                return (natural, minimum);
            }

            var size = 9.5f;
            var (natural, minimum) = Measure(size);
            if (natural.Sum() > ContentWidth)
            {
                size = 8f;
                (natural, minimum) = Measure(size);
            }

            var sum = natural.Sum();
            var minSum = minimum.Sum();
            float[] widths;
            if (sum <= ContentWidth)
            {
                widths = natural.Select(n => n + ((ContentWidth - sum) * n / sum)).ToArray();
            }
            else if (minSum < ContentWidth)
            {
                // Every column gets its unbreakable words; the room left goes to the columns that wrap.
                var spare = ContentWidth - minSum;
                var wanted = sum - minSum;
                widths = natural.Select((n, i) => minimum[i] + (spare * (n - minimum[i]) / wanted)).ToArray();
            }
            else
            {
                widths = minimum.Select(m => m * ContentWidth / minSum).ToArray();
            }

            return (size, widths);
        }

        private void Kpis(ReportKpis kpis)
        {
            const int perRow = 3;
            const float gap = 10f;
            const float height = 74f;
            var width = (ContentWidth - ((perRow - 1) * gap)) / perRow;
            foreach (var row in kpis.Tiles.Chunk(perRow))
            {
                Need(height + gap);
                var top = _y;
                for (var i = 0; i < row.Length; i++)
                {
                    var tile = row[i];
                    var left = Margin + (i * (width + gap));
                    Current.Add(c =>
                    {
                        using var border = Stroke(Rule, 0.8f);
                        using var label = Font(9);
                        using var big = Font(18);
                        using var small = Font(8.5f);
                        using var ink = Paint(Ink);
                        using var muted = Paint(Muted);
                        using var badge = Paint(tile.Met ? Good : Bad);
                        using var white = Paint(SKColors.White);
                        c.DrawRoundRect(new SKRect(left, top, left + width, top + height), 4, 4, border);
                        using var accent = Paint(tile.Met ? Good : Bad);
                        c.DrawRect(left, top, 4, height, accent);
                        Draw(c, Fit(tile.Label, label, width - 70), left + 12, top + 18, SKTextAlign.Left, label, muted);
                        Draw(c, Fit(tile.ActualText(culture), big, width - 20), left + 12, top + 45, SKTextAlign.Left, big, ink);
                        Draw(c, Fit(kpis.TargetLabel + " " + tile.TargetText(culture), small, width - 20), left + 12, top + 63, SKTextAlign.Left, small, muted);
                        var status = tile.Met ? kpis.MetLabel : kpis.NotMetLabel;
                        var statusWidth = small.MeasureText(status) + 10;
                        c.DrawRoundRect(new SKRect(left + width - statusWidth - 8, top + 8, left + width - 8, top + 22), 3, 3, badge);
                        Draw(c, status, left + width - 13, top + 18.5f, SKTextAlign.Right, small, white);
                    });
                }

                _y += height + gap;
            }

            _y += 4;
        }

        private void Chart(ReportChart chart)
        {
            const float height = 210f;
            Need(11 * 1.5f + height);
            Text(chart.Title, 11, Ink, Margin, ContentWidth, 1.5f);
            var top = _y;
            var max = chart.Series.SelectMany(s => s.Values).DefaultIfEmpty(0).Max();
            var (axisMax, step) = NiceAxis(max);
            Current.Add(c =>
            {
                using var small = Font(8);
                using var muted = Paint(Muted);
                using var grid = Stroke(Rule, 0.4f);
                using var axis = Stroke(Muted, 0.8f);
                var plotLeft = Margin + 44;
                var plotRight = Margin + ContentWidth - 8;
                var plotTop = top + 10;
                var plotBottom = top + height - 44;
                float Y(decimal value) => plotBottom - (float)(value / axisMax) * (plotBottom - plotTop);
                for (var tick = 0m; tick <= axisMax; tick += step)
                {
                    c.DrawLine(plotLeft, Y(tick), plotRight, Y(tick), grid);
                    Draw(c, tick.ToString("N0", culture), plotLeft - 4, Y(tick) + 3, SKTextAlign.Right, small, muted);
                }

                c.DrawLine(plotLeft, plotBottom, plotRight, plotBottom, axis);
                var count = Math.Max(chart.Labels.Count, 1);
                var slot = (plotRight - plotLeft) / count;
                for (var i = 0; i < chart.Labels.Count; i++)
                {
                    Draw(c, Fit(chart.Labels[i], small, slot - 2), plotLeft + (slot * (i + 0.5f)), plotBottom + 12, SKTextAlign.Center, small, muted);
                }

                for (var s = 0; s < chart.Series.Count; s++)
                {
                    var series = chart.Series[s];
                    using var paint = Paint(SeriesColors[s % SeriesColors.Length]);
                    using var ink = Paint(Ink);
                    if (chart.Kind == ChartKind.Bar)
                    {
                        var barWidth = Math.Min(slot * 0.7f / chart.Series.Count, 36);
                        var groupLeft = (slot - (barWidth * chart.Series.Count)) / 2;
                        for (var i = 0; i < series.Values.Count && i < count; i++)
                        {
                            var x = plotLeft + (slot * i) + groupLeft + (barWidth * s);
                            c.DrawRect(new SKRect(x, Y(series.Values[i]), x + barWidth, plotBottom), paint);
                            Draw(c, series.Values[i].ToString("N0", culture), x + (barWidth / 2), Y(series.Values[i]) - 3, SKTextAlign.Center, small, ink);
                        }
                    }
                    else
                    {
                        using var stroke = Stroke(SeriesColors[s % SeriesColors.Length], 1.8f);
                        using var path = new SKPath();
                        for (var i = 0; i < series.Values.Count && i < count; i++)
                        {
                            var point = new SKPoint(plotLeft + (slot * (i + 0.5f)), Y(series.Values[i]));
                            if (i == 0)
                            {
                                path.MoveTo(point);
                            }
                            else
                            {
                                path.LineTo(point);
                            }
                        }

                        c.DrawPath(path, stroke);
                        for (var i = 0; i < series.Values.Count && i < count; i++)
                        {
                            var x = plotLeft + (slot * (i + 0.5f));
                            c.DrawCircle(x, Y(series.Values[i]), 2.8f, paint);
                            Draw(c, series.Values[i].ToString("N0", culture), x, Y(series.Values[i]) - 6, SKTextAlign.Center, small, ink);
                        }
                    }
                }

                // Legend under the axis labels.
                var legendX = plotLeft;
                for (var s = 0; s < chart.Series.Count; s++)
                {
                    using var paint = Paint(SeriesColors[s % SeriesColors.Length]);
                    c.DrawRect(legendX, plotBottom + 24, 9, 9, paint);
                    Draw(c, chart.Series[s].Name, legendX + 13, plotBottom + 32, SKTextAlign.Left, small, muted);
                    legendX += 13 + small.MeasureText(chart.Series[s].Name) + 16;
                }
            });
            _y += height + 6;
        }

        private static (decimal Max, decimal Step) NiceAxis(decimal max)
        {
            if (max <= 0)
            {
                return (1, 1);
            }

            var raw = (double)max / 4;
            var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
            var step = new[] { 1d, 2d, 2.5d, 5d, 10d }.Select(m => m * magnitude).First(s => s >= raw);
            var stepValue = (decimal)Math.Max(step, 1);
            return (Math.Ceiling(max / stepValue) * stepValue, stepValue);
        }

        private void Need(float height)
        {
            if (_y + height > ContentBottom && _y > ContentTop)
            {
                NewPage();
            }
        }

        private void NewPage()
        {
            Pages.Add([]);
            _y = ContentTop;
        }

        /// <summary>
        /// Draws left-aligned at a measured position: Skia positions right- or centre-aligned runs glyph by glyph,
        /// and pdftotext then drops the spaces between their words.
        /// </summary>
        private static void Draw(SKCanvas canvas, string text, float x, float y, SKTextAlign align, SKFont font, SKPaint paint)
        {
            var left = align switch
            {
                SKTextAlign.Right => x - font.MeasureText(text),
                SKTextAlign.Center => x - (font.MeasureText(text) / 2),
                _ => x,
            };
            canvas.DrawText(text, left, y, SKTextAlign.Left, font, paint);
        }

        private static string Fit(string text, SKFont font, float width)
        {
            if (font.MeasureText(text) <= width)
            {
                return text;
            }

            var runes = text.EnumerateRunes().Select(r => r.ToString()).ToList();
            while (runes.Count > 1 && font.MeasureText(string.Concat(runes) + "…") > width)
            {
                runes.RemoveAt(runes.Count - 1);
            }

            return string.Concat(runes) + "…";
        }

        // Unhinted linear advances: the glyph positions then match the widths the PDF declares, so extraction keeps spaces exact.
        private SKFont Font(float size) => new(typeface, size) { Subpixel = true, LinearMetrics = true, Hinting = SKFontHinting.None, Edging = SKFontEdging.Antialias };

        private static SKPaint Paint(SKColor color) => new() { Color = color, IsAntialias = true, Style = SKPaintStyle.Fill };

        private static SKPaint Stroke(SKColor color, float width) => new() { Color = color, IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = width };
    }
}
