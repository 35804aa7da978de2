using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable enable

namespace Safeguard.Parliament.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class LettersStartedAndMembershipRequests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "parliament_letters_started",
                columns: table => new
                {
                    ConstituencyCode = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Letters = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_parliament_letters_started", x => new { x.ConstituencyCode, x.Day });
                });

            migrationBuilder.CreateTable(
                name: "parliament_membership_requests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ParliamentarianId = table.Column<int>(type: "integer", nullable: false),
                    AskedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    RepliedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    JoinedOn = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_parliament_membership_requests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_parliament_membership_requests_parliament_parliamentarians_~",
                        column: x => x.ParliamentarianId,
                        principalTable: "parliament_parliamentarians",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_parliament_membership_requests_ParliamentarianId",
                table: "parliament_membership_requests",
                column: "ParliamentarianId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "parliament_letters_started");

            migrationBuilder.DropTable(
                name: "parliament_membership_requests");
        }
    }
}
