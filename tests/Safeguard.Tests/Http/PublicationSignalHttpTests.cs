using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Audit.Contracts;
using Safeguard.Statistics.Data;
using Safeguard.Statistics.Model;
using Safeguard.Statistics.Releases;

namespace Safeguard.Tests.Http;

/// <summary>
/// A publication this process did not make (another node, or <c>safeguard publish</c> on the command line) reaches its
/// "latest" pages and their ETags, on a database of its own (it changes the latest release).
/// </summary>
public abstract class PublicationSignalHttpTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : PortalFactory
{
    private const string Reissued = "2024-reissued";

    private readonly HttpClient client = factory.CreateClient();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ReleaseWithTheSameFiguresPublishedElsewhere_ReplacesTheLatestViewsAndTheirETags()
    {
        // Fill the output cache with the views as they are before publication.
        var releasesBefore = (await client.GetAsync("/api/v1/releases", Cancel)).Headers.ETag.ShouldNotBeNull();
        var homeBefore = (await client.GetAsync("/statistics", Cancel)).Headers.ETag.ShouldNotBeNull();

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var services = scope.ServiceProvider;
            var db = services.GetRequiredService<StatisticsDbContext>();
            var latest = await db.Releases.AsNoTracking().SingleAsync(r => r.Slug == "2024", Cancel);
            var release = new Release { Slug = Reissued, Title = "Immigration detention statistics: 2024, reissued", Summary = "Synthetic test release.", SupersedesId = latest.Id };
            db.Releases.Add(release);
            foreach (var figure in await db.Observations.AsNoTracking().Where(o => o.ReleaseId == latest.Id).ToListAsync(Cancel))
            {
                db.Observations.Add(new Observation
                {
                    Release = release,
                    MeasureId = figure.MeasureId,
                    PlaceId = figure.PlaceId,
                    PeriodKey = figure.PeriodKey,
                    PeriodStart = figure.PeriodStart,
                    PeriodEnd = figure.PeriodEnd,
                    Breakdown = figure.Breakdown,
                    Value = figure.Value,
                    Status = figure.Status,
                    Note = figure.Note,
                    SourceDocumentId = figure.SourceDocumentId,
                    SourceLocation = figure.SourceLocation,
                });
            }
            await db.SaveChangesAsync(Cancel);
            // Another process's publisher: the same database, a publication signal of its own.
            var elsewhere = new ReleasePublisher(db, services.GetRequiredService<TimeProvider>(), services.GetRequiredService<IAuditTrail>(),
                services.GetRequiredService<IAuditOrigin>(), new LatestPublication());
            (await elsewhere.PublishAsync(Reissued, Cancel)).ContentHash.ShouldBe(latest.ContentHash, "the same figures");
        }

        var releases = await UntilModifiedAsync("/api/v1/releases", releasesBefore);
        (await releases.Content.ReadAsStringAsync(Cancel)).ShouldContain($"\"{Reissued}\"");
        releases.Headers.ETag.ShouldNotBeNull().ShouldNotBe(releasesBefore, "the ETag names the release");
        var home = await UntilModifiedAsync("/statistics", homeBefore);
        (await home.Content.ReadAsStringAsync(Cancel)).ShouldContain($"/statistics/releases/{Reissued}");
        home.Headers.ETag.ShouldNotBeNull().ShouldNotBe(homeBefore);
    }

    /// <summary>Asks for a view with the ETag held before publication until the answer is no longer 304.</summary>
    private async Task<HttpResponseMessage> UntilModifiedAsync(string path, EntityTagHeaderValue held)
    {
        // A bound on waiting, not a measure of speed: a node that never hears of the publication serves 304 for a minute.
        var giveUp = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.IfNoneMatch.Add(held);
            var response = await client.SendAsync(request, Cancel);
            if (response.StatusCode != HttpStatusCode.NotModified)
            {
                response.StatusCode.ShouldBe(HttpStatusCode.OK);
                return response;
            }
            DateTime.UtcNow.ShouldBeLessThan(giveUp, $"{path} still answers 304 to the ETag held before the publication");
            await Task.Delay(100, Cancel);
        }
    }
}

public sealed class SqlitePublicationSignalHttpTests(OwnSqlitePortalFactory factory) : PublicationSignalHttpTests<OwnSqlitePortalFactory>(factory);

public sealed class PostgresPublicationSignalHttpTests(OwnPostgresPortalFactory factory) : PublicationSignalHttpTests<OwnPostgresPortalFactory>(factory);
