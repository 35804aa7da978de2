using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Safeguard.Accounts.Contracts;
using Safeguard.Casework.Cases;
using Safeguard.Casework.Documents;
using Safeguard.Casework.Referrals;
using Safeguard.Tests;

namespace Safeguard.BrowserTests;

/// <summary>
/// A referral through to release, by the people who do each part: a lawyer refers someone on the public form, a
/// supervisor triages it into a case and assigns a caseworker, who records the detention, the clinical assessment,
/// uploads the medico-legal report, records the second opinion (correcting a day typed wrong) and the release; a
/// researcher sees the case in the cohort figures, small numbers held back until they no longer reveal anyone. On the
/// way the caseworker is asked before deleting a stay, a finding and the assessment (and keeps them), cannot delete the
/// assessment once its report is uploaded, deletes a review recorded on the wrong case, and sends that deletion again
/// from a tab left open, which says the case holds no such event now. The caseworker finds the case by the Home Office
/// reference the lawyer gave, reads the lawyer's concern and contact on it, sees a second opinion never sent stop
/// waiting at the decision, and makes the evidence pack, whose PDF holds the chronology's days. Every page on the way
/// is scanned by axe and read at 320 pixels wide.
/// </summary>
public sealed class CaseworkJourneyTests(BrowserFixture fixture)
{
    private const string Cohort = "Journey cohort";

    private const string Person = "Isolde Marchbanks-Oyelaran";

