using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using Safeguard.Statistics.Data;
using Safeguard.Statistics.Model;

namespace Safeguard.Statistics.Importing;

/// <summary>
/// Writes many new observations inside the caller's transaction: on PostgreSQL with binary COPY, which is what
/// keeps a 100,000-row import close to <c>\copy</c>; on SQLite through the context in batches.
/// The caller has checked that the release is a draft (COPY does not pass through the context's guard).
/// </summary>
internal static class ObservationWriter
{
    private const int Batch = 5_000;

    public static async Task WriteAsync(StatisticsDbContext db, IReadOnlyList<Observation> observations, IProgress<ImportProgress>? progress,
        CancellationToken cancellationToken)
    {
        if (db.Database.GetDbConnection() is NpgsqlConnection connection)
        {
            await CopyAsync(connection, observations, progress, cancellationToken);
            return;
        }
        for (var start = 0; start < observations.Count; start += Batch)
        {
            db.Observations.AddRange(observations.Skip(start).Take(Batch));
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            progress?.Report(new ImportProgress(ImportStage.Writing, Math.Min(start + Batch, observations.Count)));
        }
    }

    private static async Task CopyAsync(NpgsqlConnection connection, IReadOnlyList<Observation> observations, IProgress<ImportProgress>? progress,
        CancellationToken cancellationToken)
    {
        await using var importer = await connection.BeginBinaryImportAsync(
            """
            COPY statistics_observations ("ReleaseId", "MeasureId", "PlaceId", "PeriodKey", "PeriodStart", "PeriodEnd", "Breakdown",
                "Value", "Status", "Note", "SourceDocumentId", "SourceLocation") FROM STDIN (FORMAT BINARY)
            """, cancellationToken);
        for (var i = 0; i < observations.Count; i++)
        {
            var o = observations[i];
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
