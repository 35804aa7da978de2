using System.CommandLine;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Safeguard.Platform;
using Safeguard.Statistics.Contracts;
using Safeguard.Statistics.Data;
using Safeguard.Statistics.Importing;
using Safeguard.Statistics.Importing.Files;
using Safeguard.Statistics.Importing.Templates;
using Safeguard.Statistics.Model;
using Safeguard.Statistics.Reading;
using Safeguard.Statistics.Releases;

namespace Safeguard.Statistics;

/// <summary>
/// The statistics module's commands: <c>import</c>, <c>publish</c>, <c>releases</c> and <c>templates</c>.
/// They print what the staff pages would show, errors go to standard error with where they are, and a refused
/// import or publication exits 1 having changed nothing.
/// </summary>
internal static class StatisticsCommands
{
    /// <summary>Exit code of a refused import or publication.</summary>
    public const int Refused = 1;

    /// <summary>Exit code when the person cancelled (Ctrl+C).</summary>
    public const int Cancelled = 130;

    /// <summary>The commands, each opening the application's services through <paramref name="open"/>.</summary>
    public static IEnumerable<Command> Create(Func<ParseResult, CancellationToken, Task<IHost>> open)
    {
        yield return Import(open);
        yield return Publish(open);
        yield return Releases(open);
        yield return Templates(open);
    }

