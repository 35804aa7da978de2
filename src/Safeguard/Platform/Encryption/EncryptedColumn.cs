using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Safeguard.Platform.Encryption;

/// <summary>
/// A column of <typeparamref name="TContext"/>'s model that holds values encrypted for <see cref="Purpose"/>. Its
/// table and column names come from the model of the configured database; the SQL is plain and works on SQLite and
/// PostgreSQL alike. Only the header of each value is read to count and to choose what needs re-encrypting, so a
/// table of large documents is not read whole for it.
/// </summary>
internal sealed class EncryptedColumn<TContext>(Type entity, string property, string purpose, bool binary) : IEncryptedData
    where TContext : DbContext
{
    public string Purpose => purpose;

    /// <summary>The entity whose table holds the column.</summary>
    public Type Entity => entity;

    /// <summary>The entity's property mapped to the column.</summary>
    public string Property => property;

    /// <summary>Whether the column is binary (documents) rather than text.</summary>
    public bool Binary => binary;

    public async Task<IReadOnlyDictionary<string, long>> CountByKeyAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<TContext>();
        var (table, column, _) = Names(db);
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = Invariant($"SELECT substr({column}, 1, {FieldEnvelope.MaxHeaderLength}) FROM {table} WHERE {column} IS NOT NULL");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var keyId = (binary ? FieldEncryption.KeyIdOf(reader.GetFieldValue<byte[]>(0)) : FieldEncryption.KeyIdOf(reader.GetString(0))) ?? KeyUsage.NotEncrypted;
            counts[keyId] = counts.GetValueOrDefault(keyId) + 1;
        }
        return counts;
    }

    public async Task<Reencryption> ReencryptAsync(IServiceProvider services, FieldEncryption encryption, ReencryptionRun run, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<TContext>();
        var (table, column, key) = Names(db);
        var header = FieldEnvelope.Header(encryption.CurrentKeyId);
        var notCurrent = Invariant($"{column} IS NOT NULL AND substr({column}, 1, {header.Length}) <> @header");
        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();

        long toDo;
        await using (var count = Command(connection, null, $"SELECT COUNT(*) FROM {table} WHERE {notCurrent}", header))
        {
            toDo = Convert.ToInt64(await count.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        }
        long done = 0;
        var failures = new List<string>();
        object? after = null;
        // Keyset pagination by primary key: each batch starts after the last row of the one before, so a value that
        // cannot be re-encrypted is reported once and never blocks the rest.
        while (true)
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var rows = new List<(object Key, object Value)>();
            var batch = $"SELECT {key}, {column} FROM {table} WHERE {notCurrent}{(after is null ? "" : $" AND {key} > @after")} ORDER BY {key} LIMIT {run.BatchSize.ToString(CultureInfo.InvariantCulture)}";
            await using (var select = Command(connection, transaction, batch, header, ("@after", after)))
            await using (var reader = await select.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    rows.Add((reader.GetValue(0), binary ? reader.GetFieldValue<byte[]>(1) : reader.GetString(1)));
                }
            }
            if (rows.Count == 0)
            {
                break;
            }
            foreach (var (rowKey, value) in rows)
            {
                object reencrypted;
                try
                {
                    reencrypted = binary
                        ? encryption.EncryptBytes(encryption.DecryptBytes((byte[])value, purpose), purpose)
                        : encryption.Encrypt(encryption.Decrypt((string)value, purpose), purpose);
                }
                catch (FieldDecryptionException failure)
                {
                    failures.Add(Invariant($"{purpose}, row {rowKey}: {failure.Message}"));
                    continue;
                }
                await using var update = Command(connection, transaction, $"UPDATE {table} SET {column} = @new WHERE {key} = @key AND {column} = @old", header,
                    ("@new", reencrypted), ("@key", rowKey), ("@old", value));
                done += await update.ExecuteNonQueryAsync(cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
            after = rows[^1].Key;
            run.Progress(purpose, done, toDo);
        }
        return new Reencryption(done, failures);
    }

    /// <summary>The table, the column and the single-column primary key, quoted for the configured database.</summary>
    private (string Table, string Column, string Key) Names(TContext db)
    {
        var entityType = db.Model.FindEntityType(entity)
            ?? throw new InvalidOperationException($"{entity.Name} is not an entity of {typeof(TContext).Name}, so its encrypted column cannot be found.");
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var column = entityType.FindProperty(property)?.GetColumnName(table)
            ?? throw new InvalidOperationException($"{entity.Name}.{property} is not mapped to a column of {table.Name}.");
        var key = entityType.FindPrimaryKey()?.Properties is [var single]
            ? single.GetColumnName(table)!
            : throw new InvalidOperationException($"{entity.Name} needs a single-column primary key for its encrypted column {property} to be re-encrypted.");
        var sql = db.GetService<ISqlGenerationHelper>();
        return (sql.DelimitIdentifier(table.Name, table.Schema), sql.DelimitIdentifier(column), sql.DelimitIdentifier(key));
    }

    private DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, string header, params (string Name, object? Value)[] values)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        // The header is compared with the start of the stored value: bytes for a binary column, text for a text one.
        foreach (var (name, value) in values.Prepend(("@header", binary ? Encoding.ASCII.GetBytes(header) : header)))
        {
            if (value is not null)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                parameter.Value = value;
                command.Parameters.Add(parameter);
            }
        }
        return command;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
