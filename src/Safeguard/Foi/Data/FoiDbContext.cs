using Microsoft.EntityFrameworkCore;
using Safeguard.Foi.Calendar;
using Safeguard.Foi.Holidays;
using Safeguard.Foi.Reminders;
using Safeguard.Foi.Requests;

namespace Safeguard.Foi.Data;

/// <summary>
/// The FOI module's tables. Provider-specific subclasses exist only so that SQLite and PostgreSQL each keep their own
/// migrations; the model is defined once, here.
/// </summary>
internal abstract class FoiDbContext(DbContextOptions options) : DbContext(options)
{
    /// <summary>Bank holidays from imported GOV.UK feed files; the shipped feed is read from the assembly.</summary>
    internal DbSet<ImportedBankHoliday> BankHolidays => Set<ImportedBankHoliday>();

    public DbSet<FoiRequest> Requests => Set<FoiRequest>();

    public DbSet<FoiSeries> Series => Set<FoiSeries>();

    public DbSet<FoiAnswerDocument> Documents => Set<FoiAnswerDocument>();

    /// <summary>The reminders queued, one per request, deadline, date and kind.</summary>
    public DbSet<FoiReminder> Reminders => Set<FoiReminder>();

    public DbSet<FoiCalendarFeed> CalendarFeeds => Set<FoiCalendarFeed>();

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ImportedBankHoliday>(holiday =>
        {
            holiday.ToTable("foi_bank_holidays");
            holiday.Property(h => h.Division).HasConversion(d => d.Key(), key => UkDivisions.FromKey(key) ?? UkDivision.EnglandAndWales).HasMaxLength(40);
            holiday.Property(h => h.Title).HasMaxLength(200);
            holiday.Property(h => h.Notes).HasMaxLength(200);
            holiday.Property(h => h.SourceFile).HasMaxLength(260);
            holiday.HasIndex(h => new { h.Division, h.Date }).IsUnique();
        });
        modelBuilder.Entity<FoiRequest>(request =>
        {
            request.ToTable("foi_requests");
            request.HasIndex(r => r.Reference).IsUnique();
            request.Property(r => r.Reference).HasMaxLength(60);
            request.Property(r => r.AuthorityReference).HasMaxLength(60);
            request.Property(r => r.Authority).HasMaxLength(200);
            request.Property(r => r.Subject).HasMaxLength(300);
            request.Property(r => r.Text).HasMaxLength(20_000);
            request.Property(r => r.Channel).HasConversion<string>().HasMaxLength(20);
            request.Property(r => r.Outcome).HasConversion<string>().HasMaxLength(20);
            request.Property(r => r.ReviewOutcome).HasConversion<string>().HasMaxLength(20);
            request.Property(r => r.Exemptions).HasMaxLength(500);
            request.Property(r => r.OwnerId).HasMaxLength(450);
            request.HasIndex(r => r.OwnerId);
            request.HasOne(r => r.Series).WithMany(s => s.Requests).HasForeignKey(r => r.SeriesId).OnDelete(DeleteBehavior.Restrict);
            request.HasMany(r => r.Documents).WithOne().HasForeignKey(d => d.RequestId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<FoiSeries>(series =>
        {
            series.ToTable("foi_series");
            series.Property(s => s.Name).HasMaxLength(200);
            series.HasIndex(s => s.Name).IsUnique();
        });
        modelBuilder.Entity<FoiAnswerDocument>(document =>
        {
            document.ToTable("foi_answer_documents");
            document.Property(d => d.FileName).HasMaxLength(260);
            document.Property(d => d.Sha256).HasMaxLength(64).IsFixedLength();
            document.Property(d => d.UploadedBy).HasMaxLength(450);
            document.HasIndex(d => d.Sha256);
        });
        modelBuilder.Entity<FoiReminder>(reminder =>
        {
            reminder.ToTable("foi_reminders");
            reminder.Property(r => r.Deadline).HasMaxLength(20);
            reminder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
            reminder.Property(r => r.RecipientId).HasMaxLength(450);
            reminder.HasOne<FoiRequest>().WithMany().HasForeignKey(r => r.RequestId).OnDelete(DeleteBehavior.Cascade);
            reminder.HasIndex(r => new { r.RequestId, r.Deadline, r.DueOn, r.Kind }).IsUnique();
        });
        modelBuilder.Entity<FoiCalendarFeed>(feed =>
        {
            feed.ToTable("foi_calendar_feeds");
            feed.Property(f => f.OwnerId).HasMaxLength(450);
            feed.Property(f => f.TokenSha256).HasMaxLength(64).IsFixedLength();
            feed.HasIndex(f => f.TokenSha256).IsUnique();
            feed.HasIndex(f => f.OwnerId);
        });
    }
}

/// <summary>SQLite flavour; owns the SQLite migrations.</summary>
internal sealed class SqliteFoiDbContext(DbContextOptions<SqliteFoiDbContext> options) : FoiDbContext(options);

/// <summary>PostgreSQL flavour; owns the PostgreSQL migrations.</summary>
internal sealed class PostgresFoiDbContext(DbContextOptions<PostgresFoiDbContext> options) : FoiDbContext(options);
