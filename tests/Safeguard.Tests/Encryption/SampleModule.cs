using Microsoft.EntityFrameworkCore;

namespace Safeguard.Tests.Encryption;

/// <summary>A client of a sample module with an encrypted text column and an encrypted document column.</summary>
internal sealed class SampleClient
{
    public int Id { get; set; }

    public string Name { get; set; } = "";

    public byte[]? Letter { get; set; }
}

/// <summary>The sample module's context: one table, <c>sample_clients</c>.</summary>
internal sealed class SampleContext(DbContextOptions<SampleContext> options) : DbContext(options)
{
    public DbSet<SampleClient> Clients => Set<SampleClient>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<SampleClient>(client =>
        {
            client.ToTable("sample_clients");
            client.Property(c => c.Id).ValueGeneratedNever();
        });
}
