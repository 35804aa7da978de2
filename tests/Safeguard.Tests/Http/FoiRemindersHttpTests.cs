using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Safeguard.Accounts.Contracts;
using Safeguard.Accounts.Data;
using Safeguard.Foi.Data;
using Safeguard.Foi.Reminders;
using Safeguard.Foi.Requests;
using Safeguard.Foi.Staff;
using Safeguard.Platform;
using Safeguard.Tests.Accounts;

namespace Safeguard.Tests.Http;

/// <summary>What the reminder tests start from.</summary>
internal static class FoiReminderSamples
{
    /// <summary>A request sent 30 days before the application's today, so waiting on its answer, owned by a new policy officer.</summary>
    public static async Task<(FoiRequest Request, TestStaff Owner)> RequestSentAMonthAgoAsync(PortalFactory factory)
    {
        var owner = await StaffBrowser.CreateAsync(factory, StaffRoles.PolicyOfficer);
        await using var scope = factory.Services.CreateAsyncScope();
        var request = await scope.ServiceProvider.GetRequiredService<FoiRequestBook>().AddAsync(new FoiRequest
        {
            Reference = $"MJ-FOI-REM-{Guid.NewGuid().ToString("N")[..6]}",
            Authority = "Home Office",
            Subject = "Use of force by centre, January to June 2027",
            Text = "",
            SentOn = factory.Clock.Today.AddDays(-30),
            OwnerId = owner.Id,
        }, TestContext.Current.CancellationToken);
        return (request, owner);
    }
}

