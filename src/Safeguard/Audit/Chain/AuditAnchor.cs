using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Safeguard.Audit.Chain;

/// <summary>
/// An entry's number and hash, written down outside Safeguard (<c>1234:9f2c…</c>). The chain alone cannot show entries
/// removed from its end, nor a trail rewritten by someone able to recompute every hash; checked against an anchor kept
/// elsewhere, it can: the anchored entry must still be there with the same hash.
/// </summary>
/// <param name="Sequence">The entry's sequence number, from 1.</param>
/// <param name="Hash">Its hash: 64 lower-case hex digits.</param>
internal sealed record AuditAnchor(long Sequence, string Hash)
{
    /// <summary>How an anchor is written: <c>N:HASH</c>, as <c>audit anchor</c> prints it.</summary>
    public const string Form = "N:HASH";

    /// <summary>Reads <c>N:HASH</c> (the hash in either case); false for anything else.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out AuditAnchor? anchor)
    {
        anchor = null;
        var parts = (text ?? "").Trim().Split(':');
        if (parts.Length != 2
            || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence) || sequence < 1
            || parts[1].Length != 64 || !parts[1].All(char.IsAsciiHexDigit))
        {
            return false;
        }
        anchor = new AuditAnchor(sequence, parts[1].ToLowerInvariant());
        return true;
    }

    /// <summary><c>N:HASH</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Sequence}:{Hash}");
}
