using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Accounts.Contracts;
using Safeguard.Audit.Searching;
using Safeguard.Site.Data;
using Safeguard.Site.News;
using Safeguard.Site.Staff;
using Safeguard.Tests.Accounts;
using Safeguard.Tests.Http;

namespace Safeguard.Tests.Site;

/// <summary>
/// Scheduled publishing on each engine, on an application of its own whose clock the tests move: a post scheduled at a
/// UK date and time is published by the scheduled run once that time comes, with no one signed in, once, audited as
/// the system's doing.
/// </summary>
public abstract class ScheduledPublishingHttpTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : OwnPortalFactory
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task<(StaffBrowser Browser, string PostPath, int Id)> DraftAsync(string title)
    {
        var (_, browser) = await StaffBrowser.SignedInAsync(factory, StaffRoles.Editor);
        var postPath = await NewsDeskHttpTests<TFactory>.WriteDraftAsync(browser, NewsDeskHttpTests<TFactory>.Post(NewsDeskHttpTests<TFactory>.Unique(title)));
        return (browser, postPath, int.Parse(postPath.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture));
    }

    private async Task<NewsPost> ReadAsync(int id)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SiteDbContext>().Posts.AsNoTracking().SingleAsync(p => p.Id == id, Cancel);
    }

    private Task<bool> RunScheduledPublishingAsync() =>
        ActivatorUtilities.CreateInstance<ScheduledPublishingService>(factory.Services).RunAsync(Cancel);

    [Fact]
    public async Task ScheduledPost_IsPublishedByTheRun_OnlyOnceItsTimeHasCome()
    {
        var (browser, postPath, id) = await DraftAsync("Statistics release");
        var tomorrow = factory.Clock.Today.AddDays(1);

        var scheduled = await browser.SubmitAsync(postPath, [new("When", PostModel.Later), new("PublishOn", $"{tomorrow.Day}/{tomorrow.Month}/{tomorrow.Year}"), new("PublishAt", "9:30")], "Publish");

        scheduled.StatusCode.ShouldBe(HttpStatusCode.Redirect, await scheduled.Content.ReadAsStringAsync(Cancel));
        (await browser.PageAsync(postPath)).QuerySelector("main")!.TextContent.ShouldContain("Scheduled for 11 November 2026 at 09:30 (UK time)");
        (await RunScheduledPublishingAsync()).ShouldBeTrue();
        (await ReadAsync(id)).State.ShouldBe(PostState.Scheduled, "not before its time");
        var anonymous = factory.CreateClient(new() { AllowAutoRedirect = false });
        var slug = (await ReadAsync(id)).Slug;
        (await anonymous.GetAsync($"/news/{slug}", Cancel)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await anonymous.GetStringAsync("/news.rss", Cancel)).ShouldNotContain(slug);

        factory.Clock.Advance(TimeSpan.FromDays(1));
        (await RunScheduledPublishingAsync()).ShouldBeTrue();
        (await RunScheduledPublishingAsync()).ShouldBeTrue();

        var post = await ReadAsync(id);
        post.State.ShouldBe(PostState.Published);
        post.PublishAtUtc.ShouldBe(new DateTime(2026, 11, 11, 9, 30, 0, DateTimeKind.Utc));
        (await anonymous.GetAsync($"/news/{slug}", Cancel)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await anonymous.GetStringAsync("/news.rss", Cancel)).ShouldContain($"/news/{slug}");
        await using var scope = factory.Services.CreateAsyncScope();
        var entries = await scope.ServiceProvider.GetRequiredService<AuditQuery>().SearchAsync(
            new AuditSearch { RecordType = NewsDesk.RecordType, RecordId = id.ToString(System.Globalization.CultureInfo.InvariantCulture), Actor = ScheduledPublishing.Actor }, Cancel);
        entries.Select(e => (e.Action, e.Detail)).ShouldBe([("publish", "published at its scheduled time")], "published once, however often the run comes");
    }

    [Fact]
    public async Task ScheduleInBritishSummerTime_IsKeptAsTheUtcMomentAnHourEarlier()
    {
        var (browser, postPath, id) = await DraftAsync("Annual report");

        var scheduled = await browser.SubmitAsync(postPath, [new("When", PostModel.Later), new("PublishOn", "1/7/2027"), new("PublishAt", "09:30")], "Publish");

        scheduled.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await ReadAsync(id)).PublishAtUtc.ShouldBe(new DateTime(2027, 7, 1, 8, 30, 0, DateTimeKind.Utc));
        (await browser.PageAsync(postPath)).QuerySelector("main")!.TextContent.ShouldContain("Scheduled for 1 July 2027 at 09:30 (UK time)");
    }

    [Fact]
    public async Task ScheduleInThePast_IsRefusedByTheDate_AndThePostStaysADraft()
    {
        var (browser, postPath, id) = await DraftAsync("Court decision");
        var today = factory.Clock.Today;

        var refused = await browser.SubmitAsync(postPath, [new("When", PostModel.Later), new("PublishOn", $"{today.Day}/{today.Month}/{today.Year}"), new("PublishAt", "00:01")], "Publish");

        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await StaffBrowser.ParseAsync(refused)).QuerySelector("#PublishOn-error")!.TextContent.ShouldContain("must be in the future");
        (await ReadAsync(id)).State.ShouldBe(PostState.Draft);
    }
}

public sealed class SqliteScheduledPublishingHttpTests(OwnSqlitePortalFactory factory) : ScheduledPublishingHttpTests<OwnSqlitePortalFactory>(factory);

public sealed class PostgresScheduledPublishingHttpTests(OwnPostgresPortalFactory factory) : ScheduledPublishingHttpTests<OwnPostgresPortalFactory>(factory);
