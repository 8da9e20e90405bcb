using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SpecialistRegistry.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AddFilingWaivers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "FilingWaivers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FirmId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PeriodId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    CreatedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    CreatedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FilingWaivers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FilingWaivers_FilingPeriods_PeriodId",
                        column: x => x.PeriodId,
                        principalTable: "FilingPeriods",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FilingWaivers_Firms_FirmId",
                        column: x => x.FirmId,
                        principalTable: "Firms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FilingWaivers_FirmId_PeriodId",
                table: "FilingWaivers",
                columns: new[] { "FirmId", "PeriodId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FilingWaivers_PeriodId",
                table: "FilingWaivers",
                column: "PeriodId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FilingWaivers");
        }
    }
}
