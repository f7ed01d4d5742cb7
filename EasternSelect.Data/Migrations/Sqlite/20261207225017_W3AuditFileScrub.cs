using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EasternSelect.Data.Migrations.Sqlite
{
    /// <summary>
    /// Issue 16: audit rows written before the log stopped storing files held whole uploads (base64) and their names.
    /// The only sanctioned change to the append-only log: lift the triggers, scrub, restore them, and log that it happened.
    /// </summary>
    public partial class W3AuditFileScrub : Migration
    {
        private const string Scrubbed = """
            EntityType IN ('StoredFile', 'CaseAttachment') AND json_valid(Changes)
            AND (json_type(Changes, '$.Content') IS NOT NULL OR json_type(Changes, '$.FileName') IS NOT NULL)
            """;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Logged first, so the row says how many rows the scrub is about to rewrite (nothing to say on a database without any).
            migrationBuilder.Sql($"""
                INSERT INTO AuditEntries (OccurredUtc, UserId, UserName, Action, EntityType, EntityKey, Changes, Detail, IpAddress)
                SELECT strftime('%Y-%m-%d %H:%M:%f', 'now'), NULL, 'system', 'Update', 'AuditEntry', NULL, NULL,
                       'W3AuditFileScrub: append-only triggers lifted to remove file content and names from ' || COUNT(*) || ' audit rows (length and SHA-256 kept)', NULL
                FROM AuditEntries WHERE {Scrubbed} HAVING COUNT(*) > 0;
                """);
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS TR_AuditEntries_NoUpdate;");
            migrationBuilder.Sql($"""
                UPDATE AuditEntries SET Changes = json_remove(Changes, '$.Content')
                WHERE {Scrubbed} AND json_type(Changes, '$.Content') IS NOT NULL;
                """);
            migrationBuilder.Sql($"""
                UPDATE AuditEntries SET Changes = json_set(Changes, '$.FileName', '***')
                WHERE {Scrubbed} AND json_type(Changes, '$.FileName') IS NOT NULL;
                """);
            migrationBuilder.Sql("CREATE TRIGGER TR_AuditEntries_NoUpdate BEFORE UPDATE ON AuditEntries BEGIN SELECT RAISE(ABORT, 'The audit log is append-only.'); END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Scrubbed content is gone for good; there is nothing to restore.
        }
    }
}
