using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable enable

namespace Safeguard.Statistics.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "statistics_places",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Operator = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DisplayOrder = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_statistics_places", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "statistics_releases",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    PublishedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ContentHash = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: true),
                    SupersedesId = table.Column<int>(type: "INTEGER", nullable: true),
                    Changelog = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_statistics_releases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_statistics_releases_statistics_releases_SupersedesId",
                        column: x => x.SupersedesId,
                        principalTable: "statistics_releases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "statistics_source_documents",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Authority = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DateReceived = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_statistics_source_documents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "statistics_themes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    LegalSource = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    DisplayOrder = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_statistics_themes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "statistics_measures",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ShortName = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    ThemeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Definition = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    LegalSource = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    DisplayOrder = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_statistics_measures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_statistics_measures_statistics_themes_ThemeId",
                        column: x => x.ThemeId,
                        principalTable: "statistics_themes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "statistics_observations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReleaseId = table.Column<int>(type: "INTEGER", nullable: false),
                    MeasureId = table.Column<int>(type: "INTEGER", nullable: false),
                    PlaceId = table.Column<int>(type: "INTEGER", nullable: false),
                    PeriodKey = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PeriodEnd = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Breakdown = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Value = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    SourceDocumentId = table.Column<int>(type: "INTEGER", nullable: false),
                    SourceLocation = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_statistics_observations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_statistics_observations_statistics_measures_MeasureId",
                        column: x => x.MeasureId,
                        principalTable: "statistics_measures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_statistics_observations_statistics_places_PlaceId",
                        column: x => x.PlaceId,
                        principalTable: "statistics_places",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_statistics_observations_statistics_releases_ReleaseId",
                        column: x => x.ReleaseId,
                        principalTable: "statistics_releases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_statistics_observations_statistics_source_documents_SourceDocumentId",
                        column: x => x.SourceDocumentId,
                        principalTable: "statistics_source_documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_statistics_measures_Slug",
                table: "statistics_measures",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_statistics_measures_ThemeId",
                table: "statistics_measures",
                column: "ThemeId");

            migrationBuilder.CreateIndex(
                name: "IX_statistics_observations_MeasureId",
                table: "statistics_observations",
                column: "MeasureId");

            migrationBuilder.CreateIndex(
                name: "IX_statistics_observations_PlaceId",
                table: "statistics_observations",
                column: "PlaceId");

            migrationBuilder.CreateIndex(
                name: "IX_statistics_observations_ReleaseId_MeasureId_PlaceId_PeriodKey_Breakdown",
                table: "statistics_observations",
                columns: new[] { "ReleaseId", "MeasureId", "PlaceId", "PeriodKey", "Breakdown" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_statistics_observations_ReleaseId_PeriodStart",
                table: "statistics_observations",
                columns: new[] { "ReleaseId", "PeriodStart" });

            migrationBuilder.CreateIndex(
                name: "IX_statistics_observations_SourceDocumentId",
                table: "statistics_observations",
                column: "SourceDocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_statistics_places_Slug",
                table: "statistics_places",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_statistics_releases_Slug",
                table: "statistics_releases",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_statistics_releases_SupersedesId",
                table: "statistics_releases",
                column: "SupersedesId");

            migrationBuilder.CreateIndex(
                name: "IX_statistics_source_documents_Sha256",
                table: "statistics_source_documents",
                column: "Sha256",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_statistics_themes_Slug",
                table: "statistics_themes",
                column: "Slug",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "statistics_observations");

            migrationBuilder.DropTable(
                name: "statistics_measures");

            migrationBuilder.DropTable(
                name: "statistics_places");

            migrationBuilder.DropTable(
                name: "statistics_releases");

            migrationBuilder.DropTable(
                name: "statistics_source_documents");

            migrationBuilder.DropTable(
                name: "statistics_themes");
        }
    }
}
