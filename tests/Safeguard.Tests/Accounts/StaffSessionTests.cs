using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Safeguard.Accounts;
using Safeguard.Accounts.Contracts;
using Safeguard.Platform;
using Safeguard.Tests.Http;

namespace Safeguard.Tests.Accounts;

/// <summary>
/// How long a staff session lasts, with the application's clock moved on by the test: it ends after
/// <see cref="SafeguardSettings.SessionIdleMinutes"/> without a request, lasts as long as requests keep coming, but
/// never beyond <see cref="SafeguardSettings.SessionAbsoluteHours"/>; and "sign out everywhere" ends the others.
/// The hosts run with lifetimes other than the defaults, so the tests also prove the settings are read.
/// </summary>
public abstract class StaffSessionTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : PortalFactory
{
    private static readonly TimeSpan Idle = ShortSessions.Idle;

    private static readonly TimeSpan Absolute = ShortSessions.Absolute;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Session_NoRequestForTheIdleTime_NextRequestIsSentToSignIn()
    {
        var browser = await SignedInAsync(StaffRoles.Caseworker);

        factory.Clock.Advance(Idle - TimeSpan.FromMinutes(1));
        await ShouldReachHomeAsync(browser, "a minute before the idle time");

        factory.Clock.Advance(Idle + TimeSpan.FromMinutes(1));
        await ShouldBeSentToSignInAsync(browser, "after the idle time without a request");
    }

    [Fact]
    public async Task Session_RequestsKeepComing_SurvivesPastTheIdleTime()
    {
        var browser = await SignedInAsync(StaffRoles.Researcher);
        var step = Idle - TimeSpan.FromMinutes(1);
        for (var elapsed = step; elapsed <= Idle * 4; elapsed += step)
        {
            factory.Clock.Advance(step);
            await ShouldReachHomeAsync(browser, $"{elapsed.TotalMinutes} minutes in, with a request every {step.TotalMinutes} minutes");
        }
    }

    [Fact]
    public async Task Session_KeptActive_EndsAtTheAbsoluteTime()
    {
        var browser = await SignedInAsync(StaffRoles.Administrator);
        var step = Idle - TimeSpan.FromMinutes(1);
        var elapsed = TimeSpan.Zero;
        while (elapsed + step < Absolute - TimeSpan.FromMinutes(1))
        {
            factory.Clock.Advance(step);
            elapsed += step;
            await ShouldReachHomeAsync(browser, $"{elapsed.TotalMinutes} minutes in, kept active");
        }
        factory.Clock.Advance(Absolute - TimeSpan.FromMinutes(1) - elapsed);
        await ShouldReachHomeAsync(browser, "a minute before the absolute time");

        factory.Clock.Advance(TimeSpan.FromMinutes(2));
        await ShouldBeSentToSignInAsync(browser, "past the absolute time, however active");
    }

    [Fact]
    public async Task SignOutEverywhere_EndsTheSessionInAnotherBrowser()
    {
        var staff = await StaffBrowser.CreateAsync(factory, StaffRoles.Researcher);
        var first = new StaffBrowser(factory);
        await first.SignInSuccessfullyAsync(staff);
        // A code is accepted once: the second browser signs in with the next one.
        factory.Clock.Advance(TimeSpan.FromSeconds(30));
        var second = new StaffBrowser(factory);
        await second.SignInSuccessfullyAsync(staff);
        await ShouldReachHomeAsync(second, "signed in in a second browser");

        var done = await first.SubmitAsync(AccountsPaths.SignOutEverywhere, []);
        done.Headers.Location!.OriginalString.ShouldBe(AccountsPaths.SignIn + "?signedOut=everywhere");

        await ShouldBeSentToSignInAsync(second, "the other browser's session ended too");
    }

