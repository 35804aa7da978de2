using Microsoft.EntityFrameworkCore;

namespace Safeguard.Audit.Data;

/// <summary>Raised when code tries to change or delete an audit entry.</summary>
internal sealed class AuditTrailAppendOnlyException(string message) : InvalidOperationException(message);

/// <summary>
/// The audit module's one table. Provider-specific subclasses exist only so that SQLite and PostgreSQL each keep
/// their own migrations; the model is defined once, here. Both engines also refuse UPDATE and DELETE with a trigger.
/// </summary>
internal abstract class AuditDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<AuditEntry> Entries => Set<AuditEntry>();

    /// <inheritdoc />
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RefuseChanges();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    /// <inheritdoc />
    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RefuseChanges();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>The trail only grows: anything but an insert is refused before it reaches the database.</summary>
    private void RefuseChanges()
    {
        foreach (var entry in ChangeTracker.Entries<AuditEntry>())
        {
            if (entry.State is EntityState.Modified or EntityState.Deleted)
            {
                throw new AuditTrailAppendOnlyException(
                    $"Audit entry {entry.Entity.Sequence} cannot be {(entry.State == EntityState.Deleted ? "deleted" : "changed")}: the audit trail is append-only.");
            }
        }
    }

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<AuditEntry>(entry =>
        {
            entry.ToTable("audit_entries");
            entry.HasKey(e => e.Sequence);
            entry.Property(e => e.Sequence).ValueGeneratedNever();
            entry.Property(e => e.Actor).HasMaxLength(AuditLimits.Actor);
            entry.Property(e => e.Action).HasMaxLength(40);
            entry.Property(e => e.RecordType).HasMaxLength(AuditLimits.RecordType);
            entry.Property(e => e.RecordId).HasMaxLength(AuditLimits.RecordId);
            entry.Property(e => e.Source).HasMaxLength(AuditLimits.Source);
            entry.Property(e => e.Detail).HasMaxLength(AuditLimits.Detail);
            entry.Property(e => e.PreviousHash).HasMaxLength(64).IsFixedLength();
            entry.Property(e => e.Hash).HasMaxLength(64).IsFixedLength();
            entry.HasIndex(e => e.TimeUtc);
            entry.HasIndex(e => new { e.RecordType, e.RecordId });
            entry.HasIndex(e => e.Actor);
        });
    }
}

/// <summary>SQLite flavour; owns the SQLite migrations.</summary>
internal sealed class SqliteAuditDbContext(DbContextOptions<SqliteAuditDbContext> options) : AuditDbContext(options);

/// <summary>PostgreSQL flavour; owns the PostgreSQL migrations.</summary>
internal sealed class PostgresAuditDbContext(DbContextOptions<PostgresAuditDbContext> options) : AuditDbContext(options);

/// <summary>The longest value each field may hold, in characters.</summary>
internal static class AuditLimits
{
    public const int Actor = 200;
    public const int RecordType = 80;
    public const int RecordId = 200;
    public const int Source = 200;
    public const int Detail = 1000;
}
