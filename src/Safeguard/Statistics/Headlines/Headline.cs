namespace Safeguard.Statistics.Headlines;

/// <summary>One generated sentence of the top-line statistics, with the theme it summarises (for its link).</summary>
internal sealed record Headline(string Text, string Theme);
