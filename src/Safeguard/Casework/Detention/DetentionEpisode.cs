namespace Safeguard.Casework.Detention;

/// <summary>How a stay in one place of detention ended.</summary>
internal enum EpisodeEnd
{
    /// <summary>Moved to another place of detention (the next episode starts there).</summary>
    Transfer,
    Release,
    Removal,
    Other,
}

/// <summary>
/// A stay in one place of detention, from the day the person arrived to the day they left. A transfer ends one
/// episode and starts the next; the clocks count the days of overlapping or touching episodes once.
/// </summary>
internal sealed class DetentionEpisode
{
    public int Id { get; set; }

    public int ClientId { get; set; }

    /// <summary>The place of detention: a statistics place slug (centres are data, never an enum).</summary>
    public required string CentreSlug { get; set; }

    public DateOnly From { get; set; }

    /// <summary>Null while the person is still there.</summary>
    public DateOnly? To { get; set; }

    public EpisodeEnd? EndedBy { get; set; }
}
