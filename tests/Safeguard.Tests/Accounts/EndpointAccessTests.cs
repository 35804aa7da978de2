using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Accounts;
using Safeguard.Accounts.Contracts;
using Safeguard.Accounts.Passkeys;
using Safeguard.Platform.Web;
using Safeguard.Tests.Casework;
using Safeguard.Tests.Http;

namespace Safeguard.Tests.Accounts;

/// <summary>
/// Every endpoint the application has, taken from its own endpoint list: the public ones are exactly those on the
/// allow-list below; every other one names a policy this test knows, refuses anonymous callers, and lets in only
/// the roles its policy names (everyone else gets 404). A new endpoint without a policy fails here.
/// </summary>
public abstract partial class EndpointAccessTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : PortalFactory
{
    /// <summary>Addresses anyone may use, by route prefix. Adding to this list is a decision to publish.</summary>
    private static readonly string[] PublicPrefixes =
        ["/statistics", "/api/v1", "/openapi", "/system", AccountsPaths.SignIn, "/staff/invitation", "/refer", "/parliament", "/news"];

    /// <summary>
    /// Addresses anonymous to the cookie policies because the caller cannot sign in, each answering only to a secret
    /// token in the address: the FOI calendar feeds, read by calendar apps (docs/foi.md).
    /// </summary>
    private static readonly string[] SecretAddressPrefixes = ["/staff/foi/calendar/{token}"];

    /// <summary>Exact public addresses.</summary>
    private static readonly string[] PublicExact = ["/"];

    /// <summary>Who each policy lets in; "none" is a signed-in member of staff with no role.</summary>
    private static readonly Dictionary<string, string[]> Reach = new()
    {
        [StaffPolicies.SignedIn] = [.. StaffRoles.All, NoRole],
        [StaffPolicies.Staff] = [.. StaffRoles.All, NoRole],
        [StaffPolicies.Administrators] = [StaffRoles.Administrator],
        [StaffPolicies.CaseData] = [StaffRoles.Caseworker, StaffRoles.Clinician, StaffRoles.Volunteer, StaffRoles.Supervisor],
        [StaffPolicies.CaseRecordDeletion] = [StaffRoles.Caseworker, StaffRoles.Clinician, StaffRoles.Supervisor],
        [StaffPolicies.CaseSupervision] = [StaffRoles.Supervisor],
        [StaffPolicies.ReferralIntake] = [StaffRoles.Caseworker, StaffRoles.Supervisor],
        [StaffPolicies.Aggregates] = [StaffRoles.Administrator, StaffRoles.Caseworker, StaffRoles.Clinician, StaffRoles.Researcher, StaffRoles.PolicyOfficer, StaffRoles.Supervisor],
        [StaffPolicies.Statistics] = [StaffRoles.Administrator, StaffRoles.PolicyOfficer],
        [StaffPolicies.Foi] = [StaffRoles.Administrator, StaffRoles.PolicyOfficer],
        [StaffPolicies.Parliament] = [StaffRoles.Administrator, StaffRoles.PolicyOfficer],
        [StaffPolicies.Site] = [StaffRoles.Administrator, StaffRoles.Editor],
    };

    private const string NoRole = "none";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private sealed record Route(string Pattern, string Method, bool Anonymous, IReadOnlyList<string> Policies, string DisplayName);

