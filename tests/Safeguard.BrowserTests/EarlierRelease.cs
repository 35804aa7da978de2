using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Audit.Contracts;
using Safeguard.Statistics.Data;
using Safeguard.Statistics.Model;
using Safeguard.Statistics.Releases;

namespace Safeguard.BrowserTests;

/// <summary>
/// A synthetic release published before the demonstration one (so the demonstration release stays the latest and
/// every other page reads as before), long enough for a paged figures table and with figures that differ, so the
/// compare page has a table of changes to scan.
/// </summary>
internal static class EarlierRelease
{
    public const string Slug = "2023-provisional";

    /// <summary>More than one page of figures (200 a page).</summary>
    public const int Figures = 250;

    public static async Task PublishAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<StatisticsDbContext>();
        // Started from the latest published release, as every draft is (one left behind cannot be published), though dated before it.
        var latest = await new Statistics.Reading.StatisticsReader(db).LatestReleaseAsync(CancellationToken.None);
        var release = new Release
        {
            Slug = Slug,
            Title = "Immigration detention statistics: provisional quarterly figures",
            Summary = "Synthetic figures for the browser tests.",
            SupersedesId = latest?.Id,
        };
        var source = await db.SourceDocuments.FirstAsync();
        var measures = await db.Measures.Where(m => m.Slug == MeasureSlugs.UseOfForceIncidents || m.Slug == "people-entering-detention").ToDictionaryAsync(m => m.Slug);
        var places = await db.Places.Where(p => p.Slug == "brook-house" || p.Slug == "colnbrook").ToListAsync();
        // Brook House use of force for 2024 differs from the demonstration release's 715: a changed figure.
        Add(measures[MeasureSlugs.UseOfForceIncidents], places.Single(p => p.Slug == "brook-house"), Period.Year(2024), 700);
        var added = 1;
        foreach (var year in Enumerable.Range(1990, 40))
        {
            foreach (var quarter in Enumerable.Range(1, 4))
            {
                foreach (var place in places)
                {
                    if (added++ < Figures)
                    {
                        Add(measures["people-entering-detention"], place, Period.Quarter(year, quarter), 100 + added);
                    }
                }
            }
        }
        await db.SaveChangesAsync();
        await new ReleasePublisher(db, new FixedClock(new DateTimeOffset(2024, 1, 15, 9, 0, 0, TimeSpan.Zero)),
            scope.ServiceProvider.GetRequiredService<IAuditTrail>(), scope.ServiceProvider.GetRequiredService<IAuditOrigin>(),
            scope.ServiceProvider.GetRequiredService<LatestPublication>()).PublishAsync(Slug, CancellationToken.None);

        void Add(Measure measure, Place place, Period period, decimal value)
        {
            var observation = new Observation
            {
                Release = release,
                Measure = measure,
                Place = place,
                PeriodKey = "",
                Value = value,
                Status = ObservationStatus.Exact,
                SourceDocument = source,
                SourceLocation = $"line {db.ChangeTracker.Entries<Observation>().Count() + 1}",
            };
            observation.SetPeriod(period);
            db.Observations.Add(observation);
        }
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
