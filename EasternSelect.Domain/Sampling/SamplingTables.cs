using System.Globalization;

namespace EasternSelect.Domain.Sampling;

/// <summary>
/// ISO 2859-1 / ANSI Z1.4 / MIL-STD-105E single sampling: Table I (code letters) and the master
/// tables II-A (normal), II-B (tightened) and II-C (reduced).
/// </summary>
public static class SamplingTables
{
    // S exists only in the tightened table (II-B).
    private const string Letters = "ABCDEFGHJKLMNPQRS";

    private static readonly int[] NormalSampleSizes = [2, 3, 5, 8, 13, 20, 32, 50, 80, 125, 200, 315, 500, 800, 1250, 2000, 3150];

    private static readonly int[] ReducedSampleSizes = [2, 2, 2, 3, 5, 8, 13, 20, 32, 50, 80, 125, 200, 315, 500, 800];

    private static readonly decimal[] AqlColumns =
    [
        0.010m, 0.015m, 0.025m, 0.040m, 0.065m, 0.10m, 0.15m, 0.25m, 0.40m, 0.65m, 1.0m, 1.5m, 2.5m,
        4.0m, 6.5m, 10m, 15m, 25m, 40m, 65m, 100m, 150m, 250m, 400m, 650m, 1000m,
    ];

    // Table I: upper bound of each lot-size range, and per level the letter for each range.
    private static readonly int[] LotSizeUpperBounds = [8, 15, 25, 50, 90, 150, 280, 500, 1200, 3200, 10000, 35000, 150000, 500000, int.MaxValue];

    private static readonly string[] LettersByLevel =
    [
        "AAAABBBBCCCCDDD", // S-1
        "AAABBBCCCDDDEEE", // S-2
        "AABBCCDDEEFFGGH", // S-3
        "AABCCDEEFGGHJJK", // S-4
        "AABCCDEFGHJKLMN", // I
        "ABCDEFGHJKLMNPQ", // II
        "BCDEFGHJKLMNPQR", // III
    ];

    /// <summary>The AQL columns of the master tables, from 0.010 to 1000.</summary>
    public static IReadOnlyList<decimal> Aqls => AqlColumns;

    public static char CodeLetter(int lotSize, InspectionLevel level)
    {
        if (lotSize < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(lotSize), lotSize, "The lot size must be at least 2 (Table I starts at 2 to 8).");
        }

