using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EasternSelect.Data.Migrations.SqlServer
{
    /// <summary>
    /// Issue 16: audit rows written before the log stopped storing files held whole uploads (base64) and their names.
    /// The only sanctioned change to the append-only log: disable the trigger, scrub, enable it again, and log that it happened.
    /// </summary>
    public partial class W3AuditFileScrub : Migration
    {
        private const string Scrubbed = """
            EntityType IN (N'StoredFile', N'CaseAttachment') AND ISJSON(Changes) = 1
            AND (Changes LIKE N'%"Content":%' OR Changes LIKE N'%"FileName":%')
            """;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Logged first, so the row says how many rows the scrub is about to rewrite (nothing to say on a database without any).
            migrationBuilder.Sql($"""
                INSERT INTO AuditEntries (OccurredUtc, UserId, UserName, Action, EntityType, EntityKey, Changes, Detail, IpAddress)
                SELECT SYSUTCDATETIME(), NULL, N'system', N'Update', N'AuditEntry', NULL, NULL,
                       CONCAT(N'W3AuditFileScrub: append-only trigger disabled to remove file content and names from ', COUNT(*), N' audit rows (length and SHA-256 kept)'), NULL
                FROM AuditEntries WHERE {Scrubbed} HAVING COUNT(*) > 0;
                """);
            migrationBuilder.Sql("DISABLE TRIGGER TR_AuditEntries_AppendOnly ON AuditEntries;");
            // JSON_MODIFY with NULL removes the key in lax mode; LIKE, because JSON_VALUE answers NULL for strings over 4,000 characters.
            migrationBuilder.Sql($"""
                UPDATE AuditEntries SET Changes = JSON_MODIFY(Changes, '$.Content', NULL)
                WHERE {Scrubbed} AND Changes LIKE N'%"Content":%';
                """);
            migrationBuilder.Sql($"""
                UPDATE AuditEntries SET Changes = JSON_MODIFY(Changes, '$.FileName', N'***')
                WHERE {Scrubbed} AND Changes LIKE N'%"FileName":%';
                """);
            migrationBuilder.Sql("ENABLE TRIGGER TR_AuditEntries_AppendOnly ON AuditEntries;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Scrubbed content is gone for good; there is nothing to restore.
        }
    }
}
