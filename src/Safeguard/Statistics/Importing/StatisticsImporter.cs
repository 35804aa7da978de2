using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Safeguard.Audit.Contracts;
using Safeguard.Platform;
using Safeguard.Statistics.Data;
using Safeguard.Statistics.Importing.Files;
using Safeguard.Statistics.Importing.Templates;
using Safeguard.Statistics.Model;
using Safeguard.Statistics.Reading;
using Safeguard.Statistics.Releases;

namespace Safeguard.Statistics.Importing;

/// <summary>
/// Imports a file into a draft release: reads it with a template, shows what would change (preview), and writes
/// it in one transaction (commit), with its entry in the audit trail. A failure, a cancellation or a killed process
/// leaves nothing behind: the file, the draft, its figures and the audit entry are written together or not at all.
/// </summary>
/// <remarks>
/// A draft created by an import starts as a copy of the latest published release, so a release is always the
/// whole body of figures at a date; imported figures replace the draft's figures with the same measure, place,
/// period and breakdown, and add the rest.
/// </remarks>
internal sealed partial class StatisticsImporter(StatisticsDbContext db, TemplateStore templates, ImportLimits limits, IAuditTrail audit, IAuditOrigin origin)
{
    /// <summary>Reads and checks the file and compares the result with the latest published release; writes nothing.</summary>
    public async Task<ImportPreview> PreviewAsync(ImportRequest request, IProgress<ImportProgress>? progress, CancellationToken cancellationToken) =>
        (await PrepareAsync(request, progress, cancellationToken)).Preview;

