using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EasternSelect.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class CaseKpiIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_Kind_OpenedUtc",
                table: "Cases");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_Kind_OpenedUtc_Kpis",
                table: "Cases",
                columns: new[] { "Kind", "OpenedUtc", "ClosedUtc", "ClosedWithinTarget", "Channel", "RootCause", "HandlingHours", "CategoryId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_Kind_OpenedUtc_Kpis",
                table: "Cases");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_Kind_OpenedUtc",
                table: "Cases",
                columns: new[] { "Kind", "OpenedUtc" });
        }
    }
}
