namespace Safeguard.Statistics.Model;

/// <summary>
/// How much a figure can be trusted. An unknown is never a zero: the last three statuses carry no value.
/// </summary>
internal enum ObservationStatus
{
    /// <summary>The figure as reported.</summary>
    Exact,
    /// <summary>A lower bound ("at least 1,340").</summary>
    AtLeast,
    /// <summary>An upper bound ("fewer than 5").</summary>
    AtMost,
    /// <summary>An estimate or a figure derived from bounds pointing different ways.</summary>
    Estimated,
    /// <summary>Withheld by the source, usually to protect small numbers.</summary>
    Suppressed,
    /// <summary>The authority said it does not hold the information.</summary>
    NotHeld,
    /// <summary>The source marks the figure as not available (":", "..", "x", "[x]") without saying why.</summary>
    NotAvailable,
    /// <summary>The measure does not apply to this place or period.</summary>
    NotApplicable,
}

/// <summary>Words and codes for <see cref="ObservationStatus"/>, shared by pages, downloads and the API.</summary>
internal static class ObservationStatuses
{
    /// <summary>Whether a figure with this status carries a number.</summary>
    public static bool HasValue(this ObservationStatus status) =>
        status is ObservationStatus.Exact or ObservationStatus.AtLeast or ObservationStatus.AtMost or ObservationStatus.Estimated;

    /// <summary>The stable code used in downloads, the API and URLs ("at-least").</summary>
    public static string Code(this ObservationStatus status) => status switch
    {
        ObservationStatus.Exact => "exact",
        ObservationStatus.AtLeast => "at-least",
        ObservationStatus.AtMost => "at-most",
        ObservationStatus.Estimated => "estimated",
        ObservationStatus.Suppressed => "suppressed",
        ObservationStatus.NotHeld => "not-held",
        ObservationStatus.NotAvailable => "not-available",
        ObservationStatus.NotApplicable => "not-applicable",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>The status in words for a reader ("at least").</summary>
    public static string Label(this ObservationStatus status) => status switch
    {
        ObservationStatus.Exact => "exact",
        ObservationStatus.AtLeast => "at least",
        ObservationStatus.AtMost => "at most",
        ObservationStatus.Estimated => "estimated",
        ObservationStatus.Suppressed => "suppressed",
        ObservationStatus.NotHeld => "not held",
        ObservationStatus.NotAvailable => "not available",
        ObservationStatus.NotApplicable => "not applicable",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>Parses a code written by <see cref="Code"/>.</summary>
    public static bool TryParseCode(string? code, out ObservationStatus status)
    {
        foreach (var candidate in Enum.GetValues<ObservationStatus>())
        {
            if (string.Equals(candidate.Code(), code, StringComparison.OrdinalIgnoreCase))
            {
                status = candidate;
                return true;
            }
        }
        status = default;
        return false;
    }
}
