namespace Safeguard.Platform.Encryption;

/// <summary>
/// Values stored encrypted somewhere in the database, that key rotation must find. Modules do not implement this:
/// they register columns with <see cref="EncryptedColumnsRegistration.AddEncryptedColumns{TContext}"/>.
/// </summary>
internal interface IEncryptedData
{
    /// <summary>The purpose the values are encrypted for, which also names them in messages.</summary>
    string Purpose { get; }
}
