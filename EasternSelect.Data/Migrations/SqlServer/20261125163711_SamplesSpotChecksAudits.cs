using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EasternSelect.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class SamplesSpotChecksAudits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "FactoryAudits",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    SupplierId = table.Column<int>(type: "int", nullable: false),
                    ProductId = table.Column<int>(type: "int", nullable: true),
                    Reason = table.Column<int>(type: "int", nullable: false),
                    Trigger = table.Column<int>(type: "int", nullable: false),
                    TriggerNote = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    AuditDate = table.Column<DateOnly>(type: "date", nullable: false),
                    FactoryName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    AuditorName = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    Status = table.Column<int>(type: "int", nullable: false),
                    Summary = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FactoryAudits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FactoryAudits_Products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FactoryAudits_Suppliers_SupplierId",
                        column: x => x.SupplierId,
                        principalTable: "Suppliers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ProductFlags",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ProductId = table.Column<int>(type: "int", nullable: false),
                    Kind = table.Column<int>(type: "int", nullable: false),
                    Source = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Note = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    RecordedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    RecordedUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProductFlags", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProductFlags_Products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RecognisedLabs",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    RecognitionNumber = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Scope = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    Active = table.Column<bool>(type: "bit", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RecognisedLabs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SamplePreInspections",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ProductId = table.Column<int>(type: "int", nullable: false),
                    ChecklistTemplateId = table.Column<int>(type: "int", nullable: false),
                    SampleReceivedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    InspectorId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    InspectorName = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    Status = table.Column<int>(type: "int", nullable: false),
                    Verdict = table.Column<int>(type: "int", nullable: true),
                    Conditions = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    VerdictNote = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    SubmittedUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    ConfirmedById = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    ConfirmedByName = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    ConfirmedUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    SendBackReason = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SamplePreInspections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SamplePreInspections_ChecklistTemplates_ChecklistTemplateId",
                        column: x => x.ChecklistTemplateId,
                        principalTable: "ChecklistTemplates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SamplePreInspections_Products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SpotCheckMonths",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Month = table.Column<DateOnly>(type: "date", nullable: false),
                    ConfirmedById = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    ConfirmedByName = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    ConfirmedUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SpotCheckMonths", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AuditFinding",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    FactoryAuditId = table.Column<int>(type: "int", nullable: false),
                    Item = table.Column<int>(type: "int", nullable: false),
                    Severity = table.Column<int>(type: "int", nullable: false),
                    Description = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditFinding", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AuditFinding_FactoryAudits_FactoryAuditId",
                        column: x => x.FactoryAuditId,
                        principalTable: "FactoryAudits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AuditScore",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    FactoryAuditId = table.Column<int>(type: "int", nullable: false),
                    Item = table.Column<int>(type: "int", nullable: false),
                    Score = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditScore", x => x.Id);
                    table.CheckConstraint("CK_AuditScore_Range", "Score >= 0 AND Score <= 100");
                    table.ForeignKey(
                        name: "FK_AuditScore_FactoryAudits_FactoryAuditId",
                        column: x => x.FactoryAuditId,
                        principalTable: "FactoryAudits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FollowUpAction",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    FactoryAuditId = table.Column<int>(type: "int", nullable: false),
                    Description = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    Owner = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<int>(type: "int", nullable: false),
                    DoneOn = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowUpAction", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FollowUpAction_FactoryAudits_FactoryAuditId",
                        column: x => x.FactoryAuditId,
                        principalTable: "FactoryAudits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LabReferrals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    SamplePreInspectionId = table.Column<int>(type: "int", nullable: false),
                    RecognisedLabId = table.Column<int>(type: "int", nullable: false),
                    TestItems = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    SentOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ReportNumber = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    Result = table.Column<int>(type: "int", nullable: true),
                    ReportedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ReportFileId = table.Column<int>(type: "int", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LabReferrals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LabReferrals_Files_ReportFileId",
                        column: x => x.ReportFileId,
                        principalTable: "Files",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_LabReferrals_RecognisedLabs_RecognisedLabId",
                        column: x => x.RecognisedLabId,
                        principalTable: "RecognisedLabs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_LabReferrals_SamplePreInspections_SamplePreInspectionId",
                        column: x => x.SamplePreInspectionId,
                        principalTable: "SamplePreInspections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SampleCheckItem",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    SamplePreInspectionId = table.Column<int>(type: "int", nullable: false),
                    ChecklistItemId = table.Column<int>(type: "int", nullable: false),
                    Code = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    DefectClass = table.Column<int>(type: "int", nullable: false),
                    Order = table.Column<int>(type: "int", nullable: false),
                    Result = table.Column<int>(type: "int", nullable: true),
                    Note = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SampleCheckItem", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SampleCheckItem_ChecklistItems_ChecklistItemId",
                        column: x => x.ChecklistItemId,
                        principalTable: "ChecklistItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SampleCheckItem_SamplePreInspections_SamplePreInspectionId",
                        column: x => x.SamplePreInspectionId,
                        principalTable: "SamplePreInspections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SamplePhoto",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    SamplePreInspectionId = table.Column<int>(type: "int", nullable: false),
                    StoredFileId = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SamplePhoto", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SamplePhoto_Files_StoredFileId",
                        column: x => x.StoredFileId,
                        principalTable: "Files",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SamplePhoto_SamplePreInspections_SamplePreInspectionId",
                        column: x => x.SamplePreInspectionId,
                        principalTable: "SamplePreInspections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SpotCheckItems",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    SpotCheckMonthId = table.Column<int>(type: "int", nullable: false),
                    ProductId = table.Column<int>(type: "int", nullable: false),
                    MonthlySpotCheckId = table.Column<int>(type: "int", nullable: true),
                    Removed = table.Column<bool>(type: "bit", nullable: false),
                    RemovalReason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    AddedReason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    Outcome = table.Column<int>(type: "int", nullable: true),
                    Findings = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    InspectedByName = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    InspectedUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SpotCheckItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SpotCheckItems_MonthlySpotChecks_MonthlySpotCheckId",
                        column: x => x.MonthlySpotCheckId,
                        principalTable: "MonthlySpotChecks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SpotCheckItems_Products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SpotCheckItems_SpotCheckMonths_SpotCheckMonthId",
                        column: x => x.SpotCheckMonthId,
                        principalTable: "SpotCheckMonths",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AuditPhoto",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    AuditFindingId = table.Column<int>(type: "int", nullable: false),
                    StoredFileId = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditPhoto", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AuditPhoto_AuditFinding_AuditFindingId",
                        column: x => x.AuditFindingId,
                        principalTable: "AuditFinding",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AuditPhoto_Files_StoredFileId",
                        column: x => x.StoredFileId,
                        principalTable: "Files",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SpotCheckItemReason",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    SpotCheckItemId = table.Column<int>(type: "int", nullable: false),
                    Kind = table.Column<int>(type: "int", nullable: false),
                    Value = table.Column<double>(type: "float", nullable: true),
                    Text = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    ReferenceId = table.Column<int>(type: "int", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SpotCheckItemReason", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SpotCheckItemReason_SpotCheckItems_SpotCheckItemId",
                        column: x => x.SpotCheckItemId,
                        principalTable: "SpotCheckItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SpotCheckPhoto",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    SpotCheckItemId = table.Column<int>(type: "int", nullable: false),
                    StoredFileId = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SpotCheckPhoto", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SpotCheckPhoto_Files_StoredFileId",
                        column: x => x.StoredFileId,
                        principalTable: "Files",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SpotCheckPhoto_SpotCheckItems_SpotCheckItemId",
                        column: x => x.SpotCheckItemId,
                        principalTable: "SpotCheckItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AuditFinding_FactoryAuditId",
                table: "AuditFinding",
                column: "FactoryAuditId");

            migrationBuilder.CreateIndex(
                name: "IX_AuditPhoto_AuditFindingId",
                table: "AuditPhoto",
                column: "AuditFindingId");

            migrationBuilder.CreateIndex(
                name: "IX_AuditPhoto_StoredFileId",
                table: "AuditPhoto",
                column: "StoredFileId");

            migrationBuilder.CreateIndex(
                name: "IX_AuditScore_FactoryAuditId_Item",
                table: "AuditScore",
                columns: new[] { "FactoryAuditId", "Item" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FactoryAudits_AuditDate",
                table: "FactoryAudits",
                column: "AuditDate");

            migrationBuilder.CreateIndex(
                name: "IX_FactoryAudits_ProductId",
                table: "FactoryAudits",
                column: "ProductId");

            migrationBuilder.CreateIndex(
                name: "IX_FactoryAudits_SupplierId_AuditDate",
                table: "FactoryAudits",
                columns: new[] { "SupplierId", "AuditDate" });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpAction_FactoryAuditId",
                table: "FollowUpAction",
                column: "FactoryAuditId");

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpAction_Status_DueOn",
                table: "FollowUpAction",
                columns: new[] { "Status", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_LabReferrals_RecognisedLabId",
                table: "LabReferrals",
                column: "RecognisedLabId");

            migrationBuilder.CreateIndex(
                name: "IX_LabReferrals_ReportFileId",
                table: "LabReferrals",
                column: "ReportFileId");

            migrationBuilder.CreateIndex(
                name: "IX_LabReferrals_SamplePreInspectionId",
                table: "LabReferrals",
                column: "SamplePreInspectionId");

            migrationBuilder.CreateIndex(
                name: "IX_ProductFlags_Date",
                table: "ProductFlags",
                column: "Date");

            migrationBuilder.CreateIndex(
                name: "IX_ProductFlags_ProductId",
                table: "ProductFlags",
                column: "ProductId");

            migrationBuilder.CreateIndex(
                name: "IX_RecognisedLabs_Name",
                table: "RecognisedLabs",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SampleCheckItem_ChecklistItemId",
                table: "SampleCheckItem",
                column: "ChecklistItemId");

            migrationBuilder.CreateIndex(
                name: "IX_SampleCheckItem_SamplePreInspectionId_Code",
                table: "SampleCheckItem",
                columns: new[] { "SamplePreInspectionId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SamplePhoto_SamplePreInspectionId",
                table: "SamplePhoto",
                column: "SamplePreInspectionId");

            migrationBuilder.CreateIndex(
                name: "IX_SamplePhoto_StoredFileId",
                table: "SamplePhoto",
                column: "StoredFileId");

            migrationBuilder.CreateIndex(
                name: "IX_SamplePreInspections_ChecklistTemplateId",
                table: "SamplePreInspections",
                column: "ChecklistTemplateId");

            migrationBuilder.CreateIndex(
                name: "IX_SamplePreInspections_ProductId",
                table: "SamplePreInspections",
                column: "ProductId");

            migrationBuilder.CreateIndex(
                name: "IX_SamplePreInspections_SampleReceivedOn",
                table: "SamplePreInspections",
                column: "SampleReceivedOn");

            migrationBuilder.CreateIndex(
                name: "IX_SamplePreInspections_Status_SubmittedUtc",
                table: "SamplePreInspections",
                columns: new[] { "Status", "SubmittedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_SpotCheckItemReason_SpotCheckItemId",
                table: "SpotCheckItemReason",
                column: "SpotCheckItemId");

            migrationBuilder.CreateIndex(
                name: "IX_SpotCheckItems_MonthlySpotCheckId",
                table: "SpotCheckItems",
                column: "MonthlySpotCheckId");

            migrationBuilder.CreateIndex(
                name: "IX_SpotCheckItems_ProductId",
                table: "SpotCheckItems",
                column: "ProductId");

            migrationBuilder.CreateIndex(
                name: "IX_SpotCheckItems_SpotCheckMonthId_ProductId",
                table: "SpotCheckItems",
                columns: new[] { "SpotCheckMonthId", "ProductId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SpotCheckMonths_Month",
                table: "SpotCheckMonths",
                column: "Month",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SpotCheckPhoto_SpotCheckItemId",
                table: "SpotCheckPhoto",
                column: "SpotCheckItemId");

            migrationBuilder.CreateIndex(
                name: "IX_SpotCheckPhoto_StoredFileId",
                table: "SpotCheckPhoto",
                column: "StoredFileId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AuditPhoto");

            migrationBuilder.DropTable(
                name: "AuditScore");

            migrationBuilder.DropTable(
                name: "FollowUpAction");

            migrationBuilder.DropTable(
                name: "LabReferrals");

            migrationBuilder.DropTable(
                name: "ProductFlags");

            migrationBuilder.DropTable(
                name: "SampleCheckItem");

            migrationBuilder.DropTable(
                name: "SamplePhoto");

            migrationBuilder.DropTable(
                name: "SpotCheckItemReason");

            migrationBuilder.DropTable(
                name: "SpotCheckPhoto");

            migrationBuilder.DropTable(
                name: "AuditFinding");

            migrationBuilder.DropTable(
                name: "RecognisedLabs");

            migrationBuilder.DropTable(
                name: "SamplePreInspections");

            migrationBuilder.DropTable(
                name: "SpotCheckItems");

            migrationBuilder.DropTable(
                name: "FactoryAudits");

            migrationBuilder.DropTable(
                name: "SpotCheckMonths");
        }
    }
}
