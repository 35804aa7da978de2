using Microsoft.EntityFrameworkCore;
using Safeguard.Foi.Holidays;
using Safeguard.Foi.Requests;

namespace Safeguard.Foi.Data;

/// <summary>
/// The FOI module's tables. Provider-specific subclasses exist only so that SQLite and PostgreSQL each keep their own
/// migrations; the model is defined once, here.
/// </summary>
public abstract class FoiDbContext(DbContextOptions options) : DbContext(options)
{
    /// <summary>Bank holidays from imported GOV.UK feed files; the shipped feed is read from the assembly.</summary>
    internal DbSet<ImportedBankHoliday> BankHolidays => Set<ImportedBankHoliday>();

    public DbSet<FoiRequest> Requests => Set<FoiRequest>();

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
            request.Property(r => r.Exemptions).HasMaxLength(500);
        });
    }
}

/// <summary>SQLite flavour; owns the SQLite migrations.</summary>
public sealed class SqliteFoiDbContext(DbContextOptions<SqliteFoiDbContext> options) : FoiDbContext(options);

/// <summary>PostgreSQL flavour; owns the PostgreSQL migrations.</summary>
public sealed class PostgresFoiDbContext(DbContextOptions<PostgresFoiDbContext> options) : FoiDbContext(options);
