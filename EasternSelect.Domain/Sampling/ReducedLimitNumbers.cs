namespace EasternSelect.Domain.Sampling;

/// <summary>
/// MIL-STD-105E Table VIII: limit numbers for switching from normal to reduced inspection. A lot
/// stream may go to reduced when the nonconformities in the samples of the preceding 10 lots total no
/// more than the limit number for the total sample size of those lots and the AQL.
/// </summary>
public static class ReducedLimitNumbers
{
    // Lower bound of each "number of sample units from the last 10 lots" row.
    private static readonly int[] RowLowerBounds = [20, 30, 50, 80, 130, 200, 320, 500, 800, 1250, 2000, 3150, 5000, 8000, 12500, 20000, 31500];

    // One line per row, one cell per AQL column 0.010 … 1000. "*": not enough sample units, use more
    // than 10 lots; "-": no limit number printed (blank in the table).
    private static readonly string[] Rows =
    [
        "*   *   *   *   *   *   *   *   *   *   *   *   *   *   *   0   0   2   4   8   14  22  40  68  115 181",
        "*   *   *   *   *   *   *   *   *   *   *   *   *   *   0   0   1   3   7   13  22  36  63  105 178 277",
        "*   *   *   *   *   *   *   *   *   *   *   *   *   0   0   2   3   7   14  25  40  63  110 181 301 -",
        "*   *   *   *   *   *   *   *   *   *   *   *   0   0   2   4   7   14  24  42  68  105 181 297 -   -",
        "*   *   *   *   *   *   *   *   *   *   *   0   0   2   4   7   13  25  42  72  115 177 301 490 -   -",
        "*   *   *   *   *   *   *   *   *   *   0   0   2   4   8   14  22  40  68  115 181 277 471 -   -   -",
        "*   *   *   *   *   *   *   *   *   0   0   1   4   8   14  24  38  67  111 186 -   -   -   -   -   -",
        "*   *   *   *   *   *   *   *   0   0   2   3   7   14  25  40  63  110 181 -   -   -   -   -   -   -",
        "*   *   *   *   *   *   *   0   0   2   4   7   14  24  42  68  105 181 -   -   -   -   -   -   -   -",
        "*   *   *   *   *   *   0   0   2   4   7   13  24  40  69  110 169 -   -   -   -   -   -   -   -   -",
        "*   *   *   *   *   0   0   2   4   8   14  22  40  68  115 181 -   -   -   -   -   -   -   -   -   -",
        "*   *   *   *   0   0   1   4   8   14  24  38  67  111 186 -   -   -   -   -   -   -   -   -   -   -",
        "*   *   *   0   0   2   3   7   14  25  40  63  110 181 -   -   -   -   -   -   -   -   -   -   -   -",
        "*   *   0   0   2   4   7   14  24  42  68  105 181 -   -   -   -   -   -   -   -   -   -   -   -   -",
        "*   0   0   2   4   7   13  24  40  69  110 169 -   -   -   -   -   -   -   -   -   -   -   -   -   -",
        "0   0   2   4   8   14  22  40  68  115 181 -   -   -   -   -   -   -   -   -   -   -   -   -   -   -",
        "0   1   4   8   14  24  38  67  111 186 -   -   -   -   -   -   -   -   -   -   -   -   -   -   -   -",
    ];

    private static readonly string[][] Cells = [.. Rows.Select(row => row.Split(' ', StringSplitOptions.RemoveEmptyEntries))];

    /// <summary>
    /// The limit number, or null when the table has none: "*" (too few sample units; more than 10
    /// lots are needed) or a blank cell.
    /// </summary>
    public static int? For(int totalSampleUnits, decimal aql)
    {
        var column = SamplingTables.AqlColumn(aql);
        ArgumentOutOfRangeException.ThrowIfNegative(totalSampleUnits);
        var row = Array.FindLastIndex(RowLowerBounds, lower => totalSampleUnits >= lower);
        if (row < 0)
        {
            return null;
        }

        var cell = Cells[row][column];
        return cell is "*" or "-" ? null : int.Parse(cell, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>True when the cell is "*": the sample units are too few for this AQL, so more lots must be counted.</summary>
    public static bool NeedsMoreLots(int totalSampleUnits, decimal aql)
    {
        var column = SamplingTables.AqlColumn(aql);
        var row = Array.FindLastIndex(RowLowerBounds, lower => totalSampleUnits >= lower);
        return row < 0 || Cells[row][column] == "*";
    }
}
