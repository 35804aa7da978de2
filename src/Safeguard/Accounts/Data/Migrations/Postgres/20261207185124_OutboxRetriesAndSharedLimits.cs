using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable enable

namespace Safeguard.Accounts.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OutboxRetriesAndSharedLimits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "ClaimedUntilUtc",
                table: "accounts_outbox",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "GaveUpAt",
                table: "accounts_outbox",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "NextAttemptAtUtc",
                table: "accounts_outbox",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "accounts_submission_windows",
                columns: table => new
                {
                    Key = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    StartsAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EndsAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_accounts_submission_windows", x => new { x.Key, x.StartsAtUtc });
                });

            migrationBuilder.CreateIndex(
                name: "IX_accounts_submission_windows_EndsAtUtc",
                table: "accounts_submission_windows",
                column: "EndsAtUtc");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "accounts_submission_windows");

            migrationBuilder.DropColumn(
                name: "ClaimedUntilUtc",
                table: "accounts_outbox");

            migrationBuilder.DropColumn(
                name: "GaveUpAt",
                table: "accounts_outbox");

            migrationBuilder.DropColumn(
                name: "NextAttemptAtUtc",
                table: "accounts_outbox");
        }
    }
}
