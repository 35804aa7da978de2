using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Safeguard.Audit.Data;

namespace Safeguard.Audit.Chain;

/// <summary>The outcome of checking the chain: intact with its length and head, or the first entry that is broken.</summary>
/// <param name="Entries">How many entries were checked (up to, not including, the broken one).</param>
/// <param name="HeadHash">The hash of the last intact entry (64 zeros for an empty trail): note it down to detect later truncation.</param>
/// <param name="BrokenAt">The sequence number of the first broken entry, or null when intact.</param>
/// <param name="Problem">What is wrong with it, in words, naming the entry.</param>
/// <param name="Anchor">The anchor the trail was checked against, if any.</param>
/// <param name="AgainstAnchor">Whether only the anchor shows the problem (the chain itself links up).</param>
internal sealed record AuditVerification(long Entries, string HeadHash, long? BrokenAt, string? Problem, AuditAnchor? Anchor = null, bool AgainstAnchor = false)
{
    public bool Intact => BrokenAt is null;

    /// <summary>The head as an anchor to write down (<c>N:HASH</c>); null when the trail is broken or empty.</summary>
    public AuditAnchor? Head => Intact && Entries > 0 ? new AuditAnchor(Entries, HeadHash) : null;

    /// <summary>
    /// The outcome in one sentence, the same from <c>audit verify</c> and the administrators' page: "The audit trail is
    /// intact: 1,234 entries; the last entry's hash is ..." or "The audit trail is broken: entry 58: ...".
    /// </summary>
    public string Summary => Intact
        ? Invariant($"The audit trail is intact: {Entries:#,0} entries; the last entry's hash is {HeadHash}.{(Anchor is null ? "" : Invariant($" Entry {Anchor.Sequence:#,0} is the one anchored."))}")
        : Invariant($"The audit trail is broken: {Problem}.");

    /// <summary>What to do next.</summary>
    public string Advice => (Head, AgainstAnchor) switch
    {
        ({ } head, _) => $"Keep the anchor {head} somewhere the database's users cannot change (see docs/audit.md): checked against it later (audit verify --anchor {head}), the trail shows any entry up to it removed or rewritten since.",
        (null, _) when Intact => "The trail is empty: there is nothing to anchor yet.",
        (null, true) => "The chain itself links up, so whoever did it could write to the database and recompute hashes. Keep the database as it is and report it.",
        (null, false) => Invariant($"The {Entries:#,0} entries before it are intact. Keep the database as it is and report it."),
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

/// <summary>
/// Walks the trail in sequence order, one entry at a time (never the whole trail in memory), recomputing each hash
/// and each link to the entry before, and stops at the first entry that is wrong.
/// </summary>
internal sealed class AuditVerifier(AuditDatabase database)
{
    /// <summary>How often progress is reported, in entries.</summary>
    public const int ProgressInterval = 100_000;

    public Task<AuditVerification> VerifyAsync(IProgress<long>? progress, CancellationToken cancellationToken) =>
        VerifyAsync(progress, null, cancellationToken);

    /// <summary>Checks the chain and, given an <paramref name="anchor"/>, that the anchored entry is still there with its hash.</summary>
    public async Task<AuditVerification> VerifyAsync(IProgress<long>? progress, AuditAnchor? anchor, CancellationToken cancellationToken)
    {
        await using var db = database.Open();
        long checkedEntries = 0;
        long expected = 1;
        var previousHash = AuditEntryHash.Genesis;
        await foreach (var entry in db.Entries.AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (entry.Sequence != expected)
            {
                // Ordered by the primary key, a number can only be skipped, never repeated or out of order.
                var problem = entry.Sequence == expected + 1
                    ? $"entry {Number(expected)} is missing (deleted after it was written)"
                    : $"entries {Number(expected)} to {Number(entry.Sequence - 1)} are missing (deleted after they were written)";
                return new(checkedEntries, previousHash, expected, problem);
            }
            if (AuditEntryHash.Compute(entry) != entry.Hash)
            {
                return new(checkedEntries, previousHash, entry.Sequence,
                    $"entry {Number(entry.Sequence)}: its hash does not match its contents (changed after it was written)");
            }
            if (entry.PreviousHash != previousHash)
            {
                return new(checkedEntries, previousHash, entry.Sequence, entry.Sequence == 1
                    ? $"entry 1: previous hash is not the starting value of 64 zeros"
                    : $"entry {Number(entry.Sequence)}: previous hash does not match entry {Number(entry.Sequence - 1)}");
            }
            if (entry.Sequence == anchor?.Sequence && entry.Hash != anchor.Hash)
            {
                return new(checkedEntries, previousHash, entry.Sequence,
                    $"entry {Number(entry.Sequence)} is not the entry anchored: its hash is not {anchor.Hash[..12]}…, so the trail up to it was rewritten after the anchor was taken",
                    anchor, AgainstAnchor: true);
            }
            previousHash = entry.Hash;
            checkedEntries++;
            expected++;
            if (checkedEntries % ProgressInterval == 0)
            {
                progress?.Report(checkedEntries);
            }
        }
        if (anchor is not null && checkedEntries < anchor.Sequence)
        {
            var ends = checkedEntries == 0 ? "the trail is empty" : $"the trail ends at entry {Number(checkedEntries)}";
            return new(checkedEntries, previousHash, checkedEntries + 1, checkedEntries + 1 == anchor.Sequence
                    ? $"entry {Number(anchor.Sequence)} is missing: the anchor names it, but {ends} (deleted after the anchor was taken)"
                    : $"entries {Number(checkedEntries + 1)} to {Number(anchor.Sequence)} are missing: the anchor names entry {Number(anchor.Sequence)}, but {ends} (deleted after the anchor was taken)",
                anchor, AgainstAnchor: true);
        }
        return new(checkedEntries, previousHash, null, null, anchor);
    }

    private static string Number(long value) => value.ToString("#,0", CultureInfo.InvariantCulture);
}
