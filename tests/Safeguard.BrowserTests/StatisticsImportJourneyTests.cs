using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Safeguard.Accounts.Contracts;

namespace Safeguard.BrowserTests;

/// <summary>
/// A policy officer imports a file of figures on the staff pages and publishes it: upload with its source, the
/// template that fits, a preview with its counts (and, for a broken file, its located errors), the import in the
/// background with its progress, the draft with the confirmation step, and the release on the portal. Every page
/// and state on the way is scanned by axe, and read at 320 pixels wide.
/// </summary>
/// <remarks>
/// Publishing makes a new latest release, which every portal page reads; so this journey runs on a server of its own
/// (the class fixture), leaving the shared one as the other tests expect it.
/// </remarks>
public sealed class StatisticsImportJourneyTests(BrowserFixture fixture, PortalServer server) : IClassFixture<PortalServer>
{
    private const string Template = "home-office-det-d02";
    private const string Release = "2031-q2";

    private const string Header = "Date,Year,Quarter,Nationality,Region,Sex,Age,Current place of detention,Length of detention,People";

    /// <summary>Synthetic figures in the shape of the Home Office's Det_D02: two rows of one quarter, one of the next.</summary>
    private static readonly string[] PeopleInDetention =
    [
        "2031-03-31,2031,1,Utopia,Elsewhere,Male,18 to 29,Brook House IRC,A: 3 days or less,5",
        "2031-03-31,2031,1,Arcadia,Elsewhere,Male,30 to 39,Brook House IRC,B: 4 to 7 days,7",
        "2031-06-30,2031,2,Utopia,Elsewhere,Female,18 to 29,Brook House IRC,A: 3 days or less,4",
    ];

