using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace EasternSelect.Data.Tests;

public sealed partial class MigrationTests(SqliteDatabaseFixture fixture) : IClassFixture<SqliteDatabaseFixture>
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

    [Theory]
    [InlineData(MigrationsSqlGenerationOptions.Default)]
    [InlineData(MigrationsSqlGenerationOptions.Idempotent)]
    public void GenerateScript_SqlServer_EveryBatchParsesAsTransactSql(MigrationsSqlGenerationOptions options)
    {
        using var db = NewSqlServerContext();

        var batches = Batches(db.GetService<IMigrator>().GenerateScript(options: options));

        Assert.True(batches.Count > 10, $"Expected one batch per statement group, got {batches.Count}.");
        Assert.All(batches, batch => Assert.True(
            SqlServerQueryCheck.ParseErrors(batch) is "",
            $"{SqlServerQueryCheck.ParseErrors(batch)}\n{batch}"));
    }

    [Theory]
    [InlineData(MigrationsSqlGenerationOptions.Default)]
    [InlineData(MigrationsSqlGenerationOptions.Idempotent)]
    public void GenerateScript_SqlServer_ModuleDefinitionsStartTheirBatchOrRunInsideExec(MigrationsSqlGenerationOptions options)
    {
        using var db = NewSqlServerContext();

        var batches = Batches(db.GetService<IMigrator>().GenerateScript(options: options));

        var modules = 0;
        foreach (var batch in batches)
        {
            var script = (TSqlScript)new TSql170Parser(initialQuotedIdentifiers: true).Parse(new StringReader(batch), out _);
            var visitor = new ModuleFinder();
            script.Accept(visitor);
            modules += visitor.Found.Count;
            // CREATE TRIGGER/VIEW/PROCEDURE/FUNCTION must be the only statement of its batch; inside IF … BEGIN it is refused.
            Assert.All(visitor.Found, module => Assert.True(
                script.Batches is [{ Statements: [var only] }] && ReferenceEquals(only, module),
                $"{module.GetType().Name} does not start its batch:\n{batch}"));
            modules += ExecModules().Count(batch);
        }

        Assert.True(modules >= 1, "The audit-log trigger should be in the script.");
        Assert.Contains(batches, b => b.Contains("EXEC(N'CREATE TRIGGER TR_AuditEntries_AppendOnly", StringComparison.Ordinal));
    }

    [Fact]
    public void Batches_GoOnItsOwnLine_SplitsLikeSqlcmd()
    {
        var batches = Batches("SELECT 1;\nGO\n\ngo  \nSELECT 'GO';\nGO\n");

        Assert.Equal(["SELECT 1;", "SELECT 'GO';"], batches);
    }

    /// <summary>Splits a script on lines holding only GO, as sqlcmd does; empty batches dropped.</summary>
    private static List<string> Batches(string script) =>
        [.. GoLine().Split(script.Replace("\r\n", "\n", StringComparison.Ordinal)).Select(b => b.Trim()).Where(b => b.Length > 0)];

    [GeneratedRegex(@"^[ \t]*GO[ \t]*$", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex GoLine();

    [GeneratedRegex(@"EXEC\(N'CREATE (TRIGGER|VIEW|PROCEDURE|FUNCTION)", RegexOptions.IgnoreCase)]
    private static partial Regex ExecModules();

    private sealed class ModuleFinder : TSqlFragmentVisitor
    {
        public List<TSqlStatement> Found { get; } = [];

        public override void Visit(CreateTriggerStatement node) => Found.Add(node);

        public override void Visit(CreateViewStatement node) => Found.Add(node);

        public override void Visit(CreateProcedureStatement node) => Found.Add(node);

        public override void Visit(CreateFunctionStatement node) => Found.Add(node);
    }
}