    [Fact]
    public async Task SignOut_ACopyOfTheSessionCookieTakenBefore_IsRefusedAfterWhileAnotherBrowserStaysSignedIn()
    {
        var staff = await StaffBrowser.CreateAsync(factory, StaffRoles.Caseworker);
        var first = new StaffBrowser(factory);
        var signedIn = await first.SignInAsync(staff);
        // Whoever copies the cookie (a shared computer, a stolen profile) holds the session as its browser does.
        var copy = string.Join("; ", signedIn.Headers.GetValues("Set-Cookie")
            .Where(c => c.StartsWith("__Host-Safeguard.Session", StringComparison.Ordinal)).Select(c => c.Split(';')[0]));
        copy.ShouldNotBeEmpty();
        factory.Clock.Advance(TimeSpan.FromSeconds(30));
        var second = new StaffBrowser(factory);
        await second.SignInSuccessfullyAsync(staff);
        (await WithCookieAsync(copy)).StatusCode.ShouldBe(HttpStatusCode.OK, "the copy works while the session lasts");

        var done = await first.SubmitAsync(AccountsPaths.SignOut, []);
        done.Headers.Location!.OriginalString.ShouldBe(AccountsPaths.SignIn + "?signedOut=here");

        var copied = await WithCookieAsync(copy);
        copied.StatusCode.ShouldBe(HttpStatusCode.Redirect, "the copy taken before signing out");
        StaffBrowser.PathOf(copied.Headers.Location).ShouldStartWith(AccountsPaths.SignIn);
        await ShouldBeSentToSignInAsync(first, "signed out");
        await ShouldReachHomeAsync(second, "the other browser's session goes on");
    }

    /// <summary>The staff home asked for with <paramref name="cookie"/> alone, as from another computer.</summary>
    private async Task<HttpResponseMessage> WithCookieAsync(string cookie)
    {
        using var client = factory.CreateClient(new() { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, AccountsPaths.Home);
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request, Cancel);
    }

    private async Task<StaffBrowser> SignedInAsync(string role)
    {
        var browser = new StaffBrowser(factory);
        await browser.SignInSuccessfullyAsync(await StaffBrowser.CreateAsync(factory, role));
        await ShouldReachHomeAsync(browser, "just signed in");
        return browser;
    }

    private static async Task ShouldReachHomeAsync(StaffBrowser browser, string when)
    {
        var response = await browser.Client.GetAsync(AccountsPaths.Home, Cancel);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"{when}: {response.Headers.Location}");
    }

    private static async Task ShouldBeSentToSignInAsync(StaffBrowser browser, string when)
    {
        var response = await browser.Client.GetAsync(AccountsPaths.Home, Cancel);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, when);
        StaffBrowser.PathOf(response.Headers.Location).ShouldStartWith(AccountsPaths.SignIn, customMessage: when);
    }
}

/// <summary>Session lifetimes other than the defaults, given to the hosts below.</summary>
internal static class ShortSessions
{
    public static readonly TimeSpan Idle = TimeSpan.FromMinutes(5);

    public static readonly TimeSpan Absolute = TimeSpan.FromHours(1);

    public static void Use(IWebHostBuilder builder)
    {
        builder.UseSetting(SafeguardSettings.SessionIdleMinutes, Idle.TotalMinutes.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting(SafeguardSettings.SessionAbsoluteHours, Absolute.TotalHours.ToString(CultureInfo.InvariantCulture));
    }
}

/// <summary>The application on SQLite with short sessions.</summary>
public sealed class SqliteShortSessionFactory : OwnSqlitePortalFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        ShortSessions.Use(builder);
    }
}

/// <summary>The application on PostgreSQL with short sessions.</summary>
public sealed class PostgresShortSessionFactory : OwnPostgresPortalFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        ShortSessions.Use(builder);
    }
}

public sealed class SqliteStaffSessionTests(SqliteShortSessionFactory factory) : StaffSessionTests<SqliteShortSessionFactory>(factory);

public sealed class PostgresStaffSessionTests(PostgresShortSessionFactory factory) : StaffSessionTests<PostgresShortSessionFactory>(factory);
