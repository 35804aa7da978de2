using Safeguard.Platform;

namespace Safeguard.Foi;

/// <summary>The FOI module's settings (docs/configuration.md).</summary>
/// <param name="MaxDocumentBytes">The largest answer document that can be attached.</param>
/// <param name="ReminderWorkingDays">How many working days before a deadline its owner is reminded.</param>
/// <param name="ReminderHour">The hour of the day at which reminders are queued.</param>
/// <param name="PublicBaseUrl">The site's public address (<c>Safeguard:PublicBaseUrl</c>), for links in e-mails and calendars.</param>
internal sealed record FoiSettings(long MaxDocumentBytes, int ReminderWorkingDays, int ReminderHour, string? PublicBaseUrl)
{
    public static FoiSettings Read(IConfiguration configuration) => new(
        Math.Clamp(configuration.GetValue(SafeguardSettings.FoiMaxDocumentBytes, 20L * 1024 * 1024), 1024, 1L << 30),
        Math.Clamp(configuration.GetValue(SafeguardSettings.FoiReminderWorkingDays, 5), 1, 20),
        Math.Clamp(configuration.GetValue(SafeguardSettings.FoiReminderHour, 7), 0, 23),
        configuration[SafeguardSettings.PublicBaseUrl] is { Length: > 0 } url ? url.TrimEnd('/') : null);

    /// <summary>The address links start with: the configured one, else the request's, else the default of <c>serve</c>.</summary>
    public string BaseUrl(HttpRequest? request) =>
        PublicBaseUrl ?? (request is null ? "http://localhost:5000" : $"{request.Scheme}://{request.Host}{request.PathBase}");
}
