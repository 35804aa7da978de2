using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable enable

namespace Safeguard.Parliament.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AppgMeetings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "parliament_meetings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    StartsAt = table.Column<TimeOnly>(type: "TEXT", nullable: true),
                    Place = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    HeadCount = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    Published = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_parliament_meetings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "parliament_meeting_attendees",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MeetingId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ParliamentarianId = table.Column<int>(type: "INTEGER", nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Organisation = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Speaker = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_parliament_meeting_attendees", x => x.Id);
                    table.ForeignKey(
                        name: "FK_parliament_meeting_attendees_parliament_meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "parliament_meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_parliament_meeting_attendees_parliament_parliamentarians_ParliamentarianId",
                        column: x => x.ParliamentarianId,
                        principalTable: "parliament_parliamentarians",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "parliament_meeting_follow_ups",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MeetingId = table.Column<int>(type: "INTEGER", nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Owner = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_parliament_meeting_follow_ups", x => x.Id);
                    table.ForeignKey(
                        name: "FK_parliament_meeting_follow_ups_parliament_meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "parliament_meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_parliament_meeting_attendees_MeetingId",
                table: "parliament_meeting_attendees",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_parliament_meeting_attendees_ParliamentarianId",
                table: "parliament_meeting_attendees",
                column: "ParliamentarianId");

            migrationBuilder.CreateIndex(
                name: "IX_parliament_meeting_follow_ups_MeetingId",
                table: "parliament_meeting_follow_ups",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_parliament_meetings_Date",
                table: "parliament_meetings",
                column: "Date");

            migrationBuilder.CreateIndex(
                name: "IX_parliament_meetings_Slug",
                table: "parliament_meetings",
                column: "Slug",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "parliament_meeting_attendees");

            migrationBuilder.DropTable(
                name: "parliament_meeting_follow_ups");

            migrationBuilder.DropTable(
                name: "parliament_meetings");
        }
    }
}
