using Safeguard.Platform;

namespace Safeguard.Foi;

/// <summary>The FOI module's settings (docs/configuration.md).</summary>
/// <param name="MaxDocumentBytes">The largest answer document that can be attached.</param>
/// <param name="ReminderWorkingDays">How many working days before a deadline its owner is reminded.</param>
/// <param name="ReminderHour">The hour of the day at which reminders are queued.</param>
internal sealed record FoiSettings(long MaxDocumentBytes, int ReminderWorkingDays, int ReminderHour)
{
    public static FoiSettings Read(IConfiguration configuration) => new(
        Math.Clamp(configuration.GetValue(SafeguardSettings.FoiMaxDocumentBytes, 20L * 1024 * 1024), 1024, 1L << 30),
        Math.Clamp(configuration.GetValue(SafeguardSettings.FoiReminderWorkingDays, 5), 1, 20),
        Math.Clamp(configuration.GetValue(SafeguardSettings.FoiReminderHour, 7), 0, 23));
}
