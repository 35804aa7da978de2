using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Statistics.Data;
using Safeguard.Statistics.Importing;
using Safeguard.Statistics.Model;
using Safeguard.Statistics.Staff;
using Safeguard.Tests.Http;

namespace Safeguard.Tests.Nodes;

/// <summary>
/// An import job whose node died (no heartbeat for <see cref="ImportJobs.NodeSilence"/>) is marked failed by a node that
/// lives, not left running. PostgreSQL only: on SQLite, one node, jobs are kept in its memory (ImportJobs says why).
/// </summary>
public sealed class PostgresImportJobSilenceTests(PostgresPortalFactory factory) : IClassFixture<PostgresPortalFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task JobOfANodeThatFellSilent_IsMarkedFailed()
    {
        const string owner = "synthetic-owner";
        var upload = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            // Another node's job, as that node last wrote it a moment ago.
            var db = scope.ServiceProvider.GetRequiredService<StatisticsDbContext>();
            db.ImportJobs.Add(new ImportJobEntry
            {
                UploadId = upload,
                OwnerId = owner,
                Release = "2034",
                State = ImportJobState.Running,
                Stage = ImportStage.Writing,
                Count = 1200,
                HeartbeatAtUtc = factory.Clock.GetUtcNow().UtcDateTime,
            });
            await db.SaveChangesAsync(Cancel);
        }
        var jobs = factory.Services.GetRequiredService<ImportJobs>();
        var job = (await jobs.FindAsync(upload, owner, Cancel)).ShouldNotBeNull();
        job.State.ShouldBe(ImportJobState.Running);
        job.Progress.ShouldBe("Writing: 1,200 figures", "any node shows what the running node last wrote");

        factory.Clock.Advance(ImportJobs.NodeSilence + TimeSpan.FromSeconds(1));

        // A bound on waiting for this node's next heartbeat, not a measure of speed.
        var giveUp = DateTime.UtcNow.AddSeconds(20);
        while ((await jobs.FindAsync(upload, owner, Cancel))!.State != ImportJobState.Failed)
        {
            DateTime.UtcNow.ShouldBeLessThan(giveUp, "the silent node's job is still shown running");
            await Task.Delay(100, Cancel);
        }
    }
}
