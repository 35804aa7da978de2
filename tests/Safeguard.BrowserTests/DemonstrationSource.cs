using System.Security.Cryptography;

namespace Safeguard.BrowserTests;

/// <summary>The source document the demonstration release cites, as the application stores it.</summary>
internal static class DemonstrationSource
{
    /// <summary>The SHA-256 of the excerpt built into the application, which is also its address on the portal.</summary>
    public static string Sha256 { get; } = Hash();

    public static string PagePath => $"/statistics/sources/{Sha256}";

    private static string Hash()
    {
        using var stream = typeof(Program).Assembly.GetManifestResourceStream("Safeguard.Statistics.Demonstration.seed-2024-top-line.txt")
            ?? throw new InvalidOperationException("The demonstration source excerpt is missing from the application's build.");
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
