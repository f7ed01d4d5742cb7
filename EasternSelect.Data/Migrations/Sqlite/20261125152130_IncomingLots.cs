using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EasternSelect.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class IncomingLots : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "InspectionStreams",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SupplierId = table.Column<int>(type: "INTEGER", nullable: false),
                    Category = table.Column<int>(type: "INTEGER", nullable: false),
                    DefectClass = table.Column<int>(type: "INTEGER", nullable: false),
                    Aql = table.Column<long>(type: "INTEGER", nullable: false),
                    Severity = table.Column<int>(type: "INTEGER", nullable: false),
                    IsDiscontinued = table.Column<bool>(type: "INTEGER", nullable: false),
                    SwitchingScore = table.Column<int>(type: "INTEGER", nullable: false),
                    EligibleForReduced = table.Column<bool>(type: "INTEGER", nullable: false),
                    LotsCounted = table.Column<int>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InspectionStreams", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InspectionStreams_Suppliers_SupplierId",
                        column: x => x.SupplierId,
                        principalTable: "Suppliers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CorrectiveActions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    IncomingLotId = table.Column<int>(type: "INTEGER", nullable: false),
                    SupplierId = table.Column<int>(type: "INTEGER", nullable: false),
                    RequestedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    SupplierResponse = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    AcceptedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AcceptedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CorrectiveActions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CorrectiveActions_Suppliers_SupplierId",
                        column: x => x.SupplierId,
                        principalTable: "Suppliers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "IncomingLots",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SupplierId = table.Column<int>(type: "INTEGER", nullable: false),
                    ProductId = table.Column<int>(type: "INTEGER", nullable: false),
                    Category = table.Column<int>(type: "INTEGER", nullable: false),
                    LotNumber = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    LotSize = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitsShort = table.Column<int>(type: "INTEGER", nullable: false),
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Decision = table.Column<int>(type: "INTEGER", nullable: true),
                    IsReinspection = table.Column<bool>(type: "INTEGER", nullable: false),
                    ReinspectionOfLotId = table.Column<int>(type: "INTEGER", nullable: true),
                    CorrectiveActionId = table.Column<int>(type: "INTEGER", nullable: true),
                    InspectedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    InspectedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    InspectedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DecidedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    UnitsSampled = table.Column<int>(type: "INTEGER", nullable: false),
                    DefectsFound = table.Column<int>(type: "INTEGER", nullable: false),
                    EstimatedDefectiveUnits = table.Column<int>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IncomingLots", x => x.Id);
                    table.CheckConstraint("CK_IncomingLot_Sizes", "LotSize >= 2 AND UnitsShort >= 0");
                    table.ForeignKey(
                        name: "FK_IncomingLots_CorrectiveActions_CorrectiveActionId",
                        column: x => x.CorrectiveActionId,
                        principalTable: "CorrectiveActions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_IncomingLots_IncomingLots_ReinspectionOfLotId",
                        column: x => x.ReinspectionOfLotId,
                        principalTable: "IncomingLots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_IncomingLots_Products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_IncomingLots_Suppliers_SupplierId",
                        column: x => x.SupplierId,
                        principalTable: "Suppliers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "IncomingLotClassResults",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    IncomingLotId = table.Column<int>(type: "INTEGER", nullable: false),
                    DefectClass = table.Column<int>(type: "INTEGER", nullable: false),
                    Aql = table.Column<long>(type: "INTEGER", nullable: false),
                    Severity = table.Column<int>(type: "INTEGER", nullable: false),
                    CodeLetter = table.Column<string>(type: "TEXT", maxLength: 1, nullable: false),
                    SampleSize = table.Column<int>(type: "INTEGER", nullable: false),
                    Accept = table.Column<int>(type: "INTEGER", nullable: false),
                    Reject = table.Column<int>(type: "INTEGER", nullable: false),
                    Defects = table.Column<int>(type: "INTEGER", nullable: false),
                    Decision = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IncomingLotClassResults", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IncomingLotClassResults_IncomingLots_IncomingLotId",
                        column: x => x.IncomingLotId,
                        principalTable: "IncomingLots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "InspectionStreamTransitions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    InspectionStreamId = table.Column<int>(type: "INTEGER", nullable: false),
                    From = table.Column<int>(type: "INTEGER", nullable: false),
                    To = table.Column<int>(type: "INTEGER", nullable: false),
                    Reason = table.Column<int>(type: "INTEGER", nullable: false),
                    IncomingLotId = table.Column<int>(type: "INTEGER", nullable: true),
                    OccurredUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InspectionStreamTransitions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InspectionStreamTransitions_IncomingLots_IncomingLotId",
                        column: x => x.IncomingLotId,
                        principalTable: "IncomingLots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_InspectionStreamTransitions_InspectionStreams_InspectionStreamId",
                        column: x => x.InspectionStreamId,
                        principalTable: "InspectionStreams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CorrectiveActions_IncomingLotId",
                table: "CorrectiveActions",
                column: "IncomingLotId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CorrectiveActions_Status_DueOn",
                table: "CorrectiveActions",
                columns: new[] { "Status", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_CorrectiveActions_SupplierId_DueOn",
                table: "CorrectiveActions",
                columns: new[] { "SupplierId", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_IncomingLotClassResults_IncomingLotId_DefectClass",
                table: "IncomingLotClassResults",
                columns: new[] { "IncomingLotId", "DefectClass" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IncomingLots_CorrectiveActionId",
                table: "IncomingLots",
                column: "CorrectiveActionId");

            migrationBuilder.CreateIndex(
                name: "IX_IncomingLots_Month_Category_IsReinspection",
                table: "IncomingLots",
                columns: new[] { "Month", "Category", "IsReinspection" });

            migrationBuilder.CreateIndex(
                name: "IX_IncomingLots_ProductId_ReceivedOn",
                table: "IncomingLots",
                columns: new[] { "ProductId", "ReceivedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_IncomingLots_ReceivedOn_Id",
                table: "IncomingLots",
                columns: new[] { "ReceivedOn", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_IncomingLots_ReinspectionOfLotId",
                table: "IncomingLots",
                column: "ReinspectionOfLotId");

            migrationBuilder.CreateIndex(
                name: "IX_IncomingLots_Status_Decision",
                table: "IncomingLots",
                columns: new[] { "Status", "Decision" });

            migrationBuilder.CreateIndex(
                name: "IX_IncomingLots_SupplierId_Month",
                table: "IncomingLots",
                columns: new[] { "SupplierId", "Month" });

            migrationBuilder.CreateIndex(
                name: "IX_InspectionStreams_Severity_IsDiscontinued",
                table: "InspectionStreams",
                columns: new[] { "Severity", "IsDiscontinued" });

            migrationBuilder.CreateIndex(
                name: "IX_InspectionStreams_SupplierId_Category_DefectClass",
                table: "InspectionStreams",
                columns: new[] { "SupplierId", "Category", "DefectClass" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InspectionStreamTransitions_IncomingLotId",
                table: "InspectionStreamTransitions",
                column: "IncomingLotId");

            migrationBuilder.CreateIndex(
                name: "IX_InspectionStreamTransitions_InspectionStreamId_OccurredUtc",
                table: "InspectionStreamTransitions",
                columns: new[] { "InspectionStreamId", "OccurredUtc" });

            migrationBuilder.AddForeignKey(
                name: "FK_CorrectiveActions_IncomingLots_IncomingLotId",
                table: "CorrectiveActions",
                column: "IncomingLotId",
                principalTable: "IncomingLots",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_CorrectiveActions_IncomingLots_IncomingLotId",
                table: "CorrectiveActions");

            migrationBuilder.DropTable(
                name: "IncomingLotClassResults");

            migrationBuilder.DropTable(
                name: "InspectionStreamTransitions");

            migrationBuilder.DropTable(
                name: "InspectionStreams");

            migrationBuilder.DropTable(
                name: "IncomingLots");

            migrationBuilder.DropTable(
                name: "CorrectiveActions");
        }
    }
}
