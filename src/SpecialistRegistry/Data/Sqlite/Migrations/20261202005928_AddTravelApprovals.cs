using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SpecialistRegistry.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AddTravelApprovals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "TravelRequestId",
                table: "CustodyEvents",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "TravelRequests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SpecialistId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FirmId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DestinationCountry = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    DestinationCity = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    PurposeDetail = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    InvitingOrganisation = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DepartureOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ReturnOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Itinerary = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ContactsAbroad = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    RequestedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    RequestedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RequestedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DecidedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    DecidedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ApprovalNumber = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    ApprovedDepartureOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ApprovedReturnOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Conditions = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    DenialReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    WithdrawnAt = table.Column<long>(type: "INTEGER", nullable: true),
                    WithdrawalReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    PassportId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ReleaseEventId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ReleasedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DueBackOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReturnEventId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ReturnedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LateByDays = table.Column<int>(type: "INTEGER", nullable: true),
                    ExpiredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TravelRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TravelRequests_CustodyEvents_ReleaseEventId",
                        column: x => x.ReleaseEventId,
                        principalTable: "CustodyEvents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TravelRequests_CustodyEvents_ReturnEventId",
                        column: x => x.ReturnEventId,
                        principalTable: "CustodyEvents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TravelRequests_Firms_FirmId",
                        column: x => x.FirmId,
                        principalTable: "Firms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TravelRequests_Passports_PassportId",
                        column: x => x.PassportId,
                        principalTable: "Passports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TravelRequests_Specialists_SpecialistId",
                        column: x => x.SpecialistId,
                        principalTable: "Specialists",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TravelMessages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TravelRequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IsQuestion = table.Column<bool>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    AuthorId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    AuthorName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TravelMessages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TravelMessages_TravelRequests_TravelRequestId",
                        column: x => x.TravelRequestId,
                        principalTable: "TravelRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CustodyEvents_TravelRequestId",
                table: "CustodyEvents",
                column: "TravelRequestId");

            migrationBuilder.CreateIndex(
                name: "IX_TravelMessages_TravelRequestId_At",
                table: "TravelMessages",
                columns: new[] { "TravelRequestId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_TravelRequests_ApprovalNumber",
                table: "TravelRequests",
                column: "ApprovalNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TravelRequests_FirmId",
                table: "TravelRequests",
                column: "FirmId");

            migrationBuilder.CreateIndex(
                name: "IX_TravelRequests_PassportId",
                table: "TravelRequests",
                column: "PassportId");

            migrationBuilder.CreateIndex(
                name: "IX_TravelRequests_ReleaseEventId",
                table: "TravelRequests",
                column: "ReleaseEventId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TravelRequests_ReturnEventId",
                table: "TravelRequests",
                column: "ReturnEventId");

            migrationBuilder.CreateIndex(
                name: "IX_TravelRequests_SpecialistId_Status",
                table: "TravelRequests",
                columns: new[] { "SpecialistId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_TravelRequests_Status_ApprovedDepartureOn",
                table: "TravelRequests",
                columns: new[] { "Status", "ApprovedDepartureOn" });

            migrationBuilder.CreateIndex(
                name: "IX_TravelRequests_Status_RequestedAt",
                table: "TravelRequests",
                columns: new[] { "Status", "RequestedAt" });

            migrationBuilder.AddForeignKey(
                name: "FK_CustodyEvents_TravelRequests_TravelRequestId",
                table: "CustodyEvents",
                column: "TravelRequestId",
                principalTable: "TravelRequests",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_CustodyEvents_TravelRequests_TravelRequestId",
                table: "CustodyEvents");

            migrationBuilder.DropTable(
                name: "TravelMessages");

            migrationBuilder.DropTable(
                name: "TravelRequests");

            migrationBuilder.DropIndex(
                name: "IX_CustodyEvents_TravelRequestId",
                table: "CustodyEvents");

            migrationBuilder.DropColumn(
                name: "TravelRequestId",
                table: "CustodyEvents");
        }
    }
}
