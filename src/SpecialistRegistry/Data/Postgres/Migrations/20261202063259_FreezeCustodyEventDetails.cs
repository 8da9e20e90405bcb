using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SpecialistRegistry.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class FreezeCustodyEventDetails : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "FirmName",
                table: "CustodyEvents",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "HolderLatinName",
                table: "CustodyEvents",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "HolderName",
                table: "CustodyEvents",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "PassportCountry",
                table: "CustodyEvents",
                type: "character varying(60)",
                maxLength: 60,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateOnly>(
                name: "PassportExpiresOn",
                table: "CustodyEvents",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.AddColumn<DateOnly>(
                name: "PassportIssuedOn",
                table: "CustodyEvents",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.AddColumn<string>(
                name: "PassportNumber_Cipher",
                table: "CustodyEvents",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "PassportNumber_Last4",
                table: "CustodyEvents",
                type: "character varying(4)",
                maxLength: 4,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "PassportNumber_LookupHash",
                table: "CustodyEvents",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "");
        
            // Events logged before this migration get the passport and holder as they stand now: the best record there is.
            migrationBuilder.Sql("""
                UPDATE "CustodyEvents" SET
                    "PassportNumber_Cipher" = p."Number_Cipher", "PassportNumber_LookupHash" = p."Number_LookupHash",
                    "PassportNumber_Last4" = p."Number_Last4", "PassportCountry" = p."IssuingCountry",
                    "PassportIssuedOn" = p."IssuedOn", "PassportExpiresOn" = p."ExpiresOn",
                    "HolderName" = s."FullName", "HolderLatinName" = s."LatinName", "FirmName" = f."Name"
                FROM "Passports" p
                JOIN "Specialists" s ON s."Id" = p."SpecialistId"
                JOIN "Firms" f ON f."Id" = s."FirmId"
                WHERE p."Id" = "CustodyEvents"."PassportId";
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "FirmName",
                table: "CustodyEvents");

            migrationBuilder.DropColumn(
                name: "HolderLatinName",
                table: "CustodyEvents");

            migrationBuilder.DropColumn(
                name: "HolderName",
                table: "CustodyEvents");

            migrationBuilder.DropColumn(
                name: "PassportCountry",
                table: "CustodyEvents");

            migrationBuilder.DropColumn(
                name: "PassportExpiresOn",
                table: "CustodyEvents");

            migrationBuilder.DropColumn(
                name: "PassportIssuedOn",
                table: "CustodyEvents");

            migrationBuilder.DropColumn(
                name: "PassportNumber_Cipher",
                table: "CustodyEvents");

            migrationBuilder.DropColumn(
                name: "PassportNumber_Last4",
                table: "CustodyEvents");

            migrationBuilder.DropColumn(
                name: "PassportNumber_LookupHash",
                table: "CustodyEvents");
        }
    }
}
