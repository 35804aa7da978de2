using System.Globalization;
using NodaTime;
using Safeguard.Platform.Web.Forms;

namespace Safeguard.Site.News;

/// <summary>
/// The charity's clock: editors schedule posts and readers see their dates in UK time (GMT or BST), while the database
/// keeps UTC. The zone comes from the time-zone database NodaTime carries, so it does not depend on the server's own.
/// </summary>
internal static class UkTime
{
    private static readonly DateTimeZone London = DateTimeZoneProviders.Tzdb["Europe/London"];

    /// <summary>
    /// The UTC moment of a UK wall-clock time. In the hour the clocks go back, which happens twice, the earlier;
    /// in the hour they go forward, which does not happen, the moment an hour later.
    /// </summary>
    public static DateTime ToUtc(DateOnly date, TimeOnly time) =>
        London.AtLeniently(new LocalDateTime(date.Year, date.Month, date.Day, time.Hour, time.Minute)).ToDateTimeUtc();

    /// <summary>The UK wall-clock time of a UTC moment.</summary>
    public static DateTime FromUtc(DateTime utc) =>
        Instant.FromDateTimeUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).InZone(London).ToDateTimeUnspecified();

    /// <summary>A UTC moment as pages show it in UK time: "7 December 2026 at 14:03".</summary>
    public static string Show(DateTime utc) => FromUtc(utc).ToString("d MMMM yyyy 'at' HH:mm", CultureInfo.InvariantCulture);

    /// <summary>A UTC moment's day in UK time: "7 December 2026".</summary>
    public static string ShowDay(DateTime utc) => FormDates.Show(DateOnly.FromDateTime(FromUtc(utc)));
}
