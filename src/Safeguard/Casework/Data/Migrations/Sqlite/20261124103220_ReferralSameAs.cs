using Microsoft.EntityFrameworkCore.Migrations;

#nullable enable

namespace Safeguard.Casework.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReferralSameAs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "SameAsReferralId",
                table: "casework_referrals",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // SQLite's own ALTER TABLE DROP COLUMN, inside the migration's transaction, as ReferralWithdrawal does.
            migrationBuilder.Sql("""ALTER TABLE casework_referrals DROP COLUMN "SameAsReferralId" """);
        }
    }
}
