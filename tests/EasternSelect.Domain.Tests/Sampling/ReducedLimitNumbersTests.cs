using EasternSelect.Domain.Sampling;

namespace EasternSelect.Domain.Tests.Sampling;

public sealed class ReducedLimitNumbersTests
{
    // Spot cells of MIL-STD-105E Table VIII, listed per row as (sample units, AQL, limit number).
    [Theory]
    [InlineData(20, 10, 0)]
    [InlineData(29, 25, 2)]
    [InlineData(20, 40, 4)]
    [InlineData(20, 1000, 181)]
    [InlineData(30, 15, 1)]
    [InlineData(49, 1000, 277)]
    [InlineData(50, 4.0, 0)]
    [InlineData(80, 2.5, 0)]
    [InlineData(130, 400, 490)]
    [InlineData(200, 1.0, 0)]
    [InlineData(319, 250, 471)]
    [InlineData(320, 1.5, 1)]
    [InlineData(500, 4.0, 14)]
    [InlineData(800, 2.5, 14)]
    [InlineData(1250, 1.5, 13)]
    [InlineData(2000, 2.5, 40)]
    [InlineData(3150, 0.15, 1)]
    [InlineData(5000, 0.40, 14)]
    [InlineData(8000, 1.0, 68)]
    [InlineData(12500, 0.015, 0)]
    [InlineData(20000, 0.010, 0)]
    [InlineData(31500, 0.015, 1)]
    [InlineData(1_000_000, 0.65, 186)]
    public void For_PublishedCell_ReturnsLimitNumber(int units, double aql, int expected) =>
        Assert.Equal(expected, ReducedLimitNumbers.For(units, (decimal)aql));

    [Theory]
    [InlineData(19, 1000)]
    [InlineData(29, 6.5)]
    [InlineData(1250, 0.10)]
    [InlineData(12499, 0.010)]
    public void For_StarCell_ReturnsNullAndNeedsMoreLots(int units, double aql)
    {
        Assert.Null(ReducedLimitNumbers.For(units, (decimal)aql));
        Assert.True(ReducedLimitNumbers.NeedsMoreLots(units, (decimal)aql));
    }

    [Fact]
    public void For_RowBoundary_MovesToNextRow()
    {
        Assert.Null(ReducedLimitNumbers.For(1999, 0.10m));
        Assert.Equal(0, ReducedLimitNumbers.For(2000, 0.10m));
    }

    [Fact]
    public void For_AqlNotInTable_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ReducedLimitNumbers.For(100, 3m));
}
