using Microsoft.EntityFrameworkCore;
using Safeguard.Parliament.Data;

namespace Safeguard.Parliament.Meetings;

/// <summary>
/// The group's four gatherings of 2024 and 2025 that the charity reported, with the people its reports name, recorded
/// through <see cref="MeetingBook"/> as staff would; the summaries are written for the demonstration. Added once, to a
/// register that holds every parliamentarian they name (the demonstration's import), and never over meetings recorded.
/// </summary>
internal static class DemonstrationMeetings
{
    private static readonly MeetingInput[] Meetings =
    [
        new(MeetingKind.Agm, "The group is re-established in the new Parliament", new(2024, 12, 2), null, "Houses of Parliament", null,
            """
            Parliamentarians met to set the group up again after the general election, which had ended it in May.

            * **Chair:** Bell Ribeiro-Addy MP, elected by the members.
            * **Officers:** Lord Garnier, Baroness Hamwee and Mohammad Yasin MP.
            * **Secretariat:** the charity, chosen again.

            Members agreed to keep scrutinising the growth of detention and the conditions reported at Brook House and Harmondsworth.
            """, true,
            ["Lord German", "Baroness Bennett of Manor Castle", "Baroness Lister of Burtersett", "Bell Ribeiro-Addy", "John McDonnell"], [], []),
        new(MeetingKind.MinisterMeeting, "Meeting with the Minister for Border Security and Asylum", new(2025, 3, 12), null, "House of Commons", null,
            """
            Members put the group's questions to the Minister, with Home Office officials present:

            1. the plans to add places to the detention estate;
            2. what is being done on alternatives to detention;
            3. progress on the Brook House Inquiry's recommendations;
            4. the detention clauses of the Border Security, Asylum and Immigration Bill.

            The Minister said she would keep meeting the group. The secretariat will ask her successor for a meeting.
            """, true,
            ["Dame Angela Eagle", "Bell Ribeiro-Addy", "Baroness Lister of Burtersett", "Baroness Ludford"], ["Elspeth Macdonald"], [(null, "Home Office officials", false)]),
        new(MeetingKind.PanelEvent, "Panel discussion: immigration detention in the UK today", new(2025, 3, 20), null, "Houses of Parliament", "over 40 guests",
            """
            A panel on the state of detention and what it does to the people held.

            A campaigner who was once held at Harmondsworth described the lasting harm of detention, for LGBTQI+ people among others.
            The Chief Inspector of Prisons and an inspection team leader took the audience through recent inspections of
            Harmondsworth and Brook House, and what a return visit found still wanting, above all in safeguarding people at risk.

            Guests included people with lived experience of detention and front-line charities.
            """, true,
            ["Bell Ribeiro-Addy"], [],
            [("Joel Mordi", "Rainbow Migration", true), ("Charlie Taylor", "HM Chief Inspector of Prisons", true), ("Dr Hindpal Singh Bhui OBE", "HM Inspectorate of Prisons", true),
             (null, "Royal College of Nursing", false), (null, "Independent Monitoring Boards", false)]),
        new(MeetingKind.Visit, "Visit to Harmondsworth IRC", new(2025, 7, 24), null, "Harmondsworth Immigration Removal Centre", null,
            """
            The Chair and Baroness Lister visited to see how the Home Office and the centre's contractor have answered the
            Chief Inspector's 2024 report. They spent most of the visit with men held there, hearing about conditions now.

            Beforehand they were briefed by organisations that support people held at the centre. The group will follow up
            what it heard with the Home Office and the contractor.
            """, true,
            ["Bell Ribeiro-Addy", "Baroness Lister of Burtersett"], [],
            [(null, "Bail for Immigration Detainees", false), (null, "JRS UK", false), (null, "Medical Justice", false)]),
    ];

    public static async Task LoadAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<ParliamentDbContext>();
        var named = Meetings.SelectMany(m => m.Parliamentarians).Distinct(StringComparer.Ordinal).ToList();
        if (await db.Meetings.AnyAsync(cancellationToken)
            || await db.Parliamentarians.Where(p => named.Contains(p.Name)).Select(p => p.Name).Distinct().CountAsync(cancellationToken) < named.Count)
        {
            return;
        }
        var book = services.GetRequiredService<MeetingBook>();
        foreach (var meeting in Meetings)
        {
            await book.AddAsync(meeting, cancellationToken);
        }
    }
}
