using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable enable

namespace Safeguard.Foi.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Requests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "foi_requests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    AuthorityReference = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    Authority = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SentOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReceivedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AcknowledgedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ExtendedTo = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    AnsweredOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Exemptions = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ReviewRequestedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReviewAnsweredOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ComplaintToCommissionerOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CommissionerDecisionOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    TribunalAppealOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    TribunalDecisionOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ClosedOn = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_foi_requests", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_foi_requests_Reference",
                table: "foi_requests",
                column: "Reference",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "foi_requests");
        }
    }
}
