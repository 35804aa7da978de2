using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Safeguard.Statistics.Data;
using Safeguard.Statistics.Model;
using Safeguard.Statistics.Releases;
using Sylvan.Data.Csv;

namespace Safeguard.Statistics.Demonstration;

/// <summary>
/// The charity's first release: its 2024 top-line figures, each traced to the line of the charity's news page
/// (kept as an excerpt beside this file) that states it.
/// </summary>
internal static class DemonstrationRelease
{
    public const string Slug = "2024";
    private const string SourceFileName = "seed-2024-top-line.txt";

    public static async Task LoadAsync(StatisticsDbContext db, ReleasePublisher publisher, CancellationToken cancellationToken)
    {
        if (await db.Releases.AnyAsync(r => r.Slug == Slug, cancellationToken))
        {
            return;
        }
        // One transaction for the figures and their publication: a run killed half-way leaves nothing.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var sourceBytes = Resource(SourceFileName);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(sourceBytes));
        var source = await db.SourceDocuments.FirstOrDefaultAsync(d => d.Sha256 == sha256, cancellationToken);
        if (source is null)
        {
            source = new SourceDocument
            {
                Title = "Medical Justice: top-line Home Office immigration detention statistics for 2024, collated through FOI requests",
                Authority = "Medical Justice",
                Reference = "News: Medical Justice's work in Parliament – update (2025)",
                FileName = SourceFileName,
                Sha256 = sha256,
                SizeBytes = sourceBytes.Length,
            };
            db.SourceFiles.Add(new SourceFile { SourceDocument = source, Content = sourceBytes });
        }
        var release = new Release
        {
            Slug = Slug,
            Title = "Immigration detention statistics: 2024",
            Summary = "Home Office figures for 2024 obtained by Medical Justice through Freedom of Information requests: Rule 35 reports, ACDTs, segregation, use of force per centre, and people held in detention.",
            Status = ReleaseStatus.Draft,
        };
        db.Releases.Add(release);
        var measures = await db.Measures.ToDictionaryAsync(m => m.Slug, cancellationToken);
        var places = await db.Places.ToDictionaryAsync(p => p.Slug, cancellationToken);
        using var reader = CsvDataReader.Create(new StreamReader(new MemoryStream(Resource("release-2024.csv"))));
        while (await reader.ReadAsync(cancellationToken))
        {
            if (!ObservationStatuses.TryParseCode(reader.GetString(4), out var status))
            {
                throw new InvalidDataException($"release-2024.csv: unknown status '{reader.GetString(4)}'.");
            }
            var observation = new Observation
            {
                Release = release,
                Measure = measures[reader.GetString(0)],
                Place = places[reader.GetString(1)],
                PeriodKey = "",
                Value = decimal.Parse(reader.GetString(3), CultureInfo.InvariantCulture),
                Status = status,
                Note = reader.GetString(5) is { Length: > 0 } note ? note : null,
                SourceDocument = source,
                SourceLocation = reader.GetString(6),
            };
            observation.SetPeriod(Period.FromKey(reader.GetString(2)));
            db.Observations.Add(observation);
        }
        await db.SaveChangesAsync(cancellationToken);
        await publisher.PublishAsync(Slug, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static byte[] Resource(string name)
    {
        var assembly = typeof(DemonstrationRelease).Assembly;
        using var stream = assembly.GetManifestResourceStream($"Safeguard.Statistics.Demonstration.{name}")
            ?? throw new InvalidOperationException($"Embedded resource {name} is missing from the build.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
