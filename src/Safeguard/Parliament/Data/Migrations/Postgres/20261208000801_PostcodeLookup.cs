using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable enable

namespace Safeguard.Parliament.Data.Migrations.Postgres
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Product = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    FileName = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false),
                    ImportedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Postcodes = table.Column<int>(type: "integer", nullable: false),
                    Terminated = table.Column<int>(type: "integer", nullable: false),
                    InUse = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_parliament_postcode_editions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "parliament_postcodes",
                columns: table => new
                {
                    EditionId = table.Column<int>(type: "integer", nullable: false),
                    Postcode = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    ConstituencyCode = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: true),
                    TerminatedOn = table.Column<DateOnly>(type: "date", nullable: true)
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
