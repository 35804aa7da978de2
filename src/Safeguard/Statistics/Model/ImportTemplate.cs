namespace Safeguard.Statistics.Model;

/// <summary>
/// A saved mapping of a spreadsheet's layout to measures, places, periods and breakdowns, offered again when
/// the next answer of its series arrives. <see cref="Definition"/> is the JSON read by
/// <c>Importing.Templates.TemplateDefinition</c>.
/// </summary>
internal sealed class ImportTemplate
{
    public int Id { get; set; }

    /// <summary>How staff and the command line name it, e.g. "home-office-det-d02".</summary>
    public required string Name { get; set; }

    /// <summary>The series of answers it reads, e.g. "Home Office detention statistics: people in detention (Det_D02)".</summary>
    public required string Series { get; set; }

    public required string Definition { get; set; }

    public DateTime UpdatedAtUtc { get; set; }
}
