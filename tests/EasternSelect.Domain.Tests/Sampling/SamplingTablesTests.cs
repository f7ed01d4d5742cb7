using System.Globalization;
using EasternSelect.Domain.Sampling;

namespace EasternSelect.Domain.Tests.Sampling;

public sealed class SamplingTablesTests
{
    // Table I as printed: lot-size range, then S-1 S-2 S-3 S-4 I II III.
    private const string TableOne = """
        2       8       A A A A A A B
        9       15      A A A A A B C
        16      25      A A B B B C D
        26      50      A B B C C D E
        51      90      B B C C C E F
        91      150     B B C D D F G
        151     280     B C D E E G H
        281     500     B C D E F H J
        501     1200    C C E F G J K
        1201    3200    C D E G H K L
        3201    10000   C D F G J L M
        10001   35000   C D F H K M N
        35001   150000  D E G J L N P
        150001  500000  D E G J M P Q
        500001  -       D E H K N Q R
        """;

    private static readonly Dictionary<char, int> NormalSampleSizes = new()
    {
        ['A'] = 2, ['B'] = 3, ['C'] = 5, ['D'] = 8, ['E'] = 13, ['F'] = 20, ['G'] = 32, ['H'] = 50, ['J'] = 80,
        ['K'] = 125, ['L'] = 200, ['M'] = 315, ['N'] = 500, ['P'] = 800, ['Q'] = 1250, ['R'] = 2000, ['S'] = 3150,
    };

    // Table II-C sample sizes (the reduced table lists its own; A, B and C all take 2).
    private static readonly Dictionary<char, int> ReducedSampleSizes = new()
    {
        ['A'] = 2, ['B'] = 2, ['C'] = 2, ['D'] = 3, ['E'] = 5, ['F'] = 8, ['G'] = 13, ['H'] = 20, ['J'] = 32,
        ['K'] = 50, ['L'] = 80, ['M'] = 125, ['N'] = 200, ['P'] = 315, ['Q'] = 500, ['R'] = 800,
    };

    private static readonly InspectionLevel[] LevelsInTableOrder =
    [
        InspectionLevel.S1, InspectionLevel.S2, InspectionLevel.S3, InspectionLevel.S4,
        InspectionLevel.I, InspectionLevel.II, InspectionLevel.III,
    ];

    public static TheoryData<int, int, string> TableOneRanges()
    {
        var data = new TheoryData<int, int, string>();
        foreach (var line in Lines(TableOne))
        {
            var parts = Split(line);
            var upper = parts[1] == "-" ? int.MaxValue : int.Parse(parts[1], CultureInfo.InvariantCulture);
            data.Add(int.Parse(parts[0], CultureInfo.InvariantCulture), upper, string.Concat(parts.Skip(2)));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(TableOneRanges))]
    public void CodeLetter_EveryRangeBoundaryAndLevel_MatchesTableOne(int lower, int upper, string letters)
    {
        for (var i = 0; i < LevelsInTableOrder.Length; i++)
        {
            Assert.Equal(letters[i], SamplingTables.CodeLetter(lower, LevelsInTableOrder[i]));
            Assert.Equal(letters[i], SamplingTables.CodeLetter(upper, LevelsInTableOrder[i]));
        }
    }

    [Theory]
    [InlineData(2, InspectionLevel.II, 'A')]
    [InlineData(8, InspectionLevel.II, 'A')]
    [InlineData(281, InspectionLevel.II, 'H')]
    [InlineData(500, InspectionLevel.II, 'H')]
    [InlineData(3201, InspectionLevel.II, 'L')]
    [InlineData(10000, InspectionLevel.II, 'L')]
    [InlineData(500001, InspectionLevel.III, 'R')]
    [InlineData(int.MaxValue, InspectionLevel.S1, 'D')]
    public void CodeLetter_WellKnownAnchors_ReturnsLetter(int lotSize, InspectionLevel level, char expected) =>
        Assert.Equal(expected, SamplingTables.CodeLetter(lotSize, level));

