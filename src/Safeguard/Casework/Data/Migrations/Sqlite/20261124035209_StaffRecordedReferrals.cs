using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable enable

namespace Safeguard.Casework.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class StaffRecordedReferrals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Columns are dropped with SQLite's own ALTER TABLE DROP COLUMN (SQLite 3.35 and later), inside the
            // migration's transaction, rather than EF Core's table rebuild, which cannot run in one.
            // ViaPublicForm becomes Channel: a referral not from the public form was recorded some other way, not known.
            migrationBuilder.AddColumn<string>(
                name: "Channel",
                table: "casework_referrals",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                defaultValue: "PublicForm");

            migrationBuilder.Sql("""UPDATE casework_referrals SET "Channel" = CASE WHEN "ViaPublicForm" THEN 'PublicForm' ELSE 'Other' END""");

            // Every referral so far was recorded when it came, and the public form asks for the person's agreement.
            migrationBuilder.AddColumn<DateTime>(
                name: "RecordedAtUtc",
                table: "casework_referrals",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.Sql("""UPDATE casework_referrals SET "RecordedAtUtc" = "ReceivedAtUtc" """);

            migrationBuilder.AddColumn<bool>(
                name: "ConsentConfirmed",
                table: "casework_referrals",
                type: "INTEGER",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<string>(
                name: "RecordedBy",
                table: "casework_referrals",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.Sql("""ALTER TABLE casework_referrals DROP COLUMN "ViaPublicForm" """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "ViaPublicForm",
                table: "casework_referrals",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.Sql("""UPDATE casework_referrals SET "ViaPublicForm" = ("Channel" = 'PublicForm')""");

            migrationBuilder.Sql("""ALTER TABLE casework_referrals DROP COLUMN "Channel" """);

            migrationBuilder.Sql("""ALTER TABLE casework_referrals DROP COLUMN "ConsentConfirmed" """);

            migrationBuilder.Sql("""ALTER TABLE casework_referrals DROP COLUMN "RecordedAtUtc" """);

            migrationBuilder.Sql("""ALTER TABLE casework_referrals DROP COLUMN "RecordedBy" """);
        }
    }
}
