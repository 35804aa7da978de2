using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable enable

namespace Safeguard.Foi.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class StaffPages : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "OwnerId",
                table: "foi_requests",
                type: "character varying(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "PeriodEnd",
                table: "foi_requests",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "PeriodStart",
                table: "foi_requests",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SeriesId",
                table: "foi_requests",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "foi_answer_documents",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RequestId = table.Column<int>(type: "integer", nullable: false),
                    FileName = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false),
                    Sha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    SizeBytes = table.Column<long>(type: "bigint", nullable: false),
                    UploadedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UploadedBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_foi_answer_documents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_foi_answer_documents_foi_requests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "foi_requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "foi_calendar_feeds",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OwnerId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    TokenSha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    OnlyOwned = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RevokedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastReadAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_foi_calendar_feeds", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "foi_reminders",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RequestId = table.Column<int>(type: "integer", nullable: false),
                    Deadline = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    RecipientId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    QueuedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_foi_reminders", x => x.Id);
                    table.ForeignKey(
                        name: "FK_foi_reminders_foi_requests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "foi_requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "foi_series",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    IntervalMonths = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_foi_series", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_foi_requests_OwnerId",
                table: "foi_requests",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_foi_requests_SeriesId",
                table: "foi_requests",
                column: "SeriesId");

            migrationBuilder.CreateIndex(
                name: "IX_foi_answer_documents_RequestId",
                table: "foi_answer_documents",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_foi_answer_documents_Sha256",
                table: "foi_answer_documents",
                column: "Sha256");

            migrationBuilder.CreateIndex(
                name: "IX_foi_calendar_feeds_OwnerId",
                table: "foi_calendar_feeds",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_foi_calendar_feeds_TokenSha256",
                table: "foi_calendar_feeds",
                column: "TokenSha256",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_foi_reminders_RequestId_Deadline_DueOn_Kind",
                table: "foi_reminders",
                columns: new[] { "RequestId", "Deadline", "DueOn", "Kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_foi_series_Name",
                table: "foi_series",
                column: "Name",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_foi_requests_foi_series_SeriesId",
                table: "foi_requests",
                column: "SeriesId",
                principalTable: "foi_series",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_foi_requests_foi_series_SeriesId",
                table: "foi_requests");

            migrationBuilder.DropTable(
                name: "foi_answer_documents");

            migrationBuilder.DropTable(
                name: "foi_calendar_feeds");

            migrationBuilder.DropTable(
                name: "foi_reminders");

            migrationBuilder.DropTable(
                name: "foi_series");

            migrationBuilder.DropIndex(
                name: "IX_foi_requests_OwnerId",
                table: "foi_requests");

            migrationBuilder.DropIndex(
                name: "IX_foi_requests_SeriesId",
                table: "foi_requests");

            migrationBuilder.DropColumn(
                name: "OwnerId",
                table: "foi_requests");

            migrationBuilder.DropColumn(
                name: "PeriodEnd",
                table: "foi_requests");

            migrationBuilder.DropColumn(
                name: "PeriodStart",
                table: "foi_requests");

            migrationBuilder.DropColumn(
                name: "SeriesId",
                table: "foi_requests");
        }
    }
}
