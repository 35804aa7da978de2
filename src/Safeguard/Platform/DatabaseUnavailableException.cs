namespace Safeguard.Platform;

/// <summary>
/// The configured database cannot be used: a connection string that does not parse, a server that does not
/// answer, a file that cannot be opened. The message is written for the person starting Safeguard and never
/// contains a password.
/// </summary>
public sealed class DatabaseUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
