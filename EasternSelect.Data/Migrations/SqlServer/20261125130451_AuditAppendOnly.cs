using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EasternSelect.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class AuditAppendOnly : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The audit log is append-only in the database too, not only in the SaveChanges interceptor.
            // Inside EXEC because CREATE TRIGGER must start a batch: the idempotent script puts it in IF … BEGIN … END.
            migrationBuilder.Sql(@"EXEC(N'CREATE TRIGGER TR_AuditEntries_AppendOnly ON AuditEntries INSTEAD OF UPDATE, DELETE AS
BEGIN
    THROW 51000, ''The audit log is append-only.'', 1;
END');");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS TR_AuditEntries_AppendOnly;");
        }
    }
}
