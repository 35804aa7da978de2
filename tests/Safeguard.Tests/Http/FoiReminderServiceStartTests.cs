using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Foi.Reminders;
using Safeguard.Foi.Requests;
using Safeguard.Foi.Staff;
using Safeguard.Tests.Accounts;
using Safeguard.Tests.Encryption;

namespace Safeguard.Tests.Http;

/// <summary>
/// The daily FOI reminder run as the application itself starts it, once it has started and then daily, on a server
/// listening on a free port, without <c>Safeguard:PublicBaseUrl</c>: the HTTP tests' other applications go without it.
/// </summary>
public sealed class FoiReminderServiceStartTests : IDisposable
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("safeguard-reminders-start-");

    public void Dispose() => folder.Delete(recursive: true);

    [Fact]
    public async Task FirstRun_AtStart_WaitsForTheServerToListen_AndLinksToWhereItListens()
    {
        // A request whose answer is overdue, waiting in the database when the application starts.
        var keyRing = TestKeyRings.NewJson();
        TestStaff owner;
        FoiRequest request;
        await using (var before = new FolderPortalFactory(folder.FullName, keyRing) { DemonstrationData = false })
        {
            await before.InitializeAsync();
            (request, owner) = await FoiReminderSamples.RequestSentAMonthAgoAsync(before);
        }

        await using var factory = new HeldBackFactory(folder.FullName, keyRing)
        {
            DemonstrationData = false,
            DailyFoiRemindersRun = true,
            Settings = new Dictionary<string, string> { [$"Logging:LogLevel:{typeof(FoiReminderService).FullName}"] = "Information" },
        };
        factory.UseKestrel(0);
        await factory.InitializeAsync();
        var listening = factory.ClientOptions.BaseAddress.GetLeftPart(UriPartial.Authority);

        var body = (await factory.MailToAsync(owner.Email)).Single().TextBody.ShouldNotBeNull();

        body.ShouldContain($"{listening}{FoiStaffPaths.Request(request.Id)}");
    }

    /// <summary>
    /// The application on <c>safeguard.db</c> in the folder, its server held back from listening (its pipeline is built
    /// first) until the first reminder run has been, or for 5 seconds: a run that did not wait for the server would
    /// have queued its reminder by then, with a link to where nothing listens yet.
    /// </summary>
    private sealed class HeldBackFactory(string folder, string keyRing) : FolderPortalFactory(folder, keyRing)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter>(new ListeningHeldBack(this)));
        }
    }

    private sealed class ListeningHeldBack(PortalFactory factory) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next)
        {
            SpinWait.SpinUntil(() => factory.Log.Messages.Any(m => m.Category == typeof(FoiReminderService).FullName), TimeSpan.FromSeconds(5));
            return next;
        }
    }
}
