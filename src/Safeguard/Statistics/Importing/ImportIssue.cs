namespace Safeguard.Statistics.Importing;

/// <summary>How serious an import problem is: errors stop the commit, warnings are shown and allowed.</summary>
internal enum ImportIssueSeverity
{
    Warning,
    Error,
}

/// <summary>
/// One problem found while reading or mapping a file, with where it is: <c>Location</c> names the file, and the
/// sheet, row and column when they are known ("people.xlsx, sheet 'Det_D02', row 14, column C").
/// </summary>
internal sealed record ImportIssue(ImportIssueSeverity Severity, string Location, string Message)
{
    public static ImportIssue Error(string location, string message) => new(ImportIssueSeverity.Error, location, message);

    public static ImportIssue Warning(string location, string message) => new(ImportIssueSeverity.Warning, location, message);

    /// <summary>"error: people.csv, row 3, column B: '12a' is not a number".</summary>
    public override string ToString() =>
        $"{(Severity == ImportIssueSeverity.Error ? "error" : "warning")}: {Location}: {Message}";
}