    [Fact]
    public void CodeLetter_SpecialLevelOne_NeverAboveD()
    {
        foreach (var lot in new[] { 2, 90, 91, 1200, 35000, 35001, 1_000_000 })
        {
            Assert.InRange(SamplingTables.CodeLetter(lot, InspectionLevel.S1), 'A', 'D');
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(0)]
    [InlineData(-10)]
    public void CodeLetter_LotSizeBelowTwo_Throws(int lotSize)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => SamplingTables.CodeLetter(lotSize, InspectionLevel.II));
        Assert.Equal("lotSize", ex.ParamName);
        Assert.Contains("at least 2", ex.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, char> MasterTableRows()
    {
        var data = new TheoryData<string, char>();
        foreach (var table in new[] { "Normal", "Tightened", "Reduced105E", "Reduced1999" })
        {
            foreach (var letter in "ABCDEFGHJKLMNPQR")
            {
                data.Add(table, letter);
            }
        }

        return data;
    }

    // Every cell of II-A, II-B and II-C, resolved by SamplingTables, against the resolved tables of a
    // second transcription (MasterTableData: the AQLSchemes package, not the lines SamplingTables was
    // typed from). The ISO 2859-1:1999 reduced table is II-C with Re = Ac + 1.
    [Theory]
    [MemberData(nameof(MasterTableRows))]
    public void PlanForCodeLetter_EveryAqlOfTheRow_MatchesSecondTranscription(string table, char letter)
    {
        var (severity, edition, text) = table switch
        {
            "Normal" => (InspectionSeverity.Normal, SamplingEdition.MilStd105E, MasterTableData.Normal),
            "Tightened" => (InspectionSeverity.Tightened, SamplingEdition.MilStd105E, MasterTableData.Tightened),
            "Reduced105E" => (InspectionSeverity.Reduced, SamplingEdition.MilStd105E, MasterTableData.Reduced105E),
            _ => (InspectionSeverity.Reduced, SamplingEdition.Iso2859_1_1999, MasterTableData.Reduced105E),
        };
        var sizes = severity == InspectionSeverity.Reduced ? ReducedSampleSizes : NormalSampleSizes;
        var aqls = Split(MasterTableData.Aqls);
        var cells = Split(Lines(text).Single(line => line[0] == letter)).Skip(1).ToArray();
        Assert.Equal(26, cells.Length);

        var mismatches = new List<string>();
        for (var column = 0; column < aqls.Length; column++)
        {
            var aql = decimal.Parse(aqls[column], CultureInfo.InvariantCulture);
            var (n, ac, re) = ParseCell(cells[column]);
            if (table == "Reduced1999")
            {
                re = ac + 1;
            }

            var actual = SamplingTables.PlanForCodeLetter(letter, aql, severity, edition);

            // The source gives n only; the letter whose row has that n must be the plan's letter
            // (in II-C, A, B and C share n = 2).
            var letterFits = sizes.TryGetValue(actual.CodeLetter, out var rowSize) && rowSize == actual.SampleSize;
            if ((actual.SampleSize, actual.Accept, actual.Reject) != (n, ac, re) || !letterFits)
            {
                mismatches.Add(string.Create(CultureInfo.InvariantCulture, $"{letter} AQL {aqls[column]}: expected n={n} {ac}/{re}, got {actual}"));
            }
        }

        Assert.Empty(mismatches);
    }

    // The cells issue 13 names, with the standard's values as the issue gives them.
    [Theory]
    [InlineData(InspectionSeverity.Normal, 'A', 10, 'C', 5, 1, 2)]
    [InlineData(InspectionSeverity.Normal, 'R', 0.015, 'P', 800, 0, 1)]
    [InlineData(InspectionSeverity.Tightened, 'R', 0.015, 'Q', 1250, 0, 1)]
    [InlineData(InspectionSeverity.Reduced, 'R', 0.015, 'P', 315, 0, 1)]
    [InlineData(InspectionSeverity.Reduced, 'A', 100, 'A', 2, 5, 6)]
    [InlineData(InspectionSeverity.Reduced, 'B', 250, 'B', 2, 10, 11)]
    [InlineData(InspectionSeverity.Tightened, 'C', 0.010, 'R', 2000, 0, 1)]
    [InlineData(InspectionSeverity.Tightened, 'R', 0.010, 'R', 2000, 0, 1)]
    [InlineData(InspectionSeverity.Tightened, 'Q', 0.025, 'S', 3150, 1, 2)]
    [InlineData(InspectionSeverity.Tightened, 'R', 0.025, 'S', 3150, 1, 2)]
    [InlineData(InspectionSeverity.Tightened, 'P', 0.025, 'P', 800, 0, 1)]
    [InlineData(InspectionSeverity.Tightened, 'A', 10, 'D', 8, 1, 2)]
    public void PlanForCodeLetter_CellsNamedInIssue13_GiveTheStandardsPlan(InspectionSeverity severity, char letter, double aql, char planLetter, int n, int ac, int re) =>
        Assert.Equal(new SamplingPlan(planLetter, n, ac, re), SamplingTables.PlanForCodeLetter(letter, (decimal)aql, severity));

    [Fact]
    public void PlanForCodeLetter_ReducedAql1000_Is30Over31WithTwoUnitsForEveryLetter()
    {
        foreach (var letter in "ABCDEFGHJKLMNPQR")
        {
            var plan = SamplingTables.PlanForCodeLetter(letter, 1000m, InspectionSeverity.Reduced);
            Assert.Equal((2, 30, 31), (plan.SampleSize, plan.Accept, plan.Reject));
        }
    }

    [Fact]
    public void PlanForCodeLetter_TightenedLetterS_OnlyUnderAql0025()
    {
        foreach (var letter in "ABCDEFGHJKLMNPQR")
        {
            foreach (var aql in SamplingTables.Aqls)
            {
                var plan = SamplingTables.PlanForCodeLetter(letter, aql, InspectionSeverity.Tightened);
                Assert.True(plan.CodeLetter != 'S' || aql == 0.025m, $"{letter}/{aql}: {plan}");
            }
        }
    }

    [Theory]
    [InlineData(501, 1.0, 'J', 80, 2, 3)]      // letter J, AQL 1.0
    [InlineData(3201, 2.5, 'L', 200, 10, 11)]  // letter L, AQL 2.5
    [InlineData(281, 2.5, 'H', 50, 3, 4)]      // letter H, AQL 2.5
    [InlineData(281, 0.65, 'J', 80, 1, 2)]     // letter H, AQL 0.65: ↓ to J
    [InlineData(3200, 0.010, 'Q', 1250, 0, 1)] // letter K, AQL 0.010: ↓ to Q
    [InlineData(1201, 0.15, 'J', 80, 0, 1)]    // letter K, AQL 0.15: ↑ to J
    [InlineData(51, 1.0, 'E', 13, 0, 1)]       // letter E, AQL 1.0
    [InlineData(1201, 2.5, 'K', 125, 7, 8)]    // letter K, AQL 2.5
    public void Plan_NormalLevelTwoAnchors_ReturnsPublishedPlan(int lotSize, double aql, char letter, int n, int ac, int re) =>
        Assert.Equal(new SamplingPlan(letter, n, ac, re), SamplingTables.Plan(lotSize, InspectionLevel.II, (decimal)aql, InspectionSeverity.Normal));

    [Theory]
    [InlineData(1201, 2.5, 'K', 125, 5, 6)]
    [InlineData(3201, 2.5, 'L', 200, 8, 9)]
    [InlineData(281, 2.5, 'H', 50, 2, 3)]
    [InlineData(501, 1.0, 'J', 80, 1, 2)]
    [InlineData(91, 1.0, 'F', 20, 0, 1)]
    public void Plan_TightenedAnchors_ReturnsPublishedPlan(int lotSize, double aql, char letter, int n, int ac, int re) =>
        Assert.Equal(new SamplingPlan(letter, n, ac, re), SamplingTables.Plan(lotSize, InspectionLevel.II, (decimal)aql, InspectionSeverity.Tightened));

    [Fact]
    public void Plan_TightenedLetterRAqlPointZeroTwoFive_UsesLetterSOf3150()
    {
        Assert.Equal(new SamplingPlan('S', 3150, 1, 2), SamplingTables.Plan(1_000_000, InspectionLevel.III, 0.025m, InspectionSeverity.Tightened));
        Assert.Equal(new SamplingPlan('R', 2000, 0, 1), SamplingTables.Plan(1_000_000, InspectionLevel.III, 0.010m, InspectionSeverity.Tightened));
    }

    [Fact]
    public void Plan_ReducedLetterKAql25_105EHasGapAnd1999DoesNot()
    {
        var milStd = SamplingTables.Plan(1201, InspectionLevel.II, 2.5m, InspectionSeverity.Reduced);
        var iso = SamplingTables.Plan(1201, InspectionLevel.II, 2.5m, InspectionSeverity.Reduced, SamplingEdition.Iso2859_1_1999);

        Assert.Equal(new SamplingPlan('K', 50, 3, 6), milStd);
        Assert.Equal(new SamplingPlan('K', 50, 3, 4), iso);
    }

    [Fact]
    public void Plan_Reduced105E_HasEveryPublishedGap()
    {
        var gaps = new HashSet<(int, int)>();
        foreach (var letter in "ABCDEFGHJKLMNPQR")
        {
            foreach (var aql in SamplingTables.Aqls)
            {
                var plan = SamplingTables.PlanForCodeLetter(letter, aql, InspectionSeverity.Reduced);
                if (plan.Reject > plan.Accept + 1)
                {
                    gaps.Add((plan.Accept, plan.Reject));
                }
            }
        }

        Assert.Equal(new HashSet<(int, int)> { (0, 2), (1, 3), (1, 4), (2, 4), (2, 5), (3, 5), (3, 6), (5, 8), (7, 10), (10, 13), (14, 17), (21, 24) }, gaps);
    }

    [Fact]
    public void Plan_Reduced1999_NeverHasGapAndKeeps105EAcceptNumbers()
    {
        foreach (var letter in "ABCDEFGHJKLMNPQR")
        {
            foreach (var aql in SamplingTables.Aqls)
            {
                var milStd = SamplingTables.PlanForCodeLetter(letter, aql, InspectionSeverity.Reduced);
                var iso = SamplingTables.PlanForCodeLetter(letter, aql, InspectionSeverity.Reduced, SamplingEdition.Iso2859_1_1999);
                Assert.Equal(iso.Accept + 1, iso.Reject);
                Assert.Equal(milStd with { Reject = milStd.Accept + 1 }, iso);
            }
        }
    }

    [Theory]
    [InlineData(InspectionSeverity.Normal)]
    [InlineData(InspectionSeverity.Tightened)]
    public void PlanForCodeLetter_NormalAndTightenedIn1999_SameAs105E(InspectionSeverity severity)
    {
        foreach (var letter in "ABCDEFGHJKLMNPQR")
        {
            foreach (var aql in SamplingTables.Aqls)
            {
                Assert.Equal(
                    SamplingTables.PlanForCodeLetter(letter, aql, severity),
                    SamplingTables.PlanForCodeLetter(letter, aql, severity, SamplingEdition.Iso2859_1_1999));
            }
        }
    }

    [Fact]
    public void Plan_DefaultEdition_IsMilStd105E()
    {
        var implicitEdition = SamplingTables.Plan(1201, InspectionLevel.II, 2.5m, InspectionSeverity.Reduced);
        var explicitEdition = SamplingTables.Plan(1201, InspectionLevel.II, 2.5m, InspectionSeverity.Reduced, SamplingEdition.MilStd105E);
        Assert.Equal(explicitEdition, implicitEdition);
    }

    [Theory]
    [InlineData(5, 0.010, InspectionSeverity.Normal, 'Q', 0, 1)]     // letter A → Q (1250) ≥ 5
    [InlineData(8, 6.5, InspectionSeverity.Normal, 'A', 0, 1)]       // 2 < 8: not 100%
    [InlineData(1000, 0.010, InspectionSeverity.Normal, 'Q', 0, 1)]  // letter J → Q (1250) ≥ 1000
    [InlineData(1250, 0.010, InspectionSeverity.Normal, 'Q', 0, 1)]  // equal: 100%
    [InlineData(1500, 0.010, InspectionSeverity.Tightened, 'R', 0, 1)]  // letter K → R (2000) ≥ 1500
    [InlineData(5, 10, InspectionSeverity.Normal, 'C', 1, 2)]           // letter A → C (5) = 5: issue 13's lot
    [InlineData(20, 0.25, InspectionSeverity.Reduced, 'H', 0, 1)]    // letter C → H (20 in II-C) = 20
    public void Plan_SampleSizeReachesLotSize_InspectsWholeLot(int lotSize, double aql, InspectionSeverity severity, char letter, int ac, int re)
    {
        var plan = SamplingTables.Plan(lotSize, InspectionLevel.II, (decimal)aql, severity);
        var fullSample = severity == InspectionSeverity.Reduced ? ReducedSampleSizes[letter] : NormalSampleSizes[letter];
        var expectedSize = Math.Min(fullSample, lotSize);
        Assert.Equal(new SamplingPlan(letter, expectedSize, ac, re), plan);
    }

    [Fact]
    public void Plan_LotOfTwoAtLetterA_SampleIsWholeLot()
    {
        Assert.Equal(new SamplingPlan('A', 2, 0, 1), SamplingTables.Plan(2, InspectionLevel.II, 6.5m, InspectionSeverity.Normal));
    }

    [Theory]
    [InlineData(0.02)]
    [InlineData(0.5)]
    [InlineData(7)]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(2000)]
    public void Plan_AqlNotInTable_Throws(double aql)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => SamplingTables.Plan(500, InspectionLevel.II, (decimal)aql, InspectionSeverity.Normal));
        Assert.Equal("aql", ex.ParamName);
        Assert.Contains("not a column", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(0)]
    public void Plan_LotSizeBelowTwo_Throws(int lotSize) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => SamplingTables.Plan(lotSize, InspectionLevel.II, 1.0m, InspectionSeverity.Normal));

    [Theory]
    [InlineData('I')]
    [InlineData('O')]
    [InlineData('S')]
    [InlineData('T')]
    public void PlanForCodeLetter_LetterNotInTableOne_Throws(char letter) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => SamplingTables.PlanForCodeLetter(letter, 1.0m, InspectionSeverity.Normal));

    [Fact]
    public void Aqls_AllTwentySixColumns_InOrder()
    {
        var expected = Split(MasterTableData.Aqls).Select(a => decimal.Parse(a, CultureInfo.InvariantCulture));
        Assert.Equal(expected, SamplingTables.Aqls);
    }

    private static (int N, int Ac, int Re) ParseCell(string cell)
    {
        var parts = cell.Split(':', '/');
        return (
            int.Parse(parts[0], CultureInfo.InvariantCulture),
            int.Parse(parts[1], CultureInfo.InvariantCulture),
            int.Parse(parts[2], CultureInfo.InvariantCulture));
    }

    private static IEnumerable<string> Lines(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string[] Split(string line) => line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
