namespace Safeguard.Foi.Calendar;

/// <summary>
/// A member of staff's secret calendar address. Only the SHA-256 of its token is kept, so the address is shown once,
/// when made; making a new one, or revoking it, ends the old one.
/// </summary>
internal sealed class FoiCalendarFeed
{
    public int Id { get; set; }

    /// <summary>The staff account whose address it is; the feed stops when the account is deactivated or loses its role.</summary>
    public required string OwnerId { get; set; }

    /// <summary>Lower-case hexadecimal SHA-256 of the token in the address.</summary>
    public required string TokenSha256 { get; set; }

    /// <summary>Only the requests the owner answers for, rather than every request.</summary>
    public bool OnlyOwned { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime? RevokedAtUtc { get; set; }

    /// <summary>When a calendar last read it, to show that the address is in use.</summary>
    public DateTime? LastReadAtUtc { get; set; }
}
