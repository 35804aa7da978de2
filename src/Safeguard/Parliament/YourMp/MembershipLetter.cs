namespace Safeguard.Parliament.YourMp;

/// <summary>
/// The letter a constituent edits and sends to an MP who is not in the group. MPs' offices set aside identical
/// campaign letters, so the page starts from one of several openings and leaves places marked [like this] for the
/// person's own words; nothing of what they write comes back to Safeguard unless they ask for the e-mail link
/// without JavaScript, and then it is only written into the answer.
/// </summary>
internal static class MembershipLetter
{
    public const string Subject = "Will you join the APPG on Immigration Detention?";

    /// <summary>The House of Commons' postal address, which reaches every MP.</summary>
    public const string CommonsAddress = "House of Commons, London SW1A 0AA";

    private static readonly string[] Openings =
    [
        "I live in {0} and I am writing to ask you to join the All-Party Parliamentary Group on Immigration Detention.",
        "As one of your constituents in {0}, I would like you to become a member of the All-Party Parliamentary Group on Immigration Detention.",
        "People are held in immigration detention with no time limit, and doctors keep recording the harm it does to their health. As your constituent in {0}, I am asking you to join the All-Party Parliamentary Group on Immigration Detention.",
        "I am worried about what immigration detention does to the people held in it, and I hope that you, as the MP for {0}, will join the All-Party Parliamentary Group on Immigration Detention.",
    ];

    public static int OpeningCount => Openings.Length;

    /// <summary>The letter from opening <paramref name="opening"/> (any number: it wraps), addressed to the MP, naming the seat.</summary>
    public static string Draft(int opening, string mpName, string seat) => string.Join("\n\n",
        $"Dear {mpName},",
        string.Format(System.Globalization.CultureInfo.InvariantCulture, Openings[Math.Abs(opening % Openings.Length)], seat),
        "The group brings together MPs and peers of every party to look at how immigration detention is used and what it does to the people held. [Say in a sentence or two why this matters to you.]",
        "Its secretariat can tell you how to join. I would be grateful to know whether you will.",
        $"Yours sincerely,\n[Your name]\n[Your address in {seat}: MPs answer their own constituents]");

    /// <summary>A mailto link that opens the person's own e-mail with the letter written in.</summary>
    public static string MailTo(string email, string text) =>
        $"mailto:{email}?subject={Uri.EscapeDataString(Subject)}&body={Uri.EscapeDataString(text)}";
}
