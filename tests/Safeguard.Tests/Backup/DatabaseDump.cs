using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;
using Safeguard.Platform;
using Safeguard.Platform.Backup;

namespace Safeguard.Tests.Backup;

/// <summary>
/// Everything a database holds, read generically from the engine's catalogue so that every module's tables are
/// compared without naming them: each table's rows (every column, typed, sorted), SQLite's sequence table or
/// PostgreSQL's sequences, and the schema (columns, indexes, constraints).
/// </summary>
internal static class DatabaseDump
{
    public static async Task<SortedDictionary<string, List<string>>> ReadAsync(DatabaseProvider provider, string connectionString)
    {
        var cancel = TestContext.Current.CancellationToken;
        await using DbConnection connection = provider == DatabaseProvider.PostgreSql
            ? new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString)
            : new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Pooling = false, Mode = SqliteOpenMode.ReadOnly }.ConnectionString);
        await connection.OpenAsync(cancel);
        var dump = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        var tables = (await DatabaseContents.TablesAsync(connection, provider, cancel)).ToList();
        if (provider == DatabaseProvider.Sqlite)
        {
            tables.Add(new DatabaseTable(null, "sqlite_sequence"));
            dump["(schema)"] = await RowsAsync(connection, "SELECT type, name, tbl_name, sql FROM sqlite_master", cancel);
        }
        else
        {
            dump["(schema: columns)"] = await RowsAsync(connection,
                "SELECT table_schema, table_name, column_name, data_type, is_nullable, column_default FROM information_schema.columns WHERE table_schema NOT IN ('pg_catalog', 'information_schema')", cancel);
            dump["(schema: indexes)"] = await RowsAsync(connection, "SELECT schemaname, tablename, indexname, indexdef FROM pg_indexes WHERE schemaname NOT IN ('pg_catalog', 'information_schema')", cancel);
            dump["(schema: constraints)"] = await RowsAsync(connection,
                "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE connamespace NOT IN ('pg_catalog'::regnamespace, 'information_schema'::regnamespace)", cancel);
            dump["(sequences)"] = await RowsAsync(connection, "SELECT schemaname, sequencename, last_value FROM pg_sequences", cancel);
        }
        foreach (var table in tables)
        {
            dump[table.Display] = await RowsAsync(connection, $"SELECT * FROM {table.Quoted}", cancel);
        }
        return dump;
    }

    /// <summary>Every row as one line of typed values, sorted, so two databases compare whatever order rows come back in.</summary>
    private static async Task<List<string>> RowsAsync(DbConnection connection, string sql, CancellationToken cancel)
    {
        var rows = new List<string>();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(cancel);
        while (await reader.ReadAsync(cancel))
        {
            var values = new string[reader.FieldCount];
            for (var i = 0; i < reader.FieldCount; i++)
            {
                values[i] = reader.GetName(i) + "=" + Format(reader.GetValue(i));
            }
            rows.Add(string.Join(" | ", values));
        }
        rows.Sort(StringComparer.Ordinal);
        return rows;
    }

    private static string Format(object value) => value switch
    {
        DBNull => "NULL",
        byte[] bytes => "bytes:" + Convert.ToHexString(bytes),
        DateTime time => "datetime:" + time.ToString("O", CultureInfo.InvariantCulture) + ":" + time.Kind,
        DateTimeOffset time => "datetimeoffset:" + time.ToString("O", CultureInfo.InvariantCulture),
        double number => "double:" + number.ToString("R", CultureInfo.InvariantCulture),
        float number => "float:" + number.ToString("R", CultureInfo.InvariantCulture),
        _ => value.GetType().Name + ":" + Convert.ToString(value, CultureInfo.InvariantCulture),
    };
}