    private const string HomeOfficeReference = "J7734521";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Referral_TriageAssessmentReportSecondOpinionRelease_ThenInTheCohortFigures_EveryPageAccessible()
    {
        await AddReleasedClientsAsync(5);
        var supervisor = await StaffMember.CreateAsync(fixture.Server, StaffRoles.Supervisor, "Sam Supervisor");
        var caseworker = await StaffMember.CreateAsync(fixture.Server, StaffRoles.Caseworker, "Casey Caseworker");
        var researcher = await StaffMember.CreateAsync(fixture.Server, StaffRoles.Researcher, "Robin Researcher");

        // A lawyer refers someone; the form first says what is missing, then says only what happens next.
        await using (var publicContext = await fixture.NewContextAsync())
        {
            var page = await publicContext.NewPageAsync();
            await page.GotoAsync("/refer");
            await Accessibility.AssertAccessibleAndReflowsAsync(page);
            await page.GetByRole(AriaRole.Button, new() { Name = "Send the referral" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Enter the name of the person detained");
            await Assertions.Expect(page.Locator("#Consent-error")).ToBeVisibleAsync();
            await Accessibility.AssertAccessibleAndReflowsAsync(page);
            await page.GetByLabel("A lawyer").CheckAsync();
            await page.GetByLabel("Your name").FillAsync("Ada Solicitor");
            await page.GetByLabel("E-mail address").FillAsync("ada@example.org");
            await page.GetByLabel("Their name").FillAsync(Person);
            await page.GetByLabel("Their Home Office reference (optional)").FillAsync(HomeOfficeReference);
            await page.GetByLabel("Where they are held").SelectOptionAsync(new SelectOptionValue { Label = "Brook House IRC" });
            await page.GetByLabel("What worries you about their health?").FillAsync("Scars on both arms from torture; says he cannot go on.");
            await page.GetByLabel("Urgent").CheckAsync();
            await page.GetByLabel("The person knows about this referral and agrees to it").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Send the referral" }).ClickAsync();
            await page.WaitForPageAsync("**/refer/sent");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("What happens next");
            await Assertions.Expect(page.GetByRole(AriaRole.Main)).Not.ToContainTextAsync(Person);
            await Accessibility.AssertAccessibleAndReflowsAsync(page);
        }

        // The supervisor triages it into a case, assigning the caseworker and the cohort's tag.
        string casePath;
        await using (var supervisorContext = await fixture.NewContextAsync())
        {
            var page = await supervisorContext.NewPageAsync();
            await supervisor.SignInAsync(page, fixture.Server.Clock.GetUtcNow());
            await Accessibility.AssertAccessibleAndReflowsAsync(page);
            await page.GetByRole(AriaRole.Link, new() { Name = "Referrals", Exact = true }).First.ClickAsync();
            await page.WaitForPageAsync("**/staff/referrals");
            await Accessibility.AssertAccessibleAndReflowsAsync(page);
            await page.GetByRole(AriaRole.Table, new() { Name = "Referrals waiting for triage" })
                .GetByRole(AriaRole.Link, new() { Name = $"Referral {await ReferralNumbers.ForAsync(fixture.Server, Person)}", Exact = true }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync(Person);
            await Accessibility.AssertAccessibleAndReflowsAsync(page);
            await page.GetByLabel("Accept: open a case").CheckAsync();
            await page.GetByLabel("Casey Caseworker").CheckAsync();
            await page.GetByLabel("If accepted: tags (optional)").FillAsync(Cohort);
            await page.GetByRole(AriaRole.Button, new() { Name = "Save the decision" }).ClickAsync();
            await page.WaitForPageAsync(new System.Text.RegularExpressions.Regex("/staff/cases/C-[0-9]{4}-[0-9]{5}$"));
            casePath = new Uri(page.Url).AbsolutePath;
            await Assertions.Expect(page.Locator("#supervisor-title")).ToHaveTextAsync("You are not assigned to this case");
            await Accessibility.AssertAccessibleAndReflowsAsync(page);
        }

        await using var researcherContext = await fixture.NewContextAsync();
        var figures = await researcherContext.NewPageAsync();
        await researcher.SignInAsync(figures, fixture.Server.Clock.GetUtcNow());

        // The caseworker records the case as it goes.
        await using var caseworkerContext = await fixture.NewContextAsync();
        var work = await caseworkerContext.NewPageAsync();
        await caseworker.SignInAsync(work, fixture.Server.Clock.GetUtcNow());
        await work.GetByRole(AriaRole.Link, new() { Name = "Cases", Exact = true }).First.ClickAsync();
        await work.WaitForPageAsync("**/staff/cases");
        await Accessibility.AssertAccessibleAndReflowsAsync(work);
        // Found by the Home Office reference the lawyer gave, typed as a letter would print it.
        await work.GetByLabel("Find a case").FillAsync("j773 4521");
        await work.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Assertions.Expect(work.Locator("#search-results")).ToHaveTextAsync("1 case matches your search.");
        await work.GetByRole(AriaRole.Link, new() { Name = casePath.Split('/')[^1] }).ClickAsync();
        await Assertions.Expect(work.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Case {casePath.Split('/')[^1]}");
        // The referral came with the case: the concern and the lawyer's contact are on it.
        await Assertions.Expect(work.Locator("section[aria-labelledby='referral']")).ToContainTextAsync("Scars on both arms from torture; says he cannot go on.");
        await Assertions.Expect(work.Locator("section[aria-labelledby='referral']")).ToContainTextAsync("ada@example.org");
        await Accessibility.AssertAccessibleAndReflowsAsync(work);

        // The case starts with the stay the referral named, from the day it came; the caseworker corrects it to where and
        // since when the person has in fact been held.
        await work.GetByRole(AriaRole.Table, new() { Name = "Places of detention" }).GetByRole(AriaRole.Link).First.ClickAsync();
        await Accessibility.AssertAccessibleAndReflowsAsync(work);
        await work.GetByLabel("Place of detention").SelectOptionAsync(new SelectOptionValue { Label = "Brook House IRC" });
        await work.GetByLabel("Arrived").FillAsync("01/03/2025");
        await work.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await WaitForCaseAsync(work, casePath);

        // Deleting a stay asks first, and says what changes; the caseworker keeps it.
        await AskedAndKeptAsync(work, casePath, "Delete the stay at Brook House IRC from 1 March 2025", "Delete the stay at Brook House IRC from 1 March 2025?");

        await work.GetByRole(AriaRole.Link, new() { Name = "Add a clinical assessment" }).ClickAsync();
        await work.GetByRole(AriaRole.Button, new() { Name = "Save the assessment" }).ClickAsync();
        await Assertions.Expect(work.GetByRole(AriaRole.Alert)).ToContainTextAsync("Enter the clinician");
        await Accessibility.AssertAccessibleAndReflowsAsync(work);
        await work.GetByLabel("Clinician").FillAsync("Dr Journey Example");
        await work.GetByLabel("Day of the assessment").FillAsync("10/03/2025");
        await work.GetByLabel("Where the person was held").SelectOptionAsync(new SelectOptionValue { Label = "Brook House IRC" });
        await work.GetByLabel("In person").CheckAsync();
        await work.Locator("#Interpreter").CheckAsync();
        await work.GetByLabel("Suicidal thoughts").CheckAsync();
        await work.Locator("#Torture").CheckAsync();
        await work.Locator("#Harm").CheckAsync();
        await work.GetByLabel("Level 3").CheckAsync();
        await work.GetByRole(AriaRole.Button, new() { Name = "Save the assessment" }).ClickAsync();
        await WaitForCaseAsync(work, casePath);

        await work.GetByRole(AriaRole.Link, new() { Name = "Add a physical finding" }).ClickAsync();
        await Accessibility.AssertAccessibleAndReflowsAsync(work);
        await work.GetByLabel("Where on the body").FillAsync("Left forearm");
        await work.GetByLabel("Finding", new() { Exact = true }).FillAsync("Three linear scars, 3 to 5 cm");
        await work.GetByLabel("Highly consistent with").CheckAsync();
        await work.GetByRole(AriaRole.Button, new() { Name = "Save the finding" }).ClickAsync();
        await WaitForCaseAsync(work, casePath);

        // Deletion asks first, and says what goes; the caseworker keeps the finding, and the assessment with it.
        await AskedAndKeptAsync(work, casePath, "Delete the finding at Left forearm", "Delete the physical finding “Left forearm” from the assessment of 10 March 2025?");
        await AskedAndKeptAsync(work, casePath, "Delete the assessment of 10 March 2025", "Delete the clinical assessment of 10 March 2025 by Dr Journey Example?",
            "Its physical finding is deleted with it.");

        await work.GetByRole(AriaRole.Link, new() { Name = "Upload the medico-legal report" }).ClickAsync();
        await Accessibility.AssertAccessibleAndReflowsAsync(work);
        await work.GetByLabel("File", new() { Exact = true }).SetInputFilesAsync(new FilePayload
        {
            Name = "mlr-journey.pdf",
            MimeType = "application/pdf",
            Buffer = Encoding.UTF8.GetBytes("%PDF-1.4 synthetic medico-legal report"),
        });
        await work.GetByLabel("Day it was served on the Home Office (optional)").FillAsync("20/03/2025");
        await work.GetByRole(AriaRole.Button, new() { Name = "Upload" }).ClickAsync();
        await work.WaitForPageAsync("**/documents/*");
        await Assertions.Expect(work.GetByRole(AriaRole.Table, new() { Name = "Versions" })).ToContainTextAsync("mlr-journey.pdf");
        await Assertions.Expect(work.GetByRole(AriaRole.Region, new() { Name = "Uploaded" })).ToContainTextAsync("mlr-journey.pdf is stored as version 1 of this medico-legal report");
        await Assertions.Expect(work.GetByRole(AriaRole.Link, new() { Name = "the assessment of 10 March 2025 by Dr Journey Example" })).ToBeVisibleAsync();
        await Accessibility.AssertAccessibleAndReflowsAsync(work);
        await work.GetByRole(AriaRole.Link, new() { Name = "Back to the case" }).ClickAsync();
        await WaitForCaseAsync(work, casePath);

        // With its report uploaded, the assessment cannot be deleted: the case page does not offer it, and its deletion
        // page, reached by its address, says why.
        await Assertions.Expect(work.GetByRole(AriaRole.Link, new() { Name = "Delete the assessment of 10 March 2025" })).ToHaveCountAsync(0);
        var assessmentPath = await work.GetByRole(AriaRole.Link, new() { Name = "Change the assessment of 10 March 2025" }).GetAttributeAsync("href");
        await work.GotoAsync($"{assessmentPath}/delete");
        await Assertions.Expect(work.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("The clinical assessment of 10 March 2025 by Dr Journey Example cannot be deleted");
        await Assertions.Expect(work.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        await Accessibility.AssertAccessibleAndReflowsAsync(work);
        await work.GetByRole(AriaRole.Link, new() { Name = "Back to the case" }).ClickAsync();
        await WaitForCaseAsync(work, casePath);

        // A review recorded on the wrong case is deleted; its deletion page, left open in another tab and sent again, says it is gone.
        await work.GetByRole(AriaRole.Link, new() { Name = "Record something the Home Office did" }).ClickAsync();
        await work.GetByLabel("Detention review", new() { Exact = true }).CheckAsync();
        await work.GetByLabel("Day it happened").FillAsync("18/03/2025");
        await work.GetByLabel("Detention maintained", new() { Exact = true }).CheckAsync();
        await work.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await WaitForCaseAsync(work, casePath);
        var deleteReview = work.GetByRole(AriaRole.Link, new() { Name = "Delete the detention review of 18 March 2025" });
        var leftOpen = await caseworkerContext.NewPageAsync();
        await leftOpen.GotoAsync((await deleteReview.GetAttributeAsync("href")).ShouldNotBeNull());
        await deleteReview.ClickAsync();
        await Assertions.Expect(work.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Delete the Home Office event “Detention review: detention maintained” of 18 March 2025?");
        await Accessibility.AssertAccessibleAndReflowsAsync(work);
        await work.GetByRole(AriaRole.Button, new() { Name = "Delete the Home Office event" }).ClickAsync();
        await WaitForCaseAsync(work, casePath);
        await Assertions.Expect(work.Locator("ol.timeline")).Not.ToContainTextAsync("Detention review");
        await leftOpen.GetByRole(AriaRole.Button, new() { Name = "Delete the Home Office event" }).ClickAsync();
        await Assertions.Expect(leftOpen.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("The case holds no such Home Office event now");
        await Assertions.Expect(leftOpen.GetByRole(AriaRole.Main)).ToContainTextAsync("It may have been deleted already: by you, if the button was pressed twice, or by a colleague.");
        await Accessibility.AssertAccessibleAndReflowsAsync(leftOpen);
        await leftOpen.GetByRole(AriaRole.Link, new() { Name = "Back to the case" }).ClickAsync();
        await WaitForCaseAsync(leftOpen, casePath);
        await leftOpen.CloseAsync();

        // A day typed wrong, corrected on the same form filled in again; the second opinion's wait below counts from the correction.
        await RecordHomeOfficeAsync(work, "Second opinion requested", "21/03/2025");
        await work.GetByRole(AriaRole.Link, new() { Name = "Change the second opinion requested of 21 March 2025" }).ClickAsync();
        await Assertions.Expect(work.GetByLabel("Day it happened")).ToHaveValueAsync("21/3/2025");
        await Accessibility.AssertAccessibleAndReflowsAsync(work);
        await work.GetByLabel("Day it happened").FillAsync("22/03/2025");
        await work.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await WaitForCaseAsync(work, casePath);
        await RecordHomeOfficeAsync(work, "Second opinion received", "15/04/2025", "Dr S. Contracted");
        // Another second opinion asked for and never sent: its wait runs until the Home Office decides, below.
        await RecordHomeOfficeAsync(work, "Second opinion requested", "16/04/2025");

        // Before the release, 5 of the cohort's 6 are released: the count would reveal the one who is not.
        await figures.GotoAsync("/staff/cohorts");
        await figures.GetByLabel(Cohort).CheckAsync();
        await figures.GetByRole(AriaRole.Button, new() { Name = "Show the figures" }).ClickAsync();
        await Assertions.Expect(CohortRow(figures, "All in the group")).ToContainTextAsync("6");
        await Assertions.Expect(CohortRow(figures, "Released")).ToContainTextAsync("held back so that a small group cannot be worked out from the others");
        await Accessibility.AssertAccessibleAndReflowsAsync(figures);

        await RecordHomeOfficeAsync(work, "Decision to release", "20/04/2025");
        await work.GetByRole(AriaRole.Link, new() { Name = "Record the outcome" }).ClickAsync();
        await Accessibility.AssertAccessibleAndReflowsAsync(work);
        await work.GetByLabel("Released", new() { Exact = true }).CheckAsync();
        await work.GetByLabel("Day of the outcome (not needed while still detained)").FillAsync("20/04/2025");
        await work.GetByLabel("Released by the Home Office").CheckAsync();
        await work.GetByRole(AriaRole.Button, new() { Name = "Save the outcome" }).ClickAsync();
        await WaitForCaseAsync(work, casePath);
        await Assertions.Expect(ClockOf(work, "Days detained")).ToHaveTextAsync("50 days");
        await Assertions.Expect(ClockOf(work, "Report served to Home Office decision")).ToHaveTextAsync("31 days");
        await Assertions.Expect(ClockOf(work, "Second opinion waits")).ToHaveTextAsync("24 days; 4 days");
        await Assertions.Expect(ClockOf(work, "Report served to release")).ToHaveTextAsync("31 days");
        await Assertions.Expect(ClockOf(work, "Claim for false imprisonment by")).ToHaveTextAsync("20 April 2031");
        await Assertions.Expect(work.Locator("ol.timeline")).ToContainTextAsync("Second opinion received from Dr S. Contracted");
        await Accessibility.AssertAccessibleAndReflowsAsync(work);

        // The evidence pack for the lawyer: its PDF's chronology holds the case's days, the referral's first.
        await work.GetByRole(AriaRole.Link, new() { Name = "Make an evidence pack for the client's lawyer" }).ClickAsync();
        await Assertions.Expect(work.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Evidence pack");
        await Accessibility.AssertAccessibleAndReflowsAsync(work);
        var pdf = await caseworkerContext.APIRequest.GetAsync((await work.GetByRole(AriaRole.Link, new() { Name = "Download the evidence pack as PDF" }).GetAttributeAsync("href")).ShouldNotBeNull());
        pdf.Status.ShouldBe(200);
        var pack = await PdfText.ReadAsync(await pdf.BodyAsync(), Cancel);
        var referred = fixture.Server.Clock.GetUtcNow().ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);
        foreach (var day in new[] { referred, "1 March 2025", "10 March 2025", "20 March 2025", "22 March 2025", "15 April 2025", "16 April 2025", "20 April 2025" })
        {
            pack.ShouldContain(day);
        }
        pack.ShouldContain("received from a lawyer (public form)");

        await work.GotoAsync("/staff/casework");
        await Accessibility.AssertAccessibleAndReflowsAsync(work);
        await work.GotoAsync("/staff/casework/limitation");
        await Accessibility.AssertAccessibleAndReflowsAsync(work);

        // After it, all 6 are released: the whole cohort is shown, as the charity publishes "all released".
        await figures.ReloadAsync();
        await Assertions.Expect(CohortRow(figures, "Released")).ToContainTextAsync("6");
        await Assertions.Expect(CohortRow(figures, "Released")).ToContainTextAsync("100%");
        await Accessibility.AssertAccessibleAndReflowsAsync(figures);
    }

    /// <summary>Back on the case page, at whichever section the form returned to.</summary>
    private static Task WaitForCaseAsync(IPage page, string casePath) =>
        page.WaitForPageAsync(new System.Text.RegularExpressions.Regex($"{System.Text.RegularExpressions.Regex.Escape(casePath)}(#[a-z0-9-]+)?$"));

    /// <summary>
    /// Follows the case page's <paramref name="link"/> to a deletion page, checks that it asks <paramref name="question"/>
    /// (and says <paramref name="says"/>), scans it, and keeps the record: back to the case.
    /// </summary>
    private static async Task AskedAndKeptAsync(IPage page, string casePath, string link, string question, string? says = null)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = link }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(question);
        if (says is not null)
        {
            await Assertions.Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync(says);
        }
        await Accessibility.AssertAccessibleAndReflowsAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Cancel: keep it" }).ClickAsync();
        await WaitForCaseAsync(page, casePath);
    }

    private static ILocator CohortRow(IPage page, string measure) =>
        page.GetByRole(AriaRole.Table, new() { Name = "The cohort", Exact = true }).GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = measure, Exact = true }) });

    private static ILocator ClockOf(IPage page, string term) => page.Locator($"#clocks ~ dl.summary-list dt:text-is('{term}') + dd").First;

    private static async Task RecordHomeOfficeAsync(IPage page, string what, string day, string? author = null)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "Record something the Home Office did" }).ClickAsync();
        await Accessibility.AssertAccessibleAndReflowsAsync(page);
        // The questions for some kinds only are revealed by the kind chosen (without JavaScript they all show).
        var authorField = page.GetByLabel("For a second opinion received: who wrote it");
        await Assertions.Expect(authorField).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Group, new() { Name = "For a rule 35 report: the paragraph" })).ToBeHiddenAsync();
        await page.GetByLabel(what, new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Day it happened").FillAsync(day);
        if (author is null)
        {
            await Assertions.Expect(authorField).ToBeHiddenAsync();
        }
        else
        {
            await page.GetByLabel("For a second opinion received: who wrote it").FillAsync(author);
        }
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.Locator("ol.timeline")).ToContainTextAsync(what);
    }

    /// <summary>Synthetic clients of the journey's cohort, each with a served report and released, made through the module's own services.</summary>
    private async Task AddReleasedClientsAsync(int count)
    {
        for (var i = 0; i < count; i++)
        {
            await using var scope = fixture.Server.Services.CreateAsyncScope();
            var desk = scope.ServiceProvider.GetRequiredService<ReferralDesk>();
            var referral = int.Parse(await desk.ReceiveAsync(new ReferralInput(ReferrerKind.Ngo, "Test Referrer", null, "referrer@example.org", $"Synthetic Journey Person {i}",
                null, null, null, null, "colnbrook", "Synthetic concern.", Urgency.Routine), new ReferralArrival(ReferralChannel.Letter, null, ConsentConfirmed: true), Cancel), System.Globalization.CultureInfo.InvariantCulture);
            var caseNumber = (await desk.AcceptAsync(referral, [], [Cohort], agreementConfirmedNow: false, Cancel)).ShouldNotBeNull();
            var db = scope.ServiceProvider.GetRequiredService<Safeguard.Casework.Data.CaseworkDbContext>();
            var opened = new Safeguard.Casework.Access.OpenedCase(db.Clients.Single(c => c.CaseNumber == caseNumber).Id, caseNumber, AsSupervisor: false);
            var book = scope.ServiceProvider.GetRequiredService<CaseBook>();
            await book.UploadAsync(opened, new DocumentUpload(null, DocumentKind.MedicoLegalReport, null, new DateOnly(2025, 2, 1), "report.pdf", "application/pdf", "%PDF"u8.ToArray()), Cancel);
            await book.SetOutcomeAsync(opened, new OutcomeInput(Outcome.Released, new DateOnly(2025, 3, 1), ReleaseRoute.TribunalBail), Cancel);
        }
    }
}
