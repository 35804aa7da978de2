using Microsoft.EntityFrameworkCore.Migrations;

#nullable enable

namespace Safeguard.Casework.Data.Migrations.Sqlite
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
                type: "TEXT",
                maxLength: 40,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The code before this migration knows no Withdrawn status: a withdrawn referral goes back as declined, with
            // the nearest reason, so that it stays out of the queue and on record (recorded twice: a duplicate; withdrawn
            // by the person or by the referrer: no consent to go on).
            migrationBuilder.Sql("""UPDATE casework_referrals SET "Status" = 'Declined', "DeclineReason" = CASE WHEN "WithdrawalReason" = 'RecordedTwice' THEN 'Duplicate' ELSE 'NoConsent' END WHERE "Status" = 'Withdrawn'""");
            // Dropped with SQLite's own ALTER TABLE DROP COLUMN (SQLite 3.35 and later), inside the migration's transaction,
            // as StaffRecordedReferrals does, rather than EF Core's table rebuild, which cannot run in one.
            migrationBuilder.Sql("""ALTER TABLE casework_referrals DROP COLUMN "WithdrawalReason" """);
        }
    }
}
