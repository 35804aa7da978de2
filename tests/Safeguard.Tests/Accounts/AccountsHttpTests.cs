using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Accounts;
using Safeguard.Accounts.Contracts;
using Safeguard.Accounts.Data;
using Safeguard.Accounts.Invitations;
using Safeguard.Tests.Http;
using Safeguard.Tests.Shared;

namespace Safeguard.Tests.Accounts;

/// <summary>Invitations, sign-in, lockout and sessions through the real pipeline, on each database engine.</summary>
public abstract class AccountsHttpTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : PortalFactory
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public void AccountsModel_HasNoChangesWithoutAMigration()
    {
        using var scope = factory.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<AccountsDbContext>().Database.HasPendingModelChanges()
            .ShouldBeFalse($"the accounts model differs from its {factory.Provider} migrations: run tools/add-migration.sh accounts NAME");
    }

    [Fact]
    public async Task Invitation_AdministratorInvites_EmailInPickupFolderAcceptedOnceThenSignsInWithCode()
    {
        var admin = await StaffBrowser.CreateAsync(factory, StaffRoles.Administrator);
        var adminBrowser = new StaffBrowser(factory);
        await adminBrowser.SignInSuccessfullyAsync(admin);
        var email = $"invited-{Guid.NewGuid():N}@example.org";

        var invited = await adminBrowser.SubmitAsync(AccountsPaths.Invite, [new("DisplayName", "Robin Example"), new("Email", email), new("Roles", StaffRoles.Caseworker), new("Roles", StaffRoles.Researcher)]);
        invited.StatusCode.ShouldBe(HttpStatusCode.Redirect, await invited.Content.ReadAsStringAsync(Cancel));

        var link = await InvitationLinkAsync(email);
        var path = new Uri(link).PathAndQuery;
        var person = new StaffBrowser(factory);
        var accepted = await person.SubmitAsync(path, [new("Passphrase", "amber thistle copper meadow"), new("ConfirmPassphrase", "amber thistle copper meadow")]);
        accepted.Headers.Location!.OriginalString.ShouldBe(AccountsPaths.Enrol);

        // The link is used up: the same token again is "cannot be used", for this person and anyone else.
        var again = await new StaffBrowser(factory).Client.GetAsync(path, Cancel);
        again.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await StaffBrowser.ParseAsync(again)).QuerySelector("h1")!.TextContent.ShouldBe("This invitation link cannot be used");

        var enrolPage = await person.PageAsync(AccountsPaths.Enrol);
        var key = enrolPage.QuerySelector("#authenticator-key")!.TextContent;
        enrolPage.QuerySelector("img.qr-code")!.GetAttribute("src")!.ShouldStartWith("data:image/png;base64,");
        // One moment for every code below, so that the 30-second step rolling over between requests changes nothing.
        var enrolledAt = factory.Clock.GetUtcNow();
        var enrolled = await person.SubmitAsync(AccountsPaths.Enrol, [new("Code", Totp.Code(key, enrolledAt))]);
        enrolled.Headers.Location!.OriginalString.ShouldStartWith(AccountsPaths.Home);
        var homeResponse = await person.Client.GetAsync(AccountsPaths.Home, Cancel);
        homeResponse.StatusCode.ShouldBe(HttpStatusCode.OK, homeResponse.Headers.Location?.ToString());
        var home = await StaffBrowser.ParseAsync(homeResponse);
        home.QuerySelector("main")!.TextContent.ShouldContain("Caseworker, Researcher");

        // Signing out, then in again with a passphrase and a later code.
        (await person.SubmitAsync(AccountsPaths.SignOut, [])).Headers.Location!.OriginalString.ShouldBe(AccountsPaths.SignIn + "?signedOut=here");
        (await person.Client.GetAsync(AccountsPaths.Home, Cancel)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var id = (await FindAsync(email)).Id;
        var signIn = await person.SubmitAsync(AccountsPaths.SignIn, [new("Email", email), new("Passphrase", "amber thistle copper meadow")]);
        signIn.Headers.Location!.OriginalString.ShouldStartWith(AccountsPaths.SignInCode);
        // The code just used for enrolment is refused if given again; the next step's code is accepted.
        var replay = await person.SubmitAsync(AccountsPaths.SignInCode, [new("Code", Totp.Code(key, enrolledAt))]);
        replay.StatusCode.ShouldBe(HttpStatusCode.OK, "a code is accepted once");
        var next = await person.SubmitAsync(AccountsPaths.SignInCode, [new("Code", Totp.Code(key, enrolledAt.AddSeconds(30)))]);
        next.Headers.Location!.OriginalString.ShouldBe(AccountsPaths.Home);
        id.ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task AuthenticatorKey_ReadFromTheDatabaseWithSql_IsCiphertextOnly()
    {
        var staff = await StaffBrowser.CreateAsync(factory, StaffRoles.Caseworker);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AccountsDbContext>();
        await db.Database.OpenConnectionAsync(Cancel);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        var id = command.CreateParameter();
        id.ParameterName = "@id";
        id.Value = staff.Id;
        command.Parameters.Add(id);

        command.CommandText = """SELECT "AuthenticatorKey" FROM accounts_users WHERE "Id" = @id""";
        var stored = (await command.ExecuteScalarAsync(Cancel)).ShouldBeOfType<string>();
        stored.ShouldStartWith("sgf1.", customMessage: "encrypted with the key ring");
        stored.ShouldNotContain(staff.AuthenticatorKey!);
        command.CommandText = """SELECT COUNT(*) FROM accounts_user_tokens WHERE "UserId" = @id""";
        Convert.ToInt64(await command.ExecuteScalarAsync(Cancel), System.Globalization.CultureInfo.InvariantCulture)
            .ShouldBe(0, "Identity's plain-text token table holds no authenticator key");

        // The app still reads the key: a code made from it signs in.
        await new StaffBrowser(factory).SignInSuccessfullyAsync(staff);
    }

    [Fact]
    public async Task Invitation_Expired_CannotBeUsed()
    {
        using var scope = factory.Services.CreateScope();
        var services = scope.ServiceProvider;
        var clock = new MovableClock();
        var invitations = new InvitationService(
            services.GetRequiredService<AccountsDbContext>(), services.GetRequiredService<UserManager<StaffAccount>>(),
            services.GetRequiredService<Outbox>(), clock, services.GetRequiredService<IConfiguration>());
        var result = await invitations.InviteAsync($"late-{Guid.NewGuid():N}@example.org", "Late Person", [StaffRoles.Volunteer], "test", "https://localhost", sendEmail: false, Cancel);
        var token = result.Link!.Split("token=")[1];

        clock.Advance(TimeSpan.FromHours(71));
        (await invitations.FindUsableAsync(token, Cancel)).ShouldNotBeNull("still valid just before 72 hours");
        clock.Advance(TimeSpan.FromHours(1));
        (await invitations.FindUsableAsync(token, Cancel)).ShouldBeNull("void at 72 hours");
        var (account, errors) = await invitations.AcceptAsync(token, "amber thistle copper meadow", Cancel);
        account.ShouldBeNull();
        errors.ShouldBe([InvitationService.InvalidLink]);
    }

    [Fact]
    public async Task Invitation_UsedOnce_SecondAcceptanceRefusedAndStoredOnlyAsHash()
    {
        using var scope = factory.Services.CreateScope();
        var services = scope.ServiceProvider;
        var invitations = services.GetRequiredService<InvitationService>();
        var result = await invitations.InviteAsync($"once-{Guid.NewGuid():N}@example.org", "Once Person", [StaffRoles.Clinician], "test", "https://localhost", sendEmail: false, Cancel);
        var token = result.Link!.Split("token=")[1];
        var db = services.GetRequiredService<AccountsDbContext>();
        var stored = await db.Invitations.AsNoTracking().SingleAsync(i => i.AccountId == result.Account!.Id, Cancel);
        stored.TokenHash.ShouldNotBe(token);
        stored.TokenHash.Length.ShouldBe(64);

        (await invitations.AcceptAsync(token, "amber thistle copper meadow", Cancel)).Account.ShouldNotBeNull();
        (await invitations.AcceptAsync(token, "another long passphrase", Cancel)).Errors.ShouldBe([InvitationService.InvalidLink]);
    }

    [Fact]
    public async Task Invitation_ShortOrCommonPassphrase_SaysWhatToDoAndKeepsTheLink()
    {
        using var scope = factory.Services.CreateScope();
        var result = await scope.ServiceProvider.GetRequiredService<InvitationService>()
            .InviteAsync($"short-{Guid.NewGuid():N}@example.org", "Short Person", [StaffRoles.Volunteer], "test", "https://localhost", sendEmail: false, Cancel);
        var path = new Uri(result.Link!).PathAndQuery;
        var person = new StaffBrowser(factory);

        var tooShort = await person.SubmitAsync(path, [new("Passphrase", "short one"), new("ConfirmPassphrase", "short one")]);
        tooShort.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await StaffBrowser.ParseAsync(tooShort);
        page.Title!.ShouldStartWith("Error: ");
        page.QuerySelector(".error-summary a[href='#Passphrase']")!.TextContent.ShouldContain("at least 12 characters");

        var common = await person.SubmitAsync(path, [new("Passphrase", "password1234"), new("ConfirmPassphrase", "password1234")]);
        (await StaffBrowser.ParseAsync(common)).QuerySelector(".error-summary")!.TextContent.ShouldContain("many people use");

        var good = await person.SubmitAsync(path, [new("Passphrase", "amber thistle copper meadow"), new("ConfirmPassphrase", "amber thistle copper meadow")]);
        good.Headers.Location!.OriginalString.ShouldBe(AccountsPaths.Enrol);
    }

    [Fact]
    public async Task SignIn_FiveWrongPassphrases_LocksTheAccountEvenForTheRightOne()
    {
        var staff = await StaffBrowser.CreateAsync(factory, StaffRoles.Caseworker);
        var browser = new StaffBrowser(factory);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var wrong = await browser.SignInAsync(staff, "not the right passphrase");
            wrong.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await StaffBrowser.ParseAsync(wrong)).QuerySelector(".error-summary")!.TextContent.ShouldContain("is not right");
        }
        var right = await browser.SignInAsync(staff);
        right.StatusCode.ShouldBe(HttpStatusCode.OK, "locked: the right passphrase is refused too, with the same message");
        (await StaffBrowser.ParseAsync(right)).QuerySelector(".error-summary")!.TextContent.ShouldContain("locked for 15 minutes");

        var account = await FindAsync(staff.Email);
        account.LockoutEnd.ShouldNotBeNull();
        account.LockoutEnd.Value.ShouldBeInRange(DateTimeOffset.UtcNow.AddMinutes(14), DateTimeOffset.UtcNow.AddMinutes(16));
    }

    [Fact]
    public async Task SignIn_UnknownAccount_SameAnswerAsAWrongPassphrase()
    {
        var browser = new StaffBrowser(factory);
        var unknown = await browser.SignInAsync(new TestStaff("none", $"nobody-{Guid.NewGuid():N}@example.org", "whatever passphrase", null));
        unknown.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await StaffBrowser.ParseAsync(unknown)).QuerySelector(".error-summary li")!.TextContent.ShouldBe(Safeguard.Accounts.Anonymous.SignInModel.Failed);
    }

    [Fact]
    public async Task SignIn_EveryRefusal_HashesOnePassphrase_SoItsTimingSaysNothingOfTheAccount()
    {
        var hasher = factory.Services.GetRequiredService<CountingPassphraseHasher>();
        async Task<int> ChecksOfAsync(TestStaff who, string passphrase)
        {
            var before = hasher.Checks;
            var response = await new StaffBrowser(factory).SignInAsync(who, passphrase);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, "refused, with the sign-in page again");
            return hasher.Checks - before;
        }
        var wrong = await StaffBrowser.CreateAsync(factory, StaffRoles.Caseworker);
        var deactivated = await StaffBrowser.CreateAsync(factory, StaffRoles.Caseworker);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffAccount>>();
            var account = (await users.FindByIdAsync(deactivated.Id))!;
            account.DeactivatedAt = factory.Clock.GetUtcNow();
            await users.SetLockoutEndDateAsync(account, DateTimeOffset.MaxValue);
        }
        var locked = await StaffBrowser.CreateAsync(factory, StaffRoles.Caseworker);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await new StaffBrowser(factory).SignInAsync(locked, "not the right passphrase");
        }
        var invited = await StaffBrowser.CreateAsync(factory, StaffRoles.Caseworker);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffAccount>>();
            (await users.RemovePasswordAsync((await users.FindByIdAsync(invited.Id))!)).Succeeded.ShouldBeTrue("invited, the invitation not yet accepted");
        }

        (await ChecksOfAsync(new TestStaff("none", $"nobody-{Guid.NewGuid():N}@example.org", "", null), "whatever passphrase")).ShouldBe(1, "an unknown address");
        (await ChecksOfAsync(wrong, "not the right passphrase")).ShouldBe(1, "a wrong passphrase");
        (await ChecksOfAsync(deactivated, deactivated.Passphrase)).ShouldBe(1, "a deactivated account");
        (await ChecksOfAsync(locked, locked.Passphrase)).ShouldBe(1, "a locked account");
        (await ChecksOfAsync(invited, "whatever passphrase")).ShouldBe(1, "an account with no passphrase yet");
    }

    [Fact]
    public async Task SignIn_ElevenAttemptsOnOneAccountInAMinute_EleventhIsTooManyRequests()
    {
        var browser = new StaffBrowser(factory);
        var target = new TestStaff("none", $"burst-{Guid.NewGuid():N}@example.org", "whatever passphrase", null);
        for (var attempt = 0; attempt < 10; attempt++)
        {
            (await browser.SignInAsync(target)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        (await browser.SignInAsync(target)).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task Deactivate_AdministratorDeactivates_SessionEndsAndSignInIsRefused()
    {
        var admin = await StaffBrowser.CreateAsync(factory, StaffRoles.Administrator);
        var adminBrowser = new StaffBrowser(factory);
        await adminBrowser.SignInSuccessfullyAsync(admin);
        var staff = await StaffBrowser.CreateAsync(factory, StaffRoles.Clinician);
        var staffBrowser = new StaffBrowser(factory);
        await staffBrowser.SignInSuccessfullyAsync(staff);

        var done = await adminBrowser.SubmitAsync($"{AccountsPaths.Users}/{staff.Id}", [], handler: "Deactivate");
        done.Headers.Location!.OriginalString.ShouldBe(AccountsPaths.Users + "?done=deactivated");

        (await staffBrowser.Client.GetAsync(AccountsPaths.Home, Cancel)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await new StaffBrowser(factory).SignInAsync(staff)).StatusCode.ShouldBe(HttpStatusCode.OK, "refused, with the sign-in page again");
    }

    [Fact]
    public async Task NewInvitation_TheOldPassphraseNoLongerSignsIn_SoItCannotSetUpAnAuthenticatorOfItsOwn()
    {
        var (_, adminBrowser) = await StaffBrowser.SignedInAsync(factory, StaffRoles.Administrator);
        var staff = await StaffBrowser.CreateAsync(factory, StaffRoles.Supervisor);

        (await adminBrowser.SubmitAsync($"{AccountsPaths.Users}/{staff.Id}", [], handler: "Reinvite")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var thief = new StaffBrowser(factory);
        var attempt = await thief.SignInAsync(staff with { AuthenticatorKey = null });
        attempt.StatusCode.ShouldBe(HttpStatusCode.OK, "refused, not sent to set up an authenticator");
        (await StaffBrowser.ParseAsync(attempt)).QuerySelector(".error-summary li")!.TextContent.ShouldBe(Safeguard.Accounts.Anonymous.SignInModel.Failed);
        (await thief.Client.GetAsync(AccountsPaths.Enrol, Cancel)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        // The person the invitation is for sets a passphrase with it, and signs in with that.
        var link = new Uri(await InvitationLinkAsync(staff.Email)).PathAndQuery;
        var accepted = await new StaffBrowser(factory).SubmitAsync(link, [new("Passphrase", "amber thistle copper meadow"), new("ConfirmPassphrase", "amber thistle copper meadow")]);
        accepted.Headers.Location!.OriginalString.ShouldBe(AccountsPaths.Enrol);
    }

    [Fact]
    public async Task RoleChange_RoleRemoved_TakesEffectOnTheNextRequest()
    {
        var admin = await StaffBrowser.CreateAsync(factory, StaffRoles.Administrator);
        var other = await StaffBrowser.CreateAsync(factory, StaffRoles.Administrator);
        var otherBrowser = new StaffBrowser(factory);
        await otherBrowser.SignInSuccessfullyAsync(other);
        (await otherBrowser.Client.GetAsync(AccountsPaths.Users, Cancel)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var adminBrowser = new StaffBrowser(factory);
        await adminBrowser.SignInSuccessfullyAsync(admin);
        var changed = await adminBrowser.SubmitAsync($"{AccountsPaths.Users}/{other.Id}", [new("Roles", StaffRoles.Researcher)], handler: "Roles");
        changed.Headers.Location!.OriginalString.ShouldBe(AccountsPaths.Users + "?done=roles");

        (await otherBrowser.Client.GetAsync(AccountsPaths.Users, Cancel)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Cookies_AreHostPrefixedSecureHttpOnlyStrict_AndStaffPagesAreNotStored()
    {
        var staff = await StaffBrowser.CreateAsync(factory, StaffRoles.Volunteer);
        var browser = new StaffBrowser(factory);
        await browser.SubmitAsync(AccountsPaths.SignIn, [new("Email", staff.Email), new("Passphrase", staff.Passphrase)]);
        var response = await browser.SubmitAsync(AccountsPaths.SignInCode, [new("Code", Totp.Code(staff.AuthenticatorKey!, factory.Clock.GetUtcNow()))]);
        var session = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-Safeguard.Session=", StringComparison.Ordinal)).ToLowerInvariant();
        session.ShouldContain("secure");
        session.ShouldContain("httponly");
        session.ShouldContain("samesite=strict");
        session.ShouldContain("path=/");
        session.ShouldNotContain("expires=", Case.Insensitive, "a session cookie, gone when the browser closes");

        var home = await browser.Client.GetAsync(AccountsPaths.Home, Cancel);
        home.Headers.CacheControl!.NoStore.ShouldBeTrue();
        home.Headers.GetValues("Referrer-Policy").ShouldBe(["no-referrer"]);
    }

    [Fact]
    public async Task StaffPages_OverPlainHttp_AreRefusedSayingWhy()
    {
        var response = await factory.CreateClient(new() { AllowAutoRedirect = false }).GetAsync(AccountsPaths.SignIn, Cancel);
        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await response.Content.ReadAsStringAsync(Cancel)).ShouldContain("HTTPS only");
    }

    private async Task<StaffAccount> FindAsync(string email)
    {
        using var scope = factory.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<StaffAccount>>().FindByEmailAsync(email)).ShouldNotBeNull();
    }

    /// <summary>Waits for the outbox sender to write the e-mail to the pickup folder, and reads the link from it.</summary>
    private async Task<string> InvitationLinkAsync(string email)
    {
        var message = (await factory.MailToAsync(email)).Single();
        message.Subject.ShouldBe("Your Safeguard account");
        return message.TextBody!.Split('\n').Select(l => l.Trim()).Single(l => l.Contains("/staff/invitation?token=", StringComparison.Ordinal));
    }
}

public sealed class SqliteAccountsHttpTests(OwnSqlitePortalFactory factory) : AccountsHttpTests<OwnSqlitePortalFactory>(factory);

public sealed class PostgresAccountsHttpTests(OwnPostgresPortalFactory factory) : AccountsHttpTests<OwnPostgresPortalFactory>(factory);
