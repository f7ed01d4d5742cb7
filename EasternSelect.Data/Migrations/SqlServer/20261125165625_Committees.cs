using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EasternSelect.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Committees : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AnomalyMeetings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Month = table.Column<DateOnly>(type: "date", nullable: false),
                    MeetingDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Kind = table.Column<int>(type: "int", nullable: false),
                    Status = table.Column<int>(type: "int", nullable: false),
                    ChairName = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    Attendees = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    ClosedUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AnomalyMeetings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CommitteeMembers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    UserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    DisplayName = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    Department = table.Column<int>(type: "int", nullable: false),
                    Active = table.Column<bool>(type: "bit", nullable: false),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommitteeMembers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ProductReviewMeetings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    MeetingDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<int>(type: "int", nullable: false),
                    PresentationWeight = table.Column<int>(type: "int", nullable: false),
                    SellingPointWeight = table.Column<int>(type: "int", nullable: false),
                    PriceWeight = table.Column<int>(type: "int", nullable: false),
                    QualityWeight = table.Column<int>(type: "int", nullable: false),
                    PassThreshold = table.Column<decimal>(type: "decimal(5,2)", precision: 5, scale: 2, nullable: false),
                    ChairName = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    ScoringClosedUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProductReviewMeetings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AnomalyMeetingSupplier",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    AnomalyMeetingId = table.Column<int>(type: "int", nullable: false),
                    SupplierId = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AnomalyMeetingSupplier", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AnomalyMeetingSupplier_AnomalyMeetings_AnomalyMeetingId",
                        column: x => x.AnomalyMeetingId,
                        principalTable: "AnomalyMeetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AnomalyMeetingSupplier_Suppliers_SupplierId",
                        column: x => x.SupplierId,
                        principalTable: "Suppliers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MeetingAnomalies",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    AnomalyMeetingId = table.Column<int>(type: "int", nullable: false),
                    Kind = table.Column<int>(type: "int", nullable: false),
                    SourceId = table.Column<int>(type: "int", nullable: false),
                    SupplierId = table.Column<int>(type: "int", nullable: true),
                    SupplierName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    ProductId = table.Column<int>(type: "int", nullable: true),
                    ProductName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    OccurredOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Summary = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    Link = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    Discussion = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingAnomalies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MeetingAnomalies_AnomalyMeetings_AnomalyMeetingId",
                        column: x => x.AnomalyMeetingId,
                        principalTable: "AnomalyMeetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProductProposals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    MeetingId = table.Column<int>(type: "int", nullable: false),
                    ProductId = table.Column<int>(type: "int", nullable: true),
                    ProductName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    SupplierId = table.Column<int>(type: "int", nullable: false),
                    Channel = table.Column<int>(type: "int", nullable: false),
                    ProposedPrice = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    SellingPoints = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    SamplePreInspectionId = table.Column<int>(type: "int", nullable: true),
                    SamplePreInspectionResult = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    SubmittedById = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    SubmittedByName = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    SubmittedUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Decision = table.Column<int>(type: "int", nullable: true),
                    DecisionConditions = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    DecidedByName = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    DecidedUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    ListedProductId = table.Column<int>(type: "int", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProductProposals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProductProposals_ProductReviewMeetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "ProductReviewMeetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ProductProposals_Products_ListedProductId",
                        column: x => x.ListedProductId,
                        principalTable: "Products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ProductProposals_Products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ProductProposals_Suppliers_SupplierId",
                        column: x => x.SupplierId,
                        principalTable: "Suppliers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ActionItems",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    AnomalyMeetingId = table.Column<int>(type: "int", nullable: false),
                    MeetingAnomalyId = table.Column<int>(type: "int", nullable: true),
                    SupplierId = table.Column<int>(type: "int", nullable: true),
                    Description = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    OwnerUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    OwnerName = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    DueDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<int>(type: "int", nullable: false),
                    Note = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    ClosedUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActionItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ActionItems_AnomalyMeetings_AnomalyMeetingId",
                        column: x => x.AnomalyMeetingId,
                        principalTable: "AnomalyMeetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ActionItems_MeetingAnomalies_MeetingAnomalyId",
                        column: x => x.MeetingAnomalyId,
                        principalTable: "MeetingAnomalies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ProposalScores",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ProposalId = table.Column<int>(type: "int", nullable: false),
                    MemberUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    MemberName = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    Department = table.Column<int>(type: "int", nullable: false),
                    Presentation = table.Column<int>(type: "int", nullable: false),
                    SellingPoint = table.Column<int>(type: "int", nullable: false),
                    Price = table.Column<int>(type: "int", nullable: false),
                    Quality = table.Column<int>(type: "int", nullable: false),
                    Comment = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    SubmittedUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProposalScores", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProposalScores_ProductProposals_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "ProductProposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ActionItems_AnomalyMeetingId",
                table: "ActionItems",
                column: "AnomalyMeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_ActionItems_MeetingAnomalyId",
                table: "ActionItems",
                column: "MeetingAnomalyId");

            migrationBuilder.CreateIndex(
                name: "IX_ActionItems_OwnerUserId_Status_DueDate",
                table: "ActionItems",
                columns: new[] { "OwnerUserId", "Status", "DueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_ActionItems_Status_AnomalyMeetingId",
                table: "ActionItems",
                columns: new[] { "Status", "AnomalyMeetingId" });

            migrationBuilder.CreateIndex(
                name: "IX_AnomalyMeetings_Month_Kind",
                table: "AnomalyMeetings",
                columns: new[] { "Month", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_AnomalyMeetingSupplier_AnomalyMeetingId_SupplierId",
                table: "AnomalyMeetingSupplier",
                columns: new[] { "AnomalyMeetingId", "SupplierId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AnomalyMeetingSupplier_SupplierId",
                table: "AnomalyMeetingSupplier",
                column: "SupplierId");

            migrationBuilder.CreateIndex(
                name: "IX_CommitteeMembers_UserId",
                table: "CommitteeMembers",
                column: "UserId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MeetingAnomalies_AnomalyMeetingId",
                table: "MeetingAnomalies",
                column: "AnomalyMeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_ProductProposals_ListedProductId",
                table: "ProductProposals",
                column: "ListedProductId");

            migrationBuilder.CreateIndex(
                name: "IX_ProductProposals_MeetingId",
                table: "ProductProposals",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_ProductProposals_ProductId",
                table: "ProductProposals",
                column: "ProductId");

            migrationBuilder.CreateIndex(
                name: "IX_ProductProposals_SupplierId",
                table: "ProductProposals",
                column: "SupplierId");

            migrationBuilder.CreateIndex(
                name: "IX_ProductReviewMeetings_MeetingDate",
                table: "ProductReviewMeetings",
                column: "MeetingDate");

            migrationBuilder.CreateIndex(
                name: "IX_ProposalScores_ProposalId_MemberUserId",
                table: "ProposalScores",
                columns: new[] { "ProposalId", "MemberUserId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ActionItems");

            migrationBuilder.DropTable(
                name: "AnomalyMeetingSupplier");

            migrationBuilder.DropTable(
                name: "CommitteeMembers");

            migrationBuilder.DropTable(
                name: "ProposalScores");

            migrationBuilder.DropTable(
                name: "MeetingAnomalies");

            migrationBuilder.DropTable(
                name: "ProductProposals");

            migrationBuilder.DropTable(
                name: "AnomalyMeetings");

            migrationBuilder.DropTable(
                name: "ProductReviewMeetings");
        }
    }
}
