using Microsoft.EntityFrameworkCore;
using Safeguard.Parliament.Appg;
using Safeguard.Parliament.Funnel;
using Safeguard.Parliament.Postcodes;
using Safeguard.Parliament.Register;
using Safeguard.Parliament.YourMp;

namespace Safeguard.Parliament.Data;

/// <summary>
/// The Parliament module's tables. Provider-specific subclasses exist only so that SQLite and PostgreSQL each keep
/// their own migrations; the model is defined once, here.
/// </summary>
internal abstract class ParliamentDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Parliamentarian> Parliamentarians => Set<Parliamentarian>();

    /// <summary>The APPG's register entry: its title, the date its members were last checked, its AGM and deadlines.</summary>
    public DbSet<AppgGroup> Groups => Set<AppgGroup>();

    public DbSet<AppgMembership> Memberships => Set<AppgMembership>();

    /// <summary>Every join, departure and change of role the imports found, in the order found.</summary>
    public DbSet<AppgMembershipChange> MembershipChanges => Set<AppgMembershipChange>();

    /// <summary>Each import of an ONS postcode file; the lookup reads the one in use.</summary>
    public DbSet<PostcodeEdition> PostcodeEditions => Set<PostcodeEdition>();

    public DbSet<PostcodePlace> Postcodes => Set<PostcodePlace>();

    /// <summary>Letters to MPs started on /parliament/your-mp, counted by constituency and day: nothing else of them is kept.</summary>
    public DbSet<LettersStartedCount> LettersStarted => Set<LettersStartedCount>();

    public DbSet<MembershipRequest> MembershipRequests => Set<MembershipRequest>();

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Parliamentarian>(member =>
        {
            member.ToTable("parliament_parliamentarians");
            member.Property(m => m.MnisId).HasMaxLength(20);
            // Unique where known; peers the APPG file names without one are matched by name.
            member.HasIndex(m => m.MnisId).IsUnique();
            member.Property(m => m.TheyWorkForYouId).HasMaxLength(100);
            member.Property(m => m.Name).HasMaxLength(200);
            member.HasIndex(m => m.Name);
            member.Property(m => m.FullTitle).HasMaxLength(300);
            member.Property(m => m.Party).HasMaxLength(100);
            member.Property(m => m.House).HasConversion<string>().HasMaxLength(10);
            member.Property(m => m.ConstituencyCode).HasMaxLength(9);
            member.HasIndex(m => m.ConstituencyCode);
            member.Property(m => m.ConstituencyName).HasMaxLength(200);
            member.Property(m => m.Email).HasMaxLength(320);
            member.Property(m => m.StaffNotes).HasMaxLength(4000);
        });
        modelBuilder.Entity<AppgGroup>(group =>
        {
            group.ToTable("parliament_appg_groups");
            group.Property(g => g.Slug).HasMaxLength(100);
            group.HasIndex(g => g.Slug).IsUnique();
            group.Property(g => g.Title).HasMaxLength(300);
            group.Property(g => g.ReportingYear).HasMaxLength(100);
            group.Property(g => g.SourceUrl).HasMaxLength(500);
        });
        modelBuilder.Entity<AppgMembership>(membership =>
        {
            membership.ToTable("parliament_appg_memberships");
            membership.Property(m => m.Role).HasMaxLength(200);
            membership.HasOne(m => m.Parliamentarian).WithMany().HasForeignKey(m => m.ParliamentarianId).OnDelete(DeleteBehavior.Restrict);
            membership.HasIndex(m => m.ParliamentarianId).IsUnique();
        });
        modelBuilder.Entity<AppgMembershipChange>(change =>
        {
            change.ToTable("parliament_appg_membership_changes");
            change.Property(c => c.Kind).HasConversion<string>().HasMaxLength(20);
            change.Property(c => c.Role).HasMaxLength(200);
            change.Property(c => c.PreviousRole).HasMaxLength(200);
            change.HasOne<Parliamentarian>().WithMany().HasForeignKey(c => c.ParliamentarianId).OnDelete(DeleteBehavior.Restrict);
            change.HasIndex(c => c.ParliamentarianId);
        });
        modelBuilder.Entity<PostcodeEdition>(edition =>
        {
            edition.ToTable("parliament_postcode_editions");
            edition.Property(e => e.Product).HasConversion<string>().HasMaxLength(10);
            edition.Property(e => e.FileName).HasMaxLength(260);
        });
        modelBuilder.Entity<PostcodePlace>(place =>
        {
            // Compact on purpose (2.7 million rows an edition): the key is the lookup's index, and nothing else is kept.
            place.ToTable("parliament_postcodes");
            place.HasKey(p => new { p.EditionId, p.Postcode });
            place.Property(p => p.Postcode).HasMaxLength(Postcode.MaxLength);
            place.Property(p => p.ConstituencyCode).HasMaxLength(9);
            place.HasOne<PostcodeEdition>().WithMany().HasForeignKey(p => p.EditionId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<LettersStartedCount>(count =>
        {
            count.ToTable("parliament_letters_started");
            count.HasKey(c => new { c.ConstituencyCode, c.Day });
            count.Property(c => c.ConstituencyCode).HasMaxLength(9);
        });
        modelBuilder.Entity<MembershipRequest>(request =>
        {
            request.ToTable("parliament_membership_requests");
            request.HasOne<Parliamentarian>().WithMany().HasForeignKey(r => r.ParliamentarianId).OnDelete(DeleteBehavior.Restrict);
            request.HasIndex(r => r.ParliamentarianId).IsUnique();
        });
    }
}

/// <summary>SQLite flavour; owns the SQLite migrations.</summary>
internal sealed class SqliteParliamentDbContext(DbContextOptions<SqliteParliamentDbContext> options) : ParliamentDbContext(options);

/// <summary>PostgreSQL flavour; owns the PostgreSQL migrations.</summary>
internal sealed class PostgresParliamentDbContext(DbContextOptions<PostgresParliamentDbContext> options) : ParliamentDbContext(options);
