using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Accounts;
using Safeguard.Accounts.Contracts;
using Safeguard.Statistics.Contracts;
using Safeguard.Statistics.Data;
using Safeguard.Statistics.Importing;
using Safeguard.Statistics.Importing.Templates;
using Safeguard.Statistics.Model;
using Safeguard.Statistics.Releases;
using Safeguard.Tests.Accounts;

namespace Safeguard.Tests.Http;

/// <summary>
/// The staff pages of the import flow through the real pipeline, on each engine: upload, preview with located
/// errors, commit with progress, publish with confirmation; and who may not reach them.
/// </summary>
public abstract class ImportPagesHttpTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : PortalFactory
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private const string TemplateName = "test-pages-use-of-force";

    /// <summary>A synthetic wide FOI answer: centres down, half-years across.</summary>
    private static byte[] Answer(string colnbrook = "12") =>
        Encoding.UTF8.GetBytes($"Centre,Jan-Jun 2031,Jul-Dec 2031\nBrook House IRC,300,310\nColnbrook IRC,{colnbrook},15\n");

    private async Task SaveTemplateAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<TemplateStore>().SaveAsync(TemplateDefinition.Parse($$"""
            {
              "name": "{{TemplateName}}",
              "series": "Synthetic FOI: use of force by centre, half-yearly",
              "layout": "wide",
              "headerRow": 1,
              "measure": { "value": "use-of-force-incidents" },
              "place": { "column": "Centre" },
              "period": { "headingRow": 1 }
            }
            """, "test"), Cancel);
    }

    private static async Task<StaffBrowser> SignedInAsync(PortalFactory factory, string role)
    {
        var staff = await StaffBrowser.CreateAsync(factory, role);
        var browser = new StaffBrowser(factory);
        await browser.SignInSuccessfullyAsync(staff);
        return browser;
    }

    /// <summary>Fills in the upload form (with its antiforgery token) and sends the file.</summary>
    private static async Task<HttpResponseMessage> UploadAsync(StaffBrowser browser, byte[] content, string fileName)
    {
        var page = await browser.PageAsync(StatisticsStaffPaths.NewImport);
        var token = page.QuerySelector<IHtmlInputElement>("main form input[name=__RequestVerificationToken]").ShouldNotBeNull().Value;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("Synthetic FOI answer"), "Title" },
            { new StringContent("Home Office"), "Authority" },
            { new StringContent("FOI 00042"), "Reference" },
            { new StringContent("14/08/2031"), "DateReceived" },
        };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "File", fileName);
        return await browser.Client.PostAsync(StatisticsStaffPaths.NewImport, form, Cancel);
    }

    private static string Location(HttpResponseMessage response) => response.Headers.Location.ShouldNotBeNull().OriginalString;

    [Fact]
    public async Task PolicyOfficer_UploadsPreviewsImportsAndPublishes_ReleaseAppearsOnThePortal()
    {
        await SaveTemplateAsync();
        var officer = await SignedInAsync(factory, StaffRoles.PolicyOfficer);
        (await officer.PageAsync(AccountsPaths.Home)).QuerySelector($"main a[href='{StatisticsStaffPaths.NewImport}']").ShouldNotBeNull();

        // A broken file: the preview names the cell, and offers no import.
        var uploaded = await UploadAsync(officer, Answer(colnbrook: "12a"), "broken.csv");
        uploaded.StatusCode.ShouldBe(HttpStatusCode.Redirect, await uploaded.Content.ReadAsStringAsync(Cancel));
        var brokenPage = Location(uploaded);
        var choose = await officer.PageAsync(brokenPage);
        choose.QuerySelector<IHtmlOptionElement>("#Template option[selected]").ShouldNotBeNull().Value.ShouldBe(TemplateName, "the template that fits is preselected");
        var preview = await officer.PageAsync($"{brokenPage}?template={TemplateName}&release=2031-h2");
        var issues = preview.QuerySelector("#issues").ShouldNotBeNull().TextContent;
        issues.ShouldContain("broken.csv, row 3, column B");
        issues.ShouldContain("'12a' is not a figure");
        preview.QuerySelectorAll("main form[method=post]").ShouldBeEmpty("a file with errors cannot be imported");

        // A good file: previewed, imported in the background, then published.
        uploaded = await UploadAsync(officer, Answer(), "use-of-force-2031.csv");
        var page = Location(uploaded);
        preview = await officer.PageAsync($"{page}?template={TemplateName}&release=2031-h2");
        preview.QuerySelector("main")!.TextContent.ShouldContain("4 figures new");
        preview.QuerySelector("main form[method=post] button")!.TextContent.ShouldContain("Import into draft release 2031-h2");
        var committed = await officer.SubmitAsync($"{page}?template={TemplateName}&release=2031-h2", [], handler: "commit");
        committed.StatusCode.ShouldBe(HttpStatusCode.Redirect, await committed.Content.ReadAsStringAsync(Cancel));
        var progressPath = Location(committed);
        progressPath.ShouldBe(StatisticsStaffPaths.Progress(page.Split('/').Last()));

        IHtmlDocument progress;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            progress = await officer.PageAsync(progressPath);
            progress.QuerySelector("meta[http-equiv=refresh]").ShouldBeNull("a timed refresh fails WCAG 2.2.1");
            if (progress.QuerySelector("[role=status]") is null)
            {
                break;
            }
            progress.QuerySelector($"main a[href='{progressPath}']").ShouldNotBeNull("a running import offers to check progress");
            DateTime.UtcNow.ShouldBeLessThan(deadline, "the import finishes");
            await Task.Delay(200, Cancel);
        }
        progress.QuerySelector("h1")!.TextContent.ShouldBe("Imported into draft release 2031-h2");
        progress.QuerySelector("main")!.TextContent.ShouldContain("Imported 4 figures into draft release 2031-h2.");
        (await officer.Client.GetAsync(page, Cancel)).StatusCode.ShouldBe(HttpStatusCode.NotFound, "the upload is removed once imported");

        var releases = await officer.PageAsync(StatisticsStaffPaths.Releases);
        releases.QuerySelector($"main a[href='{StatisticsStaffPaths.DraftOf("2031-h2")}']").ShouldNotBeNull();
        var draft = StatisticsStaffPaths.DraftOf("2031-h2");
        (await officer.PageAsync(draft)).QuerySelector("#changes").ShouldNotBeNull();
        var review = await officer.SubmitAsync(draft, [new("Changelog", "Adds the synthetic 2031 figures.")], handler: "review");
        review.StatusCode.ShouldBe(HttpStatusCode.OK);
        var confirm = await StaffBrowser.ParseAsync(review);
        confirm.QuerySelector("main")!.TextContent.ShouldContain("This cannot be undone: the release becomes public and immutable.");
        var publishForm = confirm.QuerySelector<IHtmlFormElement>("main form[action*='handler=publish']").ShouldNotBeNull();
        var published = await PostAsync(officer, publishForm);
        published.StatusCode.ShouldBe(HttpStatusCode.Redirect, await published.Content.ReadAsStringAsync(Cancel));
        Location(published).ShouldBe($"{StatisticsStaffPaths.Releases}?published=2031-h2");

        var portal = await officer.Client.GetStringAsync("/statistics/releases", Cancel);
        portal.ShouldContain("/statistics/releases/2031-h2");
    }

    /// <summary>Sends a form as the page wrote it: every input, hidden ones included.</summary>
    private static Task<HttpResponseMessage> PostAsync(StaffBrowser browser, IHtmlFormElement form) =>
        browser.Client.PostAsync(form.GetAttribute("action"),
            new FormUrlEncodedContent([.. form.QuerySelectorAll<IHtmlInputElement>("input[name]").Select(i => new KeyValuePair<string, string>(i.Name!, i.Value))]), Cancel);

    /// <summary>The confirmation of publishing <paramref name="release"/>, as the officer reviewed it.</summary>
    private static async Task<IHtmlFormElement> ConfirmationAsync(StaffBrowser officer, string release)
    {
        var review = await officer.SubmitAsync(StatisticsStaffPaths.DraftOf(release), [new("Changelog", "")], handler: "review");
        review.StatusCode.ShouldBe(HttpStatusCode.OK);
        return (await StaffBrowser.ParseAsync(review)).QuerySelector<IHtmlFormElement>("main form[action*='handler=publish']").ShouldNotBeNull();
    }

    private Task ImportMeanwhileAsync(string release, int year) => InScopeAsync(s =>
        s.GetRequiredService<StatisticsImporter>().CommitAsync(SyntheticTables.DeathsAndAbsconds(release, year, $"deaths-{year}.csv"), null, Cancel));

    private async Task InScopeAsync(Func<IServiceProvider, Task> act)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await act(scope.ServiceProvider);
    }

    [Fact]
    public async Task Publishing_ADraftThatChangedAfterItWasReviewed_IsRefused_AndShowsTheDraftAgain()
    {
        var release = $"reviewed-{Guid.NewGuid():N}"[..20];
        await ImportMeanwhileAsync(release, 2041);
        var officer = await SignedInAsync(factory, StaffRoles.PolicyOfficer);
        var confirmation = await ConfirmationAsync(officer, release);

        await ImportMeanwhileAsync(release, 2042);
        var refused = await PostAsync(officer, confirmation);

        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await StaffBrowser.ParseAsync(refused);
        page.QuerySelector(".error-summary")!.TextContent.ShouldContain($"Release '{release}' has changed since you reviewed it: figures were imported into it meanwhile. Check its changes, then publish again.");
        page.QuerySelector("h1")!.TextContent.ShouldBe($"Draft release {release}");
        await InScopeAsync(async s => (await s.GetRequiredService<StatisticsDbContext>().Releases.SingleAsync(r => r.Slug == release, Cancel)).Status.ShouldBe(ReleaseStatus.Draft));

        var published = await PostAsync(officer, await ConfirmationAsync(officer, release));
        Location(published).ShouldBe($"{StatisticsStaffPaths.Releases}?published={release}", "reviewed again, it is published");
    }

    [Fact]
    public async Task Publishing_ADraftAColleaguePublishedMeanwhile_SaysSo()
    {
        var release = $"colleague-{Guid.NewGuid():N}"[..20];
        await ImportMeanwhileAsync(release, 2043);
        var officer = await SignedInAsync(factory, StaffRoles.PolicyOfficer);
        var confirmation = await ConfirmationAsync(officer, release);

        await InScopeAsync(s => s.GetRequiredService<ReleasePublisher>().PublishAsync(release, Cancel));
        var again = await PostAsync(officer, confirmation);

        Location(again).ShouldBe($"{StatisticsStaffPaths.Releases}?already-published={release}");
        var releases = await officer.PageAsync(Location(again));
        releases.QuerySelector("main .notification-banner")!.TextContent.ShouldContain($"Release {release} was published already, by a colleague or in another tab, and can no longer change");
        releases.QuerySelector($"main .notification-banner a[href='/statistics/releases/{release}']").ShouldNotBeNull();
    }

    [Fact]
    public async Task ADraftLeftBehindByARelease_SaysWhy_AndOffersNoPublishing()
    {
        var (behind, ahead) = ($"behind-{Guid.NewGuid():N}"[..19], $"ahead-{Guid.NewGuid():N}"[..18]);
        await ImportMeanwhileAsync(behind, 2044);
        var officer = await SignedInAsync(factory, StaffRoles.PolicyOfficer);
        var confirmation = await ConfirmationAsync(officer, behind);
        await ImportMeanwhileAsync(ahead, 2045);
        await InScopeAsync(s => s.GetRequiredService<ReleasePublisher>().PublishAsync(ahead, Cancel));

        var draft = await officer.PageAsync(StatisticsStaffPaths.DraftOf(behind));
        draft.QuerySelector("#stale")!.TextContent.ShouldContain(
            $"This draft cannot be published. Release '{behind}' was started from ");
        draft.QuerySelector("#stale")!.TextContent.ShouldContain($"but '{ahead}' has been published since, and its figures are not in this draft. Import into a new release, which starts from '{ahead}'.");
        draft.QuerySelector("main form[action*='handler=review']").ShouldBeNull();
        var row = (await officer.PageAsync(StatisticsStaffPaths.Releases)).QuerySelectorAll("main table tbody tr").Single(r => r.TextContent.Contains(behind, StringComparison.Ordinal));
        row.TextContent.ShouldContain($"Left behind: started before {ahead} was published; it cannot be published");

        var sentAnyway = await PostAsync(officer, confirmation);
        sentAnyway.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await StaffBrowser.ParseAsync(sentAnyway)).QuerySelector("#stale").ShouldNotBeNull();
        await InScopeAsync(async s => (await s.GetRequiredService<StatisticsDbContext>().Releases.SingleAsync(r => r.Slug == behind, Cancel)).Status.ShouldBe(ReleaseStatus.Draft));
    }

    [Fact]
    public async Task Caseworker_GetsNotFound_AnonymousIsSentToSignIn()
    {
        var caseworker = await SignedInAsync(factory, StaffRoles.Caseworker);
        var anonymous = factory.CreateStaffClient();
        foreach (var path in new[] { StatisticsStaffPaths.NewImport, StatisticsStaffPaths.Releases, StatisticsStaffPaths.DraftOf("2024") })
        {
            (await caseworker.Client.GetAsync(path, Cancel)).StatusCode.ShouldBe(HttpStatusCode.NotFound, path);
            var response = await anonymous.GetAsync(path, Cancel);
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, path);
            response.Headers.Location!.PathAndQueryOrOriginal().ShouldStartWith(AccountsPaths.SignIn);
        }
        (await caseworker.PageAsync(AccountsPaths.Home)).QuerySelector($"main a[href='{StatisticsStaffPaths.NewImport}']").ShouldBeNull();
    }

    [Fact]
    public async Task Upload_OverTheSizeLimit_IsRefusedWithAMessage()
    {
        var officer = await SignedInAsync(factory, StaffRoles.PolicyOfficer);
        var limit = factory.Services.GetRequiredService<Safeguard.Statistics.Importing.Files.ImportLimits>().MaxFileBytes;
        var response = await UploadAsync(officer, new byte[limit + Safeguard.Platform.UploadSizeLimit.FormAllowance], "huge.csv");
        response.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        var page = await officer.PageAsync(Location(response));
        page.QuerySelector(".error-summary a[href='#File']")!.TextContent.ShouldStartWith("The file must be smaller than 50 MB");
        page.QuerySelector("#File-error").ShouldNotBeNull();
    }

    [Fact]
    public async Task Upload_OfAnotherAccount_IsNotFound()
    {
        await SaveTemplateAsync();
        var owner = await SignedInAsync(factory, StaffRoles.PolicyOfficer);
        var page = Location(await UploadAsync(owner, Answer(), "mine.csv"));
        (await owner.Client.GetAsync(page, Cancel)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var other = await SignedInAsync(factory, StaffRoles.Administrator);
        (await other.Client.GetAsync(page, Cancel)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.Client.GetAsync(page + "/progress", Cancel)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.Client.GetAsync(StatisticsStaffPaths.Import(new string('0', 32)), Cancel)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}

internal static class UriPaths
{
    public static string PathAndQueryOrOriginal(this Uri uri) => uri.IsAbsoluteUri ? uri.PathAndQuery : uri.OriginalString;
}

public sealed class SqliteImportPagesHttpTests(OwnSqlitePortalFactory factory) : ImportPagesHttpTests<OwnSqlitePortalFactory>(factory);

public sealed class PostgresImportPagesHttpTests(OwnPostgresPortalFactory factory) : ImportPagesHttpTests<OwnPostgresPortalFactory>(factory);
