namespace Safeguard.Platform;

/// <summary>
/// A setting whose value Safeguard cannot use (docs/configuration.md): start-up stops and says which setting, what is
/// wrong with it and what it should look like, instead of failing later on the first page that uses it.
/// </summary>
public sealed class InvalidSettingException(string message) : Exception(message);
