using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable enable

namespace Safeguard.Casework.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CohortViews : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "casework_cohort_views",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Definition = table.Column<string>(type: "text", nullable: false),
                    FirstShownAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LastShownAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_casework_cohort_views", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_casework_cohort_views_Key",
                table: "casework_cohort_views",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_casework_cohort_views_LastShownAtUtc",
                table: "casework_cohort_views",
                column: "LastShownAtUtc");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "casework_cohort_views");
        }
    }
}
