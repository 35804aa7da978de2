using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable enable

namespace Safeguard.Parliament.Data.Migrations.Sqlite
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    MembersCheckedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    MostRecentAgm = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReportingYear = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    NextReportingDeadline = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SourceUrl = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_parliament_appg_groups", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "parliament_parliamentarians",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MnisId = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    TheyWorkForYouId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    FullTitle = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Party = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    House = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    ConstituencyCode = table.Column<string>(type: "TEXT", maxLength: 9, nullable: true),
                    ConstituencyName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true),
                    EnteredOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    LeftOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    StaffNotes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_parliament_parliamentarians", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "parliament_appg_membership_changes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ParliamentarianId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    PreviousRole = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    RecordedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ListCheckedOn = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_parliament_appg_membership_changes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_parliament_appg_membership_changes_parliament_parliamentarians_ParliamentarianId",
                        column: x => x.ParliamentarianId,
                        principalTable: "parliament_parliamentarians",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "parliament_appg_memberships",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ParliamentarianId = table.Column<int>(type: "INTEGER", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Removed = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_parliament_appg_memberships", x => x.Id);
                    table.ForeignKey(
                        name: "FK_parliament_appg_memberships_parliament_parliamentarians_ParliamentarianId",
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
