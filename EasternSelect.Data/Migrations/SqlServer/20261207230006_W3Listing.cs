using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EasternSelect.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class W3Listing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
        }
    }
}
