using Safeguard.Statistics.Contracts;
using Safeguard.Statistics.Importing.Templates;
using Safeguard.Statistics.Model;
using Safeguard.Statistics.Releases;

namespace Safeguard.Statistics.Importing;

/// <summary>A file to import with a template into a draft release.</summary>
/// <param name="FileName">The file's name as received; only its last part is kept, cleaned (<see cref="Platform.StoredFileName"/>).</param>
/// <param name="Content">The file's bytes, stored as they are.</param>
/// <param name="Template">The name of the template that reads it.</param>
/// <param name="Release">The draft release's slug; a new draft is started from the latest published release.</param>
/// <param name="Source">Where the file came from.</param>
/// <param name="ReleaseTitle">The title of the draft when the import creates it.</param>
internal sealed record ImportRequest(string FileName, byte[] Content, string Template, string Release, SourceDetails Source, string? ReleaseTitle = null);

/// <summary>How far an import has got, for the command line's and the pages' progress.</summary>
internal enum ImportStage
{
    Reading,
    Comparing,
    Writing,
}

/// <summary>One progress report: the stage, and rows read or figures written so far.</summary>
internal readonly record struct ImportProgress(ImportStage Stage, int Count);

/// <summary>
/// What an import would do, shown before anything is written: every figure read, every error and warning with
/// where it is, and how the release would differ from the current published one.
/// </summary>
internal sealed record ImportPreview(
    TemplateDefinition Template,
    string Sha256,
    SourceDocument? KnownDocument,
    MappedSheet Sheet,
    ReleaseComparison Comparison,
    Release? ComparedWith,
    bool CreatesRelease)
{
    public IEnumerable<ImportIssue> Errors => Sheet.Issues.Where(i => i.Severity == ImportIssueSeverity.Error);

    public IEnumerable<ImportIssue> Warnings => Sheet.Issues.Where(i => i.Severity == ImportIssueSeverity.Warning);
}

/// <summary>An import that stopped before writing anything; its issues say what and where.</summary>
internal sealed class ImportRejectedException(IReadOnlyList<ImportIssue> issues, int errorCount)
    : Exception(errorCount == 1 ? issues.First(i => i.Severity == ImportIssueSeverity.Error).ToString() : $"{errorCount} errors; nothing was imported.")
{
    public IReadOnlyList<ImportIssue> Issues { get; } = issues;

    public int ErrorCount { get; } = errorCount;

    public static ImportRejectedException One(string location, string message) => new([ImportIssue.Error(location, message)], 1);
}
