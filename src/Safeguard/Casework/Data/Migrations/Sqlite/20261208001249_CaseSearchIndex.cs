using Microsoft.EntityFrameworkCore.Migrations;

#nullable enable

namespace Safeguard.Casework.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CaseSearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "casework_search_index",
                columns: table => new
                {
                    ClientId = table.Column<int>(type: "INTEGER", nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_casework_search_index", x => new { x.ClientId, x.Hash });
                    table.ForeignKey(
                        name: "FK_casework_search_index_casework_clients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "casework_clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "casework_search_keys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    KeyCipher = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_casework_search_keys", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_casework_search_index_Hash",
                table: "casework_search_index",
                column: "Hash");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "casework_search_index");

            migrationBuilder.DropTable(
                name: "casework_search_keys");
        }
    }
}