/// <summary>
/// FOI reminders as the daily run queues them, with no request to take the site's address from, on each engine: the
/// link each e-mail carries, with <c>Safeguard:PublicBaseUrl</c> and without it; and the day the shipped bank holidays
/// run out, when the run and the dashboard say so and what to do, rather than guess a deadline. Each test starts an
/// application of its own, with the setting, the server or the date it needs.
/// </summary>
public abstract class FoiRemindersHttpTests<TFactory>
    where TFactory : OwnPortalFactory, new()
{
    /// <summary>Monday 13 December 2027, 10:00: the last weeks of the shipped bank holidays, which end with 2027.</summary>
    private static readonly DateTimeOffset LateIn2027 = new(2027, 12, 13, 10, 0, 0, TimeSpan.Zero);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>Queues today's reminders, as the daily run does.</summary>
    private static async Task<FoiReminderRun> QueueAsync(TFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<FoiReminders>().QueueAsync(factory.Clock.Today, Cancel);
    }

    [Fact]
    public async Task Reminder_PublicBaseUrlSet_LinksToIt()
    {
        await using var factory = new TFactory { Settings = new Dictionary<string, string> { [SafeguardSettings.PublicBaseUrl] = "https://safeguard.example.org/" } };
        await factory.InitializeAsync();
        var (request, owner) = await FoiReminderSamples.RequestSentAMonthAgoAsync(factory);

        (await QueueAsync(factory)).Queued.ShouldBe(1);

        (await factory.MailToAsync(owner.Email)).Single().TextBody.ShouldNotBeNull().ShouldContain($"https://safeguard.example.org{FoiStaffPaths.Request(request.Id)}");
        factory.Log.Messages.ShouldNotContain(m => m.Text.Contains(SafeguardSettings.PublicBaseUrl, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reminder_PublicBaseUrlNotSet_LinksToWhereTheServerListens_AndStartingWarnsOfIt()
    {
        await using var factory = new TFactory();
        factory.UseKestrel(0);
        await factory.InitializeAsync();
        var listening = factory.ClientOptions.BaseAddress.GetLeftPart(UriPartial.Authority);
        var (request, owner) = await FoiReminderSamples.RequestSentAMonthAgoAsync(factory);

        (await QueueAsync(factory)).Queued.ShouldBe(1);

        var body = (await factory.MailToAsync(owner.Email)).Single().TextBody.ShouldNotBeNull();
        body.ShouldContain($"{listening}{FoiStaffPaths.Request(request.Id)}");
        body.ShouldNotContain("localhost:5000");
        factory.Log.Messages.ShouldContain(m => m.Level == LogLevel.Warning && m.Category == typeof(PublicAddress).FullName
            && m.Text.StartsWith($"{SafeguardSettings.PublicBaseUrl} is not set, so links in e-mails sent without a request (FOI reminders) start with {listening},", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reminders_QueuedByAnotherRunAMomentBefore_CountAsQueued_AndTheRunCarriesOn()
    {
        await using var factory = new TFactory();
        await factory.InitializeAsync();
        var (first, firstOwner) = await FoiReminderSamples.RequestSentAMonthAgoAsync(factory);
        var (second, secondOwner) = await FoiReminderSamples.RequestSentAMonthAgoAsync(factory);
        // Another node's run, at the same moment, that reaches the first request's reminder only: it queues it after
        // this run found it not queued yet (the second request is without its owner while it runs).
        factory.Meanwhile.BeforeNextChange(async () =>
        {
            await SetOwnerAsync(factory, second.Id, null);
            (await QueueAsync(factory)).Queued.ShouldBe(1, "the other run queues the first request's reminder");
            await SetOwnerAsync(factory, second.Id, secondOwner.Id);
        }, when: context => context is FoiDbContext);

        var run = await QueueAsync(factory);

        factory.Meanwhile.Happened.ShouldBeTrue("the other run came between this run's reading and its writing");
        run.ShouldBe(new FoiReminderRun(1, 0, null), "the first refused as queued already, the second queued");
        (await factory.MailToAsync(secondOwner.Email)).Single().Subject.ShouldStartWith($"FOI {second.Reference}: answer due");
        await using var check = factory.Services.CreateAsyncScope();
        (await check.ServiceProvider.GetRequiredService<AccountsDbContext>().OutboxMessages.CountAsync(m => m.To == firstOwner.Email, Cancel))
            .ShouldBe(1, "one e-mail for the first request's reminder, from the other run");
    }

    private static async Task SetOwnerAsync(TFactory factory, int requestId, string? ownerId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<FoiDbContext>().Requests.Where(r => r.Id == requestId)
            .ExecuteUpdateAsync(r => r.SetProperty(x => x.OwnerId, ownerId), Cancel);
    }

    [Fact]
    public async Task Dashboard_ShippedBankHolidaysEndWithin90Days_SaysSoAndWhatToDo_AndNotBefore()
    {
        await using var early = new TFactory();
        await early.InitializeAsync();
        var (_, earlyBrowser) = await StaffBrowser.SignedInAsync(early, StaffRoles.PolicyOfficer);
        (await earlyBrowser.PageAsync(FoiStaffPaths.Dashboard)).QuerySelector("#holidays").ShouldBeNull("in November 2026, the known bank holidays run for another year");

        // Monday 4 October 2027: 88 days before the shipped feed ends.
        await using var factory = new TFactory { StartingClock = new MovableClock(new DateTimeOffset(2027, 10, 4, 10, 0, 0, TimeSpan.Zero)) };
        await factory.InitializeAsync();
        var (_, browser) = await StaffBrowser.SignedInAsync(factory, StaffRoles.PolicyOfficer);

        (await browser.PageAsync(FoiStaffPaths.Dashboard)).QuerySelector("main #holidays.warning-text").ShouldNotBeNull().TextContent
            .ShouldBe("Bank holidays are known only until 31 December 2027: import a newer GOV.UK feed with 'foi holidays import' before then (docs/foi.md).");
    }

    [Fact]
    public async Task Reminders_ShippedBankHolidaysRunOut_TheDailyRunWarnsAndTheDashboardSaysWhatToDo()
    {
        await using var factory = new TFactory { StartingClock = new MovableClock(LateIn2027) };
        await factory.InitializeAsync();
        // Sent 13 November 2027: its answer is due today, 13 December, though its 40-working-day mark falls in 2028.
        var (request, owner) = await FoiReminderSamples.RequestSentAMonthAgoAsync(factory);
        (await QueueAsync(factory)).ShouldBe(new FoiReminderRun(1, 0, null));
        (await factory.MailToAsync(owner.Email)).Single().Subject.ShouldBe($"FOI {request.Reference}: answer due 13 December 2027");

        // Four weeks on, in 2028: the answer's deadline has passed, which needs no count, so its reminder goes, without
        // the working days since, which cannot be counted; the run warns that nothing still to come can be worked out.
        factory.Clock.Advance(TimeSpan.FromDays(28));
        var service = ActivatorUtilities.CreateInstance<FoiReminderService>(factory.Services);
        await service.StartAsync(Cancel);
        var warning = await WarningAsync(factory, typeof(FoiReminderService));
        await service.StopAsync(Cancel);
        warning.ShouldBe("FOI reminders: Bank holidays are known for 2024 to 2027; 2028-01-10 is outside them: import a newer GOV.UK feed with 'foi holidays import'. "
            + "Until then, a reminder before a deadline cannot be worked out (0 deadlines still to come now); those of deadlines passed are still sent.");
        var passedSubject = $"FOI {request.Reference}: answer due, now passed";
        var passed = (await factory.MailToAsync(owner.Email, until: m => m.Subject == passedSubject)).Single(m => m.Subject == passedSubject);
        passed.TextBody.ShouldNotBeNull().ShouldContain($"FOI request {request.Reference} to Home Office: answer due passed on Monday 13 December 2027.");

        var officer = new StaffBrowser(factory);
        await officer.SignInSuccessfullyAsync(owner);
        var dashboard = (await officer.PageAsync(FoiStaffPaths.Dashboard)).QuerySelector("main").ShouldNotBeNull();
        dashboard.QuerySelectorAll(".warning-text").Select(p => p.TextContent.Trim()).ShouldBe([
            $"{request.Reference}: Bank holidays are known for 2024 to 2027; 2028-01-01 is outside them: import a newer GOV.UK feed with 'foi holidays import'.",
            "What is due in the next 10 working days cannot be counted. Bank holidays are known for 2024 to 2027; 2028-01-11 is outside them: import a newer GOV.UK feed with 'foi holidays import'.",
        ]);
        dashboard.TextContent.ShouldContain("Nothing else is known to be overdue.");
        dashboard.TextContent.ShouldNotContain("Nothing is due");
    }

    /// <summary>The first warning logged by <paramref name="source"/>, waiting up to 10 seconds for it.</summary>
    private static async Task<string> WarningAsync(TFactory factory, Type source)
    {
        for (var wait = 0; wait < 100; wait++)
        {
            if (factory.Log.Messages.FirstOrDefault(m => m.Level == LogLevel.Warning && m.Category == source.FullName) is { } warning)
            {
                return warning.Text;
            }
            await Task.Delay(100, Cancel);
        }
        throw new TimeoutException($"{source.Name} logged no warning within 10 seconds.");
    }
}

public sealed class SqliteFoiRemindersHttpTests : FoiRemindersHttpTests<OwnSqlitePortalFactory>;

public sealed class PostgresFoiRemindersHttpTests : FoiRemindersHttpTests<OwnPostgresPortalFactory>;
