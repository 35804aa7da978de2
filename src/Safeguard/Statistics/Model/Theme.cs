namespace Safeguard.Statistics.Model;

/// <summary>One of the safeguards the statistics follow (Rule 35 reports, self-harm and ACDT, segregation, use of force, detention).</summary>
internal sealed class Theme
{
    public int Id { get; set; }

    /// <summary>URL form, e.g. "use-of-force".</summary>
    public required string Slug { get; set; }

    public required string Title { get; set; }

    /// <summary>What the theme is about, in a sentence or two.</summary>
    public required string Summary { get; set; }

    /// <summary>The rule or order the safeguard comes from.</summary>
    public required string LegalSource { get; set; }

    public int DisplayOrder { get; set; }

    public List<Measure> Measures { get; } = [];
}
