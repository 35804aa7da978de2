using Safeguard.Parliament.Register;

namespace Safeguard.Parliament.Bills;

/// <summary>
/// A bill the charity follows, with its stages in each House, the amendments it tracks and the briefings it wrote or
/// co-signed. Its public page, <c>/parliament/bills/{slug}</c>, is one a parliamentary officer can send to a peer.
/// </summary>
internal sealed class Bill
{
    public int Id { get; set; }

    public required string Slug { get; set; }

    public required string Title { get; set; }

    /// <summary>The bill's page on Parliament's site.</summary>
    public string? ParliamentUrl { get; set; }

    public List<BillStage> Stages { get; set; } = [];

    public List<Amendment> Amendments { get; set; } = [];

    public List<Briefing> Briefings { get; set; } = [];
}

/// <summary>A stage of a bill in one House (first reading to Royal Assent), on the day it was taken.</summary>
internal sealed class BillStage
{
    public int Id { get; set; }

    public int BillId { get; set; }

    public House House { get; set; }

    /// <summary>As Parliament names it: "First reading", "Committee stage", "Royal Assent", "Fell at prorogation".</summary>
    public required string Name { get; set; }

    public DateOnly Date { get; set; }
}

/// <summary>What became of an amendment when its stage came.</summary>
internal enum AmendmentOutcome
{
    Agreed,
    NegativedOnDivision,
    Withdrawn,
    NotMoved,
}

/// <summary>An amendment to a bill, its mover and supporters from the register, and what became of it.</summary>
internal sealed class Amendment
{
    public int Id { get; set; }

    public int BillId { get; set; }

    /// <summary>Its number on the marshalled list, when known ("Amendment 203").</summary>
    public string? Number { get; set; }

    /// <summary>The clause it amends ("Clause 5"), or "New clause".</summary>
    public required string Clause { get; set; }

    public required string ShortTitle { get; set; }

    /// <summary>Its text, or the gist of it.</summary>
    public string? Text { get; set; }

    public int MoverId { get; set; }

    public Parliamentarian Mover { get; set; } = null!;

    public List<AmendmentSupporter> Supporters { get; set; } = [];

    /// <summary>The stage it was debated at, when it has been.</summary>
    public int? StageId { get; set; }

    public BillStage? Stage { get; set; }

    public DateOnly? DebatedOn { get; set; }

    public AmendmentOutcome? Outcome { get; set; }

    /// <summary>The votes for and against, when negatived (or agreed) on a division.</summary>
    public int? VotesFor { get; set; }

    public int? VotesAgainst { get; set; }

    /// <summary>The debate in Hansard.</summary>
    public string? DebateUrl { get; set; }

    /// <summary>The charity supports it: shown on the bill's public page.</summary>
    public bool Supported { get; set; }
}

/// <summary>A parliamentarian who put their name to an amendment, besides its mover.</summary>
internal sealed class AmendmentSupporter
{
    public int AmendmentId { get; set; }

    public int ParliamentarianId { get; set; }

    public Parliamentarian Parliamentarian { get; set; } = null!;
}

/// <summary>A briefing the charity wrote or co-signed on a bill, a stage of it or an amendment; public or internal.</summary>
internal sealed class Briefing
{
    public int Id { get; set; }

    public int BillId { get; set; }

    public int? StageId { get; set; }

    public BillStage? Stage { get; set; }

    public int? AmendmentId { get; set; }

    public Amendment? Amendment { get; set; }

    public required string Title { get; set; }

    public DateOnly Date { get; set; }

    /// <summary>Who it was for: "Peers", "MPs on the Public Bill Committee".</summary>
    public required string Audience { get; set; }

    /// <summary>The coalition partners who co-signed it, if any.</summary>
    public string? CoSignedWith { get; set; }

    public string? Url { get; set; }

    public bool Published { get; set; }
}
