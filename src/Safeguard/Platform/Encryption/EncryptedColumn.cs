using Microsoft.EntityFrameworkCore;

namespace Safeguard.Platform.Encryption;

/// <summary>A column of <typeparamref name="TContext"/>'s model that holds values encrypted for <see cref="Purpose"/>.</summary>
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
}
