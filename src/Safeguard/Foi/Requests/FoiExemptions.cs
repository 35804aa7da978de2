using System.Globalization;
using System.Text.RegularExpressions;

namespace Safeguard.Foi.Requests;

/// <summary>A section of the Act that a refusal often relies on, with what it is about.</summary>
/// <param name="Section">"s.12".</param>
/// <param name="Name">"Cost of compliance exceeds the appropriate limit".</param>
internal sealed record FoiExemption(string Section, string Name);

/// <summary>The sections of the Freedom of Information Act 2000 a refusal can cite, and how they are written.</summary>
internal static partial class FoiExemptions
{
    /// <summary>Sections that can be cited as exemptions or as grounds to refuse (s.12 cost, s.14 vexatious).</summary>
    private static readonly HashSet<int> Sections = [12, 14, 21, 22, 23, 24, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44];

    /// <summary>Those the Home Office cites most in answers about detention, offered as checkboxes.</summary>
    public static IReadOnlyList<FoiExemption> Common { get; } =
    [
        new("s.12", "Cost of compliance exceeds the appropriate limit"),
        new("s.14", "Vexatious or repeated request"),
        new("s.21", "Information reasonably accessible by other means"),
        new("s.22", "Information intended for future publication"),
        new("s.24", "National security"),
        new("s.31", "Law enforcement"),
        new("s.36", "Prejudice to the effective conduct of public affairs"),
        new("s.38", "Health and safety"),
        new("s.40", "Personal information"),
        new("s.41", "Information provided in confidence"),
        new("s.42", "Legal professional privilege"),
        new("s.43", "Commercial interests"),
    ];

    /// <summary>"s12, S.40(2)" → "s.12; s.40(2)", refusing anything that is not a section of the Act that can be relied on.</summary>
    /// <exception cref="FoiRequestException">A part is not such a section; the message names it.</exception>
    public static string Normalise(string cited)
    {
        var sections = new List<string>();
        foreach (var part in cited.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var match = Section().Match(part);
            if (!match.Success || !Sections.Contains(int.Parse(match.Groups["number"].Value, CultureInfo.InvariantCulture)))
            {
                throw new FoiRequestException($"'{part}' is not a section of the Act that a refusal can rely on (s.12, s.14, s.21 to s.44).", nameof(FoiRequest.Exemptions));
            }
            sections.Add($"s.{match.Groups["number"].Value}{match.Groups["subsection"].Value}");
        }
        return string.Join("; ", sections.Distinct());
    }

    /// <summary>The sections of a normalised list, e.g. ["s.12", "s.40(2)"].</summary>
    public static IReadOnlyList<string> Split(string? normalised) =>
        normalised is null ? [] : normalised.Split("; ", StringSplitOptions.RemoveEmptyEntries);

    [GeneratedRegex(@"^(?:s(?:ection)?\.?\s*)?(?<number>\d{2})(?<subsection>\(\d+\)(?:\([a-z]\))?)?$", RegexOptions.IgnoreCase)]
    private static partial Regex Section();
}
