using System.Globalization;
using System.Text.Json.Serialization;

namespace EasternSelect.Portal.Features.Reports;

/// <summary>
/// A report as plain data: the PDF, Excel and on-screen renderers draw the same model. Texts are already
/// localized when the model is built.
/// </summary>
public sealed record ReportDocument(string Title, string? Subtitle, IReadOnlyList<ReportSection> Sections)
{
    [JsonIgnore]
    public IEnumerable<ReportTable> Tables => Sections.SelectMany(s => s.Blocks).OfType<ReportTable>();

    /// <summary>Every text the document shows, for building a font that holds exactly the glyphs it needs.</summary>
    public IEnumerable<string> Texts(CultureInfo culture)
    {
        yield return Title;
        if (Subtitle is not null)
        {
            yield return Subtitle;
        }

        foreach (var section in Sections)
        {
            yield return section.Heading;
            foreach (var text in section.Blocks.SelectMany(b => b.Texts(culture)))
            {
                yield return text;
            }
        }
    }
}

public sealed record ReportSection(string Heading, IReadOnlyList<ReportBlock> Blocks);

/// <summary>A block of a section. The type names in JSON are part of frozen ESG snapshots: never rename them.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "$type")]
[JsonDerivedType(typeof(ReportParagraph), "paragraph")]
[JsonDerivedType(typeof(ReportTable), "table")]
[JsonDerivedType(typeof(ReportKpis), "kpis")]
[JsonDerivedType(typeof(ReportChart), "chart")]
public abstract record ReportBlock
{
    public abstract IEnumerable<string> Texts(CultureInfo culture);
}

public sealed record ReportParagraph(string Text) : ReportBlock
{
    public override IEnumerable<string> Texts(CultureInfo culture) => [Text];
}

public enum CellKind
{
    Text,
    Number,
    Percent,
    Date,
}

/// <summary>
/// One table cell. A percent is a fraction (0.98 shows as 98%); <paramref name="Decimals"/> applies to numbers and
/// percents. <paramref name="Link"/> is the drill-down list of the records the figure was computed from (on screen only).
/// </summary>
public sealed record ReportCell(CellKind Kind, string? Text = null, decimal? Number = null, DateOnly? Date = null, int Decimals = 0, string? Link = null)
{
    public static readonly ReportCell Empty = new(CellKind.Text, string.Empty);

    public static ReportCell Of(string? text) => new(CellKind.Text, text ?? string.Empty);

    public static ReportCell Of(decimal? number, int decimals = 0) => new(CellKind.Number, Number: number, Decimals: decimals);

    public static ReportCell Percent(decimal? fraction, int decimals = 0) => new(CellKind.Percent, Number: fraction, Decimals: decimals);

    public static ReportCell Of(DateOnly? date) => new(CellKind.Date, Date: date);

    [JsonIgnore]
    public bool IsNumeric => Kind is CellKind.Number or CellKind.Percent;

    /// <summary>The same cell linking to the drill-down list of its records.</summary>
    public ReportCell To(string? link) => this with { Link = link };

    /// <summary>The shown text: thousands separators, percent without a space (98%), ISO dates.</summary>
    public string Display(CultureInfo culture) => Kind switch
    {
        CellKind.Number => Number?.ToString("N" + Decimals.ToString(CultureInfo.InvariantCulture), culture) ?? string.Empty,
        CellKind.Percent => Number is { } p ? (p * 100).ToString("N" + Decimals.ToString(CultureInfo.InvariantCulture), culture) + "%" : string.Empty,
        CellKind.Date => Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty,
        _ => Text ?? string.Empty,
    };

    /// <summary>The Excel number format of the cell.</summary>
    [JsonIgnore]
    public string ExcelFormat => Kind switch
    {
        CellKind.Number => Decimals == 0 ? "#,##0" : "#,##0." + new string('0', Decimals),
        CellKind.Percent => Decimals == 0 ? "0%" : "0." + new string('0', Decimals) + "%",
        CellKind.Date => "yyyy-mm-dd",
        _ => "@",
    };
}

/// <summary>A column: its header and the kind of its cells (numbers are right-aligned). Renderers size columns from their texts.</summary>
public sealed record ReportColumn(string Header, CellKind Kind = CellKind.Text);

public sealed record ReportTable(string Title, IReadOnlyList<ReportColumn> Columns, IReadOnlyList<IReadOnlyList<ReportCell>> Rows, IReadOnlyList<ReportCell>? Totals = null) : ReportBlock
{
    public override IEnumerable<string> Texts(CultureInfo culture) =>
        new[] { Title }.Concat(Columns.Select(c => c.Header))
            .Concat(Rows.SelectMany(r => r).Concat(Totals ?? []).Select(c => c.Display(culture)));
}

public enum KpiGoal
{
    AtLeast,
    AtMost,
}

/// <summary>A KPI tile: the target, the actual figure, whether the target is met, and the drill-down list of its records.</summary>
public sealed record KpiTile(string Label, decimal Target, decimal Actual, KpiGoal Goal, CellKind Kind = CellKind.Number, int Decimals = 0, string? Unit = null, string? Link = null)
{
    [JsonIgnore]
    public bool Met => Goal == KpiGoal.AtLeast ? Actual >= Target : Actual <= Target;

    public string ActualText(CultureInfo culture) => Format(Actual, culture);

    public string TargetText(CultureInfo culture) => (Goal == KpiGoal.AtLeast ? "≥ " : "≤ ") + Format(Target, culture);

    private string Format(decimal value, CultureInfo culture) =>
        (Kind == CellKind.Percent ? ReportCell.Percent(value, Decimals) : ReportCell.Of(value, Decimals)).Display(culture) + (Unit is null ? string.Empty : " " + Unit);
}

public sealed record ReportKpis(IReadOnlyList<KpiTile> Tiles, string TargetLabel, string MetLabel, string NotMetLabel) : ReportBlock
{
    public override IEnumerable<string> Texts(CultureInfo culture) =>
        Tiles.SelectMany(t => new[] { t.Label, t.ActualText(culture), t.TargetText(culture) }).Concat([TargetLabel, MetLabel, NotMetLabel]);
}

public enum ChartKind
{
    Bar,
    Line,
}

public sealed record ChartSeries(string Name, IReadOnlyList<decimal> Values);

public sealed record ReportChart(string Title, ChartKind Kind, IReadOnlyList<string> Labels, IReadOnlyList<ChartSeries> Series) : ReportBlock
{
    public override IEnumerable<string> Texts(CultureInfo culture) =>
        new[] { Title }.Concat(Labels).Concat(Series.Select(s => s.Name))
            .Concat(Series.SelectMany(s => s.Values).Select(v => v.ToString("N0", culture)))
            .Append("0123456789,.-%");
}