        if (!Enum.IsDefined(level))
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, "Unknown inspection level.");
        }

        var range = Array.FindIndex(LotSizeUpperBounds, upper => lotSize <= upper);
        return LettersByLevel[(int)level][range];
    }

    public static SamplingPlan Plan(int lotSize, InspectionLevel level, decimal aql, InspectionSeverity severity) =>
        Plan(lotSize, level, aql, severity, SamplingEdition.MilStd105E);

    /// <summary>
    /// The plan for a lot: Table I's code letter, the master table's cell with its arrows followed, and,
    /// when that sample size reaches the lot size, the whole lot as the sample (100% inspection) with the
    /// cell's Ac/Re.
    /// </summary>
    public static SamplingPlan Plan(int lotSize, InspectionLevel level, decimal aql, InspectionSeverity severity, SamplingEdition edition)
    {
        var letter = CodeLetter(lotSize, level);
        var plan = PlanForCodeLetter(letter, aql, severity, edition);
        return plan.SampleSize >= lotSize ? plan with { SampleSize = lotSize } : plan;
    }

    /// <summary>The master-table plan for a Table I code letter, arrows followed, without the 100% inspection cap.</summary>
    public static SamplingPlan PlanForCodeLetter(char codeLetter, decimal aql, InspectionSeverity severity, SamplingEdition edition = SamplingEdition.MilStd105E)
    {
        var row = Letters.IndexOf(codeLetter, StringComparison.Ordinal);
        if (row < 0 || codeLetter == 'S')
        {
            throw new ArgumentOutOfRangeException(nameof(codeLetter), codeLetter, "The code letter must be one of Table I's letters A to R (I and O are not used).");
        }

        var column = AqlColumn(aql);
        var (table, sampleSizes) = severity switch
        {
            InspectionSeverity.Normal => (Normal, NormalSampleSizes),
            InspectionSeverity.Tightened => (Tightened, NormalSampleSizes),
            InspectionSeverity.Reduced => (edition == SamplingEdition.Iso2859_1_1999 ? Reduced1999 : Reduced105E, ReducedSampleSizes),
            _ => throw new ArgumentOutOfRangeException(nameof(severity), severity, "Unknown inspection severity."),
        };

        var (usedRow, cell) = Resolve(table, row, column);
        return new SamplingPlan(Letters[usedRow], sampleSizes[usedRow], cell.Accept, cell.Reject);
    }

    /// <summary>The next smaller (tighter) AQL column, or null for 0.010.</summary>
    public static decimal? TighterAql(decimal aql)
    {
        var column = AqlColumn(aql);
        return column == 0 ? null : AqlColumns[column - 1];
    }

    internal static int AqlColumn(decimal aql)
    {
        var column = Array.IndexOf(AqlColumns, aql);
        if (column < 0)
        {
            throw new ArgumentOutOfRangeException(
                nameof(aql),
                aql,
                string.Create(CultureInfo.InvariantCulture, $"AQL {aql} is not a column of the master tables; use one of {string.Join(", ", AqlColumns)}."));
        }

        return column;
    }

    // Arrows lead along the column: ↑ to the first plan above, ↓ to the first plan below. No arrow of
    // the printed tables runs off the table, so one that would is a transcription error, not a rule.
    private static (int Row, Cell Cell) Resolve(Cell[,] table, int row, int column)
    {
        var cell = table[row, column];
        if (cell.IsPlan)
        {
            return (row, cell);
        }

        if (cell.Kind == CellKind.Empty)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"Master table cell {Letters[row]}/{AqlColumns[column]} is blank."));
        }

        var step = cell.Kind == CellKind.Up ? -1 : 1;
        for (var r = row + step; r >= 0 && r < table.GetLength(0); r += step)
        {
            if (table[r, column].IsPlan)
            {
                return (r, table[r, column]);
            }
        }

        throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"The arrow at {Letters[row]}/{AqlColumns[column]} leads off the master table."));
    }

    // The master tables as printed, one line per code letter, one cell per AQL column 0.010 … 1000:
    // "Ac/Re" a printed plan, "v" the printed ↓ (first plan below), "^" the printed ↑ (first plan above),
    // "-" a blank cell (only in II-B's row S). Arrows are resolved in code (Resolve), never here.
    //
    // Sources (independent transcriptions of MIL-STD-105E, 10 May 1989, whose master tables ANSI/ASQ
    // Z1.4 and ISO 2859-1 reproduce):
    // 1. The printed Table II-A: the text of MIL-STD-105E page 19 of 74 ("MIL-STD-105E legible copy",
    //    as at scribd.com/document/563507790 "Tablas") lists each row's printed plans in order; the PDF
    //    text drops the arrows, whose directions follow from where the plans stand. A 105E-derived
    //    excerpt with the arrows kept (nibs.org/FMOC/DPW_AC/AC-TABLE.ASC, AQL 0.65–15, normal and
    //    tightened) agrees, including an arrow and no plan at II-B A/10.
    // 2. The resolved tables of the R package AQLSchemes (John S. Lawson, CRAN 1.7-2; the fork
    //    github.com/fjgonzalezmgt/AQLSchemesCust, R/AAZ14Single.R): n, Ac and Re for every code letter
    //    and AQL of II-A, II-B and II-C, arrows already followed. These lines, resolved by Resolve,
    //    give that package's n/Ac/Re in all 3 × 16 × 26 cells (SamplingTablesTests checks every cell
    //    against MasterTableData, typed from that package, not from these lines).
    // II-B and II-C have the same diagonal layout as II-A (one letter down = one AQL column left); for
    // their cells off the diagonal source 2 is the only complete transcription found, and the issue's
    // examples agree with it.
    //
    // Cells off the tables' diagonal (issue 13: before, each of them but II-B A/10 resolved wrongly):
    // - II-A and II-C, A at 10: ↓ (the first plan below is C's: normal n = 5, 1/2; reduced n = 2, 0/2).
    // - II-A, II-B and II-C, R at 0.015: ↑ (normal: P, 800, 0/1; tightened: Q, 1250, 0/1; reduced: P, 315, 0/1).
    // - II-B, R at 0.010: the printed plan 0/1 (n = 2000); II-B, Q and R at 0.025: ↓ to row S
    //   (n = 3150, 1/2), S's only plan, printed under 0.025 alone.
    // - II-B, A at 10: ↓ (to D, 8, 1/2). The issue notes that the ISO 2859-1 edition of the tightened
    //   table differs in this cell; no ISO transcription of Table 2-B was available to check it, so the
    //   105E cell is used for both editions.
    // - II-C, rows A and B (both n = 2, like C): from 25 up, A prints II-A's n = 2 plans (1/2 … 30/31,
    //   no gap) and B prints 1/3, 2/4, 3/5, then 5/6 … 30/31; C's last cell (1000) is ↑, so AQL 1000
    //   is 30/31 for every letter. B at 40 (2/4) and 65 (3/5) rest on source 2 alone.
    private static readonly string[] NormalRows =
    [
        "A  v     v     v     v     v     v     v     v     v     v     v     v     v     v     0/1   v     v     1/2   2/3   3/4   5/6   7/8   10/11 14/15 21/22 30/31",
        "B  v     v     v     v     v     v     v     v     v     v     v     v     v     0/1   ^     v     1/2   2/3   3/4   5/6   7/8   10/11 14/15 21/22 30/31 44/45",
        "C  v     v     v     v     v     v     v     v     v     v     v     v     0/1   ^     v     1/2   2/3   3/4   5/6   7/8   10/11 14/15 21/22 30/31 44/45 ^",
        "D  v     v     v     v     v     v     v     v     v     v     v     0/1   ^     v     1/2   2/3   3/4   5/6   7/8   10/11 14/15 21/22 30/31 44/45 ^     ^",
        "E  v     v     v     v     v     v     v     v     v     v     0/1   ^     v     1/2   2/3   3/4   5/6   7/8   10/11 14/15 21/22 30/31 44/45 ^     ^     ^",
        "F  v     v     v     v     v     v     v     v     v     0/1   ^     v     1/2   2/3   3/4   5/6   7/8   10/11 14/15 21/22 ^     ^     ^     ^     ^     ^",
        "G  v     v     v     v     v     v     v     v     0/1   ^     v     1/2   2/3   3/4   5/6   7/8   10/11 14/15 21/22 ^     ^     ^     ^     ^     ^     ^",
        "H  v     v     v     v     v     v     v     0/1   ^     v     1/2   2/3   3/4   5/6   7/8   10/11 14/15 21/22 ^     ^     ^     ^     ^     ^     ^     ^",
        "J  v     v     v     v     v     v     0/1   ^     v     1/2   2/3   3/4   5/6   7/8   10/11 14/15 21/22 ^     ^     ^     ^     ^     ^     ^     ^     ^",
        "K  v     v     v     v     v     0/1   ^     v     1/2   2/3   3/4   5/6   7/8   10/11 14/15 21/22 ^     ^     ^     ^     ^     ^     ^     ^     ^     ^",
        "L  v     v     v     v     0/1   ^     v     1/2   2/3   3/4   5/6   7/8   10/11 14/15 21/22 ^     ^     ^     ^     ^     ^     ^     ^     ^     ^     ^",
        "M  v     v     v     0/1   ^     v     1/2   2/3   3/4   5/6   7/8   10/11 14/15 21/22 ^     ^     ^     ^     ^     ^     ^     ^     ^     ^     ^     ^",
        "N  v     v     0/1   ^     v     1/2   2/3   3/4   5/6   7/8   10/11 14/15 21/22 ^     ^     ^     ^     ^     ^     ^     ^     ^     ^     ^     ^     ^",
        "P  v     0/1   ^     v     1/2   2/3   3/4   5/6   7/8   10/11 14/15 21/22 ^     ^     ^     ^     ^     ^     ^     ^     ^     ^     ^     ^     ^     ^",
        "Q  0/1   ^     v     1/2   2/3   3/4   5/6   7/8   10/11 14/15 21/22 ^     ^     ^     ^     ^     ^     ^     ^     ^     ^     ^     ^     ^     ^     ^",
        "R  ^     ^     1/2   2/3   3/4   5/6   7/8   10/11 14/15 21/22 ^     ^     ^     ^     ^     ^     ^     ^     ^     ^     ^     ^     ^     ^     ^     ^",
    ];

    // Row S (n = 3150) exists only in II-B and only under 0.025; Table I never gives the letter S.
    private static readonly string[] TightenedRows =
    [
        "A  v     v     v     v     v     v     v     v     v     v     v     v     v     v     v     v     v     v     1/2   2/3   3/4   5/6   8/9   12/13 18/19 27/28",
        "B  v     v     v     v     v     v     v     v     v     v     v     v     v     v     0/1   v     v     1/2   2/3   3/4   5/6   8/9   12/13 18/19 27/28 41/42",
        "C  v     v     v     v     v     v     v     v     v     v     v     v     v     0/1   v     v     1/2   2/3   3/4   5/6   8/9   12/13 18/19 27/28 41/42 ^",
        "D  v     v     v     v     v     v     v     v     v     v     v     v     0/1   v     v     1/2   2/3   3/4   5/6   8/9   12/13 18/19 27/28 41/42 ^     ^",
        "E  v     v     v     v     v     v     v     v     v     v     v     0/1   v     v     1/2   2/3   3/4   5/6   8/9   12/13 18/19 27/28 41/42 ^     ^     ^",
        "F  v     v     v     v     v     v     v     v     v     v     0/1   v     v     1/2   2/3   3/4   5/6   8/9   12/13 18/19 ^     ^     ^     ^     ^     ^",
        "G  v     v     v     v     v     v     v     v     v     0/1   v     v     1/2   2/3   3/4   5/6   8/9   12/13 18/19 ^     ^     ^     ^     ^     ^     ^",
        "H  v     v     v     v     v     v     v     v     0/1   v     v     1/2   2/3   3/4   5/6   8/9   12/13 18/19 ^     ^     ^     ^     ^     ^     ^     ^",
        "J  v     v     v     v     v     v     v     0/1   v     v     1/2   2/3   3/4   5/6   8/9   12/13 18/19 ^     ^     ^     ^     ^     ^     ^     ^     ^",
        "K  v     v     v     v     v     v     0/1   v     v     1/2   2/3   3/4   5/6   8/9   12/13 18/19 ^     ^     ^     ^     ^     ^     ^     ^     ^     ^",
        "L  v     v     v     v     v     0/1   v     v     1/2   2/3   3/4   5/6   8/9   12/13 18/19 ^     ^     ^     ^     ^     ^     ^     ^     ^     ^     ^",
        "M  v     v     v     v     0/1   v     v     1/2   2/3   3/4   5/6   8/9   12/13 18/19 ^     ^     ^     ^     ^     ^     ^     ^     ^     ^     ^     ^",
        "N  v     v     v     0/1   v     v     1/2   2/3   3/4   5/6   8/9   12/13 18/19 ^     ^     ^     ^     ^     ^     ^     ^     ^     ^     ^     ^     ^",
        "P  v     v     0/1   v     v     1/2   2/3   3/4   5/6   8/9   12/13 18/19 ^     ^     ^     ^     ^     ^     ^     ^     ^     ^     ^     ^     ^     ^",
        "Q  v     0/1   v     v     1/2   2/3   3/4   5/6   8/9   12/13 18/19 ^     ^     ^     ^     ^     ^     ^     ^     ^     ^     ^     ^     ^     ^     ^",
        "R  0/1   ^     v     1/2   2/3   3/4   5/6   8/9   12/13 18/19 ^     ^     ^     ^     ^     ^     ^     ^     ^     ^     ^     ^     ^     ^     ^     ^",
        "S  -     -     1/2   -     -     -     -     -     -     -     -     -     -     -     -     -     -     -     -     -     -     -     -     -     -     -",
    ];

    // MIL-STD-105E II-C, with a gap between Ac and Re; the ISO 2859-1:1999 reduced table is the same
    // with Re = Ac + 1 in every plan (Reduced1999).
    private static readonly string[] ReducedRows =
    [
        "A  v     v     v     v     v     v     v     v     v     v     v     v     v     v     0/1   v     v     1/2   2/3   3/4   5/6   7/8   10/11 14/15 21/22 30/31",
        "B  v     v     v     v     v     v     v     v     v     v     v     v     v     0/1   ^     v     0/2   1/3   2/4   3/5   5/6   7/8   10/11 14/15 21/22 30/31",
        "C  v     v     v     v     v     v     v     v     v     v     v     v     0/1   ^     v     0/2   1/3   1/4   2/5   3/6   5/8   7/10  10/13 14/17 21/24 ^",
        "D  v     v     v     v     v     v     v     v     v     v     v     0/1   ^     v     0/2   1/3   1/4   2/5   3/6   5/8   7/10  10/13 14/17 21/24 ^     ^",
        "E  v     v     v     v     v     v     v     v     v     v     0/1   ^     v     0/2   1/3   1/4   2/5   3/6   5/8   7/10  10/13 14/17 21/24 ^     ^     ^",
        "F  v     v     v     v     v     v     v     v     v     0/1   ^     v     0/2   1/3   1/4   2/5   3/6   5/8   7/10  10/13 ^     ^     ^     ^     ^     ^",
        "G  v     v     v     v     v     v     v     v     0/1   ^     v     0/2   1/3   1/4   2/5   3/6   5/8   7/10  10/13 ^     ^     ^     ^     ^     ^     ^",
        "H  v     v     v     v     v     v     v     0/1   ^     v     0/2   1/3   1/4   2/5   3/6   5/8   7/10  10/13 ^     ^     ^     ^     ^     ^     ^     ^",
        "J  v     v     v     v     v     v     0/1   ^     v     0/2   1/3   1/4   2/5   3/6   5/8   7/10  10/13 ^     ^     ^     ^     ^     ^     ^     ^     ^",
        "K  v     v     v     v     v     0/1   ^     v     0/2   1/3   1/4   2/5   3/6   5/8   7/10  10/13 ^     ^     ^     ^     ^     ^     ^     ^     ^     ^",
        "L  v     v     v     v     0/1   ^     v     0/2   1/3   1/4   2/5   3/6   5/8   7/10  10/13 ^     ^     ^     ^     ^     ^     ^     ^     ^     ^     ^",
        "M  v     v     v     0/1   ^     v     0/2   1/3   1/4   2/5   3/6   5/8   7/10  10/13 ^     ^     ^     ^     ^     ^     ^     ^     ^     ^     ^     ^",
        "N  v     v     0/1   ^     v     0/2   1/3   1/4   2/5   3/6   5/8   7/10  10/13 ^     ^     ^     ^     ^     ^     ^     ^     ^     ^     ^     ^     ^",
        "P  v     0/1   ^     v     0/2   1/3   1/4   2/5   3/6   5/8   7/10  10/13 ^     ^     ^     ^     ^     ^     ^     ^     ^     ^     ^     ^     ^     ^",
        "Q  0/1   ^     v     0/2   1/3   1/4   2/5   3/6   5/8   7/10  10/13 ^     ^     ^     ^     ^     ^     ^     ^     ^     ^     ^     ^     ^     ^     ^",
        "R  ^     ^     0/2   1/3   1/4   2/5   3/6   5/8   7/10  10/13 ^     ^     ^     ^     ^     ^     ^     ^     ^     ^     ^     ^     ^     ^     ^     ^",
    ];

    private static readonly Cell[,] Normal = Parse(NormalRows, withGap: true);
    private static readonly Cell[,] Tightened = Parse(TightenedRows, withGap: true);
    private static readonly Cell[,] Reduced105E = Parse(ReducedRows, withGap: true);
    private static readonly Cell[,] Reduced1999 = Parse(ReducedRows, withGap: false);

    private static Cell[,] Parse(string[] rows, bool withGap)
    {
        var table = new Cell[rows.Length, AqlColumns.Length];
        for (var row = 0; row < rows.Length; row++)
        {
            var parts = rows[row].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts[0][0] != Letters[row] || parts.Length != AqlColumns.Length + 1)
            {
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"Master table row {row} is malformed: {rows[row]}"));
            }

            for (var column = 0; column < AqlColumns.Length; column++)
            {
                table[row, column] = Cell.Parse(parts[column + 1], withGap);
            }
        }

        return table;
    }

    private enum CellKind
    {
        Plan,
        Up,
        Down,
        Empty,
    }

    private readonly record struct Cell(CellKind Kind, int Accept, int Reject)
    {
        public static Cell Up => new(CellKind.Up, 0, 0);

        public static Cell Down => new(CellKind.Down, 0, 0);

        public static Cell Empty => new(CellKind.Empty, 0, 0);

        public bool IsPlan => Kind == CellKind.Plan;

        // withGap false: the ISO 2859-1:1999 reduced table, same Ac with Re = Ac + 1.
        public static Cell Parse(string symbol, bool withGap) => symbol switch
        {
            "^" => Up,
            "v" => Down,
            "-" => Empty,
            _ => FromNumbers(symbol, withGap),
        };

        private static Cell FromNumbers(string symbol, bool withGap)
        {
            var parts = symbol.Split('/');
            var accept = int.Parse(parts[0], CultureInfo.InvariantCulture);
            var reject = withGap ? int.Parse(parts[1], CultureInfo.InvariantCulture) : accept + 1;
            return new Cell(CellKind.Plan, accept, reject);
        }
    }
}
