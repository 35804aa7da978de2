namespace Safeguard.Platform.Encryption;

/// <summary>
/// The key ring cannot be used: a key file that is missing, unreadable or malformed, or a key of the wrong length.
/// The message is one sentence for the person starting Safeguard, names the file or setting, and never contains key
/// material. At start-up it ends the command with exit code 2, like a database that cannot be reached.
/// </summary>
public sealed class KeyRingUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
