using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Audit.Chain;
using Safeguard.Audit.Searching;
using Safeguard.Statistics.Contracts;
using Safeguard.Statistics.Importing;
using Safeguard.Statistics.Releases;
using Safeguard.Tests.Http;

namespace Safeguard.Tests.Audit;

/// <summary>The statistics module records its imports and publications, in the application as it runs, on both engines.</summary>
public abstract class StatisticsAuditTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : PortalFactory
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task<List<Safeguard.Audit.Data.AuditEntry>> EntriesAsync(string release) =>
        await factory.Services.GetRequiredService<AuditQuery>().SearchAsync(new AuditSearch { RecordType = "release", RecordId = release }, Cancel);

    [Fact]
    public async Task DemonstrationPublication_IsRecordedBySystem()
    {
        var entry = (await EntriesAsync("2024")).ShouldHaveSingleItem();
        entry.Action.ShouldBe("publish");
        entry.Actor.ShouldBe("system");
        entry.Source.ShouldBe("command line");
        entry.Detail.ShouldNotBeNull().ShouldMatch("^15 figures, content hash [0-9a-f]{64}$");
    }

    [Fact]
    public async Task ImportThenPublish_LeaveTwoEntriesWithoutTheFileNameOrSource_AndTheChainVerifies()
    {
        var csv = "Date,Year,Quarter,Nationality,Region,Sex,Age,Current place of detention,Length of detention,People\n"
            + "2023-12-31,2023,4,Utopia,Elsewhere,Male,18 to 29,Brook House IRC,A: 3 days or less,5\n";
        var request = new ImportRequest("answer-for-Jane-Example.csv", Encoding.UTF8.GetBytes(csv), "home-office-det-d02", "audited",
            new SourceDetails("Answer to Jane Example", "Home Office", "FOI 99999 (Jane Example)", null), null);
        using (var scope = factory.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<StatisticsImporter>().CommitAsync(request, null, Cancel);
        }
        using (var scope = factory.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<ReleasePublisher>().PublishAsync("audited", Cancel);
        }

        var entries = await EntriesAsync("audited");
        entries.Select(e => e.Action).ShouldBe(["publish", "import"]);
        entries[1].Detail.ShouldStartWith("1 figures from file sha256:");
        entries.ShouldAllBe(e => e.Actor == "system" && e.Source == "command line");
        foreach (var entry in entries)
        {
            $"{entry.Actor} {entry.RecordType} {entry.RecordId} {entry.Source} {entry.Detail}".ShouldNotContain("Jane");
        }
        (await factory.Services.GetRequiredService<AuditVerifier>().VerifyAsync(null, Cancel)).Intact.ShouldBeTrue();
    }

    [Fact]
    public async Task RefusedPublication_LeavesNoEntry()
    {
        using var scope = factory.Services.CreateScope();
        await Should.ThrowAsync<ReleasePublicationException>(() => scope.ServiceProvider.GetRequiredService<ReleasePublisher>().PublishAsync("2024", Cancel));
        (await EntriesAsync("2024")).Count.ShouldBe(1);
    }
}

public sealed class SqliteStatisticsAuditTests(OwnSqlitePortalFactory factory) : StatisticsAuditTests<OwnSqlitePortalFactory>(factory);

public sealed class PostgresStatisticsAuditTests(OwnPostgresPortalFactory factory) : StatisticsAuditTests<OwnPostgresPortalFactory>(factory);
