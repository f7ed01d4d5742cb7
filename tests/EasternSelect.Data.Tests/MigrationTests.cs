using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace EasternSelect.Data.Tests;

public sealed class MigrationTests(SqliteDatabaseFixture fixture) : IClassFixture<SqliteDatabaseFixture>
{
    // Never opened: the SQL Server tests only build the model and generate SQL.
    private const string SqlServerConnection = "Server=.;Database=x;TrustServerCertificate=True";

    private static SqlitePortalDbContext NewSqliteContext() =>
        new(new DbContextOptionsBuilder<SqlitePortalDbContext>().UseSqlite("Data Source=unused.db").Options);

    private static SqlServerPortalDbContext NewSqlServerContext() =>
        new(new DbContextOptionsBuilder<SqlServerPortalDbContext>().UseSqlServer(SqlServerConnection).Options);

    [Fact]
    public void HasPendingModelChanges_SqliteMigrations_AreUpToDateWithModel()
    {
        using var db = NewSqliteContext();

        Assert.False(db.Database.HasPendingModelChanges(), "Model changed without a Sqlite migration: run dotnet ef migrations add … --context SqlitePortalDbContext.");
    }

    [Fact]
    public void HasPendingModelChanges_SqlServerMigrations_AreUpToDateWithModel()
    {
        using var db = NewSqlServerContext();

        Assert.False(db.Database.HasPendingModelChanges(), "Model changed without a SQL Server migration: run dotnet ef migrations add … --context SqlServerPortalDbContext.");
    }

    [Fact]
    public void GetMigrations_EachProvider_SeesOnlyItsOwnMigrationFolder()
    {
        using var sqlite = NewSqliteContext();
        using var sqlServer = NewSqlServerContext();

        var sqliteNamespaces = sqlite.GetService<IMigrationsAssembly>().Migrations.Values.Select(t => t.Namespace).Distinct();
        var sqlServerNamespaces = sqlServer.GetService<IMigrationsAssembly>().Migrations.Values.Select(t => t.Namespace).Distinct();

        Assert.Equal(["EasternSelect.Data.Migrations.Sqlite"], sqliteNamespaces);
        Assert.Equal(["EasternSelect.Data.Migrations.SqlServer"], sqlServerNamespaces);
    }

    [Fact]
    public async Task MigrateAsync_SqliteFile_AppliesEveryMigrationAndCreatesTables()
    {
        await using var db = fixture.Create();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        var tables = await db.Database
            .SqlQuery<string>($"SELECT name AS Value FROM sqlite_master WHERE type = 'table'")
            .ToListAsync();
        Assert.Contains("Suppliers", tables);
        Assert.Contains("Products", tables);
        Assert.Contains("AuditEntries", tables);
        Assert.Contains("AspNetUsers", tables);
        Assert.Contains("DataProtectionKeys", tables);
    }

    [Fact]
    public void GenerateScript_SqlServerIdempotent_GuardsEachMigrationAndCreatesAllTables()
    {
        using var db = NewSqlServerContext();

        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        // Kept next to the test assembly so a deployment can be checked against what the tests saw.
        var artifact = Path.Combine(AppContext.BaseDirectory, "artifacts", "sqlserver-idempotent.sql");
        Directory.CreateDirectory(Path.GetDirectoryName(artifact)!);
        File.WriteAllText(artifact, script);

        Assert.Contains("IF NOT EXISTS", script, StringComparison.Ordinal);
        Assert.Contains("CREATE TABLE [Suppliers]", script, StringComparison.Ordinal);
        Assert.Contains("CREATE TABLE [AuditEntries]", script, StringComparison.Ordinal);
        Assert.Contains("CREATE TABLE [AspNetUsers]", script, StringComparison.Ordinal);
        Assert.Contains("CREATE TABLE [Products]", script, StringComparison.Ordinal);
        Assert.Contains("[__EFMigrationsHistory]", script, StringComparison.Ordinal);
        Assert.Contains("decimal(18,2)", script, StringComparison.Ordinal);
    }
}
