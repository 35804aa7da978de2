using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable enable

namespace Safeguard.Casework.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "casework_clients",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CaseNumber = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    OpenedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    NameCipher = table.Column<string>(type: "text", nullable: false),
                    DateOfBirthCipher = table.Column<string>(type: "text", nullable: true),
                    NationalityCipher = table.Column<string>(type: "text", nullable: true),
                    LanguagesCipher = table.Column<string>(type: "text", nullable: true),
                    HomeOfficeReferenceCipher = table.Column<string>(type: "text", nullable: true),
                    ContactCipher = table.Column<string>(type: "text", nullable: true),
                    Outcome = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    OutcomeOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ReleaseRoute = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_casework_clients", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "casework_assessments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ClientId = table.Column<int>(type: "integer", nullable: false),
                    ClinicianName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AssessedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    CentreSlug = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    InterpreterUsed = table.Column<bool>(type: "boolean", nullable: false),
                    Mode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Ptsd = table.Column<bool>(type: "boolean", nullable: false),
                    Depression = table.Column<bool>(type: "boolean", nullable: false),
                    SuicidalThoughts = table.Column<bool>(type: "boolean", nullable: false),
                    OtherPsychologicalFindingsCipher = table.Column<string>(type: "text", nullable: true),
                    SupportsTortureAccount = table.Column<bool>(type: "boolean", nullable: false),
                    HarmFromDetentionLikely = table.Column<bool>(type: "boolean", nullable: false),
                    OpinionCipher = table.Column<string>(type: "text", nullable: true),
                    AdultsAtRiskLevel = table.Column<int>(type: "integer", nullable: true),
                    RecordedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_casework_assessments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_casework_assessments_casework_clients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "casework_clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "casework_assignments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ClientId = table.Column<int>(type: "integer", nullable: false),
                    AccountId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    AssignedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AssignedBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_casework_assignments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_casework_assignments_casework_clients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "casework_clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "casework_client_tags",
                columns: table => new
                {
                    ClientId = table.Column<int>(type: "integer", nullable: false),
                    Tag = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_casework_client_tags", x => new { x.ClientId, x.Tag });
                    table.ForeignKey(
                        name: "FK_casework_client_tags_casework_clients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "casework_clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "casework_detention_episodes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ClientId = table.Column<int>(type: "integer", nullable: false),
                    CentreSlug = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    From = table.Column<DateOnly>(type: "date", nullable: false),
                    To = table.Column<DateOnly>(type: "date", nullable: true),
                    EndedBy = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_casework_detention_episodes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_casework_detention_episodes_casework_clients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "casework_clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "casework_home_office_events",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ClientId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    OccurredOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Rule35Paragraph = table.Column<int>(type: "integer", nullable: true),
                    Decision = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    SecondOpinionAuthor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    NoteCipher = table.Column<string>(type: "text", nullable: true),
                    RecordedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_casework_home_office_events", x => x.Id);
                    table.ForeignKey(
                        name: "FK_casework_home_office_events_casework_clients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "casework_clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "casework_referrals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ReceivedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ViaPublicForm = table.Column<bool>(type: "boolean", nullable: false),
                    ReferrerKind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ReferrerNameCipher = table.Column<string>(type: "text", nullable: false),
                    ReferrerOrganisationCipher = table.Column<string>(type: "text", nullable: true),
                    ReferrerContactCipher = table.Column<string>(type: "text", nullable: false),
                    PersonNameCipher = table.Column<string>(type: "text", nullable: false),
                    PersonDateOfBirthCipher = table.Column<string>(type: "text", nullable: true),
                    PersonNationalityCipher = table.Column<string>(type: "text", nullable: true),
                    PersonLanguagesCipher = table.Column<string>(type: "text", nullable: true),
                    HomeOfficeReferenceCipher = table.Column<string>(type: "text", nullable: true),
                    CentreSlug = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: true),
                    ConcernCipher = table.Column<string>(type: "text", nullable: false),
                    Urgency = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    DeclineReason = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    WaitingReason = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    TriagedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    TriagedBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    ClientId = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_casework_referrals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_casework_referrals_casework_clients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "casework_clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "casework_documents",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ClientId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    AssessmentId = table.Column<int>(type: "integer", nullable: true),
                    ServedOn = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_casework_documents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_casework_documents_casework_assessments_AssessmentId",
                        column: x => x.AssessmentId,
                        principalTable: "casework_assessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_casework_documents_casework_clients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "casework_clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "casework_physical_findings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AssessmentId = table.Column<int>(type: "integer", nullable: false),
                    LocationCipher = table.Column<string>(type: "text", nullable: false),
                    DescriptionCipher = table.Column<string>(type: "text", nullable: false),
                    Consistency = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_casework_physical_findings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_casework_physical_findings_casework_assessments_AssessmentId",
                        column: x => x.AssessmentId,
                        principalTable: "casework_assessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "casework_document_versions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DocumentId = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    UploadedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UploadedBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    FileNameCipher = table.Column<string>(type: "text", nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    SizeBytes = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ContentCipher = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_casework_document_versions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_casework_document_versions_casework_documents_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "casework_documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_casework_assessments_ClientId",
                table: "casework_assessments",
                column: "ClientId");

            migrationBuilder.CreateIndex(
                name: "IX_casework_assessments_ClinicianName",
                table: "casework_assessments",
                column: "ClinicianName");

            migrationBuilder.CreateIndex(
                name: "IX_casework_assignments_AccountId",
                table: "casework_assignments",
                column: "AccountId");

            migrationBuilder.CreateIndex(
                name: "IX_casework_assignments_ClientId_AccountId",
                table: "casework_assignments",
                columns: new[] { "ClientId", "AccountId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_casework_client_tags_Tag",
                table: "casework_client_tags",
                column: "Tag");

            migrationBuilder.CreateIndex(
                name: "IX_casework_clients_CaseNumber",
                table: "casework_clients",
                column: "CaseNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_casework_detention_episodes_CentreSlug",
                table: "casework_detention_episodes",
                column: "CentreSlug");

            migrationBuilder.CreateIndex(
                name: "IX_casework_detention_episodes_ClientId",
                table: "casework_detention_episodes",
                column: "ClientId");

            migrationBuilder.CreateIndex(
                name: "IX_casework_document_versions_DocumentId_Number",
                table: "casework_document_versions",
                columns: new[] { "DocumentId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_casework_documents_AssessmentId",
                table: "casework_documents",
                column: "AssessmentId");

            migrationBuilder.CreateIndex(
                name: "IX_casework_documents_ClientId",
                table: "casework_documents",
                column: "ClientId");

            migrationBuilder.CreateIndex(
                name: "IX_casework_home_office_events_ClientId",
                table: "casework_home_office_events",
                column: "ClientId");

            migrationBuilder.CreateIndex(
                name: "IX_casework_physical_findings_AssessmentId",
                table: "casework_physical_findings",
                column: "AssessmentId");

            migrationBuilder.CreateIndex(
                name: "IX_casework_referrals_ClientId",
                table: "casework_referrals",
                column: "ClientId");

            migrationBuilder.CreateIndex(
                name: "IX_casework_referrals_Status_ReceivedAtUtc",
                table: "casework_referrals",
                columns: new[] { "Status", "ReceivedAtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "casework_assignments");

            migrationBuilder.DropTable(
                name: "casework_client_tags");

            migrationBuilder.DropTable(
                name: "casework_detention_episodes");

            migrationBuilder.DropTable(
                name: "casework_document_versions");

            migrationBuilder.DropTable(
                name: "casework_home_office_events");

            migrationBuilder.DropTable(
                name: "casework_physical_findings");

            migrationBuilder.DropTable(
                name: "casework_referrals");

            migrationBuilder.DropTable(
                name: "casework_documents");

            migrationBuilder.DropTable(
                name: "casework_assessments");

            migrationBuilder.DropTable(
                name: "casework_clients");
        }
    }
}
