using System.Net;
using Microsoft.AspNetCore.Hosting;
using Safeguard.Accounts;
using Safeguard.Tests.Http;

namespace Safeguard.Tests.Accounts;

/// <summary>The application with the per-address limits of its public forms low: sign-in 3 a minute, referrals 3 an hour.</summary>
public sealed class LowFormLimitFactory : OwnPortalFactory
{
    private readonly string folder = Directory.CreateTempSubdirectory("safeguard-tests-").FullName;

    public override string Provider => "SQLite";

    protected override string ConnectionString => $"Data Source={Path.Combine(folder, "safeguard.db")};Pooling=False";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Safeguard:Accounts:SignInAttemptsPerMinute", "3");
        builder.UseSetting("Safeguard:Casework:ReferralsPerHour", "3");
        builder.UseSetting("Safeguard:DemonstrationData", "false");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
        Directory.Delete(folder, recursive: true);
    }
}

public sealed class SignInRateLimitTests(LowFormLimitFactory factory) : IClassFixture<LowFormLimitFactory>
{
    [Fact]
    public async Task SignIn_MoreSubmissionsFromOneAddressThanAllowed_AreTooManyRequestsWithAPageThatSaysWhy()
    {
        var browser = new StaffBrowser(factory);
        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 4; attempt++)
        {
            // Different accounts, so only the per-address limit can refuse.
            var response = await browser.SignInAsync(new TestStaff("none", $"someone-{attempt}@example.org", "whatever passphrase", null));
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                (await StaffBrowser.ParseAsync(response)).QuerySelector("h1")!.TextContent.ShouldBe("Too many requests");
            }
        }
        statuses.ShouldBe([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests]);
        // Signing in with a passkey shares the limit: its options and its answer are refused too.
        (await browser.SubmitAsync(AccountsPaths.SignIn, [new("Failure", "NotAllowedError")], handler: "Passkey")).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await browser.Client.PostAsync(AccountsPaths.SignIn + "?handler=PasskeyOptions", null, TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        // Reading the page is not limited.
        (await browser.Client.GetAsync(AccountsPaths.SignIn, TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
