using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Safeguard.Audit.Contracts;
using Safeguard.Foi.Data;
using Safeguard.Platform.Web.Forms;

namespace Safeguard.Foi.Calendar;

/// <summary>
/// Secret calendar addresses, one at most per member of staff. Calendar apps cannot sign in, so the address itself is
/// the key: 32 random bytes, of which only the SHA-256 is stored. Making a new address or revoking it ends the old one;
/// the feed also stops when the account is deactivated or loses the FOI role (checked on every read).
/// </summary>
internal sealed class FoiCalendarFeeds(FoiDbContext db, TimeProvider clock, IAuditTrail audit, IAuditOrigin origin)
{
    public const string RecordType = "foi-calendar";

    /// <summary>The owner's address in use, or null.</summary>
    public Task<FoiCalendarFeed?> ActiveAsync(string ownerId, CancellationToken cancellationToken) =>
        db.CalendarFeeds.AsNoTracking().FirstOrDefaultAsync(f => f.OwnerId == ownerId && f.RevokedAtUtc == null, cancellationToken);

    /// <summary>Makes a new address for the owner, revoking any other; returns its token, which is never shown again.</summary>
    public async Task<string> CreateAsync(string ownerId, bool onlyOwned, CancellationToken cancellationToken)
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var revoked = await RevokeAllAsync(ownerId, cancellationToken);
        var feed = new FoiCalendarFeed { OwnerId = ownerId, TokenSha256 = Hash(token), OnlyOwned = onlyOwned, CreatedAtUtc = clock.GetUtcNow().UtcDateTime };
        db.CalendarFeeds.Add(feed);
        await db.SaveChangesAsync(cancellationToken);
        await RecordAsync(AuditAction.KeyChange, ownerId, revoked > 0 ? "calendar address made; the earlier one revoked" : "calendar address made", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return token;
    }

    /// <summary>Ends the owner's address; false when there was none.</summary>
    public async Task<bool> RevokeAsync(string ownerId, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await RevokeAllAsync(ownerId, cancellationToken) == 0)
        {
            return false;
        }
        await RecordAsync(AuditAction.KeyChange, ownerId, "calendar address revoked", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>The address a token opens, noting that it was read; null for a token that is unknown or revoked.</summary>
    public async Task<FoiCalendarFeed?> ReadAsync(string token, CancellationToken cancellationToken)
    {
        var hash = Hash(token);
        var feed = await db.CalendarFeeds.FirstOrDefaultAsync(f => f.TokenSha256 == hash && f.RevokedAtUtc == null, cancellationToken);
        if (feed is not null)
        {
            feed.LastReadAtUtc = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(cancellationToken);
        }
        return feed;
    }

    private Task<int> RevokeAllAsync(string ownerId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return db.CalendarFeeds.Where(f => f.OwnerId == ownerId && f.RevokedAtUtc == null)
            .ExecuteUpdateAsync(set => set.SetProperty(f => f.RevokedAtUtc, now), cancellationToken);
    }

    private Task RecordAsync(AuditAction action, string ownerId, string detail, CancellationToken cancellationToken) =>
        audit.RecordAsync(new AuditEvent(origin.Actor, action, RecordType, ownerId, origin.Source, detail),
            db.Database.CurrentTransaction!.GetDbTransaction(), cancellationToken);

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>Whether a string has the shape of a token (43 URL-safe Base64 characters), before any database is asked.</summary>
    public static bool LooksLikeToken(string token) =>
        token.Length == 43 && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    /// <summary>"made on 3 March 2026, last read by a calendar on 4 March 2026 at 09:12 UTC".</summary>
    public static string Describe(FoiCalendarFeed feed) =>
        $"made on {FormDates.Show(feed.CreatedAtUtc)}, {(feed.LastReadAtUtc is { } read ? $"last read by a calendar on {FormDates.ShowTime(read)}" : "not read by a calendar yet")}";
}
