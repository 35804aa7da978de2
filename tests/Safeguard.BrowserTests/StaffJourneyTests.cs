using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MimeKit;
using Safeguard.Accounts.Contracts;
using Safeguard.Accounts.Data;
using Safeguard.Accounts.Mail;
using Safeguard.Tests.Shared;

namespace Safeguard.BrowserTests;

/// <summary>
/// An administrator invites a member of staff, who accepts, chooses a passphrase, sets up an authenticator app
/// (the test computes its codes as the app would), signs out and signs in again with a code. Every page on the way
/// is scanned by axe.
/// </summary>
public sealed class StaffJourneyTests(BrowserFixture fixture)
{
    private const string StaffPassphrase = "amber thistle meadow kettle";

    [Fact]
    public async Task Staff_InvitedAcceptsEnrolsSignsInWithCodeAndSignsOut_EveryPageAccessible()
    {
        var administrator = await StaffMember.CreateAsync(fixture.Server, StaffRoles.Administrator, "Alex Admin");

        await using var adminContext = await fixture.NewContextAsync();
        var admin = await adminContext.NewPageAsync();
        await administrator.SignInAsync(admin, fixture.Server.Clock.GetUtcNow());
        await Accessibility.AssertNoViolationsAsync(admin);

        await admin.GetByRole(AriaRole.Link, new() { Name = "Staff accounts", Exact = true }).First.ClickAsync();
        await admin.GetByRole(AriaRole.Link, new() { Name = "Invite a member of staff" }).ClickAsync();
        await admin.WaitForPageAsync("**/admin/users/invite");
        await Accessibility.AssertNoViolationsAsync(admin);

        // Sent empty, the form says what to fix, and is still accessible with its errors.
        await admin.GetByRole(AriaRole.Button, new() { Name = "Send invitation" }).ClickAsync();
        var summary = admin.GetByRole(AriaRole.Alert);
        await Assertions.Expect(summary).ToContainTextAsync("Enter the person's name");
        await Assertions.Expect(summary).ToContainTextAsync("Choose at least one role");
        (await admin.TitleAsync()).ShouldStartWith("Error: ");
        await Accessibility.AssertNoViolationsAsync(admin);

        var email = $"robin-{Guid.NewGuid():N}@example.org";
        await admin.GetByLabel("Name", new() { Exact = true }).FillAsync("Robin Example");
        await admin.GetByLabel("E-mail address").FillAsync(email);
        await admin.GetByLabel("Caseworker").CheckAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Send invitation" }).ClickAsync();
        await admin.WaitForPageAsync("**/admin/users?done=invited");
        await Assertions.Expect(admin.GetByRole(AriaRole.Table)).ToContainTextAsync(email);
        await Accessibility.AssertNoViolationsAsync(admin);

        var link = await InvitationLinkAsync(email);
        await using var staffContext = await fixture.NewContextAsync();
        var staff = await staffContext.NewPageAsync();
        await staff.GotoAsync(new Uri(link).PathAndQuery);
        await Assertions.Expect(staff.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Choose your passphrase");
        await Accessibility.AssertNoViolationsAsync(staff);
        await staff.GetByLabel("Passphrase", new() { Exact = true }).FillAsync(StaffPassphrase);
        await staff.GetByLabel("Enter the passphrase again").FillAsync(StaffPassphrase);
        await staff.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        await staff.WaitForPageAsync("**/staff/enrol");
        await Accessibility.AssertNoViolationsAsync(staff);
        await Assertions.Expect(staff.GetByRole(AriaRole.Img, new() { Name = "QR code for setting up Safeguard" })).ToBeVisibleAsync();
        var key = await staff.Locator("#authenticator-key").InnerTextAsync();
        var enrolledAt = fixture.Server.Clock.GetUtcNow();
        await staff.GetByLabel("Code from the app").FillAsync(Totp.Code(key, enrolledAt));
        await staff.GetByRole(AriaRole.Button, new() { Name = "Finish setting up" }).ClickAsync();
        await staff.WaitForPageAsync("**/staff?enrolled=true");
        await Assertions.Expect(staff.GetByRole(AriaRole.Main)).ToContainTextAsync("Your authenticator app is set up");
        await Assertions.Expect(staff.GetByRole(AriaRole.Main)).ToContainTextAsync("Caseworker");
        await Accessibility.AssertNoViolationsAsync(staff);

        await staff.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await staff.WaitForPageAsync("**/staff/sign-in?signedOut=here");
        await Assertions.Expect(staff.GetByRole(AriaRole.Main)).ToContainTextAsync("You have signed out.");
        await Accessibility.AssertNoViolationsAsync(staff);

        // The code used for enrolment is spent; the app's next code signs in.
        await StaffMember.SignInAsync(staff, email, StaffPassphrase, key, enrolledAt.AddSeconds(30));
        await Assertions.Expect(staff.GetByRole(AriaRole.Main)).ToContainTextAsync("Robin Example");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await staff.WaitForPageAsync("**/staff/sign-in?signedOut=here");
        var afterSignOut = await staff.GotoAsync("/staff");
        staff.Url.ShouldContain("/staff/sign-in");
        afterSignOut.ShouldNotBeNull();
    }

    /// <summary>An administrator opens the audit trail from the staff home, searches, meets the error summary and checks the chain.</summary>
    [Fact]
    public async Task Administrator_AuditTrailSearchedAndChecked_EveryStateAccessible()
    {
        var administrator = await StaffMember.CreateAsync(fixture.Server, StaffRoles.Administrator, "Alex Admin");
        await using var context = await fixture.NewContextAsync();
        var admin = await context.NewPageAsync();
        await administrator.SignInAsync(admin, fixture.Server.Clock.GetUtcNow());

        await admin.GetByRole(AriaRole.Link, new() { Name = "Audit trail", Exact = true }).ClickAsync();
        await admin.WaitForPageAsync("**/admin/audit");
        await Assertions.Expect(admin.GetByRole(AriaRole.Table)).ToContainTextAsync("sign-in");
        await Accessibility.AssertNoViolationsAsync(admin);

        await admin.GetByLabel("Action").SelectOptionAsync("sign-in");
        await admin.GetByLabel("From (UTC day)").FillAsync("tomorrow");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Alert)).ToContainTextAsync("Enter the ‘from’ date as day/month/year, for example 14/08/2026");
        (await admin.TitleAsync()).ShouldStartWith("Error: ");
        await Accessibility.AssertNoViolationsAsync(admin);

