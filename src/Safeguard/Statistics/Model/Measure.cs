namespace Safeguard.Statistics.Model;

/// <summary>What is counted, e.g. "rule35-3-reports": Rule 35(3) reports completed.</summary>
internal sealed class Measure
{
    public int Id { get; set; }

    /// <summary>URL and API form, e.g. "acdt-opened".</summary>
    public required string Slug { get; set; }

    /// <summary>Full name, e.g. "Rule 35(3) reports completed".</summary>
    public required string Name { get; set; }

    /// <summary>Name short enough for a chart bar, e.g. "Rule 35(3)".</summary>
    public required string ShortName { get; set; }

    public int ThemeId { get; set; }

    public Theme? Theme { get; set; }

    /// <summary>What one unit is: "reports", "incidents", "documents", "people".</summary>
    public required string Unit { get; set; }

    public required string Definition { get; set; }

    public required string LegalSource { get; set; }

    public int DisplayOrder { get; set; }
}
