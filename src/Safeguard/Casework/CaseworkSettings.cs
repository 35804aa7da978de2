using Safeguard.Platform;

namespace Safeguard.Casework;

/// <summary>The casework module's settings, read once at start (each documented in docs/configuration.md).</summary>
/// <param name="OverdueAfterDays">Days after which an awaited Home Office response is overdue.</param>
/// <param name="SuppressionThreshold">The smallest count cohort figures show.</param>
/// <param name="MaxDocumentBytes">The largest document a case accepts.</param>
/// <param name="ReferralsPerHour">Referral form submissions allowed per hour from one address.</param>
/// <param name="DifferencingDays">How many days back a cohort shown is compared with a new one (differencing).</param>
/// <param name="DifferencingCohorts">How many cohorts shown, the most recent first, a new one is compared with.</param>
internal sealed record CaseworkSettings(int OverdueAfterDays, int SuppressionThreshold, long MaxDocumentBytes, int ReferralsPerHour, int DifferencingDays, int DifferencingCohorts)
{
    public static CaseworkSettings Read(IConfiguration configuration) => new(
        Math.Clamp(configuration.GetValue(SafeguardSettings.CaseworkOverdueAfterDays, 14), 1, 365),
        Math.Clamp(configuration.GetValue(SafeguardSettings.CaseworkSuppressionThreshold, Cohorts.SmallNumberSuppression.DefaultThreshold), 1, 1000),
        Math.Clamp(configuration.GetValue(SafeguardSettings.CaseworkMaxDocumentBytes, 20L * 1024 * 1024), 1024, 1024L * 1024 * 1024),
        Math.Clamp(configuration.GetValue(SafeguardSettings.CaseworkReferralsPerHour, 10), 1, 10_000),
        Math.Clamp(configuration.GetValue(SafeguardSettings.CaseworkDifferencingDays, 365), 1, 3650),
        Math.Clamp(configuration.GetValue(SafeguardSettings.CaseworkDifferencingCohorts, 1000), 1, 100_000));
}
