using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace EasternSelect.Data.Tests;

/// <summary>The database itself refuses to change the audit log, whatever code path (bulk updates, raw SQL) tries.</summary>
public sealed class AuditAppendOnlyTests(SqliteDatabaseFixture fixture) : IClassFixture<SqliteDatabaseFixture>
{
    [Fact]
    public async Task ExecuteUpdate_OnAuditEntries_IsRefusedByTheDatabase()
    {
        await fixture.AddSupplierAsync("稽核不可改 食品有限公司");
        await using var db = fixture.Create();

        var error = await Assert.ThrowsAsync<SqliteException>(() => db.AuditEntries.ExecuteUpdateAsync(s => s.SetProperty(a => a.UserName, "someone else")));

        Assert.Contains("append-only", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(await db.AuditEntries.Select(a => a.UserName).ToListAsync(), n => n == "someone else");
    }

    [Fact]
    public async Task RawDelete_OnAuditEntries_IsRefusedAndKeepsEveryEntry()
    {
        await fixture.AddSupplierAsync("稽核不可刪 食品有限公司");
        await using var db = fixture.Create();
        var before = await db.AuditEntries.CountAsync();

        await Assert.ThrowsAsync<SqliteException>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM AuditEntries"));

        Assert.True(before > 0);
        Assert.Equal(before, await db.AuditEntries.CountAsync());
    }

    [Fact]
    public void SqlServerMigrations_CreateTheAppendOnlyTrigger()
    {
        using var db = new SqlServerPortalDbContext(new DbContextOptionsBuilder<SqlServerPortalDbContext>()
            .UseSqlServer("Server=.;Database=never-connected;TrustServerCertificate=True").Options);

        var sql = db.GetService<IMigrator>().GenerateScript();

        Assert.Contains("CREATE TRIGGER TR_AuditEntries_AppendOnly ON AuditEntries INSTEAD OF UPDATE, DELETE", sql, StringComparison.Ordinal);
    }
}
