using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EasternSelect.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class DashboardIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Cases_Kind_OpenedUtc_Closure",
                table: "Cases",
                columns: new[] { "Kind", "OpenedUtc", "ClosedUtc", "ClosedWithinTarget" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_Kind_OpenedUtc_Closure",
                table: "Cases");
        }
    }
}
