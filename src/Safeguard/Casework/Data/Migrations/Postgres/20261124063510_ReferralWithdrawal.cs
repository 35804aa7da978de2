using Microsoft.EntityFrameworkCore.Migrations;

#nullable enable

namespace Safeguard.Casework.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ReferralWithdrawal : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "WithdrawalReason",
                table: "casework_referrals",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "WithdrawalReason",
                table: "casework_referrals");
        }
    }
}
