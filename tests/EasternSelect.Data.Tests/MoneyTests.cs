using Microsoft.EntityFrameworkCore;

namespace EasternSelect.Data.Tests;

public sealed class MoneyTests(SqliteDatabaseFixture fixture) : IClassFixture<SqliteDatabaseFixture>
{
    [Fact]
    public async Task OrderBy_DecimalVolumes_SortsNumericallyInSql()
    {
        var ids = await AddVolumesAsync("排序", 10.5m, 2.25m, 100.01m);
        await using var db = fixture.Create();

        var query = db.Suppliers
            .Where(s => ids.Contains(s.Id))
            .OrderBy(s => s.YearlyTransactionVolume)
            .Select(s => s.YearlyTransactionVolume);

        Assert.Contains("ORDER BY", query.ToQueryString(), StringComparison.Ordinal);
        // As TEXT these would sort "10.5", "100.01", "2.25".
        Assert.Equal([2.25m, 10.5m, 100.01m], await query.ToListAsync());
    }

    [Fact]
    public async Task Sum_DecimalVolumes_GivesExactTotal()
    {
        var ids = await AddVolumesAsync("加總", 10.5m, 2.25m, 100.01m);
        await using var db = fixture.Create();

        var total = await db.Suppliers.Where(s => ids.Contains(s.Id)).SumAsync(s => s.YearlyTransactionVolume);

        Assert.Equal(112.76m, total);
    }

    [Fact]
    public async Task Where_ComparisonWithDecimal_FiltersNumericallyInSql()
    {
        var ids = await AddVolumesAsync("比較", 10.5m, 2.25m, 100.01m, 9.99m);
        await using var db = fixture.Create();

        var above = await db.Suppliers
            .Where(s => ids.Contains(s.Id) && s.YearlyTransactionVolume > 10m)
            .Select(s => s.YearlyTransactionVolume)
            .ToListAsync();

        Assert.Equal([10.5m, 100.01m], above.Order());
    }

    [Theory]
    [InlineData("0.01")]
    [InlineData("0.10")]
    [InlineData("1234.56")]
    [InlineData("9999999999999999.99")]
    public async Task SaveChanges_TwoDecimalPlaces_RoundTripsExactly(string text)
    {
        var value = decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
        var id = (await AddVolumesAsync("精度" + text, value)).Single();
        await using var db = fixture.Create();

        var read = await db.Suppliers.Where(s => s.Id == id).Select(s => s.YearlyTransactionVolume).SingleAsync();

        Assert.Equal(value, read);
    }

    private async Task<List<int>> AddVolumesAsync(string label, params decimal[] volumes)
    {
        var ids = new List<int>();
        foreach (var volume in volumes)
        {
            ids.Add(await fixture.AddSupplierAsync($"金額{label}{ids.Count}", volume));
        }

        return ids;
    }
}
