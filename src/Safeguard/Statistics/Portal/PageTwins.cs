namespace Safeguard.Statistics.Portal;

/// <summary>The machine-readable twins of a page: the same path with .json and .csv.</summary>
internal sealed record PageTwins(string Path)
{
    public string Json => $"{Path}.json";

    public string Csv => $"{Path}.csv";
}
