using System.Data;
using Microsoft.EntityFrameworkCore;
using Safeguard.Parliament.Data;
using Safeguard.Parliament.Postcodes;

namespace Safeguard.Parliament.YourMp;

/// <summary>What a lookup found, each answered on the page with a sentence saying what to do.</summary>
internal enum YourMpOutcome
{
    /// <summary>Nothing a postcode could be.</summary>
    NotAPostcode,

    /// <summary>A postcode's shape, but not in the ONS file.</summary>
    NotFound,

    /// <summary>Jersey, Guernsey or the Isle of Man: no MP at Westminster.</summary>
    CrownDependency,

    /// <summary>In the file, but ONS gives no constituency (a terminated postcode without one, or no grid reference).</summary>
    NoConstituency,

    /// <summary>The constituency has no MP now: the register's MP for it has left.</summary>
    VacantSeat,

    Found,
}

/// <summary>An MP as the page shows them, with their place in the group.</summary>
internal sealed record YourMpMember(int Id, string Name, string? Party, string? Email, bool InGroup, string? Role);

/// <summary>A lookup's answer: the postcode read, when it was one; its seat and MP, when found.</summary>
internal sealed record YourMpAnswer(YourMpOutcome Outcome, Postcode? Postcode = null, DateOnly? TerminatedOn = null,
    string? ConstituencyCode = null, string? Constituency = null, YourMpMember? Mp = null)
{
    public CrownDependency? CrownDependency => Postcode?.CrownDependency;
}

/// <summary>
/// Postcode to 2024 constituency (the ONS edition in use), constituency to MP (the register, held by
/// <see cref="SeatDirectory"/>), MP to the group. It reads only: nothing a person types is kept.
/// </summary>
internal sealed class YourMpLookup(ParliamentDbContext db, SeatDirectory seats)
{
    // One statement by hand, on the context's own connection: the lookup is a hot public read, and building,
    // translating and materialising a query through the ORM cost more than the seek itself. The edition in use is a
    // scalar subquery (run once), so both engines seek the primary key (edition, postcode) among 2.7 million rows an
    // edition rather than scan for the postcode.
    private const string FindPostcodeSql = """
        SELECT "ConstituencyCode", "TerminatedOn" FROM parliament_postcodes
        WHERE "EditionId" = (SELECT "Id" FROM parliament_postcode_editions WHERE "InUse" LIMIT 1) AND "Postcode" = @postcode
        """;

    public async Task<YourMpAnswer> FindAsync(string? typed, CancellationToken cancellationToken)
    {
        if (!Postcode.TryRead(typed, out var postcode))
        {
            return new YourMpAnswer(YourMpOutcome.NotAPostcode);
        }
        // The Channel Islands and the Isle of Man are in ONS's files too, without a constituency: say why, whether or not this one is.
        if (postcode.CrownDependency is not null)
        {
            return new YourMpAnswer(YourMpOutcome.CrownDependency, postcode);
        }
        var place = await FindPostcodeAsync(postcode.Key, cancellationToken);
        if (place is null)
        {
            return new YourMpAnswer(YourMpOutcome.NotFound, postcode);
        }
        if (place.ConstituencyCode is null)
        {
            return new YourMpAnswer(YourMpOutcome.NoConstituency, postcode, place.TerminatedOn);
        }
        return await SeatAsync(place.ConstituencyCode, cancellationToken) with { Postcode = postcode, TerminatedOn = place.TerminatedOn };
    }

    /// <summary>A constituency's MP, found again by its code (the letter's form carries the code, never the postcode).</summary>
    public ValueTask<YourMpAnswer> SeatAsync(string constituencyCode, CancellationToken cancellationToken) =>
        seats.SeatAsync(constituencyCode, cancellationToken);

    private async Task<PostcodeSeat?> FindPostcodeAsync(string key, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = FindPostcodeSql;
            var postcode = command.CreateParameter();
            postcode.ParameterName = "postcode";
            postcode.Value = key;
            command.Parameters.Add(postcode);
            await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SingleRow, cancellationToken);
            return await reader.ReadAsync(cancellationToken)
                ? new PostcodeSeat(reader.IsDBNull(0) ? null : reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetFieldValue<DateOnly>(1))
                : null;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private sealed record PostcodeSeat(string? ConstituencyCode, DateOnly? TerminatedOn);
}
