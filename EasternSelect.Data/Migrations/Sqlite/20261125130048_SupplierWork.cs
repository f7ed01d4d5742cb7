using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EasternSelect.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SupplierWork : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Address",
                table: "Suppliers",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ContractExpiresOn",
                table: "Suppliers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ContractFileId",
                table: "Suppliers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ContractSignedOn",
                table: "Suppliers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "StatusReason",
                table: "Suppliers",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CsrEvaluations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SupplierId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    LabourScore = table.Column<int>(type: "INTEGER", nullable: false),
                    EnvironmentScore = table.Column<int>(type: "INTEGER", nullable: false),
                    EthicsScore = table.Column<int>(type: "INTEGER", nullable: false),
                    SafetyScore = table.Column<int>(type: "INTEGER", nullable: false),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    EvaluatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CsrEvaluations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CsrEvaluations_Suppliers_SupplierId",
                        column: x => x.SupplierId,
                        principalTable: "Suppliers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Files",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Length = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    UploadedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    UploadedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Files", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MonthlySpotChecks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SupplierId = table.Column<int>(type: "INTEGER", nullable: false),
                    Month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    QualificationReviewId = table.Column<int>(type: "INTEGER", nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Result = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    CompletedUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MonthlySpotChecks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MonthlySpotChecks_Suppliers_SupplierId",
                        column: x => x.SupplierId,
                        principalTable: "Suppliers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "QualificationReviews",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SupplierId = table.Column<int>(type: "INTEGER", nullable: false),
                    Method = table.Column<int>(type: "INTEGER", nullable: false),
                    SuggestedMethod = table.Column<int>(type: "INTEGER", nullable: false),
                    MethodOverrideReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    MethodOverriddenBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Risk = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    ReviewerId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    ReviewerName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    StartedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SubmittedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Findings = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    VerdictById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    VerdictByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    VerdictUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    VerdictNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    SpotChecksScheduled = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QualificationReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_QualificationReviews_Suppliers_SupplierId",
                        column: x => x.SupplierId,
                        principalTable: "Suppliers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SupplierMonthlyRecords",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SupplierId = table.Column<int>(type: "INTEGER", nullable: false),
                    Month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    LotsInspected = table.Column<int>(type: "INTEGER", nullable: false),
                    LotsRejected = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitsReceived = table.Column<int>(type: "INTEGER", nullable: false),
                    DefectiveUnits = table.Column<int>(type: "INTEGER", nullable: false),
                    ShortUnits = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitsShipped = table.Column<int>(type: "INTEGER", nullable: false),
                    Complaints = table.Column<int>(type: "INTEGER", nullable: false),
                    AuditFindings = table.Column<int>(type: "INTEGER", nullable: false),
                    LateCorrectiveActions = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupplierMonthlyRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SupplierMonthlyRecords_Suppliers_SupplierId",
                        column: x => x.SupplierId,
                        principalTable: "Suppliers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SupplierStatusChanges",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SupplierId = table.Column<int>(type: "INTEGER", nullable: false),
                    From = table.Column<int>(type: "INTEGER", nullable: false),
                    To = table.Column<int>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    ChangedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ChangedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupplierStatusChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SupplierStatusChanges_Suppliers_SupplierId",
                        column: x => x.SupplierId,
                        principalTable: "Suppliers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SupplierTierChanges",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SupplierId = table.Column<int>(type: "INTEGER", nullable: false),
                    From = table.Column<int>(type: "INTEGER", nullable: false),
                    To = table.Column<int>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    TierProposalId = table.Column<int>(type: "INTEGER", nullable: true),
                    ApprovedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ChangedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupplierTierChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SupplierTierChanges_Suppliers_SupplierId",
                        column: x => x.SupplierId,
                        principalTable: "Suppliers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TierPolicies",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    VersionNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    LotRejectionWeight = table.Column<long>(type: "INTEGER", nullable: false),
                    DefectShortageWeight = table.Column<long>(type: "INTEGER", nullable: false),
                    ComplaintWeight = table.Column<long>(type: "INTEGER", nullable: false),
                    AuditFindingWeight = table.Column<long>(type: "INTEGER", nullable: false),
                    LateCorrectiveActionWeight = table.Column<long>(type: "INTEGER", nullable: false),
                    CsrWeight = table.Column<long>(type: "INTEGER", nullable: false),
                    SelfInspectionMinimum = table.Column<long>(type: "INTEGER", nullable: false),
                    AMinimum = table.Column<long>(type: "INTEGER", nullable: false),
                    BMinimum = table.Column<long>(type: "INTEGER", nullable: false),
                    LookbackMonths = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TierPolicies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TrainingSessions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Topic = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Hours = table.Column<long>(type: "INTEGER", nullable: false),
                    Location = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrainingSessions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OnSiteScoreItem",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    QualificationReviewId = table.Column<int>(type: "INTEGER", nullable: false),
                    Item = table.Column<int>(type: "INTEGER", nullable: false),
                    Score = table.Column<int>(type: "INTEGER", nullable: true),
                    Finding = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    PhotoFileIds = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OnSiteScoreItem", x => x.Id);
                    table.CheckConstraint("CK_OnSiteScore_Range", "Score IS NULL OR (Score >= 0 AND Score <= 100)");
                    table.ForeignKey(
                        name: "FK_OnSiteScoreItem_QualificationReviews_QualificationReviewId",
                        column: x => x.QualificationReviewId,
                        principalTable: "QualificationReviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReviewDocumentItem",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    QualificationReviewId = table.Column<int>(type: "INTEGER", nullable: false),
                    Type = table.Column<int>(type: "INTEGER", nullable: false),
                    Provided = table.Column<bool>(type: "INTEGER", nullable: false),
                    FileId = table.Column<int>(type: "INTEGER", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewDocumentItem", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReviewDocumentItem_Files_FileId",
                        column: x => x.FileId,
                        principalTable: "Files",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ReviewDocumentItem_QualificationReviews_QualificationReviewId",
                        column: x => x.QualificationReviewId,
                        principalTable: "QualificationReviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TierEvaluations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    TierPolicyId = table.Column<int>(type: "INTEGER", nullable: false),
                    RunBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RunUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SuppliersEvaluated = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TierEvaluations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TierEvaluations_TierPolicies_TierPolicyId",
                        column: x => x.TierPolicyId,
                        principalTable: "TierPolicies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TrainingAttendance",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TrainingSessionId = table.Column<int>(type: "INTEGER", nullable: false),
                    SupplierId = table.Column<int>(type: "INTEGER", nullable: false),
                    PersonCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrainingAttendance", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TrainingAttendance_Suppliers_SupplierId",
                        column: x => x.SupplierId,
                        principalTable: "Suppliers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TrainingAttendance_TrainingSessions_TrainingSessionId",
                        column: x => x.TrainingSessionId,
                        principalTable: "TrainingSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TierProposals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TierEvaluationId = table.Column<int>(type: "INTEGER", nullable: false),
                    SupplierId = table.Column<int>(type: "INTEGER", nullable: false),
                    CurrentTier = table.Column<int>(type: "INTEGER", nullable: false),
                    ProposedTier = table.Column<int>(type: "INTEGER", nullable: false),
                    Score = table.Column<long>(type: "INTEGER", nullable: false),
                    Reasons = table.Column<string>(type: "TEXT", nullable: false),
                    Decision = table.Column<int>(type: "INTEGER", nullable: false),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    DecidedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecisionNote = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TierProposals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TierProposals_Suppliers_SupplierId",
                        column: x => x.SupplierId,
                        principalTable: "Suppliers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TierProposals_TierEvaluations_TierEvaluationId",
                        column: x => x.TierEvaluationId,
                        principalTable: "TierEvaluations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Suppliers_ContractFileId",
                table: "Suppliers",
                column: "ContractFileId");

            migrationBuilder.CreateIndex(
                name: "IX_Suppliers_YearlyTransactionVolume",
                table: "Suppliers",
                column: "YearlyTransactionVolume");

            migrationBuilder.CreateIndex(
                name: "IX_Products_Price",
                table: "Products",
                column: "Price");

            migrationBuilder.CreateIndex(
                name: "IX_CsrEvaluations_SupplierId_Year",
                table: "CsrEvaluations",
                columns: new[] { "SupplierId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MonthlySpotChecks_Month",
                table: "MonthlySpotChecks",
                column: "Month");

            migrationBuilder.CreateIndex(
                name: "IX_MonthlySpotChecks_SupplierId_Month",
                table: "MonthlySpotChecks",
                columns: new[] { "SupplierId", "Month" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OnSiteScoreItem_QualificationReviewId",
                table: "OnSiteScoreItem",
                column: "QualificationReviewId");

            migrationBuilder.CreateIndex(
                name: "IX_QualificationReviews_SupplierId_Status",
                table: "QualificationReviews",
                columns: new[] { "SupplierId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_QualificationReviews_VerdictUtc",
                table: "QualificationReviews",
                column: "VerdictUtc");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewDocumentItem_FileId",
                table: "ReviewDocumentItem",
                column: "FileId");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewDocumentItem_QualificationReviewId",
                table: "ReviewDocumentItem",
                column: "QualificationReviewId");

            migrationBuilder.CreateIndex(
                name: "IX_SupplierMonthlyRecords_Month",
                table: "SupplierMonthlyRecords",
                column: "Month");

            migrationBuilder.CreateIndex(
                name: "IX_SupplierMonthlyRecords_SupplierId_Month",
                table: "SupplierMonthlyRecords",
                columns: new[] { "SupplierId", "Month" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SupplierStatusChanges_SupplierId_ChangedUtc",
                table: "SupplierStatusChanges",
                columns: new[] { "SupplierId", "ChangedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_SupplierTierChanges_SupplierId_ChangedUtc",
                table: "SupplierTierChanges",
                columns: new[] { "SupplierId", "ChangedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_TierEvaluations_Month",
                table: "TierEvaluations",
                column: "Month",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TierEvaluations_TierPolicyId",
                table: "TierEvaluations",
                column: "TierPolicyId");

            migrationBuilder.CreateIndex(
                name: "IX_TierPolicies_VersionNumber",
                table: "TierPolicies",
                column: "VersionNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TierProposals_Decision",
                table: "TierProposals",
                column: "Decision");

            migrationBuilder.CreateIndex(
                name: "IX_TierProposals_SupplierId",
                table: "TierProposals",
                column: "SupplierId");

            migrationBuilder.CreateIndex(
                name: "IX_TierProposals_TierEvaluationId_SupplierId",
                table: "TierProposals",
                columns: new[] { "TierEvaluationId", "SupplierId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TrainingAttendance_SupplierId",
                table: "TrainingAttendance",
                column: "SupplierId");

            migrationBuilder.CreateIndex(
                name: "IX_TrainingAttendance_TrainingSessionId_SupplierId",
                table: "TrainingAttendance",
                columns: new[] { "TrainingSessionId", "SupplierId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TrainingSessions_Date",
                table: "TrainingSessions",
                column: "Date");

            migrationBuilder.AddForeignKey(
                name: "FK_Suppliers_Files_ContractFileId",
                table: "Suppliers",
                column: "ContractFileId",
                principalTable: "Files",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Suppliers_Files_ContractFileId",
                table: "Suppliers");

            migrationBuilder.DropTable(
                name: "CsrEvaluations");

            migrationBuilder.DropTable(
                name: "MonthlySpotChecks");

            migrationBuilder.DropTable(
                name: "OnSiteScoreItem");

            migrationBuilder.DropTable(
                name: "ReviewDocumentItem");

            migrationBuilder.DropTable(
                name: "SupplierMonthlyRecords");

            migrationBuilder.DropTable(
                name: "SupplierStatusChanges");

            migrationBuilder.DropTable(
                name: "SupplierTierChanges");

            migrationBuilder.DropTable(
                name: "TierProposals");

            migrationBuilder.DropTable(
                name: "TrainingAttendance");

            migrationBuilder.DropTable(
                name: "Files");

            migrationBuilder.DropTable(
                name: "QualificationReviews");

            migrationBuilder.DropTable(
                name: "TierEvaluations");

            migrationBuilder.DropTable(
                name: "TrainingSessions");

            migrationBuilder.DropTable(
                name: "TierPolicies");

            migrationBuilder.DropIndex(
                name: "IX_Suppliers_ContractFileId",
                table: "Suppliers");

            migrationBuilder.DropIndex(
                name: "IX_Suppliers_YearlyTransactionVolume",
                table: "Suppliers");

            migrationBuilder.DropIndex(
                name: "IX_Products_Price",
                table: "Products");

            migrationBuilder.DropColumn(
                name: "Address",
                table: "Suppliers");

            migrationBuilder.DropColumn(
                name: "ContractExpiresOn",
                table: "Suppliers");

            migrationBuilder.DropColumn(
                name: "ContractFileId",
                table: "Suppliers");

            migrationBuilder.DropColumn(
                name: "ContractSignedOn",
                table: "Suppliers");

            migrationBuilder.DropColumn(
                name: "StatusReason",
                table: "Suppliers");
        }
    }
}
