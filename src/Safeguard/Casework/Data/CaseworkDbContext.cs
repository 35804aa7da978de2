using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.Casework.Assessments;
using Safeguard.Casework.Cases;
using Safeguard.Casework.Cohorts;
using Safeguard.Casework.Detention;
using Safeguard.Casework.Documents;
using Safeguard.Casework.HomeOfficeEvents;
using Safeguard.Casework.Referrals;
using Safeguard.Casework.Search;

namespace Safeguard.Casework.Data;

/// <summary>
/// The casework module's tables (<c>casework_*</c>). Provider-specific subclasses exist only so that SQLite and
/// PostgreSQL each keep their own migrations; the model is defined once, here. Columns ending in <c>Cipher</c> hold
/// only ciphertext (see <see cref="Platform.Encryption.FieldEncryption"/>).
/// </summary>
internal abstract class CaseworkDbContext(DbContextOptions options) : DbContext(options)
{
    internal DbSet<Referral> Referrals => Set<Referral>();

    internal DbSet<Client> Clients => Set<Client>();

    internal DbSet<ClientTag> Tags => Set<ClientTag>();

    internal DbSet<CaseAssignment> Assignments => Set<CaseAssignment>();

    internal DbSet<DetentionEpisode> Episodes => Set<DetentionEpisode>();

    internal DbSet<ClinicalAssessment> Assessments => Set<ClinicalAssessment>();

    internal DbSet<PhysicalFinding> PhysicalFindings => Set<PhysicalFinding>();

    internal DbSet<CaseDocument> Documents => Set<CaseDocument>();

    internal DbSet<CaseDocumentVersion> DocumentVersions => Set<CaseDocumentVersion>();

    internal DbSet<HomeOfficeEvent> HomeOfficeEvents => Set<HomeOfficeEvent>();

    internal DbSet<CohortView> CohortViews => Set<CohortView>();

    internal DbSet<CaseSearchEntry> SearchEntries => Set<CaseSearchEntry>();

    internal DbSet<CaseSearchKey> SearchKeys => Set<CaseSearchKey>();

    /// <summary>Longest centre slug, as in the statistics module's places.</summary>
    private const int SlugLength = 80;

