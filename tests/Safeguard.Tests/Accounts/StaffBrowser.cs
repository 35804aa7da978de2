using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Accounts;
using Safeguard.Tests.Http;
using Safeguard.Tests.Shared;

namespace Safeguard.Tests.Accounts;

/// <summary>A synthetic member of staff: account id, e-mail, passphrase and authenticator key.</summary>
public sealed record TestStaff(string Id, string Email, string Passphrase, string? AuthenticatorKey);

/// <summary>
/// What a person does with the staff pages, over HTTP: reads a form, fills it in with its antiforgery token, and
/// signs in with a passphrase and a code computed as an authenticator app would.
/// </summary>
public sealed class StaffBrowser(HttpClient client, TimeProvider clock)
{
    public const string Passphrase = "violet kettle harbour lantern";

    /// <summary>A browser on the application in memory, on its clock.</summary>
    public StaffBrowser(PortalFactory factory)
        : this(factory.CreateStaffClient(), factory.Clock)
    {
    }

    public HttpClient Client { get; } = client;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>An active account with a passphrase, an authenticator set up and these roles, made directly.</summary>
    public static Task<TestStaff> CreateAsync(PortalFactory factory, params string[] roles) => CreateAsync(factory.Services, factory.Clock, roles);

    /// <summary>The same, through the services of any application on the database (e.g. one beside running processes).</summary>
    public static async Task<TestStaff> CreateAsync(IServiceProvider services, TimeProvider clock, params string[] roles)
    {
        using var scope = services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffAccount>>();
        var email = $"staff-{Guid.NewGuid():N}@example.org";
        var account = new StaffAccount { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Test Person", CreatedAt = clock.GetUtcNow() };
        (await users.CreateAsync(account, Passphrase)).Succeeded.ShouldBeTrue();
        if (roles.Length > 0)
        {
            (await users.AddToRolesAsync(account, roles)).Succeeded.ShouldBeTrue();
        }
        await users.ResetAuthenticatorKeyAsync(account);
        var key = await users.GetAuthenticatorKeyAsync(account);
        await users.SetTwoFactorEnabledAsync(account, true);
        return new TestStaff(account.Id, email, Passphrase, key);
    }

    public async Task<IHtmlDocument> PageAsync(string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await Client.GetAsync(path, Cancel);
        response.StatusCode.ShouldBe(expected, $"GET {path}");
        return await ParseAsync(response);
    }

    /// <summary>The path and query of a redirect, whether the application gave it absolute or relative.</summary>
    public static string PathOf(Uri? location) =>
        location is null ? "" : location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response) =>
        new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync(Cancel));

    /// <summary>A POST straight to <paramref name="path"/>, as a hand-made form would send it, with a valid antiforgery token of this session (from its staff home).</summary>
    public async Task<HttpResponseMessage> PostWithTokenAsync(string path, params KeyValuePair<string, string>[] fields)
    {
        var token = (await PageAsync(AccountsPaths.Home)).QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]").ShouldNotBeNull().Value;
        return await Client.PostAsync(path, new FormUrlEncodedContent([.. fields, new("__RequestVerificationToken", token)]), Cancel);
    }

    /// <summary>Reads the form on <paramref name="path"/> (the first, or the one posting to <paramref name="handler"/>) and submits it with <paramref name="fields"/>.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string path, IEnumerable<KeyValuePair<string, string>> fields, string? handler = null)
    {
        var page = await PageAsync(path);
        var form = page.QuerySelectorAll<IHtmlFormElement>("main form")
            .FirstOrDefault(f => handler is null || (f.GetAttribute("action") ?? "").Contains($"handler={handler}", StringComparison.Ordinal))
            .ShouldNotBeNull($"a form on {path}");
        var token = form.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]").ShouldNotBeNull("every form carries an antiforgery token").Value;
        var action = form.GetAttribute("action") is { Length: > 0 } target ? target : path;
        var values = fields.ToList();
        foreach (var hidden in form.QuerySelectorAll<IHtmlInputElement>("input[type=hidden]"))
        {
            if (hidden.Name is { } name && name != "__RequestVerificationToken" && values.All(v => v.Key != name))
            {
                values.Add(new(name, hidden.Value));
            }
        }
        values.Add(new("__RequestVerificationToken", token));
        return await Client.PostAsync(action, new FormUrlEncodedContent(values), Cancel);
    }

    /// <summary>Passphrase, then code: the response to the code, normally a redirect to the staff home.</summary>
    public async Task<HttpResponseMessage> SignInAsync(TestStaff staff, string? passphrase = null)
    {
        var first = await SubmitAsync(AccountsPaths.SignIn, [new("Email", staff.Email), new("Passphrase", passphrase ?? staff.Passphrase)]);
        if (first.StatusCode != HttpStatusCode.Redirect || staff.AuthenticatorKey is null)
        {
            return first;
        }
        first.Headers.Location!.OriginalString.ShouldStartWith(AccountsPaths.SignInCode);
        return await SubmitAsync(AccountsPaths.SignInCode, [new("Code", Totp.Code(staff.AuthenticatorKey, clock.GetUtcNow()))]);
    }

    /// <summary>
    /// Asks for the options that a page's passkey form asks for, as its script does: a POST of the form's antiforgery
    /// token and <paramref name="fields"/> to the form's <c>data-passkey-options</c> address. Returns the JSON.
    /// </summary>
    public async Task<string> PasskeyOptionsAsync(string path, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var form = (await PageAsync(path)).QuerySelector<IHtmlFormElement>("main form[data-passkey-options]").ShouldNotBeNull($"a passkey form on {path}");
        var token = form.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]").ShouldNotBeNull().Value;
        var response = await Client.PostAsync(form.GetAttribute("data-passkey-options"), new FormUrlEncodedContent([.. fields, new("__RequestVerificationToken", token)]), Cancel);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"passkey options from {path}");
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        return await response.Content.ReadAsStringAsync(Cancel);
    }

    /// <summary>Adds a passkey held by <paramref name="authenticator"/> on /staff/passkeys; the response to the form.</summary>
    public async Task<HttpResponseMessage> AddPasskeyAsync(SoftwareAuthenticator authenticator, string name = "Test security key", bool verifyUser = true)
    {
        var options = await PasskeyOptionsAsync(AccountsPaths.Passkeys, [new("Name", name)]);
        return await SubmitAsync(AccountsPaths.Passkeys, [new("Name", name), new("CredentialJson", authenticator.Create(options, verifyUser))], handler: "Add");
    }

    /// <summary>Signs in with the passkey <paramref name="authenticator"/> holds; the response to the form.</summary>
    public async Task<HttpResponseMessage> SignInWithPasskeyAsync(SoftwareAuthenticator authenticator, bool verifyUser = true)
    {
        var options = await PasskeyOptionsAsync(AccountsPaths.SignIn, []);
        return await SubmitAsync(AccountsPaths.SignIn, [new("CredentialJson", authenticator.Get(options, verifyUser))], handler: "Passkey");
    }

    /// <summary>A new member of staff with <paramref name="role"/>, signed in on a browser of their own.</summary>
    public static async Task<(TestStaff Staff, StaffBrowser Browser)> SignedInAsync(PortalFactory factory, string role)
    {
        var staff = await CreateAsync(factory, role);
        var browser = new StaffBrowser(factory);
        await browser.SignInSuccessfullyAsync(staff);
        return (staff, browser);
    }

    /// <summary>Signs in and checks the session reaches the staff home.</summary>
    public async Task SignInSuccessfullyAsync(TestStaff staff)
    {
        var response = await SignInAsync(staff);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync(Cancel));
        response.Headers.Location!.OriginalString.ShouldBe(AccountsPaths.Home);
    }
}
