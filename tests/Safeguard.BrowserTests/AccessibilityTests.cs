using Deque.AxeCore.Commons;
using Microsoft.Playwright;

namespace Safeguard.BrowserTests;

/// <summary>Every public page scanned by axe-core against WCAG 2.2 A and AA, in a real Chromium.</summary>
public sealed class AccessibilityTests(BrowserFixture fixture)
{
    private static readonly string[] Themes = ["rule-35", "self-harm-and-acdt", "segregation", "use-of-force", "detention"];

    private static readonly string[] Places =
        ["brook-house", "colnbrook", "derwentside", "dungavel", "harmondsworth", "tinsley-house", "yarls-wood", "all-ircs", "all-detention"];

    public static TheoryData<string> PublicPages =>
    [
        "/statistics",
        .. Themes.Select(theme => $"/statistics/{theme}"),
        .. Places.Select(place => $"/statistics/places/{place}"),
        "/statistics/releases",
        "/statistics/releases/2024",
        DemonstrationSource.PagePath,
        $"/statistics/releases/{EarlierRelease.Slug}",
        $"/statistics/releases/{EarlierRelease.Slug}?page=2",
        $"/statistics/releases/{EarlierRelease.Slug}/compare/2024",
        "/parliament/appg",
        "/parliament/your-mp",
        "/parliament/your-mp?postcode=UB3+1AB",
        "/parliament/your-mp?postcode=JE2+1AB",
        "/parliament/your-mp?postcode=not+a+postcode",
        "/parliament/events",
        DemonstrationPanel,
        "/parliament/bills",
        DemonstrationBill,
        "/",
        "/news",
        "/news/category/court-decisions",
        DemonstrationPost,
    ];

    /// <summary>The demonstration's Parliament update, with a list and a link in its Markdown.</summary>
    private const string DemonstrationPost = "/news/the-appg-asks-the-minister-about-detention-time-limits";

    /// <summary>The demonstration's bill, with Lord German's new clause and its supporters.</summary>
    private const string DemonstrationBill = "/parliament/bills/border-security-asylum-and-immigration-bill-2025";

    /// <summary>The demonstration's panel event of 20 March 2025, with speakers, guests by organisation and a head count.</summary>
    private const string DemonstrationPanel = "/parliament/events/2025-03-20-panel-discussion-immigration-detention-in-the-uk-today";

    [Theory]
    [MemberData(nameof(PublicPages))]
    public async Task Page_ScannedByAxe_HasNoWcagViolations(string address)
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        var response = await page.GotoAsync(address);
        response.ShouldNotBeNull().Status.ShouldBe(200);

        await AssertNoViolations(page);
    }

    /// <summary>The group's page with the real register loaded at start-up, as ./safeguard serve shows it.</summary>
    [Fact]
    public async Task AppgPage_DemonstrationRegister_ShowsTheChairAndTheDateCheckedWithoutViolations()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/parliament/appg");

        (await page.Locator("table").First.InnerTextAsync()).ShouldContain("Bell Ribeiro-Addy\tChair & Registered Contact");
        (await page.Locator("p.lead").InnerTextAsync()).ShouldContain("last checked against the group's own on 16 July 2026");
        await AssertNoViolations(page);
    }

    [Fact]
    public async Task NotFoundPage_ScannedByAxe_HasNoWcagViolations()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        var response = await page.GotoAsync("/statistics/no-such-theme");
        response.ShouldNotBeNull().Status.ShouldBe(404);

        await AssertNoViolations(page);
    }

    /// <summary>WCAG 1.4.10 (reflow): at 320 CSS pixels the page must read without scrolling sideways, tables apart.</summary>
    [Theory]
    [InlineData("/statistics")]
    [InlineData("/statistics/use-of-force")]
    [InlineData("/statistics/releases/" + EarlierRelease.Slug + "?page=2")]
    [InlineData("/statistics/releases/" + EarlierRelease.Slug + "/compare/2024")]
    [InlineData("/parliament/appg")]
    [InlineData("/parliament/your-mp?postcode=GU11+9XY")]
    [InlineData("/parliament/events")]
    [InlineData(DemonstrationPanel)]
    [InlineData(DemonstrationBill)]
    [InlineData("/")]
    [InlineData("/news")]
    [InlineData("/news/category/court-decisions")]
    [InlineData(DemonstrationPost)]
    public async Task Page_At320PixelsWide_HasNoWcagViolationsAndNoSidewaysScroll(string address)
    {
        await using var context = await fixture.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 320, Height = 640 } });
        var page = await context.NewPageAsync();
        var response = await page.GotoAsync(address);
        response.ShouldNotBeNull().Status.ShouldBe(200);

        await AssertNoViolations(page);
        var pageWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        pageWidth.ShouldBeLessThanOrEqualTo(320, $"{address} is {pageWidth}px wide at a 320px viewport, so a reader who zooms to 400% must scroll sideways.");
    }

    /// <summary>Proves the scan is live on the site's own pages (its strict CSP included), so a pass above means something.</summary>
    [Fact]
    public async Task Scan_PageGivenImageWithoutText_ReportsViolationWithRuleImpactAndTarget()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/statistics/releases");
        await page.EvaluateAsync("() => { const img = document.createElement('img'); img.id = 'planted'; img.src = '/favicon.ico'; document.querySelector('main').append(img); }");

        var violations = await Scan(page);

        var message = Describe(page.Url, violations);
        message.ShouldContain("image-alt (critical)");
        message.ShouldContain("#planted");
    }

    private static Task AssertNoViolations(IPage page) => Accessibility.AssertNoViolationsAsync(page);

    private static Task<IReadOnlyList<AxeResultItem>> Scan(IPage page) => Accessibility.ScanAsync(page);

    private static string Describe(string url, IEnumerable<AxeResultItem> violations) => Accessibility.Describe(url, violations);
}
