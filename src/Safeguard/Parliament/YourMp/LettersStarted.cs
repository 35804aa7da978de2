using Microsoft.EntityFrameworkCore;
using Safeguard.Parliament.Data;

namespace Safeguard.Parliament.YourMp;

/// <summary>
/// How many letters to an MP were started in a constituency on a day: the only thing Safeguard keeps of a lookup and
/// a letter. No postcode, name, address or text is stored, so the count cannot lead back to a person.
/// </summary>
internal sealed class LettersStartedCount
{
    public required string ConstituencyCode { get; set; }

    public DateOnly Day { get; set; }

    public int Letters { get; set; }
}

/// <summary>Counts a letter started, in one statement both engines run the same way, so two nodes never lose a count.</summary>
internal sealed class LettersStarted(ParliamentDbContext db, TimeProvider time)
{
    public async Task CountAsync(string constituencyCode, CancellationToken cancellationToken)
    {
        var day = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO parliament_letters_started ("ConstituencyCode", "Day", "Letters") VALUES ({constituencyCode}, {day}, 1)
            ON CONFLICT ("ConstituencyCode", "Day") DO UPDATE SET "Letters" = parliament_letters_started."Letters" + 1
            """, cancellationToken);
    }
}
