using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Safeguard.Platform;

/// <summary>
/// Recognises, on either engine, a save the database refused for what another save did a moment before (a form sent
/// twice, two people at once), so that the caller can answer as its own checks do instead of failing.
/// </summary>
public static class DatabaseRefusals
{
    /// <summary>
    /// Whether a unique index (or primary key) already holds the value: what a check made before saving ("is this
    /// reference free?") meets when another save took the value between the check and the save.
    /// </summary>
    public static bool IsUniqueViolation(this DbUpdateException failure) => failure.InnerException switch
    {
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode is SQLitePCL.raw.SQLITE_CONSTRAINT_UNIQUE or SQLitePCL.raw.SQLITE_CONSTRAINT_PRIMARYKEY,
        _ => false,
    };

    /// <summary>
    /// Whether a foreign key refused it: the record it refers to was deleted meanwhile, or a record referring to the
    /// one it deletes was added meanwhile.
    /// </summary>
    public static bool IsForeignKeyViolation(this DbUpdateException failure) => failure.InnerException switch
    {
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.ForeignKeyViolation,
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode == SQLitePCL.raw.SQLITE_CONSTRAINT_FOREIGNKEY,
        _ => false,
    };

    /// <summary>
    /// Saves a record that a unique index makes one of its kind (a reminder sent, say) and, in the same transaction, does
    /// what it stands for (queues the e-mail); false, with nothing done, when another run (on another node, say) saved
    /// the same record a moment before: that counts as done already, and the caller carries on with the rest. Whether
    /// saved or refused, the context is left with nothing tracked.
    /// </summary>
    public static async Task<bool> SaveOnceThenAsync(this DbContext db, object record, Func<DbTransaction, Task> then, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Add(record);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException failure) when (failure.IsUniqueViolation())
        {
            return false;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
        await then(transaction.GetDbTransaction());
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
