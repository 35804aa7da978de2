using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(Safeguard.BrowserTests.BrowserFixture))]

namespace Safeguard.BrowserTests;

/// <summary>
/// One server and one Chromium for the whole test assembly: launching a browser costs far more than a page, so every
/// test opens its own context (cookies, storage and viewport of its own) in the shared browser.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>Where Chromium is looked for unless <c>SAFEGUARD_CHROMIUM</c> says otherwise: Debian's package.</summary>
    public const string DefaultChromium = "/usr/bin/chromium";

    private PortalServer? server;
    private IPlaywright? playwright;
    private IBrowser? browser;

    public PortalServer Server => server ?? throw new InvalidOperationException("The fixture has not started.");

    public IBrowser Browser => browser ?? throw new InvalidOperationException("The fixture has not started.");

    public async ValueTask InitializeAsync()
    {
        var chromium = Environment.GetEnvironmentVariable("SAFEGUARD_CHROMIUM") is { Length: > 0 } configured ? configured : DefaultChromium;
        if (!File.Exists(chromium))
        {
            // Fail rather than skip: a browser test that silently does not run proves nothing.
            throw new InvalidOperationException(
                $"The browser tests need Chromium at {chromium}, which does not exist. Run ./test.sh, which installs it (apt-get install chromium), or set SAFEGUARD_CHROMIUM to a Chromium executable.");
        }

        try
        {
            server = new PortalServer();
            await EarlierRelease.PublishAsync(server.Services);
            playwright = await Playwright.CreateAsync();
            browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = chromium,
                Headless = true,
                // Without the background-networking flags Chromium calls hosts that the test network refuses.
                Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
            });
        }
        catch
        {
            // Whatever did start (the server and its temporary database folder) must not outlive a failed start.
            await DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// A fresh context (a private browsing session) whose relative addresses resolve against the server (or the
    /// options' own <c>BaseURL</c>, such as the server's <see cref="PortalServer.LocalhostAddress"/>).
    /// </summary>
    public Task<IBrowserContext> NewContextAsync(BrowserNewContextOptions? options = null) => NewContextAsync(Server, options);

    /// <summary>
    /// A fresh context against another server than the shared one: for a journey that changes what every reader sees
    /// (publishing a release), which would change the pages the other tests read.
    /// </summary>
    public Task<IBrowserContext> NewContextAsync(PortalServer server, BrowserNewContextOptions? options = null)
    {
        options ??= new BrowserNewContextOptions();
        options.BaseURL ??= server.BaseAddress.ToString();
        // The server's certificate is made for the run and trusted by nobody.
        options.IgnoreHTTPSErrors = true;
        return Browser.NewContextAsync(options);
    }

    public async ValueTask DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
            browser = null;
        }
        playwright?.Dispose();
        playwright = null;
        if (server is not null)
        {
            await server.DisposeAsync();
            server = null;
        }
    }
}
