using Microsoft.EntityFrameworkCore.Migrations;

#nullable enable

namespace Safeguard.Casework.Data.Migrations.Postgres
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
                type: "integer",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SameAsReferralId",
                table: "casework_referrals");
        }
    }
}
