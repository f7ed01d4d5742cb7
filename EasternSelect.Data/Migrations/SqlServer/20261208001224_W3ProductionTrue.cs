using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EasternSelect.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class W3ProductionTrue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ShippedVolumes");

            migrationBuilder.DropIndex(
                name: "IX_CommitteeMembers_UserId",
                table: "CommitteeMembers");

            migrationBuilder.DropColumn(
                name: "Complaints",
                table: "SupplierMonthlyRecords");

            migrationBuilder.DropColumn(
                name: "UnitsShipped",
                table: "SupplierMonthlyRecords");

            migrationBuilder.AddColumn<int>(
                name: "DelistedBy",
                table: "Products",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ListingExceptionBy",
                table: "Products",
                type: "nvarchar(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ListingExceptionReason",
                table: "Products",
                type: "nvarchar(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ListingExceptionUtc",
                table: "Products",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ListingOutcome",
                table: "ProductProposals",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ScheduledForTier",
                table: "MonthlySpotChecks",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "ExcludedFromStatistics",
                table: "ComplaintCategories",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateOnly>(
                name: "EffectiveFrom",
                table: "CommitteeMembers",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.AddColumn<DateOnly>(
                name: "EffectiveTo",
                table: "CommitteeMembers",
                type: "date",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CalendarDays",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Kind = table.Column<int>(type: "int", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CalendarDays", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "KpiTargets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Year = table.Column<int>(type: "int", nullable: false),
                    DefectPercent = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    ShortagePercent = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    ReturnPercent = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    NonQualityReturnPercent = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    SetBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KpiTargets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ProductMonthlyOperatingData",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ProductId = table.Column<int>(type: "int", nullable: false),
                    Month = table.Column<DateOnly>(type: "date", nullable: false),
                    UnitsShipped = table.Column<int>(type: "int", nullable: false),
                    UnitsReturnedQuality = table.Column<int>(type: "int", nullable: false),
                    UnitsReturnedOther = table.Column<int>(type: "int", nullable: false),
                    UnitsSold = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProductMonthlyOperatingData", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProductMonthlyOperatingData_Products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SupplierYearlyVolumes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    SupplierId = table.Column<int>(type: "int", nullable: false),
                    Year = table.Column<int>(type: "int", nullable: false),
                    TransactionVolume = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    IsLocal = table.Column<bool>(type: "bit", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupplierYearlyVolumes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SupplierYearlyVolumes_Suppliers_SupplierId",
                        column: x => x.SupplierId,
                        principalTable: "Suppliers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ThrottleCounters",
                columns: table => new
                {
                    Key = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    Count = table.Column<int>(type: "int", nullable: false),
                    WindowStartUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    BlockedUntilUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Blocks = table.Column<int>(type: "int", nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ThrottleCounters", x => x.Key);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CommitteeMembers_UserId",
                table: "CommitteeMembers",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_CalendarDays_Date",
                table: "CalendarDays",
                column: "Date",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_KpiTargets_Year",
                table: "KpiTargets",
                column: "Year",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProductMonthlyOperatingData_Month_ProductId",
                table: "ProductMonthlyOperatingData",
                columns: new[] { "Month", "ProductId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProductMonthlyOperatingData_ProductId",
                table: "ProductMonthlyOperatingData",
                column: "ProductId");

            migrationBuilder.CreateIndex(
                name: "IX_SupplierYearlyVolumes_SupplierId",
                table: "SupplierYearlyVolumes",
                column: "SupplierId");

            migrationBuilder.CreateIndex(
                name: "IX_SupplierYearlyVolumes_Year_SupplierId",
                table: "SupplierYearlyVolumes",
                columns: new[] { "Year", "SupplierId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ThrottleCounters_UpdatedUtc",
                table: "ThrottleCounters",
                column: "UpdatedUtc");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CalendarDays");

            migrationBuilder.DropTable(
                name: "KpiTargets");

            migrationBuilder.DropTable(
                name: "ProductMonthlyOperatingData");

            migrationBuilder.DropTable(
                name: "SupplierYearlyVolumes");

            migrationBuilder.DropTable(
                name: "ThrottleCounters");

            migrationBuilder.DropIndex(
                name: "IX_CommitteeMembers_UserId",
                table: "CommitteeMembers");

            migrationBuilder.DropColumn(
                name: "DelistedBy",
                table: "Products");

            migrationBuilder.DropColumn(
                name: "ListingExceptionBy",
                table: "Products");

            migrationBuilder.DropColumn(
                name: "ListingExceptionReason",
                table: "Products");

            migrationBuilder.DropColumn(
                name: "ListingExceptionUtc",
                table: "Products");

            migrationBuilder.DropColumn(
                name: "ListingOutcome",
                table: "ProductProposals");

            migrationBuilder.DropColumn(
                name: "ScheduledForTier",
                table: "MonthlySpotChecks");

            migrationBuilder.DropColumn(
                name: "ExcludedFromStatistics",
                table: "ComplaintCategories");

            migrationBuilder.DropColumn(
                name: "EffectiveFrom",
                table: "CommitteeMembers");

            migrationBuilder.DropColumn(
                name: "EffectiveTo",
                table: "CommitteeMembers");

            migrationBuilder.AddColumn<int>(
                name: "Complaints",
                table: "SupplierMonthlyRecords",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "UnitsShipped",
                table: "SupplierMonthlyRecords",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "ShippedVolumes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Month = table.Column<DateOnly>(type: "date", nullable: false),
                    OrdersShipped = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ShippedVolumes", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CommitteeMembers_UserId",
                table: "CommitteeMembers",
                column: "UserId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ShippedVolumes_Month",
                table: "ShippedVolumes",
                column: "Month",
                unique: true);
        }
    }
}