    /// <summary>Identity's account ids.</summary>
    private const int AccountIdLength = 450;

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Referral>(referral =>
        {
            referral.ToTable("casework_referrals");
            Named(referral.Property(r => r.ReferrerKind));
            Named(referral.Property(r => r.Urgency));
            Named(referral.Property(r => r.Channel));
            referral.Property(r => r.RecordedBy).HasMaxLength(AccountIdLength);
            Named(referral.Property(r => r.Status));
            Named(referral.Property(r => r.DeclineReason));
            Named(referral.Property(r => r.WaitingReason));
            Named(referral.Property(r => r.WithdrawalReason));
            referral.Property(r => r.CentreSlug).HasMaxLength(SlugLength);
            referral.Property(r => r.TriagedBy).HasMaxLength(AccountIdLength);
            referral.HasIndex(r => new { r.Status, r.ReceivedAtUtc });
            referral.HasOne<Client>().WithMany().HasForeignKey(r => r.ClientId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<Client>(client =>
        {
            client.ToTable("casework_clients");
            client.Property(c => c.CaseNumber).HasMaxLength(20);
            client.HasIndex(c => c.CaseNumber).IsUnique();
            Named(client.Property(c => c.Outcome));
            Named(client.Property(c => c.ReleaseRoute));
            client.HasMany(c => c.Tags).WithOne().HasForeignKey(t => t.ClientId);
            client.HasMany(c => c.Episodes).WithOne().HasForeignKey(e => e.ClientId);
            client.HasMany(c => c.Assessments).WithOne().HasForeignKey(a => a.ClientId);
            client.HasMany(c => c.Documents).WithOne().HasForeignKey(d => d.ClientId);
            client.HasMany(c => c.HomeOfficeEvents).WithOne().HasForeignKey(e => e.ClientId);
            client.HasMany(c => c.Assignments).WithOne().HasForeignKey(a => a.ClientId);
            client.HasMany(c => c.SearchEntries).WithOne().HasForeignKey(e => e.ClientId);
        });
        modelBuilder.Entity<CaseSearchEntry>(entry =>
        {
            entry.ToTable("casework_search_index");
            entry.HasKey(e => new { e.ClientId, e.Hash });
            entry.Property(e => e.Hash).HasMaxLength(64);
            entry.HasIndex(e => e.Hash);
        });
        modelBuilder.Entity<CaseSearchKey>(key =>
        {
            key.ToTable("casework_search_keys");
            key.Property(k => k.Id).ValueGeneratedNever();
        });
        modelBuilder.Entity<ClientTag>(tag =>
        {
            tag.ToTable("casework_client_tags");
            tag.HasKey(t => new { t.ClientId, t.Tag });
            tag.Property(t => t.Tag).HasMaxLength(60);
            tag.HasIndex(t => t.Tag);
        });
        modelBuilder.Entity<CaseAssignment>(assignment =>
        {
            assignment.ToTable("casework_assignments");
            assignment.Property(a => a.AccountId).HasMaxLength(AccountIdLength);
            assignment.Property(a => a.AssignedBy).HasMaxLength(AccountIdLength);
            assignment.HasIndex(a => new { a.ClientId, a.AccountId }).IsUnique();
            assignment.HasIndex(a => a.AccountId);
        });
        modelBuilder.Entity<DetentionEpisode>(episode =>
        {
            episode.ToTable("casework_detention_episodes");
            episode.Property(e => e.CentreSlug).HasMaxLength(SlugLength);
            Named(episode.Property(e => e.EndedBy));
            episode.HasIndex(e => e.CentreSlug);
        });
        modelBuilder.Entity<ClinicalAssessment>(assessment =>
        {
            assessment.ToTable("casework_assessments");
            assessment.Property(a => a.ClinicianName).HasMaxLength(200);
            assessment.Property(a => a.CentreSlug).HasMaxLength(SlugLength);
            assessment.Property(a => a.RecordedBy).HasMaxLength(AccountIdLength);
            Named(assessment.Property(a => a.Mode));
            assessment.HasMany(a => a.PhysicalFindings).WithOne().HasForeignKey(f => f.AssessmentId);
            assessment.HasIndex(a => a.ClinicianName);
        });
        modelBuilder.Entity<PhysicalFinding>(finding =>
        {
            finding.ToTable("casework_physical_findings");
            Named(finding.Property(f => f.Consistency));
        });
        modelBuilder.Entity<CaseDocument>(document =>
        {
            document.ToTable("casework_documents");
            Named(document.Property(d => d.Kind));
            document.HasOne<ClinicalAssessment>().WithMany().HasForeignKey(d => d.AssessmentId).OnDelete(DeleteBehavior.Restrict);
            document.HasMany(d => d.Versions).WithOne().HasForeignKey(v => v.DocumentId);
        });
        modelBuilder.Entity<CaseDocumentVersion>(version =>
        {
            version.ToTable("casework_document_versions");
            version.HasIndex(v => new { v.DocumentId, v.Number }).IsUnique();
            version.Property(v => v.UploadedBy).HasMaxLength(AccountIdLength);
            version.Property(v => v.ContentType).HasMaxLength(100);
            version.Property(v => v.Sha256).HasMaxLength(64);
        });
        modelBuilder.Entity<HomeOfficeEvent>(homeOffice =>
        {
            homeOffice.ToTable("casework_home_office_events");
            Named(homeOffice.Property(e => e.Kind));
            Named(homeOffice.Property(e => e.Decision));
            homeOffice.Property(e => e.SecondOpinionAuthor).HasMaxLength(200);
            homeOffice.Property(e => e.RecordedBy).HasMaxLength(AccountIdLength);
        });
        modelBuilder.Entity<CohortView>(view =>
        {
            view.ToTable("casework_cohort_views");
            view.Property(v => v.Key).HasMaxLength(64);
            view.HasIndex(v => v.Key).IsUnique();
            view.HasIndex(v => v.LastShownAtUtc);
        });
    }

    /// <summary>Enums are stored by name, so a reordered enum never changes what a row means.</summary>
    private static void Named<TEnum>(PropertyBuilder<TEnum> property) => property.HasConversion<string>().HasMaxLength(40);
}

/// <summary>SQLite flavour; owns the SQLite migrations.</summary>
internal sealed class SqliteCaseworkDbContext(DbContextOptions<SqliteCaseworkDbContext> options) : CaseworkDbContext(options);

/// <summary>PostgreSQL flavour; owns the PostgreSQL migrations.</summary>
internal sealed class PostgresCaseworkDbContext(DbContextOptions<PostgresCaseworkDbContext> options) : CaseworkDbContext(options);
