namespace Safeguard.Platform.Backup;

/// <summary>
/// A backup or restore was refused or failed in a way the person can act on: the message says what, where (the
/// folder, the file, the tables) and what to do, and never holds a password or a record's contents. The command
/// reports it on standard error and exits 1.
/// </summary>
public sealed class BackupRefusedException(string message, Exception? inner = null) : Exception(message, inner);
