using Safeguard.Accounts.Contracts;
using Safeguard.Foi.Requests;
using Safeguard.Foi.Staff;
using Safeguard.Platform;

namespace Safeguard.Foi.Calendar;

/// <summary>
/// <c>GET /staff/foi/calendar/{token}.ics</c>: a member of staff's deadlines for their calendar app, which cannot sign
/// in. Anonymous to the cookie policies; the token is the key. An unknown or revoked token, or one whose owner has been
/// deactivated or has lost the FOI role, is a 404 like any address that does not exist.
/// </summary>
internal static class FoiCalendarEndpoint
{
    public static void MapFoiCalendar(this IEndpointRouteBuilder app) =>
        app.MapRead(FoiStaffPaths.CalendarFeedPattern, GetAsync).AllowAnonymous().ExcludeFromDescription();

    private static async Task<IResult> GetAsync(string token, HttpContext context, FoiCalendarFeeds feeds, StaffDirectory staff, FoiRequestBook book,
        PublicAddress site, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!FoiCalendarFeeds.LooksLikeToken(token)
            || await feeds.ReadAsync(token, cancellationToken) is not { } feed
            || await staff.FindAsync(feed.OwnerId, StaffRoles.Foi) is null)
        {
            return TypedResults.NotFound();
        }
        var deadlines = await book.PendingDeadlinesAsync(feed.OnlyOwned ? feed.OwnerId : null, cancellationToken);
        return TypedResults.Text(FoiCalendarWriter.Write(deadlines, site.Of(context.Request), clock.GetUtcNow()), FoiCalendarWriter.ContentType);
    }
}
