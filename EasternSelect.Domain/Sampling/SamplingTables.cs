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

    // ↑: the first plan above in the column; ↓: the first plan below. Three arrows in the printed
    // tables point off the table (II-A/II-C A at 10 ↑, R at 0.015 ↓; II-B R at 0.015 and 0.025 ↓
    // past S, which has a plan only at 0.010): those take the nearest plan in the same row, to the
    // left for ↑ (a tighter AQL) and to the right for ↓.
    private static (int Row, Cell Cell) Resolve(Cell[,] table, int row, int column)
    {
        var cell = table[row, column];
        if (cell.IsPlan)
        {
            return (row, cell);
        }

        var step = cell.Kind == CellKind.Up ? -1 : 1;
        for (var r = row + step; r >= 0 && r < table.GetLength(0); r += step)
        {
            if (table[r, column].IsPlan)
            {
                return (r, table[r, column]);
            }
        }

        return Resolve(table, row, column + step);
    }

    // The master tables are diagonal: moving one letter down (a larger sample) is the same as moving
    // one AQL column left, so a cell depends on row + column, except in the corners noted below.
    // Index 0 of each sequence is row + column = 14 (normal 0/1 at A 6.5 … Q 0.010).
    private static readonly string[] NormalDiagonal = ["0/1", "^", "v", "1/2", "2/3", "3/4", "5/6", "7/8", "10/11", "14/15", "21/22", "30/31", "44/45"];
    private static readonly string[] TightenedDiagonal = ["v", "0/1", "v", "v", "1/2", "2/3", "3/4", "5/6", "8/9", "12/13", "18/19", "27/28", "41/42"];
    private static readonly string[] ReducedDiagonal = ["0/1", "^", "v", "0/2", "1/3", "1/4", "2/5", "3/6", "5/8", "7/10", "10/13", "14/17", "21/24"];

    private static readonly Cell[,] Normal = BuildNormal();
    private static readonly Cell[,] Tightened = BuildTightened();
    private static readonly Cell[,] Reduced105E = BuildReduced(withGap: true);
    private static readonly Cell[,] Reduced1999 = BuildReduced(withGap: false);

    private static Cell[,] BuildNormal() => Build(NormalDiagonal, rows: 16, withGap: true);

    private static Cell[,] BuildTightened()
    {
        var table = Build(TightenedDiagonal, rows: 17, withGap: true);

        // II-B: no 0/1 plan at A 10 or R 0.010; the R 0.010 arrow leads to S (3150), whose only plan is 1/2 at 0.010.
        table[0, 15] = Cell.Down;
        table[15, 0] = Cell.Down;
        for (var column = 0; column < AqlColumns.Length; column++)
        {
            table[16, column] = column == 0 ? Cell.Parse("1/2", withGap: true) : Cell.Empty;
        }

        return table;
    }

    private static Cell[,] BuildReduced(bool withGap) => Build(ReducedDiagonal, rows: 16, withGap);

    private static Cell[,] Build(string[] diagonal, int rows, bool withGap)
    {
        var table = new Cell[rows, AqlColumns.Length];
        for (var row = 0; row < rows; row++)
        {
            for (var column = 0; column < AqlColumns.Length; column++)
            {
                var index = row + column - 14;
                table[row, column] = index switch
                {
                    < 0 => Cell.Down,
                    // The two largest plans exist only for letters A to E (30/31) and B to E (44/45); the rest point up.
                    11 when row <= 4 => Cell.Parse(diagonal[index], withGap),
                    12 when row is >= 1 and <= 4 => Cell.Parse(diagonal[index], withGap),
                    >= 11 => Cell.Up,
                    _ => Cell.Parse(diagonal[index], withGap),
                };
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
