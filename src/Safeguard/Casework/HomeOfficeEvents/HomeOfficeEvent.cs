namespace Safeguard.Casework.HomeOfficeEvents;

/// <summary>What the Home Office (or a centre doctor under rule 35) did.</summary>
internal enum HomeOfficeEventKind
{
    /// <summary>A report by a centre doctor under rule 35 (paragraph 1, 2 or 3).</summary>
    Rule35Report,
    /// <summary>The Home Office's response to a rule 35 report.</summary>
    Rule35Response,
    /// <summary>A decision under the Adults at Risk policy: to maintain detention or release.</summary>
    AdultsAtRiskDecision,
    /// <summary>The Home Office commissioned a second opinion on a medico-legal report.</summary>
    SecondOpinionRequested,
    /// <summary>The second opinion arrived (with its author).</summary>
    SecondOpinionReceived,
    DetentionReview,
    ReleaseDecision,
    RemovalDecision,
}

/// <summary>What a decision or review decided.</summary>
internal enum DetentionDecision
{
    DetentionMaintained,
    Release,
}

/// <summary>One thing the Home Office did on a case, on the day it did it.</summary>
internal sealed class HomeOfficeEvent
{
    public int Id { get; set; }

    public int ClientId { get; set; }

    public HomeOfficeEventKind Kind { get; set; }

    public DateOnly OccurredOn { get; set; }

    /// <summary>For a rule 35 report: paragraph 1 (health injured by detention), 2 (suicidal intentions) or 3 (torture).</summary>
    public int? Rule35Paragraph { get; set; }

    /// <summary>For an Adults at Risk decision or a detention review.</summary>
    public DetentionDecision? Decision { get; set; }

    /// <summary>For a second opinion received: the doctor who wrote it (a professional, not the client).</summary>
    public string? SecondOpinionAuthor { get; set; }

    /// <summary>A note, in the caseworker's words.</summary>
    public string? NoteCipher { get; set; }

    public DateTime RecordedAtUtc { get; set; }

    public required string RecordedBy { get; set; }

    /// <summary>True for the decisions that end the wait after a medico-legal report is served.</summary>
    public bool DecidesOnDetention => Kind is HomeOfficeEventKind.AdultsAtRiskDecision or HomeOfficeEventKind.ReleaseDecision or HomeOfficeEventKind.RemovalDecision;
}
