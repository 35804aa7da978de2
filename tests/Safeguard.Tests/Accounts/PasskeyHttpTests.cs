using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Accounts;
using Safeguard.Accounts.Contracts;
using Safeguard.Accounts.Passkeys;
using Safeguard.Audit.Searching;
using Safeguard.Tests.Http;

namespace Safeguard.Tests.Accounts;

/// <summary>
/// Passkeys through the real pipeline, on each database engine, with a software authenticator: added by someone
/// signed in with two factors, used alone to sign in with both, refused without user verification, once removed,
/// for a deactivated account or after a new invitation; and nobody else's to remove.
/// </summary>
public abstract class PasskeyHttpTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : PortalFactory
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Passkey_AddedThenUsedAlone_SignsInWithBothFactors()
    {
        var staff = await StaffBrowser.CreateAsync(factory, StaffRoles.Administrator);
        var browser = await SignedInAsync(staff);
        (await browser.PageAsync(AccountsPaths.Passkeys)).QuerySelector("main")!.TextContent.ShouldContain("You have not added a passkey.");
        using var authenticator = new SoftwareAuthenticator();

        // Identity dates a passkey by the real clock, not the application's: the day it was added is one of these two.
        var before = DateTime.UtcNow;
        await AddAsync(browser, authenticator);
        var after = DateTime.UtcNow;

        var list = await browser.PageAsync(AccountsPaths.Passkeys + "?done=added");
        list.QuerySelector(".notification-banner")!.TextContent.ShouldContain("Your passkey has been added.");
        var row = list.QuerySelector("main table tbody tr").ShouldNotBeNull();
        row.QuerySelector("th")!.TextContent.ShouldBe("Test security key");
        row.QuerySelectorAll("td")[0].TextContent.ShouldBeOneOf([.. new[] { before, after }.Select(day => day.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB")))]);
        row.QuerySelector("a")!.GetAttribute("href").ShouldBe($"{AccountsPaths.Passkeys}/{authenticator.CredentialIdText}/remove");

        // In another browser, the passkey alone: no e-mail address, passphrase or code.
        var other = new StaffBrowser(factory);
        var signedIn = await other.SignInWithPasskeyAsync(authenticator);
        signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect, await signedIn.Content.ReadAsStringAsync(Cancel));
        signedIn.Headers.Location!.OriginalString.ShouldBe(AccountsPaths.Home);
        (await other.Client.GetAsync(AccountsPaths.Home, Cancel)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await other.Client.GetAsync(AccountsPaths.Users, Cancel)).StatusCode.ShouldBe(HttpStatusCode.OK, "the administrators' pages need both factors");
        (await StoredAsync(staff, authenticator)).ShouldNotBeNull().SignCount.ShouldBe(1u, "the counter the authenticator signed is kept");

        var details = await AuditDetailsAsync(staff);
        var reference = StaffPasskeys.Reference(authenticator.CredentialId);
        details.ShouldContain($"{reference} added");
        details.ShouldContain($"{reference}: signed in, user verified");
        details.ShouldAllBe(d => !d.Contains(authenticator.CredentialIdText) && !d.Contains(staff.Email), "ids only: never the credential or the e-mail address");
    }

    [Fact]
    public async Task Passkey_AnswerWithoutUserVerification_IsRefused()
    {
        using var authenticator = new SoftwareAuthenticator();
        var (staff, _) = await WithPasskeyAsync(StaffRoles.Caseworker, authenticator);

        var other = new StaffBrowser(factory);
        var refused = await other.SignInWithPasskeyAsync(authenticator, verifyUser: false);

        ShouldSay(await StaffBrowser.ParseAsync(refused), "Passkey", "It must ask for your PIN, fingerprint or face");
        (await other.Client.GetAsync(AccountsPaths.Home, Cancel)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await AuditDetailsAsync(staff)).ShouldContain($"{StaffPasskeys.Reference(authenticator.CredentialId)}: refused (not user-verified, bad signature or repeated counter)");
    }

    [Fact]
    public async Task Passkey_CreatedWithoutUserVerification_IsNotAdded()
    {
        var browser = await SignedInAsync(await StaffBrowser.CreateAsync(factory, StaffRoles.Clinician));
        using var authenticator = new SoftwareAuthenticator();

        var refused = await browser.AddPasskeyAsync(authenticator, verifyUser: false);

        var page = await StaffBrowser.ParseAsync(refused);
        ShouldSay(page, "AddPasskey", "The passkey was not added.");
        page.QuerySelector("main table").ShouldBeNull("no passkey was stored");
    }

    [Fact]
    public async Task Passkey_AddedWithoutAName_SaysWhatToDo()
    {
        var browser = await SignedInAsync(await StaffBrowser.CreateAsync(factory, StaffRoles.Volunteer));

        var response = await browser.SubmitAsync(AccountsPaths.Passkeys, [new("Name", " ")], handler: "Add");

        ShouldSay(await StaffBrowser.ParseAsync(response), "Name", "Enter a name for the passkey");
    }

    [Fact]
    public async Task Passkey_Removed_IsRefusedAndOtherSessionsEnd()
    {
        using var authenticator = new SoftwareAuthenticator();
        var (staff, browser) = await WithPasskeyAsync(StaffRoles.Researcher, authenticator);
        var elsewhere = new StaffBrowser(factory);
        (await elsewhere.SignInWithPasskeyAsync(authenticator)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var address = $"{AccountsPaths.Passkeys}/{authenticator.CredentialIdText}/remove";

        (await browser.PageAsync(address)).QuerySelector("h1")!.TextContent.ShouldBe("Remove the passkey ‘Test security key’?");
        var removed = await browser.SubmitAsync(address, []);

        removed.Headers.Location!.OriginalString.ShouldBe(AccountsPaths.Passkeys + "?done=removed");
        (await StoredAsync(staff, authenticator)).ShouldBeNull();
        (await browser.Client.GetAsync(AccountsPaths.Home, Cancel)).StatusCode.ShouldBe(HttpStatusCode.OK, "the browser that removed it stays signed in");
        (await elsewhere.Client.GetAsync(AccountsPaths.Home, Cancel)).StatusCode.ShouldBe(HttpStatusCode.Redirect, "the session signed in with it has ended");
        var again = await new StaffBrowser(factory).SignInWithPasskeyAsync(authenticator);
        ShouldSay(await StaffBrowser.ParseAsync(again), "Passkey", "Safeguard does not know this passkey");
        (await AuditDetailsAsync(staff)).ShouldContain($"{StaffPasskeys.Reference(authenticator.CredentialId)} removed; other sessions ended");
    }

    [Fact]
    public async Task Passkey_AnotherAccount_CannotSeeOrRemoveIt()
    {
        using var authenticator = new SoftwareAuthenticator();
        var (owner, _) = await WithPasskeyAsync(StaffRoles.Caseworker, authenticator);
        var intruder = await AdministratorAsync();
        var address = $"{AccountsPaths.Passkeys}/{authenticator.CredentialIdText}/remove";

        (await intruder.Client.GetAsync(address, Cancel)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var token = (await intruder.PageAsync(AccountsPaths.Passkeys)).QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        var post = await intruder.Client.PostAsync(address, new FormUrlEncodedContent([new("__RequestVerificationToken", token)]), Cancel);

        post.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await StoredAsync(owner, authenticator)).ShouldNotBeNull("still the owner's");
        (await intruder.PageAsync(AccountsPaths.Passkeys)).QuerySelector("main table").ShouldBeNull("nobody sees another's passkeys");
    }

    [Fact]
    public async Task Passkey_AccountDeactivated_IsRefused()
    {
        using var authenticator = new SoftwareAuthenticator();
        var (staff, _) = await WithPasskeyAsync(StaffRoles.Clinician, authenticator);
        var admin = await AdministratorAsync();
        (await admin.SubmitAsync($"{AccountsPaths.Users}/{staff.Id}", [], handler: "Deactivate")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var browser = new StaffBrowser(factory);
        var refused = await browser.SignInWithPasskeyAsync(authenticator);

        ShouldSay(await StaffBrowser.ParseAsync(refused), "Passkey", "This account cannot sign in.");
        (await browser.Client.GetAsync(AccountsPaths.Home, Cancel)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Passkey_NewInvitationSent_AccountsPasskeysAreRemoved()
    {
        using var authenticator = new SoftwareAuthenticator();
        var (staff, _) = await WithPasskeyAsync(StaffRoles.PolicyOfficer, authenticator);
        var admin = await AdministratorAsync();
        (await admin.PageAsync($"{AccountsPaths.Users}/{staff.Id}")).QuerySelector("main dl")!.TextContent.ShouldContain("Passkeys1");

        (await admin.SubmitAsync($"{AccountsPaths.Users}/{staff.Id}", [], handler: "Reinvite")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await StoredAsync(staff, authenticator)).ShouldBeNull();
        var refused = await new StaffBrowser(factory).SignInWithPasskeyAsync(authenticator);
        ShouldSay(await StaffBrowser.ParseAsync(refused), "Passkey", "Safeguard does not know this passkey");
    }

    [Fact]
    public async Task PasskeySignIn_CancelledOrNotAsked_SaysWhatHappened()
    {
        var browser = new StaffBrowser(factory);
        var cancelled = await browser.SubmitAsync(AccountsPaths.SignIn, [new("Failure", "NotAllowedError")], handler: "Passkey");
        ShouldSay(await StaffBrowser.ParseAsync(cancelled), "Passkey", "Signing in with a passkey did not finish");

        // An answer to options this browser never asked for (here, another browser's): no sign-in is under way.
        using var authenticator = new SoftwareAuthenticator();
        await WithPasskeyAsync(StaffRoles.Researcher, authenticator);
        var options = await new StaffBrowser(factory).PasskeyOptionsAsync(AccountsPaths.SignIn, []);
        var unasked = await browser.SubmitAsync(AccountsPaths.SignIn, [new("CredentialJson", authenticator.Get(options))], handler: "Passkey");
        ShouldSay(await StaffBrowser.ParseAsync(unasked), "Passkey", "Signing in with a passkey took too long.");

        var forged = await browser.Client.PostAsync(AccountsPaths.SignIn + "?handler=Passkey", new FormUrlEncodedContent([new("CredentialJson", "{}")]), Cancel);
        forged.StatusCode.ShouldBe(HttpStatusCode.BadRequest, "the passkey form carries an antiforgery token like every other");
    }

    private async Task<StaffBrowser> SignedInAsync(TestStaff staff)
    {
        var browser = new StaffBrowser(factory);
        await browser.SignInSuccessfullyAsync(staff);
        return browser;
    }

    /// <summary>A new account with <paramref name="role"/>, signed in with a code, that has added the passkey <paramref name="authenticator"/> holds.</summary>
    private async Task<(TestStaff Staff, StaffBrowser Browser)> WithPasskeyAsync(string role, SoftwareAuthenticator authenticator)
    {
        var staff = await StaffBrowser.CreateAsync(factory, role);
        var browser = await SignedInAsync(staff);
        await AddAsync(browser, authenticator);
        return (staff, browser);
    }

    private async Task<StaffBrowser> AdministratorAsync() => await SignedInAsync(await StaffBrowser.CreateAsync(factory, StaffRoles.Administrator));

    private static async Task AddAsync(StaffBrowser browser, SoftwareAuthenticator authenticator)
    {
        var added = await browser.AddPasskeyAsync(authenticator);
        added.StatusCode.ShouldBe(HttpStatusCode.Redirect, await added.Content.ReadAsStringAsync(Cancel));
        added.Headers.Location!.OriginalString.ShouldBe(AccountsPaths.Passkeys + "?done=added");
    }

    /// <summary>The page's error summary links to <paramref name="field"/> with a message containing <paramref name="message"/>.</summary>
    private static void ShouldSay(IHtmlDocument page, string field, string message)
    {
        page.Title!.ShouldStartWith("Error: ");
        page.QuerySelector($".error-summary a[href='#{field}']").ShouldNotBeNull($"an error linked to #{field}").TextContent.ShouldContain(message);
    }

    private async Task<UserPasskeyInfo?> StoredAsync(TestStaff staff, SoftwareAuthenticator authenticator)
    {
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffAccount>>();
        return await users.GetPasskeyAsync((await users.FindByIdAsync(staff.Id))!, authenticator.CredentialId);
    }

    private async Task<List<string>> AuditDetailsAsync(TestStaff staff) =>
        [.. (await factory.Services.GetRequiredService<AuditQuery>().SearchAsync(new AuditSearch { RecordType = "account", RecordId = staff.Id }, Cancel))
            .Select(e => e.Detail ?? "")];
}

public sealed class SqlitePasskeyHttpTests(SqlitePortalFactory factory) : PasskeyHttpTests<SqlitePortalFactory>(factory);

public sealed class PostgresPasskeyHttpTests(PostgresPortalFactory factory) : PasskeyHttpTests<PostgresPortalFactory>(factory);
