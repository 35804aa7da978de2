using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Audit.Searching;
using Safeguard.Casework.Cohorts;
using Safeguard.Casework.Data;
using Safeguard.Casework.Demonstration;
using Safeguard.Casework.Referrals;
using Safeguard.Statistics.Data;
using Safeguard.Tests.Http;

namespace Safeguard.Tests.Casework;

/// <summary>The demonstration's synthetic clients: how many, the same on every installation, loaded once, and showing figures like the charity's.</summary>
public sealed class DemonstrationCasesTests(SqliteDemonstrationPortalFactory factory) : IClassFixture<SqliteDemonstrationPortalFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>What the demonstration holds in plain columns, in a form two installations can compare.</summary>
    private static async Task<List<string>> FingerprintAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseworkDbContext>();
        return await db.Clients.AsNoTracking().OrderBy(c => c.Id)
            .Select(c => $"{c.CaseNumber} {c.OpenedOn} {c.Outcome} {c.OutcomeOn} {c.Episodes.Count} {c.Assessments.Count} {c.Documents.Count} {c.HomeOfficeEvents.Count} {string.Join('|', c.Tags.Select(t => t.Tag))}")
            .ToListAsync(Cancel);
    }

    [Fact]
    public async Task Demonstration_HasAFewHundredClientsAcrossCentresAndYears_TheSameOnEveryInstallation()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseworkDbContext>();
        (await db.Referrals.CountAsync(r => r.Status == TriageStatus.Waiting, Cancel)).ShouldBe(DemonstrationCases.WaitingReferrals);
        var years = await db.Clients.Select(c => c.OpenedOn.Year).Distinct().ToListAsync(Cancel);
        years.ShouldContain(2019);
        years.ShouldContain(2024);
        (await db.Episodes.Select(e => e.CentreSlug).Distinct().CountAsync(Cancel)).ShouldBe(7);
        (await db.Clients.CountAsync(Cancel)).ShouldBe(DemonstrationCases.Clients);

        var fingerprint = await FingerprintAsync(factory.Services);
        fingerprint.Count.ShouldBe(DemonstrationCases.Clients);
        await using var another = new SqliteDemonstrationPortalFactory();
        await another.InitializeAsync();
        (await FingerprintAsync(another.Services)).ShouldBe(fingerprint, "a fixed seed makes the same demonstration everywhere");

        var entries = await scope.ServiceProvider.GetRequiredService<AuditQuery>().SearchAsync(new AuditSearch { RecordType = "case", RecordId = "demonstration" }, Cancel);
        entries.Single().Detail.ShouldBe($"demonstration data: {DemonstrationCases.Clients} synthetic cases and {DemonstrationCases.Clients + DemonstrationCases.WaitingReferrals} referrals");
    }

    [Fact]
    public async Task Demonstration_CaseworkLeftOut_LoadsTheReleaseWithoutClientsOrReferrals()
    {
        await using var application = new OwnSqlitePortalFactory();
        await application.InitializeAsync();
        await using var scope = application.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<StatisticsDbContext>().Releases.AnyAsync(r => r.Slug == "2024", Cancel)).ShouldBeTrue("the statistics demonstration stays");
        var db = scope.ServiceProvider.GetRequiredService<CaseworkDbContext>();
        (await db.Clients.CountAsync(Cancel), await db.Referrals.CountAsync(Cancel)).ShouldBe((0, 0));
    }

    [Fact]
    public async Task Demonstration_RwandaCohort_ShowsFiguresLikeTheCharitys()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var figures = await scope.ServiceProvider.GetRequiredService<CohortQuery>().ShowAsync(new CohortDefinition(["Rwanda removal"], null, null, null, null), Cancel);
        figures.Cohort.Size.ShouldNotBeNull().ShouldBeInRange(25, 70);
        figures.Cohort.Counts.Single(c => c.Measure == CohortQuery.TortureSurvivors).Percentage.ShouldNotBeNull().ShouldBeInRange(55, 95);
    }
}
