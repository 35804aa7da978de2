using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable enable

namespace Safeguard.Parliament.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PostcodeLookup : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "parliament_postcode_editions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Product = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    ImportedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Postcodes = table.Column<int>(type: "INTEGER", nullable: false),
                    Terminated = table.Column<int>(type: "INTEGER", nullable: false),
                    InUse = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_parliament_postcode_editions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "parliament_postcodes",
                columns: table => new
                {
                    EditionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Postcode = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    ConstituencyCode = table.Column<string>(type: "TEXT", maxLength: 9, nullable: true),
                    TerminatedOn = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_parliament_postcodes", x => new { x.EditionId, x.Postcode });
                    table.ForeignKey(
                        name: "FK_parliament_postcodes_parliament_postcode_editions_EditionId",
                        column: x => x.EditionId,
                        principalTable: "parliament_postcode_editions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "parliament_postcodes");

            migrationBuilder.DropTable(
                name: "parliament_postcode_editions");
        }
    }
}