        await admin.GetByLabel("From (UTC day)").FillAsync(fixture.Server.Clock.Today.ToString("d/M/yyyy", System.Globalization.CultureInfo.InvariantCulture));
        await admin.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Table)).ToContainTextAsync("sign-in");
        await Accessibility.AssertNoViolationsAsync(admin);

        await admin.GetByRole(AriaRole.Button, new() { Name = "Check the audit trail" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Main)).ToContainTextAsync("The audit trail is intact: ");
        await Accessibility.AssertNoViolationsAsync(admin);
    }

    /// <summary>An administrator finds an e-mail the outbox gave up on from the staff home and sends it again.</summary>
    [Fact]
    public async Task Administrator_EmailGivenUpOn_ListedAndSentAgain_EveryStateAccessible()
    {
        var administrator = await StaffMember.CreateAsync(fixture.Server, StaffRoles.Administrator, "Alex Admin");
        var subject = $"Your Safeguard account {Guid.NewGuid():N}";
        await using (var scope = fixture.Server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AccountsDbContext>();
            var now = fixture.Server.Clock.GetUtcNow();
            db.OutboxMessages.Add(new OutboxMessage
            {
                To = $"unlucky-{Guid.NewGuid():N}@example.org",
                Subject = subject,
                Body = "A synthetic invitation.",
                CreatedAt = now.AddHours(-5),
                Attempts = OutboxSender.MaxAttempts,
                GaveUpAt = now,
                LastError = "SocketException: Connection refused",
            });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }
        await using var context = await fixture.NewContextAsync();
        var admin = await context.NewPageAsync();
        await administrator.SignInAsync(admin, fixture.Server.Clock.GetUtcNow());

        await admin.GetByRole(AriaRole.Link, new() { Name = "E-mail not sent", Exact = true }).ClickAsync();
        await admin.WaitForPageAsync("**/admin/mail");
        await Assertions.Expect(admin.GetByRole(AriaRole.Table)).ToContainTextAsync(subject);
        await Accessibility.AssertNoViolationsAsync(admin);

        await admin.GetByRole(AriaRole.Row).Filter(new() { HasText = subject }).GetByRole(AriaRole.Button, new() { Name = "Send again" }).ClickAsync();
        await admin.WaitForPageAsync("**/admin/mail?again=true");
        await Assertions.Expect(admin.GetByRole(AriaRole.Main)).ToContainTextAsync("The e-mail will be sent again now");
        await Assertions.Expect(admin.GetByRole(AriaRole.Main)).Not.ToContainTextAsync(subject);
        await Accessibility.AssertNoViolationsAsync(admin);
    }

    private async Task<string> InvitationLinkAsync(string email)
    {
        for (var wait = 0; wait < 100; wait++)
        {
            if (Directory.Exists(fixture.Server.MailFolder))
            {
                foreach (var file in Directory.GetFiles(fixture.Server.MailFolder, "*.eml"))
                {
                    var message = await MimeMessage.LoadAsync(file, TestContext.Current.CancellationToken);
                    if (message.To.Mailboxes.Any(m => m.Address == email))
                    {
                        return message.TextBody!.Split('\n').Select(l => l.Trim()).Single(l => l.Contains("/staff/invitation?token=", StringComparison.Ordinal));
                    }
                }
            }
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
        throw new TimeoutException($"No invitation e-mail reached {fixture.Server.MailFolder} within 10 seconds.");
    }
}