    /// <summary>Imports the file, or throws <see cref="ImportRejectedException"/> having written nothing.</summary>
    public async Task<(ImportPreview Preview, Release Release)> CommitAsync(ImportRequest request, IProgress<ImportProgress>? progress,
        CancellationToken cancellationToken)
    {
        var prepared = await PrepareAsync(request, progress, cancellationToken);
        var preview = prepared.Preview;
        if (preview.Sheet.HasErrors)
        {
            throw new ImportRejectedException(preview.Sheet.Issues, preview.Sheet.ErrorCount);
        }
        // The caller's transaction if one is open (the demonstration data imports several files in one).
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        await ReleaseWriters.WaitForOthersAsync(db, cancellationToken);
        await RefuseIfChangedMeanwhileAsync(request, prepared, cancellationToken);
        var document = preview.KnownDocument
            ?? await db.SourceDocuments.AsNoTracking().FirstOrDefaultAsync(d => d.Sha256 == preview.Sha256, cancellationToken);
        if (document is null)
        {
            document = new SourceDocument
            {
                Title = request.Source.Title ?? StoredFileName.From(request.FileName),
                Authority = request.Source.Authority,
                Reference = request.Source.Reference,
                DateReceived = request.Source.DateReceived,
                FileName = StoredFileName.From(request.FileName),
                Sha256 = preview.Sha256,
                SizeBytes = request.Content.Length,
            };
            db.SourceFiles.Add(new SourceFile { SourceDocument = document, Content = request.Content });
        }
        else
        {
            db.Attach(document);
        }
        var release = prepared.Draft;
        if (release is null)
        {
            release = new Release
            {
                Slug = request.Release,
                Title = request.ReleaseTitle ?? $"Immigration detention statistics: {request.Release}",
                Summary = preview.ComparedWith is { } basis
                    ? $"The figures of release '{basis.Slug}', with those imported since from FOI answers and published tables."
                    : "Figures imported from FOI answers and published tables.",
                Status = ReleaseStatus.Draft,
                SupersedesId = preview.ComparedWith?.Id,
            };
            db.Releases.Add(release);
        }
        else
        {
            db.Attach(release);
        }
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        if (prepared.Draft is null && preview.ComparedWith is { } published)
        {
            await ObservationWriter.CopyReleaseAsync(db, published.Id, release.Id, cancellationToken);
        }
        var store = new FigureStore(release.Id, document.Id, prepared.Measures, prepared.Places);
        await DeleteReplacedAsync(store, prepared.Figures, cancellationToken);
        await ObservationWriter.WriteAsync(db, store, prepared.Figures, progress, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        // The file is named by its hash, never its name, which may say who an answer was about.
        await audit.RecordAsync(new AuditEvent(origin.Actor, AuditAction.Import, "release", release.Slug, origin.Source,
                string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{prepared.Figures.Count} figures from file sha256:{preview.Sha256[..12]}")),
            db.Database.CurrentTransaction!.GetDbTransaction(), cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }
        return (preview, release);
    }

    /// <summary>
    /// Refuses, having written nothing, when the release has changed since the file was read: the draft was published
    /// (its figures never change), or the release was started by someone else. (A draft that a release published
    /// meanwhile has left behind is refused when it is published.)
    /// </summary>
    private async Task RefuseIfChangedMeanwhileAsync(ImportRequest request, Prepared prepared, CancellationToken cancellationToken)
    {
        var file = Path.GetFileName(request.FileName);
        var slug = request.Release;
        var now = await db.Releases.AsNoTracking().Where(r => r.Slug == slug).Select(r => new { r.Id, r.Status }).FirstOrDefaultAsync(cancellationToken);
        var problem = now switch
        {
            { Status: ReleaseStatus.Published } =>
                $"release '{slug}' was published while the file was read, and its figures never change; nothing was imported. Import into a new release (it will correct '{slug}' when published)",
            not null when prepared.Draft?.Id != now.Id =>
                $"release '{slug}' was started by someone else while the file was read; nothing was imported. Import again to add this file to it",
            _ => null,
        };
        if (problem is not null)
        {
            throw ImportRejectedException.One(file, problem);
        }
    }

    private sealed record Prepared(ImportPreview Preview, Release? Draft, IReadOnlyList<ImportedFigure> Figures,
        IReadOnlyDictionary<string, Measure> Measures, IReadOnlyDictionary<string, Place> Places);

    private async Task<Prepared> PrepareAsync(ImportRequest request, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var file = StoredFileName.From(request.FileName);
        if (!ReleaseSlug().IsMatch(request.Release))
        {
            throw ImportRejectedException.One(file,
                $"'{request.Release}' cannot name a release: use 1 to 80 lower-case letters, digits and hyphens, e.g. 2025-h1");
        }
        var template = await templates.FindAsync(request.Template, cancellationToken)
            ?? throw ImportRejectedException.One(file,
                $"there is no template named '{request.Template}'; the templates are: {string.Join(", ", (await templates.AllAsync(cancellationToken)).Select(t => t.Template.Name))}");
        var draft = await db.Releases.AsNoTracking().FirstOrDefaultAsync(r => r.Slug == request.Release, cancellationToken);
        if (draft is { Status: ReleaseStatus.Published })
        {
            throw ImportRejectedException.One(file,
                $"release '{draft.Slug}' is published and never changes; import into a new release (it will correct '{draft.Slug}' when published)");
        }
        if (draft is not null && await StaleDraft.ProblemAsync(db, draft, cancellationToken) is { } stale)
        {
            throw ImportRejectedException.One(file, stale);
        }
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(request.Content));
        var known = await db.SourceDocuments.AsNoTracking().FirstOrDefaultAsync(d => d.Sha256 == sha256, cancellationToken);
        var measures = await db.Measures.AsNoTracking().Include(m => m.Theme).ToDictionaryAsync(m => m.Slug, cancellationToken);
        var places = await db.Places.AsNoTracking().ToDictionaryAsync(p => p.Slug, cancellationToken);
        var catalogue = new ImportCatalogue(measures.Values.Select(m => (m.Slug, m.Name)), places.Values.Select(p => (p.Slug, p.Name)));

        MappedSheet sheet;
        try
        {
            using var workbook = WorkbookFile.Open(file, request.Content, limits);
            var rows = progress is null ? null : new RowsRead(progress);
            sheet = new SheetMapper(template, catalogue).Map(workbook, rows, cancellationToken);
        }
        catch (ImportFileException unreadable)
        {
            throw ImportRejectedException.One(file, unreadable.Message);
        }

        progress?.Report(new ImportProgress(ImportStage.Comparing, sheet.Figures.Count));
        var reader = new StatisticsReader(db);
        var published = await reader.LatestReleaseAsync(cancellationToken);
        var before = published is null ? [] : await reader.ObservationsAsync(new ObservationFilter { ReleaseId = published.Id }, cancellationToken);
        var basis = draft is not null ? await reader.ObservationsAsync(new ObservationFilter { ReleaseId = draft.Id }, cancellationToken) : before;
        var source = known ?? new SourceDocument
        {
            Title = request.Source.Title ?? file,
            Authority = request.Source.Authority,
            Reference = request.Source.Reference,
            FileName = file,
            Sha256 = sha256,
        };
        var imported = sheet.Figures.Select(f => f.AsRow(request.Release, measures[f.Measure], places[f.Place], source)).ToList();
        var importedKeys = imported.Select(Key).ToHashSet();
        var after = basis.Where(r => !importedKeys.Contains(Key(r))).Concat(imported);
        var comparison = ReleaseComparison.Compare(before, after);
        var preview = new ImportPreview(template, sha256, known, sheet, comparison, published, draft is null);
        return new Prepared(preview, draft, sheet.Figures, measures, places);
    }

    /// <summary>
    /// The templates whose headings and sheet fit a file, for offering when an answer arrives without one named.
    /// A template fits when its sheet and every heading it names are there; the figures are not read.
    /// </summary>
    public async Task<List<string>> TemplatesThatFitAsync(string fileName, byte[] content, CancellationToken cancellationToken)
    {
        var fits = new List<string>();
        try
        {
            using var workbook = WorkbookFile.Open(Path.GetFileName(fileName), content, limits);
            foreach (var (template, _) in await templates.AllAsync(cancellationToken))
            {
                if (SheetMapper.Fits(template, workbook, cancellationToken))
                {
                    fits.Add(template.Name);
                }
            }
        }
        catch (ImportFileException unreadable)
        {
            throw ImportRejectedException.One(Path.GetFileName(fileName), unreadable.Message);
        }
        return fits;
    }

    private sealed class RowsRead(IProgress<ImportProgress> progress) : IProgress<int>
    {
        public void Report(int value) => progress.Report(new ImportProgress(ImportStage.Reading, value));
    }

    private static FigureKey Key(ObservationRow row) => new(row.Measure, row.Place, row.PeriodKey, row.Breakdown);

    /// <summary>Removes the draft's figures that the import replaces (same measure, place, period and breakdown).</summary>
    private async Task DeleteReplacedAsync(FigureStore store, IReadOnlyList<ImportedFigure> incoming, CancellationToken cancellationToken)
    {
        var releaseId = store.ReleaseId;
        var measureIds = incoming.Select(store.MeasureId).Distinct().ToList();
        var existing = await db.Observations.AsNoTracking()
            .Where(o => o.ReleaseId == releaseId && measureIds.Contains(o.MeasureId))
            .Select(o => new { o.Id, o.MeasureId, o.PlaceId, o.PeriodKey, o.Breakdown })
            .ToListAsync(cancellationToken);
        if (existing.Count == 0)
        {
            return;
        }
        var keys = incoming.Select(f => (store.MeasureId(f), store.PlaceId(f), f.Period.Key, f.Breakdown)).ToHashSet();
        var replaced = existing.Where(o => keys.Contains((o.MeasureId, o.PlaceId, o.PeriodKey, o.Breakdown))).Select(o => o.Id).ToList();
        foreach (var chunk in replaced.Chunk(500))
        {
            await db.Observations.Where(o => chunk.Contains(o.Id)).ExecuteDeleteAsync(cancellationToken);
        }
    }

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?$")]
    private static partial Regex ReleaseSlug();
}