    private static Command Import(Func<ParseResult, CancellationToken, Task<IHost>> open)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "The CSV, XLSX or ODS file to import." };
        var template = new Option<string?>("--template") { Description = "The template that reads it (see 'templates list'). Without it, the templates that fit are listed." };
        var release = new Option<string?>("--release") { Description = "The draft release to import into; created from the latest published release if new." };
        var source = new Option<string?>("--source") { Description = "The FOI reference or publication the file is the answer to." };
        var title = new Option<string?>("--title") { Description = "What the document is (default: its file name)." };
        var authority = new Option<string>("--authority") { Description = "Who sent or published it.", DefaultValueFactory = _ => "Home Office" };
        var received = new Option<DateOnly?>("--received") { Description = "The date it was received or published (yyyy-mm-dd)." };
        var releaseTitle = new Option<string?>("--release-title") { Description = "The title of the draft release, when the import creates it." };
        var preview = new Option<bool>("--preview") { Description = "Show what would be imported and how it changes the figures; write nothing." };
        var command = new Command("import", "Import a file of figures into a draft release, with its provenance.")
        {
            file, template, release, source, title, authority, received, releaseTitle, preview,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var path = result.GetValue(file)!;
            if (!path.Exists)
            {
                await result.Errors().WriteLineAsync($"error: {path.FullName}: no such file.");
                return Refused;
            }
            using var host = await open(result, cancellationToken);
            await using var scope = host.Services.CreateAsyncScope();
            var importer = scope.ServiceProvider.GetRequiredService<StatisticsImporter>();
            try
            {
                // Refused by its size before it is read, so a huge file never reaches memory.
                scope.ServiceProvider.GetRequiredService<ImportLimits>().CheckFileSize(path.Name, path.Length);
                var content = await File.ReadAllBytesAsync(path.FullName, cancellationToken);
                if (result.GetValue(template) is not { } templateName)
                {
                    var fits = await importer.TemplatesThatFitAsync(path.Name, content, cancellationToken);
                    result.Output().WriteLine(fits.Count == 0
                        ? $"No template fits {path.Name}. Write one (see docs/importing.md) and add it with 'templates add'."
                        : $"Templates that fit {path.Name}: {string.Join(", ", fits)}. Import with --template NAME --release NAME.");
                    return fits.Count == 0 ? Refused : 0;
                }
                if (result.GetValue(release) is not { } releaseSlug)
                {
                    await result.Errors().WriteLineAsync("error: say which draft release to import into with --release NAME (e.g. --release 2025-h1).");
                    return Refused;
                }
                var request = new ImportRequest(path.Name, content, templateName, releaseSlug,
                    new SourceDetails(result.GetValue(title), result.GetValue(authority)!, result.GetValue(source), result.GetValue(received)),
                    result.GetValue(releaseTitle));
                var progress = new ConsoleProgress(result.Errors());
                if (result.GetValue(preview))
                {
                    var shown = await importer.PreviewAsync(request, progress, cancellationToken);
                    PrintPreview(result, shown, path.Name, listChanges: true);
                    return shown.Sheet.HasErrors ? Refused : 0;
                }
                var (done, draft) = await importer.CommitAsync(request, progress, cancellationToken);
                PrintPreview(result, done, path.Name, listChanges: false);
                result.Output().WriteLine(Invariant($"Imported {done.Sheet.Figures.Count:#,0} figures into draft release '{draft.Slug}'. Compare with 'releases diff', publish with 'publish {draft.Slug}'."));
                return 0;
            }
            catch (ImportFileException tooLarge)
            {
                await result.Errors().WriteLineAsync($"error: {tooLarge.Message}");
                await result.Errors().WriteLineAsync("Nothing was imported.");
                return Refused;
            }
            catch (Exception unreadable) when (unreadable is IOException or UnauthorizedAccessException)
            {
                await result.Errors().WriteLineAsync($"error: {path.FullName} cannot be read: {unreadable.Message}");
                return Refused;
            }
            catch (ImportRejectedException rejected)
            {
                foreach (var issue in rejected.Issues)
                {
                    await result.Errors().WriteLineAsync(issue.ToString());
                }
                await result.Errors().WriteLineAsync(Invariant($"Nothing was imported: {rejected.ErrorCount:#,0} error{(rejected.ErrorCount == 1 ? "" : "s")}."));
                return Refused;
            }
            catch (OperationCanceledException)
            {
                await result.Errors().WriteLineAsync("Cancelled; nothing was imported.");
                return Cancelled;
            }
        });
        return command;
    }

    private static void PrintPreview(ParseResult result, ImportPreview preview, string file, bool listChanges)
    {
        result.Output().WriteLine(Invariant($"Read {file} with template '{preview.Template.Name}' ({preview.Template.Series}): {preview.Sheet.RowsRead:#,0} rows, {preview.Sheet.Figures.Count:#,0} figures."));
        if (preview.KnownDocument is { } known)
        {
            result.Output().WriteLine($"This file was imported before, as '{known.Title}' (SHA-256 {preview.Sha256[..12]}…); the stored copy is reused.");
        }
        foreach (var warning in preview.Warnings)
        {
            result.Errors().WriteLine(warning.ToString());
        }
        foreach (var error in preview.Errors)
        {
            result.Errors().WriteLine(error.ToString());
        }
        var comparison = preview.Comparison;
        result.Output().WriteLine(preview.ComparedWith is { } basis
            ? Invariant($"Against release '{basis.Slug}': {comparison.Added:#,0} figures new, {comparison.Changed:#,0} changed, {comparison.Removed:#,0} removed, {comparison.Unchanged:#,0} unchanged.")
            : Invariant($"No release is published yet: all {comparison.Added:#,0} figures are new."));
        if (listChanges)
        {
            PrintChanges(result, comparison, 50);
            if (preview.Sheet.HasErrors)
            {
                result.Errors().WriteLine(Invariant($"The file has {preview.Sheet.ErrorCount:#,0} errors; fix them before importing."));
            }
            else
            {
                result.Output().WriteLine("Preview only: nothing was written.");
            }
        }
    }

    private static void PrintChanges(ParseResult result, ReleaseComparison comparison, int? limit)
    {
        var shown = limit is { } most ? comparison.Changes.Take(most) : comparison.Changes;
        foreach (var change in shown)
        {
            var key = change.Key;
            var what = $"{key.Measure}, {key.Place}, {key.PeriodKey}{(key.Breakdown.Length > 0 ? $", {key.Breakdown}" : "")}";
            result.Output().WriteLine(change.Kind switch
            {
                FigureChangeKind.Added => $"  new      {what}: {change.After!.Display}",
                FigureChangeKind.Removed => $"  removed  {what}: was {change.Before!.Display}",
                _ => $"  changed  {what}: {change.Before!.Display} → {change.After!.Display}",
            });
        }
        if (limit is { } cap && comparison.Changes.Count > cap)
        {
            result.Output().WriteLine(Invariant($"  … and {comparison.Changes.Count - cap:#,0} more; 'releases diff' lists them all."));
        }
    }

    private static Command Publish(Func<ParseResult, CancellationToken, Task<IHost>> open)
    {
        var release = new Argument<string>("RELEASE") { Description = "The draft release to publish." };
        var note = new Option<string?>("--changelog") { Description = "What this release corrects or adds, in words; added to the counts of changes." };
        var command = new Command("publish", "Publish a draft release: it becomes immutable, content-hashed and public.") { release, note };
        command.SetAction(async (result, cancellationToken) =>
        {
            using var host = await open(result, cancellationToken);
            await using var scope = host.Services.CreateAsyncScope();
            try
            {
                var published = await scope.ServiceProvider.GetRequiredService<ReleasePublisher>()
                    .PublishAsync(result.GetValue(release)!, result.GetValue(note), cancellationToken);
                result.Output().WriteLine($"Published release '{published.Slug}' ({published.Title}), content hash {published.ContentHash}.");
                if (published.Changelog is { } changelog)
                {
                    result.Output().WriteLine(changelog);
                }
                return 0;
            }
            catch (ReleasePublicationException refused)
            {
                await result.Errors().WriteLineAsync($"error: {refused.Message}");
                return Refused;
            }
        });
        return command;
    }

    private static Command Releases(Func<ParseResult, CancellationToken, Task<IHost>> open)
    {
        var list = new Command("list", "List every release, drafts included, with its figures.");
        list.SetAction(async (result, cancellationToken) =>
        {
            using var host = await open(result, cancellationToken);
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<StatisticsDbContext>();
            var releases = await db.Releases.AsNoTracking().OrderBy(r => r.Id)
                .Select(r => new { r.Slug, r.Title, r.Status, r.PublishedAtUtc, Figures = r.Observations.Count })
                .ToListAsync(cancellationToken);
            foreach (var r in releases)
            {
                result.Output().WriteLine(Invariant($"{r.Slug,-20} {r.Status.Code(),-10} {r.PublishedAtUtc:yyyy-MM-dd}{(r.PublishedAtUtc is null ? "          " : "")} {r.Figures,8:#,0} figures  {r.Title}"));
            }
            return 0;
        });

        var from = new Argument<string>("A") { Description = "The earlier release." };
        var to = new Argument<string>("B") { Description = "The later release." };
        var diff = new Command("diff", "List the figures added, changed and removed between two releases (drafts too).") { from, to };
        diff.SetAction(async (result, cancellationToken) =>
        {
            using var host = await open(result, cancellationToken);
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<StatisticsDbContext>();
            var reader = new StatisticsReader(db);
            var rows = new List<List<ObservationRow>>();
            foreach (var slug in new[] { result.GetValue(from)!, result.GetValue(to)! })
            {
                var found = await db.Releases.AsNoTracking().FirstOrDefaultAsync(r => r.Slug == slug, cancellationToken);
                if (found is null)
                {
                    await result.Errors().WriteLineAsync($"error: there is no release '{slug}'; 'releases list' shows them.");
                    return Refused;
                }
                rows.Add(await reader.ObservationsAsync(new ObservationFilter { ReleaseId = found.Id }, cancellationToken));
            }
            var comparison = ReleaseComparison.Compare(rows[0], rows[1]);
            result.Output().WriteLine(Invariant($"From '{result.GetValue(from)}' to '{result.GetValue(to)}': {comparison.Added:#,0} figures new, {comparison.Changed:#,0} changed, {comparison.Removed:#,0} removed, {comparison.Unchanged:#,0} unchanged."));
            PrintChanges(result, comparison, null);
            return 0;
        });
        return new Command("releases", "Releases of the statistics.") { list, diff };
    }

    private static Command Templates(Func<ParseResult, CancellationToken, Task<IHost>> open)
    {
        var list = new Command("list", "List the import templates, saved and shipped.");
        list.SetAction(async (result, cancellationToken) =>
        {
            using var host = await open(result, cancellationToken);
            await using var scope = host.Services.CreateAsyncScope();
            foreach (var (template, saved) in await scope.ServiceProvider.GetRequiredService<TemplateStore>().AllAsync(cancellationToken))
            {
                result.Output().WriteLine($"{template.Name,-34} {(saved ? "saved  " : "shipped")}  {template.Series}");
            }
            return 0;
        });
        var name = new Argument<string>("NAME");
        var show = new Command("show", "Print a template as JSON.") { name };
        show.SetAction(async (result, cancellationToken) =>
        {
            using var host = await open(result, cancellationToken);
            await using var scope = host.Services.CreateAsyncScope();
            var found = await scope.ServiceProvider.GetRequiredService<TemplateStore>().FindAsync(result.GetValue(name)!, cancellationToken);
            if (found is null)
            {
                await result.Errors().WriteLineAsync($"error: there is no template named '{result.GetValue(name)}'; 'templates list' shows them.");
                return Refused;
            }
            result.Output().WriteLine(found.ToJson());
            return 0;
        });
        var file = new Argument<FileInfo>("FILE") { Description = "A template as JSON (see docs/importing.md)." };
        var add = new Command("add", "Save a template for its series (replacing a saved one of the same name).") { file };
        add.SetAction(async (result, cancellationToken) =>
        {
            var path = result.GetValue(file)!;
            TemplateDefinition template;
            try
            {
                template = TemplateDefinition.Parse(await File.ReadAllTextAsync(path.FullName, cancellationToken), path.Name);
            }
            catch (Exception failure) when (failure is TemplateException or IOException)
            {
                await result.Errors().WriteLineAsync($"error: {failure.Message}");
                return Refused;
            }
            using var host = await open(result, cancellationToken);
            await using var scope = host.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<TemplateStore>().SaveAsync(template, cancellationToken);
            result.Output().WriteLine($"Saved template '{template.Name}' for {template.Series}.");
            return 0;
        });
        return new Command("templates", "Import templates: how the layout of a series of files maps to figures.") { list, show, add };
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>Progress on standard error, at most one line per stage step, so long imports show they are alive.</summary>
    private sealed class ConsoleProgress(TextWriter errors) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => errors.WriteLine(value.Stage switch
        {
            ImportStage.Reading => Invariant($"Reading: {value.Count:#,0} rows"),
            ImportStage.Comparing => Invariant($"Comparing {value.Count:#,0} figures with the published release"),
            _ => Invariant($"Writing: {value.Count:#,0} figures"),
        });
    }
}
