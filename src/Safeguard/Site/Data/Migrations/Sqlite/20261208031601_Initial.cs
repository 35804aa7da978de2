using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable enable

namespace Safeguard.Site.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "site_posts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 50000, nullable: false),
                    Author = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    PublishAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_site_posts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "site_post_addresses",
                columns: table => new
                {
                    Slug = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    PostId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_site_post_addresses", x => x.Slug);
                    table.ForeignKey(
                        name: "FK_site_post_addresses_site_posts_PostId",
                        column: x => x.PostId,
                        principalTable: "site_posts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "site_post_categories",
                columns: table => new
                {
                    PostId = table.Column<int>(type: "INTEGER", nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_site_post_categories", x => new { x.PostId, x.Category });
                    table.ForeignKey(
                        name: "FK_site_post_categories_site_posts_PostId",
                        column: x => x.PostId,
                        principalTable: "site_posts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_site_post_addresses_PostId",
                table: "site_post_addresses",
                column: "PostId");

            migrationBuilder.CreateIndex(
                name: "IX_site_post_categories_Category",
                table: "site_post_categories",
                column: "Category");

            migrationBuilder.CreateIndex(
                name: "IX_site_posts_Slug",
                table: "site_posts",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_site_posts_State_PublishAtUtc",
                table: "site_posts",
                columns: new[] { "State", "PublishAtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "site_post_addresses");

            migrationBuilder.DropTable(
                name: "site_post_categories");

            migrationBuilder.DropTable(
                name: "site_posts");
        }
    }
}
