using Safeguard.Platform;

namespace Safeguard.Parliament;

/// <summary>The Parliament module's settings read once (docs/configuration.md).</summary>
/// <param name="MaxDocumentBytes">The largest PDF that can be attached to a meeting.</param>
internal sealed record ParliamentSettings(long MaxDocumentBytes)
{
    public static ParliamentSettings Read(IConfiguration configuration) =>
        new(Math.Clamp(configuration.GetValue(SafeguardSettings.ParliamentMaxDocumentBytes, 20L * 1024 * 1024), 1024, 1L << 30));
}
