using System.Globalization;
using System.Text;
using Safeguard.Platform.Web.Forms;

namespace Safeguard.Statistics.Portal;

/// <summary>
/// How to cite a page of a release, or the whole release: a credit line a person can paste, BibTeX and RIS.
/// Each names the publisher as the source, the release and the release's own address, which never changes; a page that
/// shows the latest release, and so will show another after the next publication, adds its address and the day it was read.
/// </summary>
/// <param name="Publisher">Who publishes the statistics, cited as a corporate author ("Medical Justice").</param>
/// <param name="ReleaseTitle">The release title ("Immigration detention statistics: 2024").</param>
/// <param name="ReleaseSlug">The release's citation label ("2024").</param>
/// <param name="PageTitle">The page cited ("Use of force"), or null to cite the whole release.</param>
/// <param name="Published">The day the release was published.</param>
/// <param name="Url">The absolute address of the release (/statistics/releases/2024), which never changes.</param>
/// <param name="ReadOn">
/// The page of the latest release the figures were read on, and the day; null on a release's own pages and downloads,
/// which never change and are cached for a year, so a day written into them would go stale (the reader adds their own).
/// </param>
/// <param name="SourceNote">Where the figures come from ("Home Office figures obtained through Freedom of Information requests"), or null.</param>
internal sealed record Citation(
    string Publisher,
    string ReleaseTitle,
    string ReleaseSlug,
    string? PageTitle,
    DateOnly Published,
    Uri Url,
    Citation.PageRead? ReadOn = null,
    string? SourceNote = null)
{
    /// <summary>A page that shows the latest release, and the day it was read.</summary>
    /// <param name="Page">The page's absolute address (/statistics/use-of-force).</param>
    /// <param name="Accessed">The day the reader read it.</param>
    public sealed record PageRead(Uri Page, DateOnly Accessed)
    {
        /// <summary>The page's absolute address.</summary>
        public Uri Page { get; } = Absolute(Page, nameof(Page));
    }

    /// <summary>The absolute address of the release.</summary>
    public Uri Url { get; } = Absolute(Url, nameof(Url));

    /// <summary>The title cited: the page, then the release ("Use of force — Immigration detention statistics: 2024").</summary>
    public string Title => PageTitle is null ? ReleaseTitle : $"{PageTitle} — {ReleaseTitle}";

    /// <summary>
    /// A stable BibTeX key of lower-case letters and digits only: publisher, year, page and release
    /// ("medicaljustice2026useofforce2024").
    /// </summary>
    public string Key => KeyPart(Publisher) + Year + KeyPart(PageTitle ?? "") + KeyPart(ReleaseSlug);

    private string Year => Published.Year.ToString("D4", CultureInfo.InvariantCulture);

    /// <summary>
    /// A credit line to paste under a figure: "Medical Justice (2026). Use of force — Immigration detention
    /// statistics: 2024 (release 2024). https://…/statistics/releases/2024 (read at https://…/statistics/use-of-force
    /// on 23 November 2026). Source: …."
    /// </summary>
    public string ToCreditLine()
    {
        var read = ReadOn is { } page ? $" (read at {page.Page.AbsoluteUri} on {FormDates.Show(page.Accessed)})" : "";
        var line = $"{Publisher} ({Year}). {Title} (release {ReleaseSlug}). {Url.AbsoluteUri}{read}.";
        return SourceNote is null ? line : $"{line} Source: {SourceNote.TrimEnd('.')}.";
    }

    /// <summary>A BibTeX <c>@misc</c> entry with the publisher as a corporate author (double braces).</summary>
    public string ToBibTeX()
    {
        var title = PageTitle is null ? Escape(ReleaseTitle) : $"{Escape(PageTitle)} --- {Escape(ReleaseTitle)}";
        // Absolute URIs are percent-encoded, so they hold no braces or spaces to escape; \url takes them as they are.
        var note = $"Release {Escape(ReleaseSlug)}";
        if (ReadOn is { } page)
        {
            note += $"; read at \\url{{{page.Page.AbsoluteUri}}} on {FormDates.Show(page.Accessed)}";
        }
        if (SourceNote is not null)
        {
            note += $". Source: {Escape(SourceNote.TrimEnd('.'))}";
        }
        return new StringBuilder()
            .Append("@misc{").Append(Key).Append(",\n")
            .Append("  author = {{").Append(Escape(Publisher)).Append("}},\n")
            .Append("  title = {").Append(title).Append("},\n")
            .Append("  year = {").Append(Year).Append("},\n")
            .Append("  howpublished = {\\url{").Append(Url.AbsoluteUri).Append("}},\n")
            .Append("  note = {").Append(note).Append("}\n")
            .Append("}\n")
            .ToString();
    }

    /// <summary>An RIS record of type DATA: "TAG  - value" lines ending CRLF, closed by "ER  - ".</summary>
    public string ToRis()
    {
        var note = $"Release {ReleaseSlug}."
            + (ReadOn is { } read ? $" Read at {read.Page.AbsoluteUri}." : "")
            + (SourceNote is null ? "" : $" Source: {SourceNote.TrimEnd('.')}.");
        var ris = new StringBuilder();
        void Line(string tag, string value) => ris.Append(tag).Append("  - ").Append(OneLine(value)).Append("\r\n");
        Line("TY", "DATA");
        Line("AU", Publisher);
        Line("PB", Publisher);
        Line("TI", Title);
        Line("PY", Year);
        Line("DA", RisDate(Published));
        Line("UR", Url.AbsoluteUri);
        if (ReadOn is { } page)
        {
            Line("Y2", RisDate(page.Accessed));
        }
        Line("N1", note);
        Line("ER", "");
        return ris.ToString();
    }

    /// <summary>Escapes the characters BibTeX and LaTeX treat as special in text fields.</summary>
    internal static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            escaped.Append(c switch
            {
                '&' or '%' or '$' or '#' or '_' or '{' or '}' => $"\\{c}",
                '~' => "\\textasciitilde{}",
                '^' => "\\textasciicircum{}",
                '\\' => "\\textbackslash{}",
                _ => c.ToString(),
            });
        }
        return escaped.ToString();
    }

    private static Uri Absolute(Uri address, string name) =>
        address is { IsAbsoluteUri: true } ? address : throw new ArgumentException("A citation needs absolute addresses.", name);

    private static string RisDate(DateOnly day) => day.ToString("yyyy/MM/dd", CultureInfo.InvariantCulture);

    /// <summary>An RIS value must stay on its line.</summary>
    private static string OneLine(string value) => string.Join(' ', value.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Letters without their accents, and digits, in lower case ("Yarl's Wood" gives "yarlswood").</summary>
    private static string KeyPart(string text)
    {
        var part = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                part.Append(char.ToLowerInvariant(c));
            }
        }
        return part.ToString();
    }
}
