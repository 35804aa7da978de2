using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Safeguard.Accounts;
using Safeguard.Accounts.Contracts;
using Safeguard.Accounts.Data;
using Safeguard.Accounts.Invitations;
using Safeguard.Accounts.Mail;
using Safeguard.Casework;
using Safeguard.Foi.Data;
using Safeguard.Foi.Reminders;
using Safeguard.Platform;
using Safeguard.Tests.Http;

namespace Safeguard.Tests.Accounts;

/// <summary>
/// What must happen once happens once however many nodes serve one database: on PostgreSQL, two applications on one
/// database, each with its outbox sender and its daily run; on the embedded SQLite, which one process serves, the same
/// cases with the one node in both parts. The outbox's retries and the page of messages it gave up on are here too.
/// </summary>
public abstract class SeveralNodesTests<TFactory>
    where TFactory : OwnPortalFactory, new()
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>Two nodes on one database, sharing one clock; on SQLite the second is the first.</summary>
    private sealed class Nodes(OwnPortalFactory first, OwnPortalFactory second) : IAsyncDisposable
    {
        public OwnPortalFactory First => first;

        public OwnPortalFactory Second => second;

        public async ValueTask DisposeAsync()
        {
            if (!ReferenceEquals(first, second))
            {
                await second.DisposeAsync();
            }
            await first.DisposeAsync();
        }
    }

    private static async Task<Nodes> StartAsync(Dictionary<string, string>? settings = null)
    {
        settings ??= [];
        var first = new TFactory { DemonstrationData = false, Settings = settings };
        await first.InitializeAsync();
        if (first.Provider == "SQLite")
        {
            return new Nodes(first, first);
        }
        var second = new AnotherNodeFactory(first)
        {
            DemonstrationData = false,
            StartingClock = first.Clock,
            // One pickup folder, as one mail server: whichever node sends, the e-mail lands where the test looks.
            Settings = new Dictionary<string, string>(settings) { [SafeguardSettings.MailPickupFolder] = first.MailFolder },
        };
        await second.InitializeAsync();
        return new Nodes(first, second);
    }

    /// <summary>Moves the shared clock to the start of the next <paramref name="window"/>, so that a test's attempts fall in one window of a limit.</summary>
    private static void StartOfAWindow(PortalFactory node, TimeSpan window)
    {
        var now = node.Clock.GetUtcNow();
        node.Clock.Advance(window - TimeSpan.FromTicks(now.Ticks % window.Ticks));
    }

    [Fact]
    public async Task Invitation_BothNodesSending_GoesOnce()
    {
        await using var nodes = await StartAsync();
        var email = $"invited-{Guid.NewGuid():N}@example.org";
        // The second node's sender looks for mail while the first has delivered the invitation and not yet recorded it
        // as sent: the moment two nodes sent the same e-mail twice.
        var sentMeanwhile = -1;
        nodes.First.BeforeSaving.Arm(
            context => context.ChangeTracker.Entries<OutboxMessage>().Any(m => m.Entity.SentAt is not null && m.Property(x => x.SentAt).IsModified),
            async () => sentMeanwhile = await nodes.Second.Services.GetRequiredService<OutboxSender>().SendDueAsync(Cancel));

        await using (var scope = nodes.First.Services.CreateAsyncScope())
        {
            (await scope.ServiceProvider.GetRequiredService<InvitationService>()
                .InviteAsync(email, "Test Person", [StaffRoles.Volunteer], "test", "https://localhost", sendEmail: true, Cancel)).Link.ShouldNotBeNull();
        }

        (await nodes.First.MailToAsync(email)).Count.ShouldBe(1);
        // The hook runs before the first node's save: wait for the save itself, which a loaded machine can hold back.
        await WaitUntilAsync(async () => nodes.First.BeforeSaving.Happened && (await OutboxMessageAsync(nodes.First, email)).SentAt is not null,
            "the first node's sender recorded the invitation as sent");
        sentMeanwhile.ShouldBe(0, "the other sender found the invitation claimed");
        (await OutboxMessageAsync(nodes.First, email)).Attempts.ShouldBe(1);
        (await nodes.First.MailToAsync(email)).Count.ShouldBe(1, "one e-mail, though both senders ran");
    }

    [Fact]
    public async Task Message_FailingEachTime_WaitsLongerEachTime_IsGivenUpOn_AndAnAdministratorSendsItAgain()
    {
        await using var nodes = await StartAsync();
        var node = nodes.First;
        // A file where the pickup folder should be: every delivery fails, as with a mail server that cannot be reached.
        Directory.Delete(node.MailFolder, recursive: true);
        await File.WriteAllTextAsync(node.MailFolder, "not a folder", Cancel);
        var email = $"unlucky-{Guid.NewGuid():N}@example.org";
        int id;
        await using (var scope = node.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AccountsDbContext>();
            scope.ServiceProvider.GetRequiredService<Outbox>().Queue(email, "Your Safeguard account", "A synthetic invitation.");
            await db.SaveChangesAsync(Cancel);
            id = await db.OutboxMessages.Where(m => m.To == email).Select(m => m.Id).SingleAsync(Cancel);
        }
        var senders = new[] { nodes.First, nodes.Second }.Select(n => n.Services.GetRequiredService<OutboxSender>()).ToList();

        for (var attempt = 1; attempt <= OutboxSender.MaxAttempts; attempt++)
        {
            // This test's call or a sender's own round makes the attempt, on either node: one of them claims it.
            await senders[attempt % senders.Count].SendDueAsync(Cancel);
            var message = await AttemptsAsync(node, id, attempt);
            if (attempt < OutboxSender.MaxAttempts)
            {
                message.GaveUpAt.ShouldBeNull();
                message.NextAttemptAtUtc.ShouldNotBeNull();
                (await senders[0].SendDueAsync(Cancel)).ShouldBe(0);
                (await AttemptsAsync(node, id, attempt)).Attempts.ShouldBe(attempt, "not tried again before its wait is over");
                node.Clock.Advance(OutboxSender.RetryAfter(attempt));
            }
            else
            {
                message.GaveUpAt.ShouldNotBeNull();
                message.Body.ShouldNotBeNull("kept, to be sent again");
                message.LastError.ShouldNotBeNull().ShouldStartWith("IOException");
            }
        }
        node.Clock.Advance(TimeSpan.FromDays(1));
        (await senders[0].SendDueAsync(Cancel)).ShouldBe(0, "given up on: no more attempts");
        node.Log.Messages.ShouldContain(m => m.Level == LogLevel.Error && m.Category == typeof(OutboxSender).FullName
            && m.Text.StartsWith($"Outbox message {id} could not be sent after {OutboxSender.MaxAttempts} attempts and is given up on", StringComparison.Ordinal));
        node.Log.Messages.ShouldNotContain(m => m.Text.Contains(email, StringComparison.OrdinalIgnoreCase));

        var (_, admin) = await StaffBrowser.SignedInAsync(node, StaffRoles.Administrator);
        var page = await admin.PageAsync(AccountsPaths.Mail);
        var row = page.QuerySelector("main table tbody tr").ShouldNotBeNull("the message given up on is listed");
        row.TextContent.ShouldContain("Your Safeguard account");
        row.TextContent.ShouldContain(email);
        // The mail server is back.
        File.Delete(node.MailFolder);
        Directory.CreateDirectory(node.MailFolder);

        var again = await admin.SubmitAsync(AccountsPaths.Mail, [], handler: "SendAgain");

        again.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        StaffBrowser.PathOf(again.Headers.Location).ShouldBe(AccountsPaths.Mail + "?again=true");
        (await node.MailToAsync(email)).Single().Subject.ShouldBe("Your Safeguard account");
        (await admin.PageAsync(AccountsPaths.Mail)).QuerySelector("main table").ShouldBeNull("nothing is given up on any more");
        (await admin.PageAsync($"/admin/audit?RecordType={AccountsAudit.OutboxRecordType}&RecordId={id}")).QuerySelector("table.audit-table tbody tr").ShouldNotBeNull()
            .TextContent.ShouldContain("sent again");
    }

    [Fact]
    public async Task SignIn_ElevenAttemptsFromOneAddress_AlternatingNodes_TheEleventhIsRefused()
    {
        await using var nodes = await StartAsync(new() { [SafeguardSettings.SignInAttemptsPerMinute] = "10" });
        var browsers = new[] { new StaffBrowser(nodes.First), new StaffBrowser(nodes.Second) };
        StartOfAWindow(nodes.First, TimeSpan.FromMinutes(1));
        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 11; attempt++)
        {
            // Different accounts, so only the per-address limit can refuse.
            statuses.Add((await browsers[attempt % 2].SignInAsync(new TestStaff("none", $"someone-{attempt}@example.org", "whatever passphrase", null))).StatusCode);
        }
        statuses.ShouldBe([.. Enumerable.Repeat(HttpStatusCode.OK, 10), HttpStatusCode.TooManyRequests]);
    }

    [Fact]
    public async Task SignIn_ElevenAttemptsForOneAccount_AlternatingNodes_TheEleventhIsRefused()
    {
        await using var nodes = await StartAsync();
        var browsers = new[] { new StaffBrowser(nodes.First), new StaffBrowser(nodes.Second) };
        var someone = new TestStaff("none", $"someone-{Guid.NewGuid():N}@example.org", "whatever passphrase", null);
        StartOfAWindow(nodes.First, TimeSpan.FromMinutes(1));
        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 11; attempt++)
        {
            statuses.Add((await browsers[attempt % 2].SignInAsync(someone)).StatusCode);
        }
        statuses.ShouldBe([.. Enumerable.Repeat(HttpStatusCode.OK, 10), HttpStatusCode.TooManyRequests]);
    }

    [Fact]
    public async Task Refer_FourSubmissionsFromOneAddress_AlternatingNodes_TheFourthIsRefused()
    {
        await using var nodes = await StartAsync(new() { [SafeguardSettings.CaseworkReferralsPerHour] = "3" });
        var browsers = new[] { new StaffBrowser(nodes.First), new StaffBrowser(nodes.Second) };
        StartOfAWindow(nodes.First, TimeSpan.FromHours(1));
        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 4; attempt++)
        {
            statuses.Add((await browsers[attempt % 2].SubmitAsync(CaseworkPaths.Refer, [new("ReferrerName", "Someone")])).StatusCode);
        }
        statuses.ShouldBe([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests]);
    }

    [Fact]
    public async Task FoiReminders_BothNodesRunAtOnce_EachReminderGoesOnce_AndNothingIsLoggedAsAnError()
    {
        await using var nodes = await StartAsync();
        var (request, owner) = await FoiReminderSamples.RequestSentAMonthAgoAsync(nodes.First);
        // The second node's daily run starts while the first's is about to queue the reminder.
        bool? secondRan = null;
        nodes.First.Meanwhile.BeforeNextChange(async () => secondRan = await DailyRun(nodes.Second).RunAsync(Cancel), when: context => context is FoiDbContext);

        (await DailyRun(nodes.First).RunAsync(Cancel)).ShouldBeTrue();

        nodes.First.Meanwhile.Happened.ShouldBeTrue();
        secondRan.ShouldBe(false, "the second node left the run to the first");
        await using var check = nodes.First.Services.CreateAsyncScope();
        (await check.ServiceProvider.GetRequiredService<AccountsDbContext>().OutboxMessages.CountAsync(m => m.To == owner.Email, Cancel)).ShouldBe(1);
        (await check.ServiceProvider.GetRequiredService<FoiDbContext>().Reminders.CountAsync(r => r.RequestId == request.Id, Cancel)).ShouldBe(1);
        new[] { nodes.First, nodes.Second }.SelectMany(n => n.Log.Messages).Where(m => m.Level >= LogLevel.Error).ShouldBeEmpty();
    }

    /// <summary>A node's daily FOI reminder run, as its hosted service makes it (the tests' applications run without the service).</summary>
    private static FoiReminderService DailyRun(OwnPortalFactory node) => ActivatorUtilities.CreateInstance<FoiReminderService>(node.Services);

    /// <summary>The message once it has had <paramref name="attempts"/> attempts, waiting up to 10 seconds (a sender's own round may be making it).</summary>
    private static async Task<OutboxMessage> AttemptsAsync(OwnPortalFactory node, int id, int attempts)
    {
        for (var wait = 0; wait < 100; wait++)
        {
            await using var scope = node.Services.CreateAsyncScope();
            var message = await scope.ServiceProvider.GetRequiredService<AccountsDbContext>().OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id, Cancel);
            if (message.Attempts >= attempts && message.ClaimedUntilUtc is null)
            {
                message.Attempts.ShouldBe(attempts);
                return message;
            }
            await Task.Delay(100, Cancel);
        }
        throw new TimeoutException($"The message did not reach {attempts} attempts within 10 seconds.");
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        for (var wait = 0; wait < 100 && !await condition(); wait++)
        {
            await Task.Delay(100, Cancel);
        }
        (await condition()).ShouldBeTrue(what);
    }

    private static async Task<OutboxMessage> OutboxMessageAsync(OwnPortalFactory node, string email)
    {
        await using var scope = node.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AccountsDbContext>().OutboxMessages.AsNoTracking().SingleAsync(m => m.To == email, Cancel);
    }
}

/// <summary>The waits between attempts at sending an e-mail.</summary>
public sealed class OutboxRetryTests
{
    [Fact]
    public void RetryAfter_DoublesFromHalfAMinute_UpToAnHour()
    {
        Enumerable.Range(1, OutboxSender.MaxAttempts).Select(OutboxSender.RetryAfter).Select(wait => wait.TotalMinutes)
            .ShouldBe([0.5, 1, 2, 4, 8, 16, 32, 60, 60, 60]);
    }
}

public sealed class SqliteSeveralNodesTests : SeveralNodesTests<OwnSqlitePortalFactory>;

public sealed class PostgresSeveralNodesTests : SeveralNodesTests<OwnPostgresPortalFactory>;
