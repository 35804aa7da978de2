using Microsoft.EntityFrameworkCore;
using Safeguard.Site.News;

namespace Safeguard.Site.Data;

/// <summary>
/// The Site module's tables. Provider-specific subclasses exist only so that SQLite and PostgreSQL each keep their own
/// migrations; the model is defined once, here.
/// </summary>
internal abstract class SiteDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<NewsPost> Posts => Set<NewsPost>();

    public DbSet<PostCategory> PostCategories => Set<PostCategory>();

    /// <summary>Every slug a post has had, so that an old address redirects to the post's current one.</summary>
    public DbSet<PostAddress> PostAddresses => Set<PostAddress>();

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<NewsPost>(post =>
        {
            post.ToTable("site_posts");
            post.Property(p => p.Slug).HasMaxLength(PostSlug.MaxLength);
            post.HasIndex(p => p.Slug).IsUnique();
            post.Property(p => p.Title).HasMaxLength(200);
            post.Property(p => p.Summary).HasMaxLength(500);
            post.Property(p => p.Body).HasMaxLength(50000);
            post.Property(p => p.Author).HasMaxLength(200);
            post.Property(p => p.State).HasConversion<string>().HasMaxLength(20);
            // The public lists and the scheduled run both ask by state and time.
            post.HasIndex(p => new { p.State, p.PublishAtUtc });
            post.HasMany(p => p.Categories).WithOne().HasForeignKey(c => c.PostId).OnDelete(DeleteBehavior.Cascade);
            post.HasMany(p => p.Addresses).WithOne().HasForeignKey(a => a.PostId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<PostCategory>(category =>
        {
            category.ToTable("site_post_categories");
            category.HasKey(c => new { c.PostId, c.Category });
            category.Property(c => c.Category).HasMaxLength(50);
            category.HasIndex(c => c.Category);
        });
        modelBuilder.Entity<PostAddress>(address =>
        {
            address.ToTable("site_post_addresses");
            address.HasKey(a => a.Slug);
            address.Property(a => a.Slug).HasMaxLength(PostSlug.MaxLength);
            address.HasIndex(a => a.PostId);
        });
    }
}

/// <summary>SQLite flavour; owns the SQLite migrations.</summary>
internal sealed class SqliteSiteDbContext(DbContextOptions<SqliteSiteDbContext> options) : SiteDbContext(options);

/// <summary>PostgreSQL flavour; owns the PostgreSQL migrations.</summary>
internal sealed class PostgresSiteDbContext(DbContextOptions<PostgresSiteDbContext> options) : SiteDbContext(options);
