using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable enable

namespace Safeguard.Parliament.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "parliament_appg_groups",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Slug = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    MembersCheckedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    MostRecentAgm = table.Column<DateOnly>(type: "date", nullable: true),
                    ReportingYear = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    NextReportingDeadline = table.Column<DateOnly>(type: "date", nullable: true),
                    SourceUrl = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_parliament_appg_groups", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "parliament_parliamentarians",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MnisId = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    TheyWorkForYouId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    FullTitle = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Party = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    House = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    ConstituencyCode = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: true),
                    ConstituencyName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Email = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: true),
                    EnteredOn = table.Column<DateOnly>(type: "date", nullable: false),
                    LeftOn = table.Column<DateOnly>(type: "date", nullable: true),
                    StaffNotes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_parliament_parliamentarians", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "parliament_appg_membership_changes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ParliamentarianId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Role = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    PreviousRole = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    RecordedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ListCheckedOn = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_parliament_appg_membership_changes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_parliament_appg_membership_changes_parliament_parliamentari~",
                        column: x => x.ParliamentarianId,
                        principalTable: "parliament_parliamentarians",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "parliament_appg_memberships",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ParliamentarianId = table.Column<int>(type: "integer", nullable: false),
                    Role = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Removed = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_parliament_appg_memberships", x => x.Id);
                    table.ForeignKey(
                        name: "FK_parliament_appg_memberships_parliament_parliamentarians_Par~",
                        column: x => x.ParliamentarianId,
                        principalTable: "parliament_parliamentarians",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_parliament_appg_groups_Slug",
                table: "parliament_appg_groups",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_parliament_appg_membership_changes_ParliamentarianId",
                table: "parliament_appg_membership_changes",
                column: "ParliamentarianId");

            migrationBuilder.CreateIndex(
                name: "IX_parliament_appg_memberships_ParliamentarianId",
                table: "parliament_appg_memberships",
                column: "ParliamentarianId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_parliament_parliamentarians_ConstituencyCode",
                table: "parliament_parliamentarians",
                column: "ConstituencyCode");

            migrationBuilder.CreateIndex(
                name: "IX_parliament_parliamentarians_MnisId",
                table: "parliament_parliamentarians",
                column: "MnisId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_parliament_parliamentarians_Name",
                table: "parliament_parliamentarians",
                column: "Name");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "parliament_appg_groups");

            migrationBuilder.DropTable(
                name: "parliament_appg_membership_changes");

            migrationBuilder.DropTable(
                name: "parliament_appg_memberships");

            migrationBuilder.DropTable(
                name: "parliament_parliamentarians");
        }
    }
}
