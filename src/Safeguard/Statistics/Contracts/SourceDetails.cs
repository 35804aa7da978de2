namespace Safeguard.Statistics.Contracts;

/// <summary>Where a file came from, as the person importing it says.</summary>
/// <param name="Title">What the document is; default its file name.</param>
/// <param name="Authority">Who sent or published it (default "Home Office").</param>
/// <param name="Reference">The FOI reference or publication.</param>
/// <param name="DateReceived">When the charity received it, or it was published.</param>
public sealed record SourceDetails(string? Title = null, string Authority = "Home Office", string? Reference = null, DateOnly? DateReceived = null);
