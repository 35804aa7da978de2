using System.Net;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Accounts.Contracts;
using Safeguard.Audit.Data;
using Safeguard.Audit.Searching;
using Safeguard.Casework;
using Safeguard.Casework.Data;
using Safeguard.Tests.Accounts;
using Safeguard.Tests.Http;

namespace Safeguard.Tests.Casework;

/// <summary>
/// The case pages through the real pipeline, on each engine: who may open a case (assigned staff; supervisors,
/// audited as such; anyone else the same 404 as a case that does not exist), every read and write on the audit
/// trail, the forms' located errors, documents stored encrypted and checked on download, and no plaintext in the
/// raw tables.
/// </summary>
public abstract class CaseworkHttpTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : PortalFactory
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private Task<(TestStaff Staff, StaffBrowser Browser)> SignedInAsync(string role) => StaffBrowser.SignedInAsync(factory, role);

    private Task<List<AuditEntry>> CaseEntriesAsync(string actor, string? caseNumber = null) => CaseworkSamples.CaseEntriesAsync(factory.Services, actor, caseNumber);

    [Fact]
    public async Task CasePage_UnassignedCaseworker_GetsTheSameNotFoundAsAMissingCase_AndTheRefusalIsRecorded()
    {
        var (assigned, _) = await SignedInAsync(StaffRoles.Caseworker);
        var sample = await CaseworkSamples.CreateAsync(factory.Services, [assigned.Id]);
        var (other, browser) = await SignedInAsync(StaffRoles.Caseworker);

        var refused = await browser.Client.GetAsync(CaseworkPaths.Case(sample.CaseNumber), Cancel);
        var missing = await browser.Client.GetAsync(CaseworkPaths.Case("C-2024-99999999"), Cancel);
        refused.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await refused.Content.ReadAsStringAsync(Cancel)).ShouldBe(await missing.Content.ReadAsStringAsync(Cancel), "nobody can tell a case they may not open from one that does not exist");
        (await refused.Content.ReadAsStringAsync(Cancel)).ShouldNotContain(CaseworkSamples.PersonName);
        foreach (var page in new[] { "details", "detention", "assessments", "documents", "home-office", "outcome", $"documents/{sample.Document}/versions/{sample.Version}" })
        {
            (await browser.Client.GetAsync($"{CaseworkPaths.Case(sample.CaseNumber)}/{page}", Cancel)).StatusCode.ShouldBe(HttpStatusCode.NotFound, page);
        }
        var posted = await browser.Client.PostAsync($"{CaseworkPaths.Case(sample.CaseNumber)}/outcome", new FormUrlEncodedContent([new("Outcome", "Released")]), Cancel);
        posted.StatusCode.ShouldBeOneOf(HttpStatusCode.NotFound, HttpStatusCode.BadRequest);

        var entries = await CaseEntriesAsync(other.Id, sample.CaseNumber);
        entries.ShouldContain(e => e.Action == "read" && e.Detail == "refused: not assigned");
        entries.ShouldNotContain(e => e.Detail != null && !e.Detail.StartsWith("refused", StringComparison.Ordinal));
        (await CaseEntriesAsync(other.Id, "C-2024-99999999")).ShouldContain(e => e.Detail == "refused: no such case");

        var list = await browser.PageAsync(CaseworkPaths.Cases);
        list.QuerySelector($"main a[href='{CaseworkPaths.Case(sample.CaseNumber)}']").ShouldBeNull("the list shows only the cases assigned to you");
    }

    [Fact]
    public async Task CasePage_Supervisor_OpensACaseTheyAreNotAssignedTo_AndEveryReadIsRecordedAsASupervisors()
    {
        var sample = await CaseworkSamples.CreateAsync(factory.Services, []);
        var (supervisor, browser) = await SignedInAsync(StaffRoles.Supervisor);

        var page = await browser.PageAsync(CaseworkPaths.Case(sample.CaseNumber));
        page.QuerySelector("#supervisor-title").ShouldNotBeNull().TextContent.ShouldBe("You are not assigned to this case");
        page.QuerySelector("main")!.TextContent.ShouldContain(CaseworkSamples.PersonName);
        await browser.PageAsync($"{CaseworkPaths.Case(sample.CaseNumber)}/details");

        var entries = await CaseEntriesAsync(supervisor.Id, sample.CaseNumber);
        entries.Select(e => e.Detail).ShouldBe(["details form; supervisor, not assigned", "case page; supervisor, not assigned"]);
        entries.ShouldAllBe(e => e.Action == "read" && e.Source != "command line");
    }

    [Fact]
    public async Task CasePages_AssignedCaseworker_EveryReadAndWriteIsRecorded_WithoutPersonalData()
    {
        var (caseworker, browser) = await SignedInAsync(StaffRoles.Caseworker);
        var sample = await CaseworkSamples.CreateAsync(factory.Services, [caseworker.Id]);
        var casePath = CaseworkPaths.Case(sample.CaseNumber);
        var reads = new[]
        {
            casePath, $"{casePath}/details", $"{casePath}/detention", $"{casePath}/detention/{sample.Episode}", $"{casePath}/assessments",
            $"{casePath}/assessments/{sample.Assessment}/findings", $"{casePath}/documents", $"{casePath}/documents/{sample.Document}",
            $"{casePath}/home-office", $"{casePath}/outcome",
        };
        foreach (var path in reads)
        {
            await browser.PageAsync(path);
        }
        var download = await browser.Client.GetAsync($"{casePath}/documents/{sample.Document}/versions/{sample.Version}", Cancel);
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await download.Content.ReadAsByteArrayAsync(Cancel)).ShouldBe("%PDF-1.4 synthetic report"u8.ToArray());
        download.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");

        var saved = await browser.SubmitAsync($"{casePath}/home-office", [new("Kind", "SecondOpinionRequested"), new("OccurredOn", "21/03/2024"), new("Note", "Requested by e-mail")]);
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync(Cancel));

        var entries = await CaseEntriesAsync(caseworker.Id, sample.CaseNumber);
        entries.Count(e => e.Action == "read").ShouldBe(reads.Length + 2, "each page shown, the download and the form read before it was sent are recorded once each");
        entries.ShouldContain(e => e.Action == "read" && e.Detail == $"document {sample.Document} version {sample.Version} downloaded");
        entries.ShouldContain(e => e.Action == "create" && e.Detail!.StartsWith("Home Office event ", StringComparison.Ordinal) && e.Detail.EndsWith(" added: Second opinion requested", StringComparison.Ordinal));
        entries.ShouldAllBe(e => e.Detail == null || (!e.Detail.Contains("Zephyrine", StringComparison.Ordinal) && !e.Detail.Contains("e-mail", StringComparison.Ordinal)));

        var list = await browser.PageAsync(CaseworkPaths.Cases);
        list.QuerySelector(".error-summary").ShouldBeNull();
        list.QuerySelector($"main a[href='{casePath}']").ShouldNotBeNull("the list shows the cases assigned to you");
        (await browser.Client.GetAsync($"{CaseworkPaths.Cases}?page=2", Cancel)).StatusCode.ShouldBe(HttpStatusCode.NotFound, "one case fills one page");
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            (await scope.ServiceProvider.GetRequiredService<AuditQuery>().SearchAsync(new AuditSearch { Actor = caseworker.Id, RecordType = "case-list" }, Cancel))
                .Single().Detail.ShouldBe($"page 1: {sample.CaseNumber}", "the list is recorded once, naming the cases it showed");
        }

        var page = await browser.PageAsync(casePath);
        page.QuerySelector("#timeline + ol")!.TextContent.ShouldContain("Second opinion requested");
        page.QuerySelector("main")!.TextContent.ShouldContain("Requested by e-mail");
    }

    [Fact]
    public async Task CasePage_InSectionsWithContents_OffersDeletingAnAssessmentOnlyWhereItIsAllowed()
    {
        var (caseworker, browser) = await SignedInAsync(StaffRoles.Caseworker);
        var sample = await CaseworkSamples.CreateAsync(factory.Services, [caseworker.Id]);
        int unreported;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var opened = await CaseworkSamples.OpenAsync(scope.ServiceProvider, sample.CaseNumber);
            unreported = (await scope.ServiceProvider.GetRequiredService<Safeguard.Casework.Cases.CaseBook>().SaveAssessmentAsync(opened, null,
                new Safeguard.Casework.Cases.AssessmentInput("Dr R. Example", new DateOnly(2024, 4, 2), "brook-house", false, Safeguard.Casework.Assessments.AssessmentMode.Remote,
                    false, true, false, null, false, false, null, null), Cancel)).ShouldNotBeNull();
        }

        var page = await browser.PageAsync(CaseworkPaths.Case(sample.CaseNumber));
        var contents = page.QuerySelectorAll<IHtmlAnchorElement>("nav.contents a").Select(a => a.GetAttribute("href")!).ToList();
        contents.ShouldBe(["#client", "#referral", "#clocks", "#timeline", "#detention", "#assessments", "#documents", "#home-office"]);
        foreach (var href in contents)
        {
            page.QuerySelector($"section[aria-labelledby='{href[1..]}'] > h2{href}").ShouldNotBeNull(href);
        }
        page.QuerySelector($"a[href='{CaseworkPaths.AssessmentDeletion(sample.CaseNumber, sample.Assessment)}']")
            .ShouldBeNull("an assessment with its report linked cannot be deleted, so it is not offered");
        page.QuerySelector($"a[href='{CaseworkPaths.AssessmentDeletion(sample.CaseNumber, unreported)}']").ShouldNotBeNull();
    }

    [Fact]
    public async Task Forms_InvalidInput_SayWhatToFixAndWhere()
    {
        var (caseworker, browser) = await SignedInAsync(StaffRoles.Caseworker);
        var sample = await CaseworkSamples.CreateAsync(factory.Services, [caseworker.Id]);
        var casePath = CaseworkPaths.Case(sample.CaseNumber);

        var response = await browser.SubmitAsync($"{casePath}/assessments", [new("AssessedOn", "31/02/2024"), new("Clinician", "")]);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await StaffBrowser.ParseAsync(response);
        page.Title!.ShouldStartWith("Error: ");
        var summary = page.QuerySelectorAll<IHtmlAnchorElement>(".error-summary__list a").Select(a => (a.GetAttribute("href"), a.TextContent)).ToList();
        summary.ShouldContain(("#Clinician", "Enter the clinician's name"));
        summary.ShouldContain(("#AssessedOn", "Enter the day of the assessment as day/month/year, for example 14/08/2026"));
        summary.ShouldContain(("#Centre", "Choose where the person was held when assessed"));
        summary.ShouldContain(("#Torture", "Say whether the findings support the account of torture"));
        page.QuerySelector("#AssessedOn-error")!.TextContent.ShouldContain("day/month/year");
        page.QuerySelector<IHtmlInputElement>("#AssessedOn")!.Value.ShouldBe("31/02/2024", "what was typed is shown again to correct");

        var detention = await StaffBrowser.ParseAsync(await browser.SubmitAsync($"{casePath}/detention", [new("Centre", "brook-house"), new("From", "10/03/2024"), new("To", "01/03/2024")]));
        detention.QuerySelector("#To-error")!.TextContent.ShouldContain("The day they left must be the same as or after the day they arrived");
        detention.QuerySelector("#EndedBy-error")!.TextContent.ShouldContain("Choose how the stay ended");

        var future = factory.Clock.Today.AddDays(3).ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);
        var outcome = await StaffBrowser.ParseAsync(await browser.SubmitAsync($"{casePath}/outcome", [new("Outcome", "Released"), new("On", future)]));
        outcome.QuerySelector("#On-error")!.TextContent.ShouldContain("The day of the outcome must be today or in the past");
        outcome.QuerySelector("#Route-error")!.TextContent.ShouldContain("Choose how the person was released");

        var tags = await StaffBrowser.ParseAsync(await browser.SubmitAsync($"{casePath}/details", [new("Name", CaseworkSamples.PersonName), new("Tags", "Rwanda removal, =HYPERLINK(1)")]));
        tags.QuerySelector("#Tags-error")!.TextContent.ShouldContain("change \"=HYPERLINK(1)\"");
    }

    [Fact]
    public async Task Forms_EachIdIsUsedOnce_AndTheGroupsHintIsOnItsFieldset()
    {
        var (caseworker, browser) = await SignedInAsync(StaffRoles.Caseworker);
        var sample = await CaseworkSamples.CreateAsync(factory.Services, [caseworker.Id]);
        var casePath = CaseworkPaths.Case(sample.CaseNumber);

        foreach (var (form, group) in new[] { ($"{casePath}/assessments", "AdultsAtRiskLevel"), ($"{casePath}/assessments/{sample.Assessment}/findings", "Consistency") })
        {
            var page = await browser.PageAsync(form);
            page.QuerySelectorAll("[id]").Select(e => e.Id).ShouldBeUnique(form);
            page.QuerySelector($"#{group}-hint")!.ParentElement!.LocalName.ShouldBe("fieldset");
            page.QuerySelector($"#{group}")!.Closest("fieldset")!.GetAttribute("aria-describedby")!.Split(' ').ShouldContain($"{group}-hint");
            page.QuerySelectorAll($"input[name={group}]").ShouldAllBe(input => input.GetAttribute("aria-describedby") != $"{group}-hint",
                "each option is described by its own hint, never the group's");
        }
    }

    [Fact]
    public async Task HomeOfficeForm_QuestionsForSomeKindsOnly_AreMarkedToRevealAndShownWithoutJavaScript()
    {
        var (caseworker, browser) = await SignedInAsync(StaffRoles.Caseworker);
        var sample = await CaseworkSamples.CreateAsync(factory.Services, [caseworker.Id]);

        var page = await browser.PageAsync($"{CaseworkPaths.Case(sample.CaseNumber)}/home-office");

        page.QuerySelector("script[src^='/js/conditional-reveal.js']").ShouldNotBeNull("the script is a file of the site's own, as the CSP allows");
        var paragraph = page.QuerySelector("#Paragraph")!.Closest("[data-shown-when]")!;
        (paragraph.GetAttribute("data-shown-when"), paragraph.GetAttribute("data-shown-values")).ShouldBe(("Kind", "Rule35Report"));
        page.QuerySelector("#Author")!.Closest("[data-shown-when]")!.GetAttribute("data-shown-values").ShouldBe("SecondOpinionReceived");
        page.QuerySelectorAll("[data-shown-when]").ShouldAllBe(block => !block.HasAttribute("hidden"), "without JavaScript every question shows");
    }

    [Fact]
    public async Task DocumentUpload_ThePageItReturnsTo_SaysWhatWasUploaded_AndNamesTheAssessment()
    {
        var (caseworker, browser) = await SignedInAsync(StaffRoles.Caseworker);
        var sample = await CaseworkSamples.CreateAsync(factory.Services, [caseworker.Id]);
        var casePath = CaseworkPaths.Case(sample.CaseNumber);
        var form = $"{casePath}/documents?document={sample.Document}";
        var token = (await browser.PageAsync(form)).QuerySelector<IHtmlInputElement>("main form input[name=__RequestVerificationToken]")!.Value;
        using var body = new MultipartFormDataContent
        {
            { new ByteArrayContent("%PDF-1.4 synthetic report, second version"u8.ToArray()), "File", "mlr-second.pdf" },
            { new StringContent(token), "__RequestVerificationToken" },
        };

        var uploaded = await browser.Client.PostAsync(form, body, Cancel);

        uploaded.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await browser.PageAsync(StaffBrowser.PathOf(uploaded.Headers.Location));
        page.QuerySelector("#uploaded-title")!.ParentElement!.TextContent.ShouldContain("mlr-second.pdf is stored as version 2 of this medico-legal report");
        page.QuerySelector($"main a[href='{casePath}/assessments/{sample.Assessment}']")!.TextContent.ShouldBe("the assessment of 10 March 2024 by Dr R. Example");
        (await browser.PageAsync($"{casePath}/documents/{sample.Document}")).QuerySelector("#uploaded-title").ShouldBeNull("only the upload's own return says so");
    }

    [Fact]
    public async Task DocumentUpload_LargerThanTheLimit_IsSentBackToItsFormUnread_WithTheLimitInWords_HoweverTheAddressIsTyped()
    {
        var (caseworker, browser) = await SignedInAsync(StaffRoles.Caseworker);
        var sample = await CaseworkSamples.CreateAsync(factory.Services, [caseworker.Id]);
        var casePath = CaseworkPaths.Case(sample.CaseNumber);
        var limit = factory.Services.GetRequiredService<CaseworkSettings>().MaxDocumentBytes;

        // Routing reaches the form whatever the capitals, with or without a trailing slash: so does the limit.
        foreach (var form in new[] { $"{casePath}/documents", $"{casePath.ToUpperInvariant()}/Documents", $"{casePath}/documents/" })
        {
            using var body = new MultipartFormDataContent { { new ByteArrayContent(new byte[limit + Safeguard.Platform.UploadSizeLimit.FormAllowance]), "File", "report.pdf" } };
            var address = $"{form}?document={sample.Document}";

            var huge = await browser.Client.PostAsync(address, body, Cancel);

            huge.StatusCode.ShouldBe(HttpStatusCode.SeeOther, address);
            var back = StaffBrowser.PathOf(huge.Headers.Location);
            back.ShouldBe($"{address}&tooLarge=true", "the form comes back for the same document");
            (await browser.PageAsync(back)).QuerySelector(".error-summary a[href='#File']")!.TextContent
                .ShouldStartWith("The file must be smaller than 20 MB");
        }
    }

    [Fact]
    public async Task Outcome_Release_EndsTheStay_AndTheClocksStop()
    {
        var (caseworker, browser) = await SignedInAsync(StaffRoles.Caseworker);
        var sample = await CaseworkSamples.CreateAsync(factory.Services, [caseworker.Id]);
        var casePath = CaseworkPaths.Case(sample.CaseNumber);
        (await browser.SubmitAsync($"{casePath}/home-office", [new("Kind", "AdultsAtRiskDecision"), new("OccurredOn", "01/04/2024"), new("Decision", "Release")]))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await browser.SubmitAsync($"{casePath}/outcome", [new("Outcome", "Released"), new("On", "03/04/2024"), new("Route", "HomeOfficeRelease")]))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var page = await browser.PageAsync(casePath);
        string Clock(string term) => page.QuerySelectorAll("#clocks + p + dl dt").Single(dt => dt.TextContent == term).NextElementSibling!.TextContent;
        Clock("Days detained").ShouldBe("33 days", "1 March to 3 April 2024");
        Clock("Report served to Home Office decision").ShouldBe("12 days", "served 20 March, decided 1 April");
        Clock("Report served to release").ShouldBe("14 days");
        Clock("Detention ended").ShouldBe("3 April 2024");
        Clock("Claim for false imprisonment by").ShouldStartWith("3 April 2030");
        page.QuerySelector("main")!.TextContent.ShouldContain("Released by the Home Office");
    }

    [Fact]
    public async Task RawDatabase_HoldsNoPlaintextOfAnEncryptedField()
    {
        var (caseworker, browser) = await SignedInAsync(StaffRoles.Caseworker);
        const string Name = "Ottoline Brackenridge-Vasquez";
        var sample = await CaseworkSamples.CreateAsync(factory.Services, [caseworker.Id], personName: Name);
        (await browser.SubmitAsync($"{CaseworkPaths.Case(sample.CaseNumber)}/details", [new("Name", Name), new("HomeOfficeReference", "Q7654321"), new("Contact", "Room 12, telephone 07700 900123")]))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await browser.PageAsync(CaseworkPaths.Case(sample.CaseNumber))).QuerySelector("main")!.TextContent.ShouldContain(Name, Case.Sensitive, "the page decrypts it");

        string[] secrets = [Name, "Q7654321", "07700 900123", "Esperanto", "Utopian", "Linear scars", "Left forearm", "Nightmares", "Continued detention is likely",
            "thoughts of suicide", "Example Law", "referrer@example.org", "mlr-zephyrine", "synthetic report", "1990-04-01"];
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseworkDbContext>();
        var tables = db.Model.GetEntityTypes().Select(e => e.GetTableName()!).Distinct().ToList();
        tables.ShouldContain("casework_document_versions");
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(Cancel);
        var found = new List<string>();
        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM {table}";
            await using var reader = await command.ExecuteReaderAsync(Cancel);
            while (await reader.ReadAsync(Cancel))
            {
                for (var column = 0; column < reader.FieldCount; column++)
                {
                    var text = reader.IsDBNull(column) ? "" : reader.GetValue(column) switch
                    {
                        byte[] bytes => Encoding.UTF8.GetString(bytes),
                        var value => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
                    };
                    found.AddRange(secrets.Where(s => text.Contains(s, StringComparison.OrdinalIgnoreCase)).Select(s => $"{table}.{reader.GetName(column)} holds '{s}'"));
                }
            }
        }
        found.ShouldBeEmpty();
    }
}

public sealed class SqliteCaseworkHttpTests(SqlitePortalFactory factory) : CaseworkHttpTests<SqlitePortalFactory>(factory);

public sealed class PostgresCaseworkHttpTests(PostgresPortalFactory factory) : CaseworkHttpTests<PostgresPortalFactory>(factory);
