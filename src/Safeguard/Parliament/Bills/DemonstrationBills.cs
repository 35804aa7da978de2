using Microsoft.EntityFrameworkCore;
using Safeguard.Parliament.Data;
using Safeguard.Parliament.Register;

namespace Safeguard.Parliament.Bills;

/// <summary>
/// The Border Security, Asylum and Immigration Bill 2025 as the charity followed it: its introduction in the Commons,
/// the Lords committee day of 3 September 2025 on which Lord German's new clause for a 28-day time limit on detention,
/// supported by Baroness Lister of Burtersett and the Lord Bishop of Chelmsford, was debated, and the charity's joint
/// briefing on it. Added once, on the demonstration register (which holds Lord German and Baroness Lister from the
/// group's file); the Bishop, who is not in the group, is added to the register as a peer without an MNIS id.
/// </summary>
internal static class DemonstrationBills
{
    private const string Bishop = "The Lord Bishop of Chelmsford";

    public static async Task LoadAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<ParliamentDbContext>();
        var peers = await db.Parliamentarians.Where(p => p.Name == "Lord German" || p.Name == "Baroness Lister of Burtersett" || p.Name == Bishop)
            .ToDictionaryAsync(p => p.Name, StringComparer.Ordinal, cancellationToken);
        if (await db.Bills.AnyAsync(cancellationToken) || !peers.TryGetValue("Lord German", out var german) || !peers.TryGetValue("Baroness Lister of Burtersett", out var lister))
        {
            return;
        }
        if (!peers.TryGetValue(Bishop, out var bishop))
        {
            bishop = new Parliamentarian { Name = Bishop, House = House.Lords, Party = "Bishops", EnteredOn = new DateOnly(2025, 9, 3) };
            db.Parliamentarians.Add(bishop);
        }
        var committee = new BillStage { House = House.Lords, Name = "Committee stage", Date = new DateOnly(2025, 9, 3) };
        var amendment = new Amendment
        {
            Clause = "New clause",
            ShortTitle = "A 28-day time limit on immigration detention",
            Text = "No one may be held in immigration detention for longer than 28 days.",
            Mover = german,
            Supporters = [new AmendmentSupporter { Parliamentarian = lister }, new AmendmentSupporter { Parliamentarian = bishop }],
            Stage = committee,
            DebatedOn = committee.Date,
            Supported = true,
        };
        db.Bills.Add(new Bill
        {
            Slug = "border-security-asylum-and-immigration-bill-2025",
            Title = "Border Security, Asylum and Immigration Bill 2025",
            ParliamentUrl = "https://bills.parliament.uk/bills/3929",
            Stages = [new BillStage { House = House.Commons, Name = "First reading", Date = new DateOnly(2025, 1, 30) }, committee],
            Amendments = [amendment],
            Briefings =
            [
                new Briefing
                {
                    Title = "Joint briefing: why the Bill needs a 28-day time limit on detention",
                    Date = new DateOnly(2025, 9, 1),
                    Audience = "Peers",
                    CoSignedWith = "other NGOs",
                    Published = true,
                    Amendment = amendment,
                },
            ],
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}
