using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable enable

namespace Safeguard.Parliament.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AppgMeetingsAndBills : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "parliament_bills",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    ParliamentUrl = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_parliament_bills", x => x.Id);
                });

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
                name: "parliament_bill_stages",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BillId = table.Column<int>(type: "INTEGER", nullable: false),
                    House = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_parliament_bill_stages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_parliament_bill_stages_parliament_bills_BillId",
                        column: x => x.BillId,
                        principalTable: "parliament_bills",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
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

            migrationBuilder.CreateTable(
                name: "parliament_amendments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BillId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Clause = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ShortTitle = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    MoverId = table.Column<int>(type: "INTEGER", nullable: false),
                    StageId = table.Column<int>(type: "INTEGER", nullable: true),
                    DebatedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    VotesFor = table.Column<int>(type: "INTEGER", nullable: true),
                    VotesAgainst = table.Column<int>(type: "INTEGER", nullable: true),
                    DebateUrl = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Supported = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_parliament_amendments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_parliament_amendments_parliament_bill_stages_StageId",
                        column: x => x.StageId,
                        principalTable: "parliament_bill_stages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_parliament_amendments_parliament_bills_BillId",
                        column: x => x.BillId,
                        principalTable: "parliament_bills",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_parliament_amendments_parliament_parliamentarians_MoverId",
                        column: x => x.MoverId,
                        principalTable: "parliament_parliamentarians",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "parliament_amendment_supporters",
                columns: table => new
                {
                    AmendmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    ParliamentarianId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_parliament_amendment_supporters", x => new { x.AmendmentId, x.ParliamentarianId });
                    table.ForeignKey(
                        name: "FK_parliament_amendment_supporters_parliament_amendments_AmendmentId",
                        column: x => x.AmendmentId,
                        principalTable: "parliament_amendments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_parliament_amendment_supporters_parliament_parliamentarians_ParliamentarianId",
                        column: x => x.ParliamentarianId,
                        principalTable: "parliament_parliamentarians",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "parliament_briefings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BillId = table.Column<int>(type: "INTEGER", nullable: false),
                    StageId = table.Column<int>(type: "INTEGER", nullable: true),
                    AmendmentId = table.Column<int>(type: "INTEGER", nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Audience = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CoSignedWith = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Url = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Published = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_parliament_briefings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_parliament_briefings_parliament_amendments_AmendmentId",
                        column: x => x.AmendmentId,
                        principalTable: "parliament_amendments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_parliament_briefings_parliament_bill_stages_StageId",
                        column: x => x.StageId,
                        principalTable: "parliament_bill_stages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_parliament_briefings_parliament_bills_BillId",
                        column: x => x.BillId,
                        principalTable: "parliament_bills",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_parliament_amendment_supporters_ParliamentarianId",
                table: "parliament_amendment_supporters",
                column: "ParliamentarianId");

            migrationBuilder.CreateIndex(
                name: "IX_parliament_amendments_BillId",
                table: "parliament_amendments",
                column: "BillId");

            migrationBuilder.CreateIndex(
                name: "IX_parliament_amendments_MoverId",
                table: "parliament_amendments",
                column: "MoverId");

            migrationBuilder.CreateIndex(
                name: "IX_parliament_amendments_StageId",
                table: "parliament_amendments",
                column: "StageId");

            migrationBuilder.CreateIndex(
                name: "IX_parliament_bill_stages_BillId",
                table: "parliament_bill_stages",
                column: "BillId");

            migrationBuilder.CreateIndex(
                name: "IX_parliament_bills_Slug",
                table: "parliament_bills",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_parliament_briefings_AmendmentId",
                table: "parliament_briefings",
                column: "AmendmentId");

            migrationBuilder.CreateIndex(
                name: "IX_parliament_briefings_BillId",
                table: "parliament_briefings",
                column: "BillId");

            migrationBuilder.CreateIndex(
                name: "IX_parliament_briefings_StageId",
                table: "parliament_briefings",
                column: "StageId");

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
                name: "parliament_amendment_supporters");

            migrationBuilder.DropTable(
                name: "parliament_briefings");

            migrationBuilder.DropTable(
                name: "parliament_meeting_attendees");

            migrationBuilder.DropTable(
                name: "parliament_meeting_follow_ups");

            migrationBuilder.DropTable(
                name: "parliament_amendments");

            migrationBuilder.DropTable(
                name: "parliament_meetings");

            migrationBuilder.DropTable(
                name: "parliament_bill_stages");

            migrationBuilder.DropTable(
                name: "parliament_bills");
        }
    }
}
