using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Safeguard.Platform.Encryption;

/// <summary>
/// ASP.NET Core Data Protection's own keys (which protect sign-in cookies, antiforgery and Identity tokens) encrypted
/// at rest with the key ring: the secret part of each key's XML is replaced by an element holding a field-encryption
/// envelope, so the table that persists them holds no usable key.
/// </summary>
public static class DataProtectionKeyEncryption
{
    /// <summary>What the Data Protection keys are encrypted for.</summary>
    internal const string Purpose = "platform.data-protection-key";

    /// <summary>The element that stands in the key's XML for the encrypted part.</summary>
    internal static readonly XName Element = "encryptedWithKeyRing";

    /// <summary>
    /// Encrypts the Data Protection keys that <typeparamref name="TContext"/> persists with the key ring, and
    /// registers them with key rotation: <c>AddDataProtection().PersistKeysToDbContext&lt;C&gt;().ProtectKeysWithKeyRing&lt;C&gt;()</c>.
    /// </summary>
    public static IDataProtectionBuilder ProtectKeysWithKeyRing<TContext>(this IDataProtectionBuilder builder)
        where TContext : DbContext, IDataProtectionKeyContext
    {
        builder.Services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(services => new ConfigureOptions<KeyManagementOptions>(options =>
            options.XmlEncryptor = new KeyRingXmlEncryptor(services.GetRequiredService<FieldEncryption>())));
        builder.Services.AddSingleton<IEncryptedData, EncryptedDataProtectionKeys<TContext>>();
        return builder;
    }

    /// <summary>The envelope inside one of our elements; the element names the decryptor Data Protection will use.</summary>
    private sealed class KeyRingXmlEncryptor(FieldEncryption encryption) : IXmlEncryptor
    {
        public EncryptedXmlInfo Encrypt(XElement plaintextElement) => new(
            new XElement(Element, encryption.Encrypt(plaintextElement.ToString(SaveOptions.DisableFormatting), Purpose)),
            typeof(KeyRingXmlDecryptor));
    }

    /// <summary>Made by Data Protection from the type named in the stored XML, with the application's services.</summary>
    internal sealed class KeyRingXmlDecryptor(IServiceProvider services) : IXmlDecryptor
    {
        public XElement Decrypt(XElement encryptedElement) =>
            XElement.Parse(services.GetRequiredService<FieldEncryption>().Decrypt(encryptedElement.Value, Purpose));
    }

    /// <summary>The rows of the Data Protection keys table, for rotation: few (one key per 90 days), so read whole.</summary>
    private sealed class EncryptedDataProtectionKeys<TContext> : IEncryptedData
        where TContext : DbContext, IDataProtectionKeyContext
    {
        public string Purpose => DataProtectionKeyEncryption.Purpose;

        public async Task<IReadOnlyDictionary<string, long>> CountByKeyAsync(IServiceProvider services, CancellationToken cancellationToken)
        {
            var counts = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var (_, xml) in await RowsAsync(services, cancellationToken))
            {
                var envelopes = Envelopes(xml).ToList();
                foreach (var keyId in envelopes.Count == 0 ? [KeyUsage.NotEncrypted] : envelopes.Select(e => FieldEncryption.KeyIdOf(e.Value) ?? KeyUsage.NotEncrypted))
                {
                    counts[keyId] = counts.GetValueOrDefault(keyId) + 1;
                }
            }
            return counts;
        }

        public async Task<Reencryption> ReencryptAsync(IServiceProvider services, FieldEncryption encryption, ReencryptionRun run, CancellationToken cancellationToken)
        {
            var rows = await RowsAsync(services, cancellationToken);
            var stale = rows.Where(row => Envelopes(row.Xml).Any(e => !encryption.UsesCurrentKey(e.Value))).ToList();
            var db = services.GetRequiredService<TContext>();
            long done = 0;
            var failures = new List<string>();
            foreach (var (id, xml) in stale)
            {
                var document = XElement.Parse(xml);
                try
                {
                    foreach (var envelope in Envelopes(document).Where(e => !encryption.UsesCurrentKey(e.Value)))
                    {
                        envelope.Value = encryption.Encrypt(encryption.Decrypt(envelope.Value, Purpose), Purpose);
                    }
                }
                catch (FieldDecryptionException failure)
                {
                    failures.Add($"{Purpose}, row {id}: {failure.Message}");
                    continue;
                }
                var reencrypted = document.ToString(SaveOptions.DisableFormatting);
                // Only if the row is as it was read: nothing the application writes meanwhile is lost.
                done += await db.DataProtectionKeys.Where(k => k.Id == id && k.Xml == xml)
                    .ExecuteUpdateAsync(set => set.SetProperty(k => k.Xml, reencrypted), cancellationToken);
                run.Progress(Purpose, done, stale.Count);
            }
            return new Reencryption(done, failures);
        }

        private static async Task<List<(int Id, string Xml)>> RowsAsync(IServiceProvider services, CancellationToken cancellationToken) =>
            [.. (await services.GetRequiredService<TContext>().DataProtectionKeys.AsNoTracking().OrderBy(k => k.Id).Select(k => new { k.Id, k.Xml }).ToListAsync(cancellationToken))
                .Where(k => k.Xml is not null).Select(k => (k.Id, k.Xml!))];

        private static IEnumerable<XElement> Envelopes(string xml) => Envelopes(XElement.Parse(xml));

        private static IEnumerable<XElement> Envelopes(XElement key) => key.Descendants(Element);
    }
}
