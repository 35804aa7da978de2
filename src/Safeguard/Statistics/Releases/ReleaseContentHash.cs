using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Safeguard.Statistics.Model;
using Safeguard.Statistics.Reading;

namespace Safeguard.Statistics.Releases;

/// <summary>
/// The fingerprint of a release's content: SHA-256 over one canonical line per observation, sorted, so the hash
/// depends on the figures and their provenance and on nothing else (not row ids, not insertion order).
/// Anyone holding the release's JSON download can recompute it.
/// </summary>
internal static class ReleaseContentHash
{
    public static string Compute(IEnumerable<ObservationRow> rows)
    {
        var lines = rows.Select(CanonicalLine).Order(StringComparer.Ordinal);
        var text = string.Join('\n', lines);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>Fields joined by a unit separator, which cannot occur in any of them.</summary>
    private static string CanonicalLine(ObservationRow row) => string.Join('\u001f',
        row.Measure, row.Place, row.PeriodKey, row.Breakdown,
        row.Value?.ToString("0.############", CultureInfo.InvariantCulture) ?? "",
        row.Status.Code(), row.Note ?? "", row.SourceSha256, row.SourceLocation);
}
