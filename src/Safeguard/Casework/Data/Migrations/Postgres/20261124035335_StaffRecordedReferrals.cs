using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable enable

namespace Safeguard.Casework.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class StaffRecordedReferrals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // ViaPublicForm becomes Channel: a referral not from the public form was recorded some other way, not known.
            migrationBuilder.AddColumn<string>(
                name: "Channel",
                table: "casework_referrals",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "PublicForm");

            migrationBuilder.Sql("""UPDATE casework_referrals SET "Channel" = CASE WHEN "ViaPublicForm" THEN 'PublicForm' ELSE 'Other' END""");

            // Every referral so far was recorded when it came, and the public form asks for the person's agreement.
            migrationBuilder.AddColumn<DateTime>(
                name: "RecordedAtUtc",
                table: "casework_referrals",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.Sql("""UPDATE casework_referrals SET "RecordedAtUtc" = "ReceivedAtUtc" """);

            migrationBuilder.AddColumn<bool>(
                name: "ConsentConfirmed",
                table: "casework_referrals",
                type: "boolean",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<string>(
                name: "RecordedBy",
                table: "casework_referrals",
                type: "character varying(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.DropColumn(
                name: "ViaPublicForm",
                table: "casework_referrals");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "ViaPublicForm",
                table: "casework_referrals",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.Sql("""UPDATE casework_referrals SET "ViaPublicForm" = ("Channel" = 'PublicForm')""");

            migrationBuilder.DropColumn(
                name: "Channel",
                table: "casework_referrals");

            migrationBuilder.DropColumn(
                name: "ConsentConfirmed",
                table: "casework_referrals");

            migrationBuilder.DropColumn(
                name: "RecordedAtUtc",
                table: "casework_referrals");

            migrationBuilder.DropColumn(
                name: "RecordedBy",
                table: "casework_referrals");
        }
    }
}