    [Fact]
    public async Task PolicyOfficer_UploadsPreviewsImportsAndPublishes_EveryPageAccessible()
    {
        var officer = await StaffMember.CreateAsync(server, StaffRoles.PolicyOfficer, "Pat Policy");
        await using var context = await fixture.NewContextAsync(server);
        var page = await context.NewPageAsync();
        await officer.SignInAsync(page, server.Clock.GetUtcNow());
        await Accessibility.AssertAccessibleAndReflowsAsync(page);

        // Sent without a file, the upload form says what to fix.
        await page.GetByRole(AriaRole.Link, new() { Name = "Import a file of figures", Exact = true }).ClickAsync();
        await page.WaitForPageAsync("**/staff/statistics/imports/new");
        await Accessibility.AssertAccessibleAndReflowsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload and continue" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("There is a problem");
        await Assertions.Expect(page.Locator("#File-error")).ToBeVisibleAsync();
        await Accessibility.AssertAccessibleAndReflowsAsync(page);

        // A file naming a centre nobody knows: the preview locates the error and offers no import.
        await UploadAsync(page, "atlantis.csv", PeopleInDetention[0].Replace("Brook House IRC", "Atlantis IRC", StringComparison.Ordinal));
        await ChooseAsync(page, "atlantis.csv");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Preview of atlantis.csv");
        var issues = page.GetByRole(AriaRole.Table, new() { Name = "Errors and warnings" });
        await Assertions.Expect(issues).ToContainTextAsync("atlantis.csv, row 2, column H");
        await Assertions.Expect(issues).ToContainTextAsync("'Atlantis IRC' is not a known place");
        await Assertions.Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("The file has 1 error; fix them before importing.");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Import into draft release" })).ToHaveCountAsync(0);
        await Accessibility.AssertAccessibleAndReflowsAsync(page);

        // A good file: the preview counts its rows and figures.
        await page.GetByRole(AriaRole.Link, new() { Name = "Upload a corrected file" }).ClickAsync();
        await UploadAsync(page, "people-in-detention-2031.csv", PeopleInDetention);
        await ChooseAsync(page, "people-in-detention-2031.csv");
        (await SummaryValueAsync(page, "Rows read")).ShouldBe("3");
        (await SummaryValueAsync(page, "Figures")).ShouldBe("2", "two rows of the first quarter add up to one figure");
        (await SummaryValueAsync(page, "Errors")).ShouldBe("0");
        (await SummaryValueAsync(page, "Warnings")).ShouldBe("0");
        await Assertions.Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("2 figures new, 0 changed, 0 removed");
        await Accessibility.AssertAccessibleAndReflowsAsync(page);

        // While the import waits for the database, the progress page shows its stage.
        await using (await HoldDatabaseWritesAsync())
        {
            await page.GetByRole(AriaRole.Button, new() { Name = $"Import into draft release {Release}" }).ClickAsync();
            await page.WaitForPageAsync("**/progress");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Importing into draft release {Release}");
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToBeVisibleAsync();
            await Accessibility.AssertAccessibleAndReflowsAsync(page);
        }
        await CheckProgressUntilFinishedAsync(page);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Imported into draft release {Release}");
        await Assertions.Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync($"Imported 2 figures into draft release {Release}.");
        await Accessibility.AssertAccessibleAndReflowsAsync(page);

        // The draft, from the list of drafts; publishing asks for confirmation first.
        await page.GotoAsync("/staff");
        await page.GetByRole(AriaRole.Link, new() { Name = "Statistics releases", Exact = true }).ClickAsync();
        await page.WaitForPageAsync("**/staff/statistics/releases");
        var drafts = page.GetByRole(AriaRole.Table, new() { Name = "Draft releases" });
        await Assertions.Expect(drafts).ToContainTextAsync(Release);
        await Accessibility.AssertAccessibleAndReflowsAsync(page);
        await drafts.GetByRole(AriaRole.Link, new() { Name = Release, Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Draft release {Release}");
        (await SummaryValueAsync(page, "New")).ShouldBe("2");
        await Accessibility.AssertAccessibleAndReflowsAsync(page);

        await page.GetByLabel("Changelog note (optional)").FillAsync("Adds synthetic people in detention at Brook House for 2031.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue to publish" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Publish release {Release}?");
        await Assertions.Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("This cannot be undone: the release becomes public and immutable.");
        await Accessibility.AssertAccessibleAndReflowsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = $"Publish release {Release}" }).ClickAsync();
        await page.WaitForPageAsync($"**/staff/statistics/releases?published={Release}");
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Success" })).ToContainTextAsync($"Release {Release} is published");
        await Assertions.Expect(drafts).ToHaveCountAsync(0);
        await Accessibility.AssertAccessibleAndReflowsAsync(page);

        await page.GotoAsync("/statistics/releases");
        await Assertions.Expect(page.Locator($"main a[href='/statistics/releases/{Release}']").First).ToBeVisibleAsync();
        await Accessibility.AssertAccessibleAndReflowsAsync(page);
    }

    /// <summary>Fills in the upload form with a synthetic CSV and its source, and goes on to the choice of template.</summary>
    private static async Task UploadAsync(IPage page, string fileName, params string[] rows)
    {
        await page.WaitForPageAsync("**/staff/statistics/imports/new");
        await page.GetByLabel("File", new() { Exact = true }).SetInputFilesAsync(new FilePayload
        {
            Name = fileName,
            MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes(Header + "\n" + string.Join('\n', rows) + "\n"),
        });
        await page.GetByLabel("Title of the document (optional)").FillAsync("Synthetic people in detention, 2031");
        await page.GetByLabel("Authority", new() { Exact = true }).FillAsync("Home Office");
        await page.GetByLabel("FOI reference or publication (optional)").FillAsync("FOI 00042");
        await page.GetByLabel("Date received or published (optional)").FillAsync("14/08/2031");
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload and continue" }).ClickAsync();
        await page.WaitForPageAsync(new System.Text.RegularExpressions.Regex("/staff/statistics/imports/[0-9a-f]{32}$"));
    }

    /// <summary>Takes the template offered for the file (checking it is the Det_D02 one) and a new release, and previews.</summary>
    private static async Task ChooseAsync(IPage page, string fileName)
    {
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Choose how to read {fileName}");
        await Assertions.Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("1 template fits this file; it is chosen for you.");
        await Assertions.Expect(page.GetByLabel("Template")).ToHaveValueAsync(Template);
        await Accessibility.AssertAccessibleAndReflowsAsync(page);
        await page.GetByLabel("Draft release").FillAsync(Release);
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview the import" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Preview of {fileName}");
    }

    private static async Task<string> SummaryValueAsync(IPage page, string term) =>
        (await page.Locator($"main dl.summary-list dt:text-is('{term}') + dd").InnerTextAsync()).Trim();

    /// <summary>Follows the page's own way of checking again until the import has finished.</summary>
    private static async Task CheckProgressUntilFinishedAsync(IPage page)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (await page.GetByRole(AriaRole.Status).CountAsync() > 0)
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, "the import finishes within a minute");
            await Task.Delay(200, TestContext.Current.CancellationToken);
            await page.GetByRole(AriaRole.Link, new() { Name = "Check progress" }).ClickAsync();
        }
    }

    /// <summary>
    /// Takes SQLite's write lock on the server's database until disposed, so that an import started meanwhile stays
    /// running (readers, the progress page's among them, are not blocked in WAL mode) and its page can be scanned.
    /// </summary>
    private async Task<DatabaseWriteLock> HoldDatabaseWritesAsync()
    {
        var connection = new SqliteConnection(server.Services.GetRequiredService<IConfiguration>().GetConnectionString("Default"));
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        // Microsoft.Data.Sqlite begins with BEGIN IMMEDIATE unless told to defer: the write lock is taken now.
        return new DatabaseWriteLock(connection, connection.BeginTransaction(deferred: false));
    }

    private sealed class DatabaseWriteLock(SqliteConnection connection, SqliteTransaction transaction) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await transaction.DisposeAsync();
            await connection.DisposeAsync();
        }
    }
}
