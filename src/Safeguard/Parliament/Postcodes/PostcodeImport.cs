using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using Safeguard.Parliament.Data;
using Safeguard.Parliament.Register;

namespace Safeguard.Parliament.Postcodes;

/// <summary>What a postcode import loaded, in words a person reads after running it.</summary>
internal sealed record PostcodeImportReport(PostcodeProduct Product, int Postcodes, int Terminated, int WithoutConstituency, string? Replaced)
{
    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"Postcodes: {(Product == PostcodeProduct.Nspl ? "NSPL" : "ONSPD")} file, {Postcodes:N0} postcodes ({Terminated:N0} terminated, {WithoutConstituency:N0} without a constituency), now in use{(Replaced is null ? "" : $" in place of {Replaced}")}.");
}

/// <summary>
/// Loads an ONS postcode file as a new edition beside the one in use, then makes it the one in use and the old one
/// unused in the same transaction: the lookup reads the old edition until that commit (PostgreSQL's and SQLite's WAL
/// readers see the last committed state) and the new one after, so a re-import needs no downtime. A bad row rolls
/// the whole edition back, and nothing is switched. Rows go in as they are read: COPY in binary on PostgreSQL, one
/// prepared INSERT reused in the transaction on SQLite.
/// </summary>
internal sealed class PostcodeImport(ParliamentDbContext db, TimeProvider time)
{
    /// <summary>How many rows pass between two progress reports.</summary>
    public const int ProgressEvery = 100_000;

    private static readonly string[] InsertParameters = ["$edition", "$postcode", "$constituency", "$terminated"];

    public async Task<PostcodeImportReport> ImportAsync(PostcodeFile file, Action<int>? progress, CancellationToken cancellationToken)
    {
        // An import killed after its switch leaves the old edition behind; it goes now, before the new one is loaded.
        await RemoveUnusedEditionsAsync(cancellationToken);
        PostcodeImportReport report;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var edition = new PostcodeEdition { Product = file.Product, FileName = file.Name, ImportedAt = time.GetUtcNow() };
            db.PostcodeEditions.Add(edition);
            await db.SaveChangesAsync(cancellationToken);
            var counts = new Counts(progress);
            if (db.Database.GetDbConnection() is NpgsqlConnection postgres)
            {
                await CopyAsync(postgres, edition.Id, file, counts, cancellationToken);
            }
            else
            {
                await InsertAsync(db.Database.GetDbConnection(), transaction.GetDbTransaction(), edition.Id, file, counts, cancellationToken);
            }
            var previous = await db.PostcodeEditions.Where(e => e.InUse).ToListAsync(cancellationToken);
            previous.ForEach(e => e.InUse = false);
            edition.InUse = true;
            edition.Postcodes = counts.Postcodes;
            edition.Terminated = counts.Terminated;
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            report = new PostcodeImportReport(file.Product, counts.Postcodes, counts.Terminated, counts.WithoutConstituency,
                previous.Count == 0 ? null : string.Join(", ", previous.Select(e => e.FileName)));
        }
        await RemoveUnusedEditionsAsync(cancellationToken);
        return report;
    }

    private async Task RemoveUnusedEditionsAsync(CancellationToken cancellationToken)
    {
        var unused = db.PostcodeEditions.Where(e => !e.InUse).Select(e => e.Id);
        await db.Postcodes.Where(p => unused.Contains(p.EditionId)).ExecuteDeleteAsync(cancellationToken);
        await db.PostcodeEditions.Where(e => !e.InUse).ExecuteDeleteAsync(cancellationToken);
    }

    private static async Task CopyAsync(NpgsqlConnection connection, int edition, PostcodeFile file, Counts counts, CancellationToken cancellationToken)
    {
        try
        {
            await using var importer = await connection.BeginBinaryImportAsync(
                """COPY parliament_postcodes ("EditionId", "Postcode", "ConstituencyCode", "TerminatedOn") FROM STDIN (FORMAT BINARY)""", cancellationToken);
            foreach (var row in file.Rows())
            {
                await importer.StartRowAsync(cancellationToken);
                await importer.WriteAsync(edition, NpgsqlDbType.Integer, cancellationToken);
                await importer.WriteAsync(row.Postcode.Key, NpgsqlDbType.Varchar, cancellationToken);
                await (row.ConstituencyCode is { } code ? importer.WriteAsync(code, NpgsqlDbType.Varchar, cancellationToken) : importer.WriteNullAsync(cancellationToken));
                await (row.TerminatedOn is { } month ? importer.WriteAsync(month, NpgsqlDbType.Date, cancellationToken) : importer.WriteNullAsync(cancellationToken));
                counts.Add(row);
            }
            await importer.CompleteAsync(cancellationToken);
        }
        catch (PostgresException repeated) when (repeated.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            // COPY checks the key only at its end, so neither the line nor (the server keeps the detail back) the postcode is known.
            throw new RegisterFileException($"{file.Name}: a postcode is in the file more than once; use the file as ONS publishes it.");
        }
    }

    private static async Task InsertAsync(DbConnection connection, DbTransaction transaction, int edition, PostcodeFile file, Counts counts, CancellationToken cancellationToken)
    {
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """INSERT INTO parliament_postcodes ("EditionId", "Postcode", "ConstituencyCode", "TerminatedOn") VALUES ($edition, $postcode, $constituency, $terminated)""";
        var parameters = InsertParameters.Select(name =>
        {
            var parameter = insert.CreateParameter();
            parameter.ParameterName = name;
            insert.Parameters.Add(parameter);
            return parameter;
        }).ToArray();
        parameters[0].Value = edition;
        await insert.PrepareAsync(cancellationToken);
        foreach (var row in file.Rows())
        {
            parameters[1].Value = row.Postcode.Key;
            parameters[2].Value = (object?)row.ConstituencyCode ?? DBNull.Value;
            parameters[3].Value = row.TerminatedOn is { } month ? month.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : DBNull.Value;
            try
            {
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }
            catch (DbException repeated) when (repeated is Microsoft.Data.Sqlite.SqliteException { SqliteExtendedErrorCode: 1555 })
            {
                throw RegisterFileException.At(file.Name, row.Line, "pcds", $"postcode {row.Postcode.Display} is on an earlier line too; use the file as ONS publishes it.");
            }
            counts.Add(row);
        }
    }

    private sealed class Counts(Action<int>? progress)
    {
        public int Postcodes { get; private set; }

        public int Terminated { get; private set; }

        public int WithoutConstituency { get; private set; }

        public void Add(PostcodeRow row)
        {
            Postcodes++;
            Terminated += row.TerminatedOn is null ? 0 : 1;
            WithoutConstituency += row.ConstituencyCode is null ? 1 : 0;
            if (Postcodes % ProgressEvery == 0)
            {
                progress?.Invoke(Postcodes);
            }
        }
    }
}
