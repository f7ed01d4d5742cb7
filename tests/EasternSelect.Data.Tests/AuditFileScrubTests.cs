using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using EasternSelect.Data.Auditing;
using EasternSelect.Domain.Files;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace EasternSelect.Data.Tests;

/// <summary>Issue 16: files never enter the audit log, neither new rows nor the ones written before.</summary>
public sealed class AuditFileScrubTests(SqliteDatabaseFixture fixture) : IClassFixture<SqliteDatabaseFixture>
{
    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    private static readonly byte[] Pdf = [.. "%PDF-1.7\n"u8, .. Enumerable.Range(0, 300).Select(i => (byte)(i * 7 % 251))];

    [Fact]
    public async Task SaveChanges_NewStoredFile_AuditsLengthAndHashButNeitherBytesNorName()
    {
        var file = StoredFileBuilder.Build("王小明診斷書.pdf", Pdf, FileRule.Document, "tester", DateTime.UtcNow).File!;
        await using (var db = fixture.Create())
        {
            db.Files.Add(file);
            await db.SaveChangesAsync();
        }

        await using var read = fixture.Create();
        var changes = await read.AuditEntries.Where(a => a.EntityType == nameof(StoredFile) && a.EntityKey == file.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).Select(a => a.Changes).SingleAsync();
        Assert.DoesNotContain(Convert.ToBase64String(Pdf), changes!, StringComparison.Ordinal);
        Assert.DoesNotContain("王小明", changes!, StringComparison.Ordinal);
        Assert.Contains("\"FileName\":\"***.pdf\"", changes!, StringComparison.Ordinal);
        Assert.Contains(file.Sha256, changes!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task W3AuditFileScrub_RowsHoldingFileContentAndNames_AreRewrittenLoggedAndTheLogStaysAppendOnly()
    {
        var folder = Path.Combine(Path.GetTempPath(), "es-data-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var database = new PortalDatabase(DatabaseProvider.Sqlite, "Data Source=" + Path.Combine(folder, "portal.db"), TimeProvider.System);
        try
        {
            await using var db = database.Create(AuditActor.System);
            var migrator = db.GetService<IMigrator>();
            var beforeScrub = db.Database.GetMigrations().TakeWhile(m => !m.EndsWith("_W3AuditFileScrub", StringComparison.Ordinal)).Last();
            await migrator.MigrateAsync(beforeScrub);
            var base64 = Convert.ToBase64String(Pdf);
            var fileRow = JsonSerializer.Serialize(new { FileName = "王小明診斷書.pdf", ContentType = "application/pdf", Length = Pdf.Length, Sha256 = "ab12", Content = base64 }, Readable);
            var attachmentRow = JsonSerializer.Serialize(new { CaseId = 3, FileId = 7, FileName = "王小明診斷書.pdf" }, Readable);
            var supplierRow = JsonSerializer.Serialize(new { Name = "好品質食品有限公司" }, Readable);
            foreach (var (type, changes) in new[] { ("StoredFile", fileRow), ("CaseAttachment", attachmentRow), ("Supplier", supplierRow) })
            {
                await db.Database.ExecuteSqlAsync(
                    $"INSERT INTO AuditEntries (OccurredUtc, UserName, Action, EntityType, EntityKey, Changes) VALUES ({DateTime.UtcNow}, 'officer', 'Create', {type}, '7', {changes})");
            }

            await migrator.MigrateAsync();

            var rows = await db.AuditEntries.AsNoTracking().ToListAsync();
            var file = rows.Single(r => r.EntityType == "StoredFile").Changes!;
            Assert.DoesNotContain(base64, file, StringComparison.Ordinal);
            Assert.DoesNotContain("王小明", file, StringComparison.Ordinal);
            Assert.Contains("\"Sha256\":\"ab12\"", file, StringComparison.Ordinal);
            Assert.Contains(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"\"Length\":{Pdf.Length}"), file, StringComparison.Ordinal);
            Assert.DoesNotContain("王小明", rows.Single(r => r.EntityType == "CaseAttachment").Changes!, StringComparison.Ordinal);
            Assert.Equal(supplierRow, rows.Single(r => r.EntityType == "Supplier").Changes);
            var logged = Assert.Single(rows, r => r.Detail?.StartsWith("W3AuditFileScrub", StringComparison.Ordinal) == true);
            Assert.Contains(" 2 audit rows", logged.Detail, StringComparison.Ordinal);
            await Assert.ThrowsAsync<SqliteException>(() => db.Database.ExecuteSqlRawAsync("UPDATE AuditEntries SET UserName = 'x'"));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void SqlServerScrub_DisablesAndEnablesTheAppendOnlyTriggerAroundTheUpdate()
    {
        using var db = new SqlServerPortalDbContext(new DbContextOptionsBuilder<SqlServerPortalDbContext>()
            .UseSqlServer("Server=.;Database=never-connected;TrustServerCertificate=True").Options);
        var migrations = db.Database.GetMigrations().ToList();
        var scrub = migrations.Single(m => m.EndsWith("_W3AuditFileScrub", StringComparison.Ordinal));

        var sql = db.GetService<IMigrator>().GenerateScript(migrations[migrations.IndexOf(scrub) - 1], scrub);

        var disable = sql.IndexOf("DISABLE TRIGGER TR_AuditEntries_AppendOnly", StringComparison.Ordinal);
        var update = sql.IndexOf("JSON_MODIFY(Changes, '$.Content', NULL)", StringComparison.Ordinal);
        var enable = sql.IndexOf("ENABLE TRIGGER TR_AuditEntries_AppendOnly", disable + 1, StringComparison.Ordinal);
        Assert.True(disable >= 0 && update > disable && enable > update, sql);
    }
}
