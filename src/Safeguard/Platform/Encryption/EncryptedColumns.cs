using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace Safeguard.Platform.Encryption;

/// <summary>How a module tells the platform which of its columns hold encrypted values, so that key rotation finds them.</summary>
public static class EncryptedColumnsRegistration
{
    /// <summary>
    /// Registers a module's encrypted columns, one line per module in its <c>AddX()</c>:
    /// <code>
    /// services.AddEncryptedColumns&lt;CaseworkDbContext&gt;(columns => columns
    ///     .Text&lt;Client&gt;(c => c.Name, CaseworkPurposes.ClientName)
    ///     .Bytes&lt;CaseDocument&gt;(d => d.Content, CaseworkPurposes.Document));
    /// </code>
    /// The module still encrypts and decrypts in its own service layer with <see cref="FieldEncryption"/>, with the
    /// same purpose; this only lets <c>keys rotate</c> re-encrypt the stored values and <c>keys list</c> count them.
    /// Tables and columns are found from the context's model when needed, on whichever database is configured.
    /// </summary>
    public static IServiceCollection AddEncryptedColumns<TContext>(this IServiceCollection services, Action<EncryptedColumns<TContext>> columns)
        where TContext : DbContext
    {
        var registered = new EncryptedColumns<TContext>();
        columns(registered);
        foreach (var column in registered.Columns)
        {
            services.AddSingleton<IEncryptedData>(column);
        }
        return services;
    }
}

/// <summary>The encrypted columns of one module's context; see <see cref="EncryptedColumnsRegistration.AddEncryptedColumns{TContext}"/>.</summary>
public sealed class EncryptedColumns<TContext>
    where TContext : DbContext
{
    internal List<EncryptedColumn<TContext>> Columns { get; } = [];

    /// <summary>A text column holding what <see cref="FieldEncryption.Encrypt"/> made for <paramref name="purpose"/>.</summary>
    public EncryptedColumns<TContext> Text<TEntity>(Expression<Func<TEntity, string?>> property, string purpose)
        where TEntity : class => Add(typeof(TEntity), property, purpose, binary: false);

    /// <summary>A binary column holding what <see cref="FieldEncryption.EncryptBytes"/> made for <paramref name="purpose"/>.</summary>
    public EncryptedColumns<TContext> Bytes<TEntity>(Expression<Func<TEntity, byte[]?>> property, string purpose)
        where TEntity : class => Add(typeof(TEntity), property, purpose, binary: true);

    private EncryptedColumns<TContext> Add(Type entity, LambdaExpression property, string purpose, bool binary)
    {
        if (property.Body is not MemberExpression { Member.Name: var name } member || member.Expression != property.Parameters[0])
        {
            throw new ArgumentException("Name a property of the entity itself, e.g. c => c.Name.", nameof(property));
        }
        FieldEncryption.CheckPurpose(purpose);
        Columns.Add(new EncryptedColumn<TContext>(entity, name, purpose, binary));
        return this;
    }
}
