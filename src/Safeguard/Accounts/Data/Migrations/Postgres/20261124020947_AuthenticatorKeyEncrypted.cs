using Microsoft.EntityFrameworkCore.Migrations;

#nullable enable

namespace Safeguard.Accounts.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AuthenticatorKeyEncrypted : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AuthenticatorKey",
                table: "accounts_users",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            // Authenticator keys Identity kept in plain text go: a migration has no key ring to encrypt them with. An
            // account enrolled before this can no longer give a code; an administrator's new invitation sets it up again
            // (docs/accounts.md).
            migrationBuilder.Sql("""DELETE FROM accounts_user_tokens WHERE "LoginProvider" = '[AspNetUserStore]' AND "Name" = 'AuthenticatorKey'""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AuthenticatorKey",
                table: "accounts_users");
        }
    }
}
