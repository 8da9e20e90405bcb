using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SpecialistRegistry.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AddFilings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_FilingEntries_Filings_FilingId",
                table: "FilingEntries");

            migrationBuilder.DropForeignKey(
                name: "FK_Filings_Filings_PreviousFilingId",
                table: "Filings");

            migrationBuilder.DropIndex(
                name: "IX_Filings_FirmId_Period",
                table: "Filings");

            migrationBuilder.DropIndex(
                name: "IX_Filings_PreviousFilingId",
                table: "Filings");

            migrationBuilder.DropIndex(
                name: "IX_Filings_Status",
                table: "Filings");

            migrationBuilder.RenameColumn(
                name: "PreviousFilingId",
                table: "Filings",
                newName: "ResubmissionOfId");

            migrationBuilder.AddColumn<int>(
                name: "AddedCount",
                table: "Filings",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Attestation",
                table: "Filings",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "BaselineFilingId",
                table: "Filings",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ChangedCount",
                table: "Filings",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "CreatedById",
                table: "Filings",
                type: "character varying(450)",
                maxLength: 450,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Digest",
                table: "Filings",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Number",
                table: "Filings",
                type: "character varying(30)",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "PeriodId",
                table: "Filings",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "PreparedAt",
                table: "Filings",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.AddColumn<string>(
                name: "PreparedById",
                table: "Filings",
                type: "character varying(450)",
                maxLength: 450,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "PreparedByName",
                table: "Filings",
                type: "character varying(256)",
                maxLength: 256,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "PreparedDigest",
                table: "Filings",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "RemovedCount",
                table: "Filings",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "ReviewedByName",
                table: "Filings",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SubmittedByName",
                table: "Filings",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "UnchangedCount",
                table: "Filings",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "VerificationCode",
                table: "Filings",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ChangeSinceReturned",
                table: "FilingEntries",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ChangedFields",
                table: "FilingEntries",
                type: "character varying(400)",
                maxLength: 400,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "LatinName",
                table: "FilingEntries",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "SnapshotDigest",
                table: "FilingEntries",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "FilingPeriods",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Title = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Scope = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Segment = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    FirmId = table.Column<Guid>(type: "uuid", nullable: true),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    CreatedByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    DueDateNote = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FilingPeriods", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FilingPeriods_Firms_FirmId",
                        column: x => x.FirmId,
                        principalTable: "Firms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FilingRemarks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    FilingId = table.Column<Guid>(type: "uuid", nullable: false),
                    EntryId = table.Column<Guid>(type: "uuid", nullable: false),
                    Text = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    AuthorId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    AuthorName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FilingRemarks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FilingRemarks_FilingEntries_EntryId",
                        column: x => x.EntryId,
                        principalTable: "FilingEntries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FilingRemarks_Filings_FilingId",
                        column: x => x.FilingId,
                        principalTable: "Filings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FilingReminders",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    FirmId = table.Column<Guid>(type: "uuid", nullable: false),
                    PeriodId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    OnDate = table.Column<DateOnly>(type: "date", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FilingReminders", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FilingReminders_FilingPeriods_PeriodId",
                        column: x => x.PeriodId,
                        principalTable: "FilingPeriods",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FilingReminders_Firms_FirmId",
                        column: x => x.FirmId,
                        principalTable: "Firms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Filings_BaselineFilingId",
                table: "Filings",
                column: "BaselineFilingId");

            migrationBuilder.CreateIndex(
                name: "IX_Filings_FirmId_PeriodId_Live",
                table: "Filings",
                columns: new[] { "FirmId", "PeriodId" },
                unique: true,
                filter: "\"Status\" <> 'Returned'");

            migrationBuilder.CreateIndex(
                name: "IX_Filings_Number",
                table: "Filings",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Filings_PeriodId",
                table: "Filings",
                column: "PeriodId");

            migrationBuilder.CreateIndex(
                name: "IX_Filings_ResubmissionOfId",
                table: "Filings",
                column: "ResubmissionOfId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Filings_Status_SubmittedAt",
                table: "Filings",
                columns: new[] { "Status", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_FilingEntries_FilingId_Change_EmployeeNumber",
                table: "FilingEntries",
                columns: new[] { "FilingId", "Change", "EmployeeNumber" });

            migrationBuilder.CreateIndex(
                name: "IX_FilingEntries_FilingId_EmployeeNumber",
                table: "FilingEntries",
                columns: new[] { "FilingId", "EmployeeNumber" });

            migrationBuilder.CreateIndex(
                name: "IX_FilingPeriods_Code",
                table: "FilingPeriods",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FilingPeriods_DueOn",
                table: "FilingPeriods",
                column: "DueOn");

            migrationBuilder.CreateIndex(
                name: "IX_FilingPeriods_FirmId",
                table: "FilingPeriods",
                column: "FirmId");

            migrationBuilder.CreateIndex(
                name: "IX_FilingRemarks_EntryId",
                table: "FilingRemarks",
                column: "EntryId");

            migrationBuilder.CreateIndex(
                name: "IX_FilingRemarks_FilingId_EntryId",
                table: "FilingRemarks",
                columns: new[] { "FilingId", "EntryId" });

            migrationBuilder.CreateIndex(
                name: "IX_FilingReminders_FirmId_PeriodId_Kind_OnDate",
                table: "FilingReminders",
                columns: new[] { "FirmId", "PeriodId", "Kind", "OnDate" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FilingReminders_PeriodId",
                table: "FilingReminders",
                column: "PeriodId");

            migrationBuilder.AddForeignKey(
                name: "FK_FilingEntries_Filings_FilingId",
                table: "FilingEntries",
                column: "FilingId",
                principalTable: "Filings",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Filings_FilingPeriods_PeriodId",
                table: "Filings",
                column: "PeriodId",
                principalTable: "FilingPeriods",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Filings_Filings_BaselineFilingId",
                table: "Filings",
                column: "BaselineFilingId",
                principalTable: "Filings",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Filings_Filings_ResubmissionOfId",
                table: "Filings",
                column: "ResubmissionOfId",
                principalTable: "Filings",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_FilingEntries_Filings_FilingId",
                table: "FilingEntries");

            migrationBuilder.DropForeignKey(
                name: "FK_Filings_FilingPeriods_PeriodId",
                table: "Filings");

            migrationBuilder.DropForeignKey(
                name: "FK_Filings_Filings_BaselineFilingId",
                table: "Filings");

            migrationBuilder.DropForeignKey(
                name: "FK_Filings_Filings_ResubmissionOfId",
                table: "Filings");

            migrationBuilder.DropTable(
                name: "FilingRemarks");

            migrationBuilder.DropTable(
                name: "FilingReminders");

            migrationBuilder.DropTable(
                name: "FilingPeriods");

            migrationBuilder.DropIndex(
                name: "IX_Filings_BaselineFilingId",
                table: "Filings");

            migrationBuilder.DropIndex(
                name: "IX_Filings_FirmId_PeriodId_Live",
                table: "Filings");

            migrationBuilder.DropIndex(
                name: "IX_Filings_Number",
                table: "Filings");

            migrationBuilder.DropIndex(
                name: "IX_Filings_PeriodId",
                table: "Filings");

            migrationBuilder.DropIndex(
                name: "IX_Filings_ResubmissionOfId",
                table: "Filings");

            migrationBuilder.DropIndex(
                name: "IX_Filings_Status_SubmittedAt",
                table: "Filings");

            migrationBuilder.DropIndex(
                name: "IX_FilingEntries_FilingId_Change_EmployeeNumber",
                table: "FilingEntries");

            migrationBuilder.DropIndex(
                name: "IX_FilingEntries_FilingId_EmployeeNumber",
                table: "FilingEntries");

            migrationBuilder.DropColumn(
                name: "AddedCount",
                table: "Filings");

            migrationBuilder.DropColumn(
                name: "Attestation",
                table: "Filings");

            migrationBuilder.DropColumn(
                name: "BaselineFilingId",
                table: "Filings");

            migrationBuilder.DropColumn(
                name: "ChangedCount",
                table: "Filings");

            migrationBuilder.DropColumn(
                name: "CreatedById",
                table: "Filings");

            migrationBuilder.DropColumn(
                name: "Digest",
                table: "Filings");

            migrationBuilder.DropColumn(
                name: "Number",
                table: "Filings");

            migrationBuilder.DropColumn(
                name: "PeriodId",
                table: "Filings");

            migrationBuilder.DropColumn(
                name: "PreparedAt",
                table: "Filings");

            migrationBuilder.DropColumn(
                name: "PreparedById",
                table: "Filings");

            migrationBuilder.DropColumn(
                name: "PreparedByName",
                table: "Filings");

            migrationBuilder.DropColumn(
                name: "PreparedDigest",
                table: "Filings");

            migrationBuilder.DropColumn(
                name: "RemovedCount",
                table: "Filings");

            migrationBuilder.DropColumn(
                name: "ReviewedByName",
                table: "Filings");

            migrationBuilder.DropColumn(
                name: "SubmittedByName",
                table: "Filings");

            migrationBuilder.DropColumn(
                name: "UnchangedCount",
                table: "Filings");

            migrationBuilder.DropColumn(
                name: "VerificationCode",
                table: "Filings");

            migrationBuilder.DropColumn(
                name: "ChangeSinceReturned",
                table: "FilingEntries");

            migrationBuilder.DropColumn(
                name: "ChangedFields",
                table: "FilingEntries");

            migrationBuilder.DropColumn(
                name: "LatinName",
                table: "FilingEntries");

            migrationBuilder.DropColumn(
                name: "SnapshotDigest",
                table: "FilingEntries");

            migrationBuilder.RenameColumn(
                name: "ResubmissionOfId",
                table: "Filings",
                newName: "PreviousFilingId");

            migrationBuilder.CreateIndex(
                name: "IX_Filings_FirmId_Period",
                table: "Filings",
                columns: new[] { "FirmId", "Period" });

            migrationBuilder.CreateIndex(
                name: "IX_Filings_PreviousFilingId",
                table: "Filings",
                column: "PreviousFilingId");

            migrationBuilder.CreateIndex(
                name: "IX_Filings_Status",
                table: "Filings",
                column: "Status");

            migrationBuilder.AddForeignKey(
                name: "FK_FilingEntries_Filings_FilingId",
                table: "FilingEntries",
                column: "FilingId",
                principalTable: "Filings",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_Filings_Filings_PreviousFilingId",
                table: "Filings",
                column: "PreviousFilingId",
                principalTable: "Filings",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }
    }
}
