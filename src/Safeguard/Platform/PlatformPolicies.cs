namespace Safeguard.Platform;

/// <summary>Names of platform-wide policies.</summary>
public static class PlatformPolicies
{
    /// <summary>Any origin may read (GET, HEAD) public data.</summary>
    public const string ReadOnlyCors = "read-only";
}
