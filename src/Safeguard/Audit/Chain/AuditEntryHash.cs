using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Safeguard.Audit.Data;

namespace Safeguard.Audit.Chain;

/// <summary>
/// The hash that chains the trail: SHA-256 over a canonical encoding of an entry's fields, in which every field is
/// a netstring (its length in UTF-8 bytes in decimal, a colon, the bytes, a comma) and an absent field is the
/// length -1 with no bytes (<c>-1:,</c>, as PostgreSQL's own wire protocol marks a null). A length prefix leaves no
/// way to move text across a field boundary: "a|b" as actor and "a" as actor with "b..." in the next field encode
/// differently. docs/audit.md gives the layout, and a short program to recompute it, for auditors.
/// </summary>
internal static class AuditEntryHash
{
    // Text that is not valid UTF-16 (a lone surrogate) is refused rather than replaced, so two different values can
    // never encode to the same bytes.
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The previous hash of the first entry.</summary>
    public static readonly string Genesis = new('0', 64);

    /// <summary>The first field, naming the encoding, so a later version can never be mistaken for this one.</summary>
    public const string Version = "safeguard-audit-v1";

    /// <summary>The time as it is encoded: ISO 8601, UTC, to the microsecond, e.g. <c>2026-11-24T09:30:00.123456Z</c>.</summary>
    public static string Time(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>The canonical bytes of an entry (everything but its own hash).</summary>
    public static byte[] Encode(long sequence, DateTime timeUtc, string actor, string actionCode, string recordType, string? recordId,
        string source, string? detail, string previousHash)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        foreach (var field in (ReadOnlySpan<string?>)[Version, sequence.ToString(CultureInfo.InvariantCulture), Time(timeUtc), actor, actionCode,
            recordType, recordId, source, detail, previousHash])
        {
            Write(buffer, field);
        }
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>SHA-256 of <see cref="Encode"/>, 64 lower-case hex digits.</summary>
    public static string Compute(long sequence, DateTime timeUtc, string actor, string actionCode, string recordType, string? recordId,
        string source, string? detail, string previousHash) =>
        Convert.ToHexStringLower(SHA256.HashData(Encode(sequence, timeUtc, actor, actionCode, recordType, recordId, source, detail, previousHash)));

    /// <summary>The hash an entry should have, from its stored fields.</summary>
    public static string Compute(AuditEntry entry) => Compute(entry.Sequence, entry.TimeUtc, entry.Actor, entry.Action, entry.RecordType,
        entry.RecordId, entry.Source, entry.Detail, entry.PreviousHash);

    private static void Write(ArrayBufferWriter<byte> buffer, string? field)
    {
        if (field is null)
        {
            Ascii(buffer, "-1:,");
            return;
        }
        var length = Utf8.GetByteCount(field);
        Ascii(buffer, length.ToString(CultureInfo.InvariantCulture));
        Ascii(buffer, ":");
        var written = Utf8.GetBytes(field, buffer.GetSpan(length));
        buffer.Advance(written);
        Ascii(buffer, ",");
    }

    private static void Ascii(ArrayBufferWriter<byte> buffer, string text)
    {
        var written = Encoding.ASCII.GetBytes(text, buffer.GetSpan(text.Length));
        buffer.Advance(written);
    }
}
