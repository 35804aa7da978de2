using System.Globalization;
using Safeguard.Parliament.Register;
using Safeguard.Platform.Web.Forms;

namespace Safeguard.Parliament.Bills;

/// <summary>The words and addresses the bills' pages use.</summary>
internal static class BillWords
{
    public const string PublicList = "/parliament/bills";

    public static string PublicPage(string slug) => $"{PublicList}/{slug}";

    public static string House(House house) => house == Register.House.Commons ? "House of Commons" : "House of Lords";

    /// <summary>What became of an amendment, with the division's votes when it had one; "Not yet debated" before its stage.</summary>
    public static string Outcome(Amendment amendment) => amendment.Outcome switch
    {
        AmendmentOutcome.Agreed => amendment.VotesFor is { } ayes && amendment.VotesAgainst is { } noes ? Votes("Agreed on a division", ayes, noes) : "Agreed",
        AmendmentOutcome.NegativedOnDivision => amendment.VotesFor is { } ayes && amendment.VotesAgainst is { } noes ? Votes("Negatived on a division", ayes, noes) : "Negatived on a division",
        AmendmentOutcome.Withdrawn => "Withdrawn after debate",
        AmendmentOutcome.NotMoved => "Not moved",
        _ => amendment.DebatedOn is null ? "Not yet debated" : "Debated; outcome not recorded",
    };

    /// <summary>"Debated in the House of Lords on 3 September 2025, committee stage".</summary>
    public static string Debated(Amendment amendment) =>
        amendment.DebatedOn is not { } day ? ""
        : amendment.Stage is { } stage ? $"{House(stage.House)}, {FormDates.Show(day)} ({stage.Name.ToLowerInvariant()})"
        : FormDates.Show(day);

    private static string Votes(string outcome, int ayes, int noes) => string.Create(CultureInfo.InvariantCulture, $"{outcome}: {ayes} for, {noes} against");
}
