using System.Diagnostics.CodeAnalysis;

namespace Safeguard.Statistics.Model;

/// <summary>
/// Optional breakdown dimensions of an observation (sex, age band, nationality, length of detention, ...),
/// kept as a canonical, order-independent string so that "sex=female;age-band=18-29" and its reverse are one key.
/// </summary>
public static class Breakdown
{
    /// <summary>The canonical text for a set of dimension=category pairs; empty for none.</summary>
    public static string Canonical(IEnumerable<KeyValuePair<string, string>> parts) =>
        string.Join(';', parts
            .Select(p => (Dimension: p.Key.Trim().ToLowerInvariant(), Category: p.Value.Trim()))
            .OrderBy(p => p.Dimension, StringComparer.Ordinal)
            .Select(p => $"{p.Dimension}={p.Category}"));

    /// <summary>Parses "dimension=category;..."; fails on a part without '=' or with an empty side.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out IReadOnlyList<KeyValuePair<string, string>>? parts)
    {
        var result = new List<KeyValuePair<string, string>>();
        parts = null;
        foreach (var part in (text ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || equals == part.Length - 1)
            {
                return false;
            }
            result.Add(new(part[..equals].Trim(), part[(equals + 1)..].Trim()));
        }
        parts = result;
        return true;
    }
}
