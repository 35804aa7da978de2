using Microsoft.EntityFrameworkCore.Migrations;

#nullable enable

namespace Safeguard.Foi.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReviewOutcome : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ReviewOutcome",
                table: "foi_requests",
                type: "TEXT",
                maxLength: 20,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ReviewOutcome",
                table: "foi_requests");
        }
    }
}
