using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using Safeguard.Statistics.Data;
using Safeguard.Statistics.Model;

namespace Safeguard.Statistics.Importing;

/// <summary>
/// Writes many new observations inside the caller's transaction: on PostgreSQL with binary COPY, which is what
/// keeps a 100,000-row import close to <c>\copy</c>; on SQLite with one prepared statement.
/// The caller has checked, holding <see cref="Releases.ReleaseWriters"/>, that the release is a draft (COPY does not pass through the
/// context's guard).
/// </summary>
internal static class ObservationWriter
{
    private const int Batch = 5_000;

    /// <summary>The columns written, in the order <see cref="Values"/> gives them.</summary>
    private static readonly string[] ColumnNames =
        ["ReleaseId", "MeasureId", "PlaceId", "PeriodKey", "PeriodStart", "PeriodEnd", "Breakdown", "Value", "Status", "Note", "SourceDocumentId", "SourceLocation"];

    private static string Columns(IEnumerable<string> names) => string.Join(", ", names.Select(c => $"\"{c}\""));

    /// <summary>Made from the fixed column names only; the release ids are parameters.</summary>
    private static readonly string CopyRelease =
        $"INSERT INTO statistics_observations ({Columns(ColumnNames)}) SELECT {{0}}, {Columns(ColumnNames.Skip(1))} FROM statistics_observations WHERE \"ReleaseId\" = {{1}}";

    /// <summary>Copies one release's figures into another (a new draft), in the database rather than through memory.</summary>
    public static Task<int> CopyReleaseAsync(StatisticsDbContext db, int fromReleaseId, int toReleaseId, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync(CopyRelease, [toReleaseId, fromReleaseId], cancellationToken);

    private static object?[] Values(Observation o) =>
        [o.ReleaseId, o.MeasureId, o.PlaceId, o.PeriodKey, o.PeriodStart, o.PeriodEnd, o.Breakdown, o.Value, o.Status.ToString(), o.Note, o.SourceDocumentId, o.SourceLocation];

    public static async Task WriteAsync(StatisticsDbContext db, IReadOnlyList<Observation> observations, IProgress<ImportProgress>? progress,
        CancellationToken cancellationToken)
    {
        if (db.Database.GetDbConnection() is NpgsqlConnection connection)
        {
            await CopyAsync(connection, observations, progress, cancellationToken);
            return;
        }
        if (db.Database.GetDbConnection() is SqliteConnection sqlite)
        {
            await InsertAsync(sqlite, db.Database.CurrentTransaction?.GetDbTransaction() as SqliteTransaction, observations, progress, cancellationToken);
            return;
        }
        throw new NotSupportedException($"No bulk writer for {db.Database.ProviderName}.");
    }

    /// <summary>
    /// SQLite: one prepared INSERT, its parameters rebound per row, inside the transaction. Microsoft.Data.Sqlite
    /// writes dates and decimals as the same text EF Core does, so the context reads these rows like its own.
    /// </summary>
    private static async Task InsertAsync(SqliteConnection connection, SqliteTransaction? transaction, IReadOnlyList<Observation> observations,
        IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = $"INSERT INTO statistics_observations ({Columns(ColumnNames)}) VALUES ({string.Join(", ", ColumnNames.Select(c => "$" + c))})";
        var parameters = ColumnNames.Select(name => insert.Parameters.Add(new SqliteParameter { ParameterName = "$" + name })).ToArray();
        insert.Prepare();
        for (var i = 0; i < observations.Count; i++)
        {
            var o = observations[i];
            var values = Values(o);
            for (var p = 0; p < values.Length; p++)
            {
                parameters[p].Value = values[p] ?? DBNull.Value;
            }
            await insert.ExecuteNonQueryAsync(cancellationToken);
            if ((i + 1) % Batch == 0)
            {
                progress?.Report(new ImportProgress(ImportStage.Writing, i + 1));
            }
        }
        progress?.Report(new ImportProgress(ImportStage.Writing, observations.Count));
    }

    private static async Task CopyAsync(NpgsqlConnection connection, IReadOnlyList<Observation> observations, IProgress<ImportProgress>? progress,
        CancellationToken cancellationToken)
    {
        await using var importer = await connection.BeginBinaryImportAsync(
            $"COPY statistics_observations ({Columns(ColumnNames)}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        for (var i = 0; i < observations.Count; i++)
        {
            var o = observations[i];
            // Typed writes, in the order of ColumnNames.
            await importer.StartRowAsync(cancellationToken);
            await importer.WriteAsync(o.ReleaseId, NpgsqlDbType.Integer, cancellationToken);
            await importer.WriteAsync(o.MeasureId, NpgsqlDbType.Integer, cancellationToken);
            await importer.WriteAsync(o.PlaceId, NpgsqlDbType.Integer, cancellationToken);
            await importer.WriteAsync(o.PeriodKey, NpgsqlDbType.Varchar, cancellationToken);
            await importer.WriteAsync(o.PeriodStart, NpgsqlDbType.Date, cancellationToken);
            await importer.WriteAsync(o.PeriodEnd, NpgsqlDbType.Date, cancellationToken);
            await importer.WriteAsync(o.Breakdown, NpgsqlDbType.Varchar, cancellationToken);
            await WriteNullableAsync(importer, o.Value, NpgsqlDbType.Numeric, cancellationToken);
            await importer.WriteAsync(o.Status.ToString(), NpgsqlDbType.Varchar, cancellationToken);
            await WriteNullableAsync(importer, o.Note, NpgsqlDbType.Varchar, cancellationToken);
            await importer.WriteAsync(o.SourceDocumentId, NpgsqlDbType.Integer, cancellationToken);
            await importer.WriteAsync(o.SourceLocation, NpgsqlDbType.Varchar, cancellationToken);
            if ((i + 1) % Batch == 0)
            {
                progress?.Report(new ImportProgress(ImportStage.Writing, i + 1));
            }
        }
        await importer.CompleteAsync(cancellationToken);
        progress?.Report(new ImportProgress(ImportStage.Writing, observations.Count));
    }

    private static Task WriteNullableAsync<T>(NpgsqlBinaryImporter importer, T? value, NpgsqlDbType type, CancellationToken cancellationToken) =>
        value is null ? importer.WriteNullAsync(cancellationToken) : importer.WriteAsync(value, type, cancellationToken);
}
