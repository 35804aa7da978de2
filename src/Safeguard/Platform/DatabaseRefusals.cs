using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
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
}
