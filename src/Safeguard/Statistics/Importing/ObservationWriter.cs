using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using Safeguard.Statistics.Data;
using Safeguard.Statistics.Importing.Templates;
using Safeguard.Statistics.Model;

namespace Safeguard.Statistics.Importing;

/// <summary>
/// Where imported figures are stored: their release and source document, and the catalogue their slugs name.
/// </summary>
internal sealed record FigureStore(int ReleaseId, int SourceDocumentId, IReadOnlyDictionary<string, Measure> Measures,
    IReadOnlyDictionary<string, Place> Places)
{
    public int MeasureId(ImportedFigure figure) => Measures[figure.Measure].Id;

    public int PlaceId(ImportedFigure figure) => Places[figure.Place].Id;
}

/// <summary>
/// Writes many imported figures as new observations inside the caller's transaction: on PostgreSQL with binary COPY, which is what
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

    private static object?[] Values(FigureStore store, ImportedFigure f) =>
        [store.ReleaseId, store.MeasureId(f), store.PlaceId(f), f.Period.Key, f.Period.Start, f.Period.End, f.Breakdown, f.Value, f.Status.ToString(), f.Note,
            store.SourceDocumentId, f.Location];

    public static async Task WriteAsync(StatisticsDbContext db, FigureStore store, IReadOnlyList<ImportedFigure> figures,
        IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        if (db.Database.GetDbConnection() is NpgsqlConnection connection)
        {
            await CopyAsync(connection, store, figures, progress, cancellationToken);
            return;
        }
        if (db.Database.GetDbConnection() is SqliteConnection sqlite)
        {
            await InsertAsync(sqlite, db.Database.CurrentTransaction?.GetDbTransaction() as SqliteTransaction, store, figures, progress, cancellationToken);
            return;
        }
        throw new NotSupportedException($"No bulk writer for {db.Database.ProviderName}.");
    }

    /// <summary>
    /// SQLite: one prepared INSERT, its parameters rebound per row, inside the transaction. Microsoft.Data.Sqlite
    /// writes dates and decimals as the same text EF Core does, so the context reads these rows like its own.
    /// </summary>
    private static async Task InsertAsync(SqliteConnection connection, SqliteTransaction? transaction, FigureStore store,
        IReadOnlyList<ImportedFigure> figures, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = $"INSERT INTO statistics_observations ({Columns(ColumnNames)}) VALUES ({string.Join(", ", ColumnNames.Select(c => "$" + c))})";
        var parameters = ColumnNames.Select(name => insert.Parameters.Add(new SqliteParameter { ParameterName = "$" + name })).ToArray();
        insert.Prepare();
        for (var i = 0; i < figures.Count; i++)
        {
            var values = Values(store, figures[i]);
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
        progress?.Report(new ImportProgress(ImportStage.Writing, figures.Count));
    }

    private static async Task CopyAsync(NpgsqlConnection connection, FigureStore store, IReadOnlyList<ImportedFigure> figures,
        IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        await using var importer = await connection.BeginBinaryImportAsync(
            $"COPY statistics_observations ({Columns(ColumnNames)}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        for (var i = 0; i < figures.Count; i++)
        {
            var f = figures[i];
            // Typed writes, in the order of ColumnNames.
            await importer.StartRowAsync(cancellationToken);
            await importer.WriteAsync(store.ReleaseId, NpgsqlDbType.Integer, cancellationToken);
            await importer.WriteAsync(store.MeasureId(f), NpgsqlDbType.Integer, cancellationToken);
            await importer.WriteAsync(store.PlaceId(f), NpgsqlDbType.Integer, cancellationToken);
            await importer.WriteAsync(f.Period.Key, NpgsqlDbType.Varchar, cancellationToken);
            await importer.WriteAsync(f.Period.Start, NpgsqlDbType.Date, cancellationToken);
            await importer.WriteAsync(f.Period.End, NpgsqlDbType.Date, cancellationToken);
            await importer.WriteAsync(f.Breakdown, NpgsqlDbType.Varchar, cancellationToken);
            await WriteNullableAsync(importer, f.Value, NpgsqlDbType.Numeric, cancellationToken);
            await importer.WriteAsync(f.Status.ToString(), NpgsqlDbType.Varchar, cancellationToken);
            await WriteNullableAsync(importer, f.Note, NpgsqlDbType.Varchar, cancellationToken);
            await importer.WriteAsync(store.SourceDocumentId, NpgsqlDbType.Integer, cancellationToken);
            await importer.WriteAsync(f.Location, NpgsqlDbType.Varchar, cancellationToken);
            if ((i + 1) % Batch == 0)
            {
                progress?.Report(new ImportProgress(ImportStage.Writing, i + 1));
            }
        }
        await importer.CompleteAsync(cancellationToken);
        progress?.Report(new ImportProgress(ImportStage.Writing, figures.Count));
    }

    private static Task WriteNullableAsync<T>(NpgsqlBinaryImporter importer, T? value, NpgsqlDbType type, CancellationToken cancellationToken) =>
        value is null ? importer.WriteNullAsync(cancellationToken) : importer.WriteAsync(value, type, cancellationToken);
}
