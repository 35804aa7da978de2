using Microsoft.EntityFrameworkCore;
using Safeguard.Statistics.Model;

namespace Safeguard.Statistics.Data;

/// <summary>
/// The statistics module's tables. Provider-specific subclasses exist only so that SQLite and PostgreSQL
/// each keep their own migrations; the model is defined once, here.
/// </summary>
internal abstract class StatisticsDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Theme> Themes => Set<Theme>();

    public DbSet<Measure> Measures => Set<Measure>();

    public DbSet<Place> Places => Set<Place>();

    public DbSet<SourceDocument> SourceDocuments => Set<SourceDocument>();

    public DbSet<Release> Releases => Set<Release>();

    public DbSet<Observation> Observations => Set<Observation>();

    public DbSet<SourceFile> SourceFiles => Set<SourceFile>();

    public DbSet<ImportTemplate> ImportTemplates => Set<ImportTemplate>();

    public DbSet<ImportUpload> ImportUploads => Set<ImportUpload>();

    public DbSet<ImportJobEntry> ImportJobs => Set<ImportJobEntry>();

    /// <inheritdoc />
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        PublishedReleaseGuard.Check(ChangeTracker);
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    /// <inheritdoc />
    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        PublishedReleaseGuard.Check(ChangeTracker);
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Theme>(theme =>
        {
            theme.ToTable("statistics_themes");
            theme.HasIndex(t => t.Slug).IsUnique();
            theme.Property(t => t.Slug).HasMaxLength(80);
            theme.Property(t => t.Title).HasMaxLength(200);
            theme.Property(t => t.Summary).HasMaxLength(2000);
            theme.Property(t => t.LegalSource).HasMaxLength(500);
        });
        modelBuilder.Entity<Measure>(measure =>
        {
            measure.ToTable("statistics_measures");
            measure.HasIndex(m => m.Slug).IsUnique();
            measure.Property(m => m.Slug).HasMaxLength(80);
            measure.Property(m => m.Name).HasMaxLength(200);
            measure.Property(m => m.ShortName).HasMaxLength(80);
            measure.Property(m => m.Unit).HasMaxLength(40);
            measure.Property(m => m.Definition).HasMaxLength(2000);
            measure.Property(m => m.LegalSource).HasMaxLength(500);
            measure.HasOne(m => m.Theme).WithMany(t => t.Measures).HasForeignKey(m => m.ThemeId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<Place>(place =>
        {
            place.ToTable("statistics_places");
            place.HasIndex(p => p.Slug).IsUnique();
            place.Property(p => p.Slug).HasMaxLength(80);
            place.Property(p => p.Name).HasMaxLength(200);
            place.Property(p => p.Operator).HasMaxLength(200);
            place.Property(p => p.Kind).HasConversion<string>().HasMaxLength(40);
        });
        modelBuilder.Entity<SourceDocument>(document =>
        {
            document.ToTable("statistics_source_documents");
            document.Property(d => d.Title).HasMaxLength(500);
            document.Property(d => d.Authority).HasMaxLength(200);
            document.Property(d => d.Reference).HasMaxLength(200);
            document.Property(d => d.FileName).HasMaxLength(260);
            document.Property(d => d.Sha256).HasMaxLength(64).IsFixedLength();
            document.HasIndex(d => d.Sha256).IsUnique();
        });
        modelBuilder.Entity<SourceFile>(file =>
        {
            file.ToTable("statistics_source_files");
            file.HasKey(f => f.SourceDocumentId);
            file.HasOne(f => f.SourceDocument).WithOne().HasForeignKey<SourceFile>(f => f.SourceDocumentId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<ImportTemplate>(template =>
        {
            template.ToTable("statistics_import_templates");
            template.HasIndex(t => t.Name).IsUnique();
            template.Property(t => t.Name).HasMaxLength(80);
            template.Property(t => t.Series).HasMaxLength(200);
            template.Property(t => t.Definition).HasMaxLength(200_000);
        });
        modelBuilder.Entity<ImportUpload>(upload =>
        {
            upload.ToTable("statistics_import_uploads");
            upload.Property(u => u.Id).HasMaxLength(32);
            upload.Property(u => u.OwnerId).HasMaxLength(450);
            upload.Property(u => u.FileName).HasMaxLength(260);
            upload.Property(u => u.Title).HasMaxLength(500);
            upload.Property(u => u.Authority).HasMaxLength(200);
            upload.Property(u => u.Reference).HasMaxLength(200);
            upload.HasIndex(u => u.UploadedAtUtc);
        });
        modelBuilder.Entity<ImportJobEntry>(job =>
        {
            job.ToTable("statistics_import_jobs");
            job.HasKey(j => j.UploadId);
            job.Property(j => j.UploadId).HasMaxLength(32);
            job.Property(j => j.OwnerId).HasMaxLength(450);
            job.Property(j => j.Release).HasMaxLength(80);
            job.Property(j => j.State).HasConversion<string>().HasMaxLength(20);
            job.Property(j => j.Stage).HasConversion<string>().HasMaxLength(20);
            // Every node looks for unfinished jobs whose node fell silent, at each heartbeat.
            job.HasIndex(j => new { j.FinishedAtUtc, j.HeartbeatAtUtc });
        });
        modelBuilder.Entity<Release>(release =>
        {
            release.ToTable("statistics_releases");
            release.HasIndex(r => r.Slug).IsUnique();
            release.Property(r => r.Slug).HasMaxLength(80);
            release.Property(r => r.Title).HasMaxLength(200);
            release.Property(r => r.Summary).HasMaxLength(4000);
            release.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
            release.Property(r => r.ContentHash).HasMaxLength(64).IsFixedLength();
            release.Property(r => r.Changelog).HasMaxLength(20000);
            release.HasOne<Release>().WithMany().HasForeignKey(r => r.SupersedesId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<Observation>(observation =>
        {
            observation.ToTable("statistics_observations");
            observation.Ignore(o => o.Period);
            observation.Property(o => o.PeriodKey).HasMaxLength(10);
            observation.Property(o => o.Breakdown).HasMaxLength(400);
            observation.Property(o => o.Value).HasPrecision(18, 4);
            observation.Property(o => o.Status).HasConversion<string>().HasMaxLength(20);
            observation.Property(o => o.Note).HasMaxLength(2000);
            observation.Property(o => o.SourceLocation).HasMaxLength(400);
            observation.HasOne(o => o.Release).WithMany(r => r.Observations).HasForeignKey(o => o.ReleaseId).OnDelete(DeleteBehavior.Cascade);
            observation.HasOne(o => o.Measure).WithMany().HasForeignKey(o => o.MeasureId).OnDelete(DeleteBehavior.Restrict);
            observation.HasOne(o => o.Place).WithMany().HasForeignKey(o => o.PlaceId).OnDelete(DeleteBehavior.Restrict);
            observation.HasOne(o => o.SourceDocument).WithMany().HasForeignKey(o => o.SourceDocumentId).OnDelete(DeleteBehavior.Restrict);
            observation.HasIndex(o => new { o.ReleaseId, o.MeasureId, o.PlaceId, o.PeriodKey, o.Breakdown }).IsUnique();
            observation.HasIndex(o => new { o.ReleaseId, o.PeriodStart });
        });
    }
}

/// <summary>SQLite flavour; owns the SQLite migrations.</summary>
internal sealed class SqliteStatisticsDbContext(DbContextOptions<SqliteStatisticsDbContext> options) : StatisticsDbContext(options);

/// <summary>PostgreSQL flavour; owns the PostgreSQL migrations.</summary>
internal sealed class PostgresStatisticsDbContext(DbContextOptions<PostgresStatisticsDbContext> options) : StatisticsDbContext(options);