    private List<Route> Routes()
    {
        var source = factory.Services.GetRequiredService<EndpointDataSource>();
        var routes = new List<Route>();
        foreach (var endpoint in source.Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods is { Count: > 0 } listed ? listed : ["GET"];
            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy ?? "(no policy name)").Distinct().ToList();
            foreach (var method in methods.Where(m => m is "GET" or "POST" or "PUT" or "PATCH" or "DELETE"))
            {
                routes.Add(new Route(pattern, method, anonymous, policies, endpoint.DisplayName ?? pattern));
            }
        }
        return routes;
    }

    private static bool OnAllowList(string pattern) =>
        PublicExact.Contains(pattern) || SecretAddressPrefixes.Any(prefix => pattern.StartsWith(prefix, StringComparison.Ordinal)) || PublicPrefixes.Any(prefix => pattern == prefix || pattern.StartsWith(prefix + "/", StringComparison.Ordinal) || pattern.StartsWith(prefix + ".", StringComparison.Ordinal) || pattern.StartsWith(prefix + "{", StringComparison.Ordinal));

    [Fact]
    public void EveryEndpoint_IsPublicByAllowListOrNamesOneKnownPolicy()
    {
        var routes = Routes();
        routes.Count.ShouldBeGreaterThan(20, "the endpoint list was read");
        var problems = new List<string>();
        foreach (var route in routes)
        {
            if (route.Anonymous)
            {
                if (!OnAllowList(route.Pattern))
                {
                    problems.Add($"{route.Method} {route.Pattern} allows anonymous access but is not on the public allow-list");
                }
                continue;
            }
            if (OnAllowList(route.Pattern))
            {
                problems.Add($"{route.Method} {route.Pattern} is on the public allow-list but does not allow anonymous access");
            }
            if (route.Policies.Count != 1 || !Reach.ContainsKey(route.Policies[0]))
            {
                problems.Add($"{route.Method} {route.Pattern} ({route.DisplayName}) must name exactly one known policy; it names [{string.Join(", ", route.Policies)}]");
            }
        }
        problems.ShouldBeEmpty();
        routes.ShouldContain(r => r.Pattern == AccountsPaths.Users && r.Policies.Contains(StaffPolicies.Administrators));
    }

    [Fact]
    public async Task EveryProtectedEndpoint_Anonymous_IsSentToSignInOrRefused()
    {
        var client = factory.CreateStaffClient();
        var failures = new List<string>();
        foreach (var route in Routes().Where(r => !r.Anonymous))
        {
            var address = Address(route.Pattern, "00000000-0000-0000-0000-000000000000");
            var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(route.Method), address), Cancel);
            var location = StaffBrowser.PathOf(response.Headers.Location);
            var refused = response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.NotFound
                || (response.StatusCode == HttpStatusCode.Redirect && location.StartsWith(AccountsPaths.SignIn, StringComparison.Ordinal))
                // A POST without an antiforgery token may be refused before sign-in is even asked for.
                || (route.Method != "GET" && response.StatusCode == HttpStatusCode.BadRequest);
            if (!refused)
            {
                failures.Add($"{route.Method} {address}: {(int)response.StatusCode} {location}");
            }
        }
        failures.ShouldBeEmpty();
    }

    [Fact]
    public async Task EveryProtectedEndpoint_EachRole_ReachesOnlyWhatItsPolicyAllows()
    {
        var foi = await FoiRecordsAsync();
        var parliament = await ParliamentRecordsAsync();
        // Each role walks every route as a person of its own, with data of its own: the roles go side by side.
        var failures = await Task.WhenAll(StaffRoles.All.Append(NoRole).Select(async role =>
        {
            var refused = new List<string>();
            var staff = await StaffBrowser.CreateAsync(factory, role == NoRole ? [] : [role]);
            var browser = new StaffBrowser(factory);
            await browser.SignInSuccessfullyAsync(staff);
            // Routes naming an upload or a passkey get one of this person's own, so those who may reach it find it; FOI
            // routes a request, its document and a series that exist; casework routes a case assigned to this person, and
            // a referral's confirmation one this person recorded.
            var upload = await UploadAsync(staff.Id);
            var passkey = await PasskeyAsync(staff.Id);
            var sample = await CaseworkSamples.CreateAsync(factory.Services, [staff.Id]);
            var recorded = await CaseworkSamples.RecordedByAsync(factory.Services, staff.Id);
            foreach (var route in Routes().Where(r => !r.Anonymous && r.Method == "GET"))
            {
                var address = Address(route.Pattern, staff.Id, upload, passkey, foi, sample, recorded, parliament);
                var response = await browser.Client.GetAsync(address, Cancel);
                var location = StaffBrowser.PathOf(response.Headers.Location);
                var reached = response.StatusCode == HttpStatusCode.OK
                    || (response.StatusCode == HttpStatusCode.Redirect && !location.StartsWith(AccountsPaths.SignIn, StringComparison.Ordinal));
                var shouldReach = Reach[route.Policies[0]].Contains(role);
                if (shouldReach && !reached)
                {
                    refused.Add($"{role} should reach GET {address} ({route.Policies[0]}) but got {(int)response.StatusCode} {location}");
                }
                if (!shouldReach && response.StatusCode != HttpStatusCode.NotFound)
                {
                    refused.Add($"{role} should get 404 from GET {address} ({route.Policies[0]}) but got {(int)response.StatusCode} {location}");
                }
            }
            return refused;
        }));
        failures.SelectMany(f => f).ShouldBeEmpty();
    }

    /// <summary>A signed-in person whose second factor is not set up reaches only enrolment and signing out.</summary>
    [Fact]
    public async Task StaffPages_PassphraseOnlySession_AreSentToEnrolment()
    {
        var staff = await StaffBrowser.CreateAsync(factory, StaffRoles.Administrator);
        using (var scope = factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffAccount>>();
            var account = (await users.FindByIdAsync(staff.Id))!;
            await users.SetTwoFactorEnabledAsync(account, false);
        }
        var browser = new StaffBrowser(factory);
        var response = await browser.SignInAsync(staff with { AuthenticatorKey = null });
        response.Headers.Location!.OriginalString.ShouldBe(AccountsPaths.Enrol);
        foreach (var path in new[] { AccountsPaths.Home, AccountsPaths.Users })
        {
            var refused = await browser.Client.GetAsync(path, Cancel);
            refused.StatusCode.ShouldBe(HttpStatusCode.Redirect, path);
            refused.Headers.Location!.OriginalString.ShouldBe(AccountsPaths.Enrol);
        }
        (await browser.Client.GetAsync(AccountsPaths.Enrol, Cancel)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static string Address(
        string pattern, string id, string upload = "00000000000000000000000000000000", string passkey = "AAAAAAAAAAAAAAAAAAAAAA", FoiRecords? foi = null, SampleCase? sample = null,
        int recorded = 0, ParliamentRecords? parliament = null) =>
        RouteParameter().Replace(pattern, match => (match.Groups["name"].Value, Case: pattern.StartsWith("/staff/cases/", StringComparison.Ordinal)) switch
        {
            ("id", _) when pattern.StartsWith("/staff/site/posts/", StringComparison.Ordinal) => Invariant(parliament?.NewsPost ?? 0),
            ("id", _) => id,
            ("upload", _) => upload,
            ("passkey", _) => passkey,
            ("request", _) => foi?.Request ?? "0",
            ("series", _) => foi?.Series ?? "0",
            ("document", false) when pattern.StartsWith("/staff/parliament/", StringComparison.Ordinal) => Invariant(parliament?.Document ?? 0),
            ("document", false) => foi?.Document ?? "0",
            ("caseNumber", _) => sample?.CaseNumber ?? "sample",
            ("episode", _) => Invariant(sample?.Episode ?? 0),
            ("assessment", _) => Invariant(sample?.Assessment ?? 0),
            ("finding", _) => Invariant(sample?.Finding ?? 0),
            ("event", _) => Invariant(sample?.HomeOfficeEvent ?? 0),
            ("document", true) => Invariant(sample?.Document ?? 0),
            ("version", _) => Invariant(sample?.Version ?? 0),
            // An optional handler in the address (the evidence pack's "pdf"): the page itself, which every handler's access is.
            ("handler", _) => "",
            ("referral", _) when pattern.EndsWith("/recorded", StringComparison.Ordinal) => Invariant(recorded),
            ("referral", _) => Invariant(sample?.WaitingReferral ?? 0),
            ("parliamentarian", _) => Invariant(parliament?.SittingMp ?? 0),
            ("member", _) => Invariant(parliament?.Member ?? 0),
            ("meeting", _) => Invariant(parliament?.Meeting ?? 0),
            ("amendment", _) => Invariant(parliament?.Amendment ?? 0),
            ("slug", _) when pattern.StartsWith("/staff/parliament/bills/", StringComparison.Ordinal) => parliament?.Bill ?? "sample",
            _ => "sample",
        });

    private sealed record FoiRecords(string Request, string Document, string Series);

    /// <summary>A synthetic FOI request in a series, with an answer document.</summary>
    private async Task<FoiRecords> FoiRecordsAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var book = scope.ServiceProvider.GetRequiredService<Safeguard.Foi.Requests.FoiRequestBook>();
        var series = await book.AddSeriesAsync($"Access test series {Guid.NewGuid():N}", 6, Cancel);
        var request = await book.AddAsync(new Safeguard.Foi.Requests.FoiRequest
        {
            Reference = $"ACCESS-{Guid.NewGuid():N}",
            Authority = "Home Office",
            Subject = "Synthetic access test",
            Text = "",
            SeriesId = series.Id,
        }, Cancel);
        var document = await book.AttachAsync(request, "answer.csv", "Centre,2024\nBrook House IRC,1\n"u8.ToArray(), "system", Cancel);
        return new(Invariant(request.Id), Invariant(document.Id), Invariant(series.Id));
    }

    private sealed record ParliamentRecords(int Member, int SittingMp, int Meeting, string Bill, int Amendment, int Document, int NewsPost);

    /// <summary>
    /// A synthetic peer and a sitting MP on the register (the funnel's pages show MPs), an internal meeting with a
    /// document and a bill with an amendment, for the secretariat's pages of one of each.
    /// </summary>
    private async Task<ParliamentRecords> ParliamentRecordsAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Safeguard.Parliament.Data.ParliamentDbContext>();
        var peer = new Safeguard.Parliament.Register.Parliamentarian { Name = $"Baroness Access {Guid.NewGuid():N}", House = Safeguard.Parliament.Register.House.Lords };
        db.Parliamentarians.Add(peer);
        var mp = new Safeguard.Parliament.Register.Parliamentarian
        {
            Name = "Access Test MP",
            House = Safeguard.Parliament.Register.House.Commons,
            ConstituencyCode = "E14001063",
            ConstituencyName = "Aldershot",
            EnteredOn = new DateOnly(2024, 7, 5),
        };
        db.Parliamentarians.Add(mp);
        var meeting = new Safeguard.Parliament.Meetings.AppgMeeting { Slug = $"access-{Guid.NewGuid():N}", Title = "Synthetic access test", Place = "Westminster" };
        db.Meetings.Add(meeting);
        var amendment = new Safeguard.Parliament.Bills.Amendment { Clause = "New clause", ShortTitle = "Synthetic access amendment", Mover = peer };
        var bill = new Safeguard.Parliament.Bills.Bill { Slug = $"access-{Guid.NewGuid():N}", Title = "Synthetic Access Bill", Amendments = [amendment] };
        db.Bills.Add(bill);
        await db.SaveChangesAsync(Cancel);
        var document = new Safeguard.Parliament.Meetings.MeetingDocument { MeetingId = meeting.Id, Title = "Agenda", FileName = "agenda.pdf", Content = "%PDF-1.7"u8.ToArray(), Sha256 = new string('0', 64) };
        db.MeetingDocuments.Add(document);
        await db.SaveChangesAsync(Cancel);
        // And a draft news post, for the editors' pages of one post.
        var site = scope.ServiceProvider.GetRequiredService<Safeguard.Site.Data.SiteDbContext>();
        var post = new Safeguard.Site.News.NewsPost { Slug = $"access-{Guid.NewGuid():N}", Title = "Synthetic access post", Summary = "Synthetic", Body = "Synthetic", Author = "Access test" };
        site.Posts.Add(post);
        await site.SaveChangesAsync(Cancel);
        return new(peer.Id, mp.Id, meeting.Id, bill.Slug, amendment.Id, document.Id, post.Id);
    }

    private static string Invariant(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private async Task<string> UploadAsync(string ownerId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Safeguard.Statistics.Staff.ImportUploads>()
            .AddAsync(ownerId, "synthetic.csv", "Centre,2024\nBrook House IRC,1\n"u8.ToArray(), null, "Home Office", null, null, Cancel);
    }

    /// <summary>A passkey of the account's own, stored directly (its key is never used here); its address form.</summary>
    private async Task<string> PasskeyAsync(string ownerId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffAccount>>();
        var passkey = new UserPasskeyInfo(RandomNumberGenerator.GetBytes(16), publicKey: [1], DateTimeOffset.UtcNow, signCount: 0, transports: null,
            isUserVerified: true, isBackupEligible: false, isBackedUp: false, attestationObject: [], clientDataJson: [])
        { Name = "Synthetic key" };
        (await users.AddOrUpdatePasskeyAsync((await users.FindByIdAsync(ownerId))!, passkey)).Succeeded.ShouldBeTrue();
        return StaffPasskeys.AddressOf(passkey);
    }

    [GeneratedRegex(@"\{(?<name>[a-zA-Z]+)[^}]*\}")]
    private static partial Regex RouteParameter();
}

public sealed class SqliteEndpointAccessTests(SqlitePortalFactory factory) : EndpointAccessTests<SqlitePortalFactory>(factory);

public sealed class PostgresEndpointAccessTests(PostgresPortalFactory factory) : EndpointAccessTests<PostgresPortalFactory>(factory);
