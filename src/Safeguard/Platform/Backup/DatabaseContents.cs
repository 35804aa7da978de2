using System.Data.Common;
using System.Globalization;

namespace Safeguard.Platform.Backup;

/// <summary>A table of the database, named as its engine names it (PostgreSQL: with its schema).</summary>
/// <param name="Schema">The PostgreSQL schema; null on SQLite.</param>
/// <param name="Name">The table's name.</param>
public sealed record DatabaseTable(string? Schema, string Name)
{
    /// <summary>The name people read: the table alone in the default schema, else schema.table.</summary>
    public string Display => Schema is null or "public" ? Name : $"{Schema}.{Name}";

    /// <summary>The name quoted for SQL, on either engine.</summary>
    public string Quoted => Schema is null ? Quote(Name) : $"{Quote(Schema)}.{Quote(Name)}";

    private static string Quote(string identifier) => $"\"{identifier.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}

/// <summary>A table and how many rows it holds.</summary>
public sealed record TableRowCount(string Table, long Rows);

/// <summary>
/// What a database holds, read from the engine's own catalogue rather than from any module's model, so that every
/// module's tables are covered, including those of modules added after this code was written: the tables
/// (<c>sqlite_master</c>, <c>information_schema.tables</c>), their row counts, and the migrations applied by each
/// module (every <c>__*_migrations</c> history table).
/// </summary>
public static class DatabaseContents
{
    /// <summary>The user tables in name order; SQLite's own (<c>sqlite_*</c>) and PostgreSQL's catalogues are left out.</summary>
    public static async Task<IReadOnlyList<DatabaseTable>> TablesAsync(DbConnection connection, DatabaseProvider provider, CancellationToken cancellationToken)
    {
        var sql = provider == DatabaseProvider.PostgreSql
            ? """
              SELECT table_schema, table_name FROM information_schema.tables
              WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema') AND table_schema NOT LIKE 'pg\_%'
              ORDER BY table_schema, table_name
              """
            : "SELECT NULL, name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name";
        var tables = new List<DatabaseTable>();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            tables.Add(new DatabaseTable(await reader.IsDBNullAsync(0, cancellationToken) ? null : reader.GetString(0), reader.GetString(1)));
        }
        return tables;
    }

    /// <summary>Every user table with its exact row count.</summary>
    public static async Task<IReadOnlyList<TableRowCount>> RowCountsAsync(DbConnection connection, DatabaseProvider provider, CancellationToken cancellationToken)
    {
        var counts = new List<TableRowCount>();
        foreach (var table in await TablesAsync(connection, provider, cancellationToken))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT count(*) FROM {table.Quoted}";
            var rows = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
            counts.Add(new TableRowCount(table.Display, rows));
        }
        return counts;
    }

    /// <summary>
    /// The migrations each module has applied, by history table (<c>__statistics_migrations</c>, ...), in order.
    /// Any table named <c>__*_migrations</c> is read, so a module needs no registration here.
    /// </summary>
    public static async Task<SortedDictionary<string, IReadOnlyList<string>>> AppliedMigrationsAsync(
        DbConnection connection, DatabaseProvider provider, CancellationToken cancellationToken)
    {
        var applied = new SortedDictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var table in await TablesAsync(connection, provider, cancellationToken))
        {
            if (!IsMigrationsHistory(table.Name))
            {
                continue;
            }
            var ids = new List<string>();
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT \"MigrationId\" FROM {table.Quoted} ORDER BY \"MigrationId\"";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                ids.Add(reader.GetString(0));
            }
            applied[table.Name] = ids;
        }
        return applied;
    }

    /// <summary>EF Core's history table for a context that names none; no Safeguard module should use it, but it is read if there.</summary>
    public const string DefaultMigrationsHistory = "__EFMigrationsHistory";

    /// <summary>A module's migrations history table: <c>__{module}_migrations</c> (or EF Core's default one).</summary>
    public static bool IsMigrationsHistory(string table) =>
        table == DefaultMigrationsHistory
        || table.Length > "___migrations".Length && table.StartsWith("__", StringComparison.Ordinal) && table.EndsWith("_migrations", StringComparison.Ordinal);

    /// <summary>"statistics" for <c>__statistics_migrations</c>.</summary>
    public static string ModuleOf(string historyTable) =>
        historyTable != DefaultMigrationsHistory && IsMigrationsHistory(historyTable) ? historyTable["__".Length..^"_migrations".Length] : historyTable;

    /// <summary>
    /// "12 tables holding 1,234 rows: a (1,000), b (234); 10 tables are empty", for messages about what would be lost.
    /// Only names and counts: never a row's contents.
    /// </summary>
    public static string Describe(IReadOnlyList<TableRowCount> counts)
    {
        var holding = counts.Where(c => c.Rows > 0).ToList();
        var empty = counts.Count - holding.Count;
        var text = string.Create(CultureInfo.InvariantCulture,
            $"{counts.Count} {(counts.Count == 1 ? "table" : "tables")} holding {counts.Sum(c => c.Rows):#,0} {(counts.Sum(c => c.Rows) == 1 ? "row" : "rows")}");
        if (holding.Count > 0)
        {
            text += ": " + string.Join(", ", holding.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Table} ({c.Rows:#,0})")));
        }
        if (empty > 0 && holding.Count > 0)
        {
            text += string.Create(CultureInfo.InvariantCulture, $"; {empty} {(empty == 1 ? "table is" : "tables are")} empty");
        }
        return text;
    }
}
