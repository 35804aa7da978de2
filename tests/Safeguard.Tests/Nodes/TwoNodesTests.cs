using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Safeguard.Accounts;
using Safeguard.Accounts.Contracts;
using Safeguard.Statistics.Contracts;
using Safeguard.Statistics.Data;
using Safeguard.Statistics.Importing;
using Safeguard.Statistics.Releases;
using Safeguard.Statistics.Staff;
using Safeguard.Tests.Accounts;
using Safeguard.Tests.Http;

namespace Safeguard.Tests.Nodes;

/// <summary>
/// What two nodes on one PostgreSQL must share, tried on real processes (<see cref="TwoNodes"/>): a publication made
/// anywhere shows on every node at once, an import's progress and its cancel reach every node, an e-mail goes once
/// whichever node's sender finds it, and a rate limit counts the attempts made on both.
/// </summary>
public sealed class TwoNodesTests(TwoNodes nodes) : IClassFixture<TwoNodes>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PublishedOnTheCommandLine_ShowsOnTheOtherNodesWithinASecond_WithNewETags()
    {
        await ImportDraftAsync(2031, publish: true);
        await ImportDraftAsync(2032, publish: false);
        using var b = nodes.ClientOf(nodes.B);
        // Node B has the views of release 2031 in its output cache, and a client holds their ETags.
        var releasesBefore = await b.GetAsync("/api/v1/releases", Cancel);
        (await releasesBefore.Content.ReadAsStringAsync(Cancel)).ShouldNotContain("\"2032\"");
        var homeBefore = await b.GetAsync("/statistics", Cancel);
        homeBefore.StatusCode.ShouldBe(HttpStatusCode.OK);

        // Node B, and the database, are watched from before the command starts, so that the time the command takes to
        // start and stop is not counted: what is measured is from the publication's commit to node B serving it.
        var watched = UntilAsync(b, "/api/v1/releases", releasesBefore.Headers.ETag!, body => body.Contains("\"2032\"", StringComparison.Ordinal));
        var committed = UntilPublishedAsync("2032");
        var (exitCode, output, errors) = await nodes.RunAsync("publish", "2032");
        exitCode.ShouldBe(0, $"{output}{errors}");
        var shown = await watched;
        (shown - await committed).ShouldBeLessThan(TimeSpan.FromSeconds(1), "node B serves the new release within a second of the publication's commit");
        await UntilAsync(b, "/statistics", homeBefore.Headers.ETag!, body => body.Contains("/statistics/releases/2032", StringComparison.Ordinal));
        using var a = nodes.ClientOf(nodes.A);
        (await a.GetStringAsync("/api/v1/releases", Cancel)).ShouldContain("\"2032\"");
    }

    [Fact]
    public async Task ImportStartedOnA_ShowsItsProgressOnB_AndIsCancelledFromB()
    {
        var (officer, onA, onB) = await nodes.SignedInAsync(StaffRoles.PolicyOfficer);
        var table = SyntheticTables.DeathsAndAbsconds("2033-h1", 2033);
        var upload = await UploadAsync(officer, table.Content);
        // The import waits for the release writers' lock, held here as a long import on another node would hold it.
        await using var writer = new NpgsqlConnection(nodes.ConnectionString);
        await writer.OpenAsync(Cancel);
        await using (var hold = new NpgsqlCommand($"SELECT pg_advisory_lock({ReleaseWriters.PostgresLockKey})", writer))
        {
            await hold.ExecuteNonQueryAsync(Cancel);
        }

        var committed = await onA.SubmitAsync($"{StatisticsStaffPaths.Import(upload)}?template={table.Template}&release=2033-h1", [], handler: "commit");
        committed.StatusCode.ShouldBe(HttpStatusCode.Redirect, await committed.Content.ReadAsStringAsync(Cancel));
        var progress = StatisticsStaffPaths.Progress(upload);
        var running = await UntilShownAsync(onB, progress, page => page.QuerySelector("[role=status]")?.TextContent.Contains("Comparing", StringComparison.Ordinal) == true);
        running.QuerySelector("h1")!.TextContent.ShouldBe("Importing into draft release 2033-h1");

        (await onB.SubmitAsync(progress, [], handler: "cancel")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await UntilShownAsync(onB, progress, page => page.QuerySelector("h1")!.TextContent == "Import cancelled");
        (await onA.PageAsync(progress)).QuerySelector("h1")!.TextContent.ShouldBe("Import cancelled");
        await using (var release = new NpgsqlCommand($"SELECT pg_advisory_unlock({ReleaseWriters.PostgresLockKey})", writer))
        {
            await release.ExecuteNonQueryAsync(Cancel);
        }
        await using var scope = nodes.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<StatisticsDbContext>().Releases.AnyAsync(r => r.Slug == "2033-h1", Cancel)).ShouldBeFalse("nothing was written");
    }

    [Fact]
    public async Task InvitationOnA_WithBothSendersRunning_IsSentOnce()
    {
        var (_, onA, _) = await nodes.SignedInAsync(StaffRoles.Administrator);
        var email = $"invited-{Guid.NewGuid():N}@example.org";

        var invited = await onA.SubmitAsync(AccountsPaths.Invite, [new("DisplayName", "Robin Example"), new("Email", email), new("Roles", StaffRoles.Caseworker)]);

        invited.StatusCode.ShouldBe(HttpStatusCode.Redirect, await invited.Content.ReadAsStringAsync(Cancel));
        var giveUp = DateTime.UtcNow.AddSeconds(60);
        while (MailTo(email) == 0)
        {
            DateTime.UtcNow.ShouldBeLessThan(giveUp, "the invitation was not sent");
            await Task.Delay(200, Cancel);
        }
        // Node B's sender looks for due mail every 15 seconds: give it more than one look at the invitation.
        await Task.Delay(TimeSpan.FromSeconds(20), Cancel);
        MailTo(email).ShouldBe(1, "one e-mail, though both nodes' senders ran");
    }

    [Fact]
    public async Task ElevenSignInAttemptsFromOneAddress_AlternatingNodes_TheEleventhIsRefused()
    {
        // An address of this test's own (any 127.x.y.z reaches the nodes), so that no other sign-in of the class counts.
        var address = new IPAddress([127, 0, (byte)Random.Shared.Next(1, 255), (byte)Random.Shared.Next(1, 255)]);
        var browsers = new[] { nodes.A, nodes.B }.Select(node => new StaffBrowser(nodes.ClientOf(node, from: address), TimeProvider.System)).ToArray();
        // The limit counts whole minutes of the clock: start early in one.
        if (DateTime.UtcNow.Second > 45)
        {
            await Task.Delay(TimeSpan.FromSeconds(61 - DateTime.UtcNow.Second), Cancel);
        }

        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 11; attempt++)
        {
            // A different account each time, so that only the limit per address can refuse.
            statuses.Add((await browsers[attempt % 2].SignInAsync(new TestStaff("none", $"someone-{Guid.NewGuid():N}@example.org", "whatever passphrase", null))).StatusCode);
        }

        statuses.ShouldBe([.. Enumerable.Repeat(HttpStatusCode.OK, 10), HttpStatusCode.TooManyRequests]);
    }

    /// <summary>How many e-mails to <paramref name="address"/> the nodes have written into their pickup folder.</summary>
    private int MailTo(string address) => Directory.GetFiles(nodes.MailFolder, "*.eml")
        .Count(file => MimeKit.MimeMessage.Load(file).To.Mailboxes.Any(m => m.Address == address));

    /// <summary>Imports a synthetic table for <paramref name="year"/> into draft release <paramref name="year"/>, as another node would, and publishes it if asked.</summary>
    private async Task ImportDraftAsync(int year, bool publish)
    {
        var release = year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await using var scope = nodes.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<StatisticsImporter>().CommitAsync(SyntheticTables.DeathsAndAbsconds(release, year), null, Cancel);
        if (publish)
        {
            await scope.ServiceProvider.GetRequiredService<ReleasePublisher>().PublishAsync(release, Cancel);
        }
    }

    /// <summary>Reads the release from the database until its publication is committed; returns when it first was.</summary>
    private async Task<DateTime> UntilPublishedAsync(string release)
    {
        var giveUp = DateTime.UtcNow.AddSeconds(180);
        await using var scope = nodes.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StatisticsDbContext>();
        while (true)
        {
            if (await db.Releases.AsNoTracking().AnyAsync(r => r.Slug == release && r.PublishedAtUtc != null, Cancel))
            {
                return DateTime.UtcNow;
            }
            DateTime.UtcNow.ShouldBeLessThan(giveUp, $"release {release} was not published");
            await Task.Delay(20, Cancel);
        }
    }

    /// <summary>An upload of the officer's, stored as the upload form stores it.</summary>
    private async Task<string> UploadAsync(TestStaff officer, byte[] content)
    {
        await using var scope = nodes.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ImportUploads>()
            .AddAsync(officer.Id, "deaths.csv", content, "Synthetic FOI answer", "Home Office", "FOI 00042", null, Cancel);
    }

    /// <summary>
    /// Asks a node for a view with an ETag held from before, until it answers with a new ETag and a body that
    /// <paramref name="shows"/>; returns when it did.
    /// </summary>
    private static async Task<DateTime> UntilAsync(HttpClient client, string path, System.Net.Http.Headers.EntityTagHeaderValue held, Func<string, bool> shows)
    {
        // Long enough for a command to start on a busy machine (its start is counted here, as the wait begins before
        // it; over a minute while other tests run beside it); the test measures the time that matters itself.
        var giveUp = DateTime.UtcNow.AddSeconds(180);
        while (true)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.IfNoneMatch.Add(held);
            using var response = await client.SendAsync(request, Cancel);
            if (response.StatusCode == HttpStatusCode.OK && shows(await response.Content.ReadAsStringAsync(Cancel)))
            {
                var at = DateTime.UtcNow;
                response.Headers.ETag.ShouldNotBeNull().ShouldNotBe(held);
                return at;
            }
            DateTime.UtcNow.ShouldBeLessThan(giveUp, $"{path} still shows the release before");
            await Task.Delay(20, Cancel);
        }
    }

    private static async Task<IHtmlDocument> UntilShownAsync(StaffBrowser browser, string path, Func<IHtmlDocument, bool> shows)
    {
        var giveUp = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var page = await browser.PageAsync(path);
            if (shows(page))
            {
                return page;
            }
            DateTime.UtcNow.ShouldBeLessThan(giveUp, $"{path} shows: {page.QuerySelector("main")?.TextContent}");
            await Task.Delay(200, Cancel);
        }
    }
}
