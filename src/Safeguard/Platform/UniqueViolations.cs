using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Safeguard.Platform;

/// <summary>
/// Recognises a save refused by a unique index, on either engine: what a check made before saving ("is this reference
/// free?") meets when another save took the value between the check and the save (a form sent twice, two people at
/// once), so that the caller can answer as the check does instead of failing.
/// </summary>
public static class UniqueViolations
{
    /// <summary>Whether the database refused the save because a unique index (or primary key) already holds the value.</summary>
    public static bool IsUniqueViolation(this DbUpdateException failure) => failure.InnerException switch
    {
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode is SQLitePCL.raw.SQLITE_CONSTRAINT_UNIQUE or SQLitePCL.raw.SQLITE_CONSTRAINT_PRIMARYKEY,
        _ => false,
    };
}
