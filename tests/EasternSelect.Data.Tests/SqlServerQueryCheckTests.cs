using Microsoft.EntityFrameworkCore;

namespace EasternSelect.Data.Tests;

/// <summary>The check every test query goes through: it must refuse what SQL Server cannot run and pass what it can.</summary>
public sealed class SqlServerQueryCheckTests
{
    private static SqlitePortalDbContext NewSqliteContext() =>
        new(new DbContextOptionsBuilder<SqlitePortalDbContext>().UseSqlite("Data Source=unused.db").Options);

    [Fact]
    public void Check_SqliteOnlyFunction_ReportsNotTranslated()
    {
        using var db = NewSqliteContext();
        var query = db.Suppliers.Where(s => EF.Functions.Glob(s.Name, "東森*"));

        var problem = SqlServerQueryCheck.Check(query.Expression);

        Assert.NotNull(problem);
        Assert.StartsWith("Not translated for SQL Server", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_ListWithCapturedValuesAndContains_Passes()
    {
        using var db = NewSqliteContext();
        var name = "東森";
        int[] ids = [1, 2, 3];
        var query = db.Suppliers.AsNoTracking()
            .Where(s => s.Name.Contains(name) && ids.Contains(s.Id))
            .OrderBy(s => s.Name)
            .Select(s => new { s.Id, s.Name, Products = s.Products.Count })
            .Take(20);

        Assert.Null(SqlServerQueryCheck.Check(query.Expression));
        var sql = Assert.Single(SqlServerQueryCheck.LastSql);
        Assert.Contains("SELECT TOP(", sql, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_ScalarCount_Passes()
    {
        using var db = NewSqliteContext();
        var query = db.Suppliers.Where(s => s.YearlyTransactionVolume > 10m);
        var count = System.Linq.Expressions.Expression.Call(typeof(Queryable), nameof(Queryable.Count), [typeof(Domain.Suppliers.Supplier)], query.Expression);

        Assert.Null(SqlServerQueryCheck.Check(count));
        Assert.Contains("COUNT(*)", Assert.Single(SqlServerQueryCheck.LastSql), StringComparison.Ordinal);
    }

    [Fact]
    public void ParseErrors_InvalidTransactSql_SaysWhere()
    {
        Assert.Equal("", SqlServerQueryCheck.ParseErrors("SELECT TOP(1) [s].[Id] FROM [Suppliers] AS [s] WHERE [s].[Name] LIKE N'%x%'"));
        Assert.Contains("line 1", SqlServerQueryCheck.ParseErrors("SELECT [s].[Id] FROM [Suppliers] AS [s] LIMIT 1"), StringComparison.Ordinal);
    }
}
