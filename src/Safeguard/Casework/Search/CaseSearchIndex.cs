using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Safeguard.Casework.Cases;
using Safeguard.Casework.Data;
using Safeguard.Casework.Protection;
using Safeguard.Platform.Encryption;

namespace Safeguard.Casework.Search;

/// <summary>
/// The blind index that finds cases by name, Home Office reference and date of birth, fields that are stored only
/// encrypted. Each value is normalised (case, spaces, punctuation and diacritics folded: "Zéphyrine  QUILL-feather"
/// reads as "zephyrine quill feather") and hashed with HMAC-SHA256 under a key of its own (<see cref="CaseSearchKey"/>)
/// with the name of its field, so equal values of one field match and nothing else does. Without the key the hashes
/// cannot be tested against guesses (a name list, every date of birth), which a plain hash would allow.
/// </summary>
internal sealed class CaseSearchIndex(CaseworkDbContext db, FieldEncryption cipher)
{
    public const int KeyRow = 1;

    private byte[]? key;

    /// <summary>The entries of a client with <paramref name="identity"/>: replaces any it had, to be saved by the caller.</summary>
    public async Task IndexAsync(Client client, ClientIdentity identity, CancellationToken cancellationToken)
    {
        var hashes = (await HashesAsync(Terms(identity), cancellationToken)).ToHashSet(StringComparer.Ordinal);
        client.SearchEntries.RemoveAll(e => !hashes.Contains(e.Hash));
        client.SearchEntries.AddRange(hashes.Where(h => client.SearchEntries.All(e => e.Hash != h)).Select(h => new CaseSearchEntry { Hash = h }));
    }

    /// <summary>
    /// The hashes that what was typed would have in the index, as each field it could be: a whole name, one part of a
    /// name, a Home Office reference, a date of birth (day/month/year, as every form takes dates).
    /// </summary>
    public async Task<IReadOnlyList<string>> QueryHashesAsync(string typed, CancellationToken cancellationToken)
    {
        var terms = new List<string> { Term(WholeName, typed), Term(Reference, typed) };
        if (Words(typed).Length == 1)
        {
            terms.Add(Term(NamePart, typed));
        }
        if (Platform.Web.Forms.FormDates.Parse(typed.Trim()) is { } born)
        {
            terms.Add(Term(BirthDate, born.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }
        return await HashesAsync(terms.Where(t => t.Length > t.IndexOf(':', StringComparison.Ordinal) + 1), cancellationToken);
    }

    /// <summary>
    /// Gives every client without an index entry its entries (the cases opened before the index, or loaded as
    /// demonstration data), decrypting each identity once; run after migrating, so that search finds every case.
    /// </summary>
    public async Task BackfillAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var clients = await db.Clients.Include(c => c.SearchEntries).Where(c => !c.SearchEntries.Any()).OrderBy(c => c.Id).Take(200).ToListAsync(cancellationToken);
            if (clients.Count == 0)
            {
                return;
            }
            foreach (var client in clients)
            {
                await IndexAsync(client, new ClientIdentity(
                    cipher.Decrypt(client.NameCipher, CaseFields.ClientName),
                    cipher.Decrypt(client.DateOfBirthCipher, CaseFields.ClientDateOfBirth) is { } born ? DateOnly.ParseExact(born, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
                    null, null, cipher.Decrypt(client.HomeOfficeReferenceCipher, CaseFields.ClientHomeOfficeReference), null), cancellationToken);
            }
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
    }

    private const string WholeName = "name";
    private const string NamePart = "name-part";
    private const string Reference = "home-office-reference";
    private const string BirthDate = "date-of-birth";

    /// <summary>What a client is found by: its whole name, each part of it, its Home Office reference, its date of birth.</summary>
    private static IEnumerable<string> Terms(ClientIdentity identity)
    {
        yield return Term(WholeName, identity.Name);
        foreach (var part in Words(identity.Name))
        {
            yield return Term(NamePart, part);
        }
        if (identity.HomeOfficeReference is { } reference && Words(reference).Length > 0)
        {
            yield return Term(Reference, reference);
        }
        if (identity.DateOfBirth is { } born)
        {
            yield return Term(BirthDate, born.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
    }

    /// <summary>
    /// A field's name and its value normalised: a reference without its spaces or punctuation ("x 123-4567" is
    /// "x1234567"), anything else as its words joined by one space.
    /// </summary>
    private static string Term(string field, string value) =>
        $"{field}:{string.Join(field == Reference ? "" : " ", Words(value))}";

    /// <summary>The words of <paramref name="value"/>: letters and digits, lower case, without diacritics; anything else separates them.</summary>
    private static string[] Words(string value)
    {
        var folded = new StringBuilder(value.Length);
        foreach (var character in value.Normalize(NormalizationForm.FormD))
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(character);
            if (category == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            folded.Append(char.IsLetterOrDigit(character) ? char.ToLowerInvariant(character) : ' ');
        }
        return folded.ToString().Normalize(NormalizationForm.FormC).Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }

    private async Task<IReadOnlyList<string>> HashesAsync(IEnumerable<string> terms, CancellationToken cancellationToken)
    {
        var secret = await KeyAsync(cancellationToken);
        return [.. terms.Distinct(StringComparer.Ordinal).Select(t => Convert.ToHexStringLower(HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes(t))))];
    }

    /// <summary>The index key, made the first time it is needed.</summary>
    private async Task<byte[]> KeyAsync(CancellationToken cancellationToken)
    {
        if (key is not null)
        {
            return key;
        }
        var stored = await db.Set<CaseSearchKey>().AsNoTracking().Where(k => k.Id == KeyRow).Select(k => k.KeyCipher).SingleOrDefaultAsync(cancellationToken);
        if (stored is null)
        {
            var made = cipher.Encrypt(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), CaseFields.SearchIndexKey);
            // Written apart from whatever the caller has in hand (a new case not saved yet); of two made at once, the
            // first written stands and both read it.
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"INSERT INTO casework_search_keys (\"Id\", \"KeyCipher\") VALUES ({KeyRow}, {made}) ON CONFLICT DO NOTHING", cancellationToken);
            stored = await db.Set<CaseSearchKey>().AsNoTracking().Where(k => k.Id == KeyRow).Select(k => k.KeyCipher).SingleAsync(cancellationToken);
        }
        key = Convert.FromBase64String(cipher.Decrypt(stored, CaseFields.SearchIndexKey));
        return key;
    }
}
