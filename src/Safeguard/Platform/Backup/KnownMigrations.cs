using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Safeguard.Platform.Backup;

/// <summary>
/// The migrations this build knows, by history table. Found without a list of modules: every context that has
/// migrations in this assembly is asked for them and for the history table it was configured with, so a module added
/// later is covered as soon as it has its first migration.
/// </summary>
public static class KnownMigrations
{
    /// <summary>History table (e.g. <c>__statistics_migrations</c>) to the ids of every migration this build has for it.</summary>
    public static IReadOnlyDictionary<string, IReadOnlySet<string>> Read(IServiceProvider services)
    {
        var contexts = typeof(KnownMigrations).Assembly.GetTypes()
            .Where(t => t.GetCustomAttribute<MigrationAttribute>() is not null)
            .Select(t => t.GetCustomAttribute<DbContextAttribute>()?.ContextType)
            .OfType<Type>()
            .Distinct();
        var known = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        using var scope = services.CreateScope();
        foreach (var type in contexts)
        {
            var context = scope.ServiceProvider.GetService(type) as DbContext
                ?? throw new InvalidOperationException($"{type.Name} has migrations but is not registered as a service, so a backup's schema cannot be checked against it.");
            var history = RelationalOptionsExtension.Extract(context.GetService<IDbContextOptions>()).MigrationsHistoryTableName ?? DatabaseContents.DefaultMigrationsHistory;
            if (!known.TryGetValue(history, out var ids))
            {
                known[history] = ids = new HashSet<string>(StringComparer.Ordinal);
            }
            ids.UnionWith(context.Database.GetMigrations());
        }
        return known.ToDictionary(k => k.Key, k => (IReadOnlySet<string>)k.Value, StringComparer.Ordinal);
    }

    /// <summary>
    /// Refuses a backup whose database had a migration this build does not know, or a module this build does not
    /// have: restoring it would give this build tables it does not understand, and a later migration could damage them.
    /// </summary>
    public static void EnsureKnown(BackupManifest manifest, IReadOnlyDictionary<string, IReadOnlySet<string>> known, string folder)
    {
        var problems = new List<string>();
        foreach (var (history, applied) in manifest.Migrations)
        {
            var module = DatabaseContents.ModuleOf(history);
            if (!known.TryGetValue(history, out var ids))
            {
                problems.Add($"the {module} module, which this build does not have");
                continue;
            }
            var unknown = applied.Where(id => !ids.Contains(id)).ToList();
            if (unknown.Count > 0)
            {
                problems.Add($"the {module} module's migration{(unknown.Count == 1 ? "" : "s")} {string.Join(", ", unknown)}, which this build does not know");
            }
        }
        if (problems.Count > 0)
        {
            throw new BackupRefusedException(
                $"The backup in {folder} is from a newer schema than this build of Safeguard ({BackupManifest.BuildVersion}) knows: it holds {string.Join("; and ", problems)}. It was made by Safeguard {manifest.SafeguardVersion}; restore it with that version or a later one. Nothing was restored.");
        }
    }
}
