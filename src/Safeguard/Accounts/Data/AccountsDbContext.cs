using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Safeguard.Accounts.Invitations;
using Safeguard.Accounts.Mail;
using Safeguard.Accounts.SignIn;

namespace Safeguard.Accounts.Data;

/// <summary>
/// The accounts module's tables: Identity's (renamed <c>accounts_*</c>, passkeys included), invitations, the mail
/// outbox and the counts behind the forms' rate limits. Provider-specific subclasses exist only so that SQLite and PostgreSQL each keep their own migrations.
/// </summary>
internal abstract class AccountsDbContext(DbContextOptions options) : IdentityDbContext<StaffAccount>(options), IDataProtectionKeyContext
{
    /// <summary>
    /// Identity's schema version: 3 has the passkeys table. Identity reads it from its options in the application's
    /// services when building the model, so <c>AddAccounts</c> and the design-time factories both give this one.
    /// </summary>
    public static readonly Version IdentitySchema = IdentitySchemaVersions.Version3;

    /// <summary>ASP.NET Core Data Protection keys, shared by every web node (cookies, antiforgery and tokens).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Invitation> Invitations => Set<Invitation>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    /// <summary>Counts of form submissions shared by the nodes on PostgreSQL (<see cref="SignIn.DatabaseSubmissionCounter"/>).</summary>
    public DbSet<SubmissionWindow> SubmissionWindows => Set<SubmissionWindow>();

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<DataProtectionKey>().ToTable("accounts_data_protection_keys");
        builder.Entity<StaffAccount>(account =>
        {
            account.ToTable("accounts_users");
            account.Property(a => a.DisplayName).HasMaxLength(200);
            account.Property(a => a.AuthenticatorKey).HasMaxLength(256);
        });
        builder.Entity<IdentityRole>().ToTable("accounts_roles");
        builder.Entity<IdentityUserRole<string>>().ToTable("accounts_user_roles");
        builder.Entity<IdentityUserClaim<string>>().ToTable("accounts_user_claims");
        builder.Entity<IdentityUserLogin<string>>().ToTable("accounts_user_logins");
        builder.Entity<IdentityUserToken<string>>().ToTable("accounts_user_tokens");
        builder.Entity<IdentityRoleClaim<string>>().ToTable("accounts_role_claims");
        builder.Entity<IdentityUserPasskey<string>>().ToTable("accounts_user_passkeys");
        builder.Entity<Invitation>(invitation =>
        {
            invitation.ToTable("accounts_invitations");
            invitation.Property(i => i.TokenHash).HasMaxLength(64).IsFixedLength();
            invitation.HasIndex(i => i.TokenHash).IsUnique();
            invitation.Property(i => i.AccountId).HasMaxLength(450);
            invitation.Property(i => i.InvitedBy).HasMaxLength(450);
            invitation.HasOne<StaffAccount>().WithMany().HasForeignKey(i => i.AccountId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<OutboxMessage>(message =>
        {
            message.ToTable("accounts_outbox");
            message.Property(m => m.To).HasMaxLength(256);
            message.Property(m => m.Subject).HasMaxLength(200);
            message.Property(m => m.Body).HasMaxLength(20_000);
            message.Property(m => m.LastError).HasMaxLength(1000);
            message.HasIndex(m => m.SentAt);
        });
        builder.Entity<SubmissionWindow>(window =>
        {
            window.ToTable("accounts_submission_windows");
            window.HasKey(w => new { w.Key, w.StartsAtUtc });
            window.Property(w => w.Key).HasMaxLength(64).IsFixedLength();
            window.HasIndex(w => w.EndsAtUtc);
        });
    }
}

/// <summary>SQLite flavour; owns the SQLite migrations.</summary>
internal sealed class SqliteAccountsDbContext(DbContextOptions<SqliteAccountsDbContext> options) : AccountsDbContext(options);

/// <summary>PostgreSQL flavour; owns the PostgreSQL migrations.</summary>
internal sealed class PostgresAccountsDbContext(DbContextOptions<PostgresAccountsDbContext> options) : AccountsDbContext(options);
