using Safeguard.Statistics.Portal;

namespace Safeguard.Tests.Statistics;

public sealed class CitationTests
{
    private static readonly Citation UseOfForce = new(
        Publisher: "Medical Justice",
        ReleaseTitle: "Immigration detention statistics: 2024",
        ReleaseSlug: "2024",
        PageTitle: "Use of force",
        Published: new DateOnly(2026, 11, 2),
        Url: new Uri("https://example.org/statistics/releases/2024"),
        ReadOn: new(new Uri("https://example.org/statistics/use-of-force"), new DateOnly(2026, 11, 23)),
        SourceNote: "Home Office figures obtained through Freedom of Information requests");

    /// <summary>The whole release as cited on its own page, which is cached for a year: no day read.</summary>
    private static readonly Citation WholeRelease = UseOfForce with { PageTitle = null, ReadOn = null };

    [Fact]
    public void ToCreditLine_NamesPublisherTheReleasesAddressAndThePageReadOnItsDay() =>
        UseOfForce.ToCreditLine().ShouldBe(
            "Medical Justice (2026). Use of force — Immigration detention statistics: 2024 (release 2024). "
            + "https://example.org/statistics/releases/2024 (read at https://example.org/statistics/use-of-force on 23 November 2026). "
            + "Source: Home Office figures obtained through Freedom of Information requests.");

    [Fact]
    public void ToCreditLine_WholeReleaseWithoutSourceNote_CitesTheReleaseTitleAndAddressWithoutADay() =>
        (WholeRelease with { SourceNote = null }).ToCreditLine().ShouldBe(
            "Medical Justice (2026). Immigration detention statistics: 2024 (release 2024). https://example.org/statistics/releases/2024.");

    [Fact]
    public void Key_IsLowerCaseLettersAndDigitsOnly()
    {
        UseOfForce.Key.ShouldBe("medicaljustice2026useofforce2024");
        (UseOfForce with { Publisher = "Société d'Aide", PageTitle = "Yarl's Wood: H2", ReleaseSlug = "2024-h2" }).Key
            .ShouldBe("societedaide2026yarlswoodh22024h2");
    }

    [Fact]
    public void ToBibTeX_WritesAMiscEntryWithACorporateAuthor() =>
        UseOfForce.ToBibTeX().ShouldBe(
            "@misc{medicaljustice2026useofforce2024,\n"
            + "  author = {{Medical Justice}},\n"
            + "  title = {Use of force --- Immigration detention statistics: 2024},\n"
            + "  year = {2026},\n"
            + "  howpublished = {\\url{https://example.org/statistics/releases/2024}},\n"
            + "  note = {Release 2024; read at \\url{https://example.org/statistics/use-of-force} on 23 November 2026. Source: Home Office figures obtained through Freedom of Information requests}\n"
            + "}\n");

    [Fact]
    public void ToBibTeX_WholeRelease_HasNoDayRead() =>
        WholeRelease.ToBibTeX().ShouldEndWith(
            "  howpublished = {\\url{https://example.org/statistics/releases/2024}},\n"
            + "  note = {Release 2024. Source: Home Office figures obtained through Freedom of Information requests}\n"
            + "}\n");

    [Fact]
    public void ToBibTeX_SpecialCharacters_AreEscapedInTextFields()
    {
        var bibtex = (UseOfForce with { Publisher = "R&D_50%", PageTitle = "Costs in $ & #" }).ToBibTeX();

        bibtex.ShouldContain("author = {{R\\&D\\_50\\%}},");
        bibtex.ShouldContain("title = {Costs in \\$ \\& \\# --- Immigration detention statistics: 2024},");
        bibtex.ShouldStartWith("@misc{rd502026costsin2024,");
    }

    [Theory]
    [InlineData("R&D_50%", "R\\&D\\_50\\%")]
    [InlineData("$#{}", "\\$\\#\\{\\}")]
    [InlineData("a~b^c\\d", "a\\textasciitilde{}b\\textasciicircum{}c\\textbackslash{}d")]
    [InlineData("Yarl's Wood – 2024", "Yarl's Wood – 2024")]
    public void Escape_BibTeXSpecialCharacters(string text, string escaped) =>
        Citation.Escape(text).ShouldBe(escaped);

    [Fact]
    public void ToRis_WritesADataRecordWithCrlfLines() =>
        UseOfForce.ToRis().ShouldBe(
            "TY  - DATA\r\n"
            + "AU  - Medical Justice\r\n"
            + "PB  - Medical Justice\r\n"
            + "TI  - Use of force — Immigration detention statistics: 2024\r\n"
            + "PY  - 2026\r\n"
            + "DA  - 2026/11/02\r\n"
            + "UR  - https://example.org/statistics/releases/2024\r\n"
            + "Y2  - 2026/11/23\r\n"
            + "N1  - Release 2024. Read at https://example.org/statistics/use-of-force. Source: Home Office figures obtained through Freedom of Information requests.\r\n"
            + "ER  - \r\n");

    [Fact]
    public void ToRis_WholeRelease_HasNoDayRead() =>
        WholeRelease.ToRis().ShouldEndWith(
            "UR  - https://example.org/statistics/releases/2024\r\n"
            + "N1  - Release 2024. Source: Home Office figures obtained through Freedom of Information requests.\r\n"
            + "ER  - \r\n");

    [Fact]
    public void ToRis_ValueWithLineBreaks_StaysOnOneLine()
    {
        var ris = (UseOfForce with { PageTitle = "Use of\r\nforce" }).ToRis();

        ris.ShouldContain("TI  - Use of force — Immigration detention statistics: 2024\r\n");
        ris.Split("\r\n").ShouldAllBe(line => line.Length == 0 || line.Substring(2, 4) == "  - ");
    }

    [Fact]
    public void Constructor_RelativeAddress_Throws()
    {
        Should.Throw<ArgumentException>(() => new Citation(
            "Medical Justice", "Immigration detention statistics: 2024", "2024", "Use of force", new DateOnly(2026, 11, 2),
            new Uri("/statistics/releases/2024", UriKind.Relative)));
        Should.Throw<ArgumentException>(() => new Citation.PageRead(new Uri("/statistics/use-of-force", UriKind.Relative), new DateOnly(2026, 11, 23)));
    }
}
