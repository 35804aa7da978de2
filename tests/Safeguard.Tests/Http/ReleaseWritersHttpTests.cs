using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Statistics.Data;
using Safeguard.Statistics.Importing;
using Safeguard.Statistics.Model;
using Safeguard.Statistics.Reading;
using Safeguard.Statistics.Releases;

namespace Safeguard.Tests.Http;

/// <summary>
/// Two members of staff writing releases at once, on each database engine: an import into a draft that is published
/// while the file is read, two drafts from the same release published together, a new draft started twice, the same
/// file imported into two releases. A published release never changes, and every refusal says what happened.
/// </summary>
/// <remarks>Each test starts its drafts from whatever release is the latest when it runs, so their order does not matter.</remarks>
public abstract class ReleaseWritersHttpTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : PortalFactory
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static ImportRequest Deaths(string release, int year, string file = "deaths.csv") => SyntheticTables.DeathsAndAbsconds(release, year, file);

    private static string NewSlug(string what) => $"{what}-{Guid.NewGuid():N}"[..(what.Length + 13)];

    private async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> act)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await act(scope.ServiceProvider);
    }

    private Task<(ImportPreview Preview, Release Release)> ImportAsync(ImportRequest request, IProgress<ImportProgress>? progress = null) =>
        InScopeAsync(s => s.GetRequiredService<StatisticsImporter>().CommitAsync(request, progress, Cancel));

    private Task<Release> PublishAsync(string slug) => InScopeAsync(s => s.GetRequiredService<ReleasePublisher>().PublishAsync(slug, Cancel));

    private Task<List<ObservationRow>> FiguresOfAsync(string slug) => InScopeAsync(async s =>
    {
        var db = s.GetRequiredService<StatisticsDbContext>();
        var release = await db.Releases.AsNoTracking().SingleAsync(r => r.Slug == slug, Cancel);
        return await new StatisticsReader(db).ObservationsAsync(new ObservationFilter { ReleaseId = release.Id }, Cancel);
    });

    [Fact]
    public async Task ADraftPublishedWhileAFileIsRead_TakesNoMoreFigures_AndTheImportSaysSo()
    {
        var slug = NewSlug("published-meanwhile");
        await ImportAsync(Deaths(slug, 2001));
        var publishMeanwhile = new AtStage(ImportStage.Comparing, () => PublishAsync(slug));

        var rejected = await Should.ThrowAsync<ImportRejectedException>(() => ImportAsync(Deaths(slug, 2002), publishMeanwhile));

        publishMeanwhile.Happened.ShouldBeTrue();
        rejected.Message.ShouldBe(
            $"error: deaths.csv: release '{slug}' was published while the file was read, and its figures never change; nothing was imported. Import into a new release (it will correct '{slug}' when published)");
        var published = await InScopeAsync(s => s.GetRequiredService<StatisticsDbContext>().Releases.AsNoTracking().SingleAsync(r => r.Slug == slug, Cancel));
        var figures = await FiguresOfAsync(slug);
        figures.ShouldContain(f => f.PeriodKey == "2001");
        figures.ShouldNotContain(f => f.PeriodKey == "2002");
        ReleaseContentHash.Compute(figures).ShouldBe(published.ContentHash, "the release holds what was published");
    }

    [Fact]
    public async Task TwoDraftsFromTheSameRelease_PublishedTogether_TheSecondIsRefused()
    {
        var (first, second) = (NewSlug("first-of-two"), NewSlug("second-of-two"));
        await ImportAsync(Deaths(first, 2003));
        await ImportAsync(Deaths(second, 2004));

        Task<Release> publishingSecond;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<StatisticsDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync(Cancel);
            await scope.ServiceProvider.GetRequiredService<ReleasePublisher>().PublishAsync(first, Cancel);
            // The second starts while the first is published but not yet committed, and is given time to reach its checks.
            publishingSecond = Task.Run(() => PublishAsync(second), Cancel);
            await Task.Delay(TimeSpan.FromMilliseconds(500), Cancel);
            await transaction.CommitAsync(Cancel);
        }

        var refused = await Should.ThrowAsync<ReleasePublicationException>(() => publishingSecond);
        refused.Message.ShouldContain($"'{first}' has been published since, and its figures are not in this draft");
        var statuses = await InScopeAsync(s => s.GetRequiredService<StatisticsDbContext>().Releases.AsNoTracking()
            .Where(r => r.Slug == first || r.Slug == second).ToDictionaryAsync(r => r.Slug, r => r.Status, Cancel));
        statuses[first].ShouldBe(ReleaseStatus.Published);
        statuses[second].ShouldBe(ReleaseStatus.Draft);
    }

    [Fact]
    public async Task ANewDraftStartedByAnotherImportWhileAFileIsRead_IsNotStartedTwice()
    {
        var slug = NewSlug("started-meanwhile");
        var startMeanwhile = new AtStage(ImportStage.Comparing, () => ImportAsync(Deaths(slug, 2005, "other.csv")));

        var rejected = await Should.ThrowAsync<ImportRejectedException>(() => ImportAsync(Deaths(slug, 2006), startMeanwhile));

        startMeanwhile.Happened.ShouldBeTrue();
        rejected.Message.ShouldBe(
            $"error: deaths.csv: release '{slug}' was started by someone else while the file was read; nothing was imported. Import again to add this file to it");
        var figures = await FiguresOfAsync(slug);
        figures.ShouldContain(f => f.PeriodKey == "2005");
        figures.ShouldNotContain(f => f.PeriodKey == "2006");

        (await ImportAsync(Deaths(slug, 2006))).Release.Slug.ShouldBe(slug, "imported again, it is added to the draft");
        (await FiguresOfAsync(slug)).ShouldContain(f => f.PeriodKey == "2006");
    }

    [Fact]
    public async Task TheSameFileImportedIntoTwoReleasesAtOnce_IsStoredOnce()
    {
        var (one, other) = (NewSlug("same-file-one"), NewSlug("same-file-two"));
        var importMeanwhile = new AtStage(ImportStage.Comparing, () => ImportAsync(Deaths(other, 2007)));

        await ImportAsync(Deaths(one, 2007), importMeanwhile);

        importMeanwhile.Happened.ShouldBeTrue();
        var sources = (await FiguresOfAsync(one)).Concat(await FiguresOfAsync(other)).Where(f => f.PeriodKey == "2007").Select(f => f.SourceSha256).Distinct().ToList();
        sources.Count.ShouldBe(1, "both releases cite the one stored file");
        var stored = await InScopeAsync(s => s.GetRequiredService<StatisticsDbContext>().SourceDocuments.CountAsync(d => d.Sha256 == sources[0], Cancel));
        stored.ShouldBe(1);
    }

    /// <summary>Another member of staff's work, done to the end when the import reaches <paramref name="stage"/> (once).</summary>
    private sealed class AtStage(ImportStage stage, Func<Task> act) : IProgress<ImportProgress>
    {
        public bool Happened { get; private set; }

        public void Report(ImportProgress value)
        {
            if (value.Stage == stage && !Happened)
            {
                Happened = true;
                Task.Run(act).GetAwaiter().GetResult();
            }
        }
    }
}

public sealed class SqliteReleaseWritersHttpTests(OwnSqlitePortalFactory factory) : ReleaseWritersHttpTests<OwnSqlitePortalFactory>(factory);

public sealed class PostgresReleaseWritersHttpTests(OwnPostgresPortalFactory factory) : ReleaseWritersHttpTests<OwnPostgresPortalFactory>(factory);
