using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Accounts.Contracts;
using Safeguard.Audit.Data;
using Safeguard.Casework;
using Safeguard.Casework.Assessments;
using Safeguard.Casework.Cases;
using Safeguard.Casework.Data;
using Safeguard.Casework.Detention;
using Safeguard.Casework.HomeOfficeEvents;
using Safeguard.Casework.Protection;
using Safeguard.Platform.Encryption;
using Safeguard.Tests.Accounts;
using Safeguard.Tests.Http;

namespace Safeguard.Tests.Casework;

/// <summary>
/// Correcting and deleting a case's assessments, physical findings and Home Office events through the real pipeline,
/// on each engine: the forms come back filled in with what was saved; a correction is validated as the first entry
/// was, stored encrypted as it was, and recorded naming the fields that changed (never their values); the clocks are
/// computed from the corrected records; deletion asks first, and only a POST with its antiforgery token deletes; a
/// record of another case, and a case the reader may not open, are the same 404.
/// </summary>
public abstract class RecordCorrectionHttpTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : PortalFactory
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private Task<(TestStaff Staff, StaffBrowser Browser)> SignedInAsync(string role) => StaffBrowser.SignedInAsync(factory, role);

    private Task<List<AuditEntry>> CaseEntriesAsync(string actor, string? caseNumber = null) => CaseworkSamples.CaseEntriesAsync(factory.Services, actor, caseNumber);

    /// <summary>Reads the casework tables in a scope of their own, as they are now.</summary>
    private async Task<T> ReadAsync<T>(Func<CaseworkDbContext, Task<T>> read)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<CaseworkDbContext>());
    }

    private string Decrypt(string? ciphertext, string purpose) =>
        factory.Services.GetRequiredService<FieldEncryption>().Decrypt(ciphertext, purpose) ?? "";

    /// <summary>
    /// Sends the form on <paramref name="path"/> as a browser would after someone changed only <paramref name="changes"/>:
    /// every other field as the page filled it in (text, the chosen radios and checkboxes, the selected option).
    /// </summary>
    private static async Task<HttpResponseMessage> ResubmitAsync(StaffBrowser browser, string path, params KeyValuePair<string, string>[] changes)
    {
        var page = await browser.PageAsync(path);
        var form = page.QuerySelectorAll<IHtmlFormElement>("main form").Single();
        var values = new List<KeyValuePair<string, string>>();
        foreach (var field in form.QuerySelectorAll("input[name], select[name], textarea[name]"))
        {
            var name = field.GetAttribute("name")!;
            var value = field switch
            {
                IHtmlInputElement { Type: "radio" or "checkbox", IsChecked: false } => null,
                IHtmlInputElement input => input.Value,
                IHtmlSelectElement select => select.Value,
                IHtmlTextAreaElement area => area.Value,
                _ => null,
            };
            if (value is not null && changes.All(c => c.Key != name))
            {
                values.Add(new(name, value));
            }
        }
        values.AddRange(changes);
        return await browser.Client.PostAsync(form.GetAttribute("action") is { Length: > 0 } action ? action : path, new FormUrlEncodedContent(values), Cancel);
    }

    private static void ShouldReturnToCase(HttpResponseMessage response, string casePath, string anchor)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        StaffBrowser.PathOf(response.Headers.Location).ShouldBe($"{casePath}#{anchor}");
    }

    private static string Checked(IDocument page, string name) =>
        string.Join(",", page.QuerySelectorAll<IHtmlInputElement>($"input[name={name}]").Where(i => i.IsChecked).Select(i => i.Value));

    [Fact]
    public async Task AssessmentForm_OfASavedAssessment_IsFilledIn_AndSavesTheCorrectionEncrypted_NamingOnlyTheFieldsChanged()
    {
        var (caseworker, browser) = await SignedInAsync(StaffRoles.Caseworker);
        var sample = await CaseworkSamples.CreateAsync(factory.Services, [caseworker.Id]);
        var casePath = CaseworkPaths.Case(sample.CaseNumber);
        var formPath = $"{casePath}/assessments/{sample.Assessment}";
        var before = await ReadAsync(db => db.Assessments.AsNoTracking().SingleAsync(a => a.Id == sample.Assessment, Cancel));

        var form = await browser.PageAsync(formPath);
        form.QuerySelector("h1")!.TextContent.ShouldBe("Change a clinical assessment");
        form.QuerySelector<IHtmlInputElement>("#Clinician")!.Value.ShouldBe("Dr R. Example");
        form.QuerySelector<IHtmlInputElement>("#AssessedOn")!.Value.ShouldBe("10/3/2024");
        form.QuerySelector<IHtmlSelectElement>("#Centre")!.Value.ShouldBe("brook-house");
        Checked(form, "Mode").ShouldBe("InPerson");
        Checked(form, "Interpreter").ShouldBe("yes");
        Checked(form, "Psychological").ShouldBe("ptsd,suicidal-thoughts");
        form.QuerySelector<IHtmlTextAreaElement>("#OtherFindings")!.Value.ShouldBe("Nightmares every night");
        Checked(form, "Torture").ShouldBe("yes");
        Checked(form, "AdultsAtRiskLevel").ShouldBe("3");
        (await browser.PageAsync(casePath)).QuerySelector($"a[href='{formPath}']").ShouldNotBeNull("the case page links to the form");

        const string Revised = "Continued detention is likely to cause serious and lasting harm.";
        ShouldReturnToCase(await ResubmitAsync(browser, formPath, new("AssessedOn", "11/03/2024"), new("Opinion", Revised), new("AdultsAtRiskLevel", "2")),
            casePath, $"assessment-{sample.Assessment}");

        var page = await browser.PageAsync(casePath);
        page.QuerySelector($"#assessment-{sample.Assessment}")!.TextContent.ShouldBe("11 March 2024: Dr R. Example");
        page.QuerySelector("main")!.TextContent.ShouldContain(Revised);
        var after = await ReadAsync(db => db.Assessments.AsNoTracking().SingleAsync(a => a.Id == sample.Assessment, Cancel));
        (after.AssessedOn, after.AdultsAtRiskLevel, after.Ptsd, after.RecordedBy).ShouldBe((new DateOnly(2024, 3, 11), (int?)2, true, before.RecordedBy));
        after.OpinionCipher.ShouldNotBeNull().ShouldNotContain("lasting");
        Decrypt(after.OpinionCipher, CaseFields.Opinion).ShouldBe(Revised, "the correction is stored encrypted for the opinion's purpose");
        after.OtherPsychologicalFindingsCipher.ShouldBe(before.OtherPsychologicalFindingsCipher, "a field left as it was keeps its ciphertext");

        var entries = await CaseEntriesAsync(caseworker.Id, sample.CaseNumber);
        entries.ShouldContain(e => e.Action == "read" && e.Detail == $"clinical assessment {sample.Assessment} form");
        entries.Where(e => e.Action == "update").Select(e => e.Detail).ShouldBe([$"clinical assessment {sample.Assessment} changed: AdultsAtRiskLevel, AssessedOn, Opinion"]);
        entries.ShouldAllBe(e => e.Detail == null || (!e.Detail.Contains("lasting", StringComparison.Ordinal) && !e.Detail.Contains("2024", StringComparison.Ordinal)));

        ShouldReturnToCase(await ResubmitAsync(browser, formPath), casePath, $"assessment-{sample.Assessment}");
        (await CaseEntriesAsync(caseworker.Id, sample.CaseNumber)).ShouldContain(e => e.Action == "update" && e.Detail == $"clinical assessment {sample.Assessment} saved without changes");
    }

    [Fact]
    public async Task FindingForm_OfASavedFinding_IsFilledIn_AndSavesANewGrade()
    {
        var (caseworker, browser) = await SignedInAsync(StaffRoles.Clinician);
        var sample = await CaseworkSamples.CreateAsync(factory.Services, [caseworker.Id]);
        var casePath = CaseworkPaths.Case(sample.CaseNumber);
        var formPath = $"{casePath}/assessments/{sample.Assessment}/findings/{sample.Finding}";
        var before = await ReadAsync(db => db.PhysicalFindings.AsNoTracking().SingleAsync(f => f.Id == sample.Finding, Cancel));
        (await browser.PageAsync(casePath)).QuerySelector($"a[href='{formPath}']").ShouldNotBeNull();

        var form = await browser.PageAsync(formPath);
        form.QuerySelector("h1")!.TextContent.ShouldBe("Change a physical finding");
        form.QuerySelector<IHtmlInputElement>("#Location")!.Value.ShouldBe("Left forearm");
        form.QuerySelector<IHtmlTextAreaElement>("#Description")!.Value.ShouldBe("Linear scars, 4 cm");
        Checked(form, "Consistency").ShouldBe("HighlyConsistentWith");

        ShouldReturnToCase(await ResubmitAsync(browser, formPath, new("Consistency", "TypicalOf"), new("Description", "Linear scars, 5 cm")), casePath, $"assessment-{sample.Assessment}");

        (await browser.PageAsync(casePath)).QuerySelector($"#findings-{sample.Assessment}")!.ParentElement!.TextContent.ShouldContain("Typical of");
        var after = await ReadAsync(db => db.PhysicalFindings.AsNoTracking().SingleAsync(f => f.Id == sample.Finding, Cancel));
        after.Consistency.ShouldBe(ConsistencyGrade.TypicalOf);
        after.LocationCipher.ShouldBe(before.LocationCipher);
        Decrypt(after.DescriptionCipher, CaseFields.FindingDescription).ShouldBe("Linear scars, 5 cm");
        (await CaseEntriesAsync(caseworker.Id, sample.CaseNumber)).Where(e => e.Action == "update").Select(e => e.Detail)
            .ShouldBe([$"physical finding {sample.Finding} of assessment {sample.Assessment} changed: Consistency, Description"]);
    }

    [Fact]
    public async Task HomeOfficeEvent_DecisionDayCorrected_TheClocksAreComputedFromTheCorrection()
    {
        var (caseworker, browser) = await SignedInAsync(StaffRoles.Caseworker);
        var sample = await CaseworkSamples.CreateAsync(factory.Services, [caseworker.Id]);
        var casePath = CaseworkPaths.Case(sample.CaseNumber);
        (await browser.SubmitAsync($"{casePath}/home-office", [new("Kind", "AdultsAtRiskDecision"), new("OccurredOn", "01/04/2024"), new("Decision", "Release")]))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var decision = await ReadAsync(db => db.HomeOfficeEvents.Where(e => e.Kind == HomeOfficeEventKind.AdultsAtRiskDecision && db.Clients.Any(c => c.Id == e.ClientId && c.CaseNumber == sample.CaseNumber))
            .Select(e => e.Id).SingleAsync(Cancel));
        async Task<string> ClockAsync() => (await browser.PageAsync(casePath)).QuerySelectorAll("#clocks + p + dl dt")
            .Single(dt => dt.TextContent == "Report served to Home Office decision").NextElementSibling!.TextContent;
        (await ClockAsync()).ShouldBe("12 days", "served 20 March, decided 1 April");

        var formPath = $"{casePath}/home-office/{decision}";
        var form = await browser.PageAsync(formPath);
        form.QuerySelector("h1")!.TextContent.ShouldBe("Change something the Home Office did");
        form.QuerySelector<IHtmlInputElement>("#OccurredOn")!.Value.ShouldBe("1/4/2024");
        (Checked(form, "Kind"), Checked(form, "Decision")).ShouldBe(("AdultsAtRiskDecision", "Release"));
        ShouldReturnToCase(await ResubmitAsync(browser, formPath, KeyValuePair.Create("OccurredOn", "05/04/2024")), casePath, "home-office");

        (await ClockAsync()).ShouldBe("16 days", "served 20 March, decided 5 April: the corrected day");
        (await CaseEntriesAsync(caseworker.Id, sample.CaseNumber)).Where(e => e.Action == "update").Select(e => e.Detail)
            .ShouldBe([$"Home Office event {decision} changed: OccurredOn"]);
    }

    [Fact]
    public async Task EditForms_InvalidInput_SayWhatToFixAndWhere_AndChangeNothing()
    {
        var (caseworker, browser) = await SignedInAsync(StaffRoles.Caseworker);
        var sample = await CaseworkSamples.CreateAsync(factory.Services, [caseworker.Id]);
        var casePath = CaseworkPaths.Case(sample.CaseNumber);
        var snapshot = await SnapshotAsync(sample);

        var assessment = await StaffBrowser.ParseAsync(await ResubmitAsync(browser, $"{casePath}/assessments/{sample.Assessment}", new("AssessedOn", "31/02/2024"), new("Clinician", "")));
        assessment.Title!.ShouldStartWith("Error: ");
        var summary = assessment.QuerySelectorAll<IHtmlAnchorElement>(".error-summary__list a").Select(a => (a.GetAttribute("href"), a.TextContent)).ToList();
        summary.ShouldBe([("#Clinician", "Enter the clinician's name"), ("#AssessedOn", "Enter the day of the assessment as day/month/year, for example 14/08/2026")]);
        assessment.QuerySelector<IHtmlInputElement>("#AssessedOn")!.Value.ShouldBe("31/02/2024", "what was typed is shown again to correct");
        assessment.QuerySelector("h1")!.TextContent.ShouldBe("Change a clinical assessment");

        var finding = await StaffBrowser.ParseAsync(await ResubmitAsync(browser, $"{casePath}/assessments/{sample.Assessment}/findings/{sample.Finding}", new("Location", " "), new("Consistency", "Certain")));
        finding.QuerySelector("#Location-error")!.TextContent.ShouldContain("Enter where on the body the finding is");
        finding.QuerySelector("#Consistency-error")!.TextContent.ShouldContain("Choose how consistent the finding is with the account given");

        var future = factory.Clock.Today.AddDays(3).ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);
        var homeOffice = await StaffBrowser.ParseAsync(await ResubmitAsync(browser, $"{casePath}/home-office/{sample.HomeOfficeEvent}", new("Kind", "Rule35Report"), new("OccurredOn", future)));
        homeOffice.QuerySelector(".error-summary a[href='#Paragraph']")!.TextContent.ShouldBe("Choose the paragraph of rule 35 the report was made under");
        homeOffice.QuerySelector("#OccurredOn-error")!.TextContent.ShouldContain("The day it happened must be today or in the past");
        homeOffice.QuerySelector<IHtmlTextAreaElement>("#Note")!.Value.ShouldBe("Review by telephone");

        (await SnapshotAsync(sample)).ShouldBe(snapshot, "nothing was saved");
        (await CaseEntriesAsync(caseworker.Id, sample.CaseNumber)).ShouldNotContain(e => e.Action != "read");
    }

    /// <summary>The sample's assessment, finding and event as stored, ciphertexts included.</summary>
    private Task<string> SnapshotAsync(SampleCase sample) => ReadAsync(async db =>
    {
        var assessment = await db.Assessments.AsNoTracking().SingleAsync(a => a.Id == sample.Assessment, Cancel);
        var finding = await db.PhysicalFindings.AsNoTracking().SingleAsync(f => f.Id == sample.Finding, Cancel);
        var homeOffice = await db.HomeOfficeEvents.AsNoTracking().SingleAsync(e => e.Id == sample.HomeOfficeEvent, Cancel);
        return string.Join("|", assessment.ClinicianName, assessment.AssessedOn, assessment.OpinionCipher, assessment.OtherPsychologicalFindingsCipher, assessment.AdultsAtRiskLevel,
            finding.LocationCipher, finding.DescriptionCipher, finding.Consistency, homeOffice.Kind, homeOffice.OccurredOn, homeOffice.Decision, homeOffice.NoteCipher);
    });

    [Fact]
    public async Task Deletion_AsksFirst_ThenDeletesOnlyOnItsPost_AndIsRecordedWithoutPersonalData()
    {
        var (caseworker, browser) = await SignedInAsync(StaffRoles.Caseworker);
        var sample = await CaseworkSamples.CreateAsync(factory.Services, [caseworker.Id]);
        var casePath = CaseworkPaths.Case(sample.CaseNumber);
        var eventDeletion = $"{casePath}/home-office/{sample.HomeOfficeEvent}/delete";
        var findingDeletion = $"{casePath}/assessments/{sample.Assessment}/findings/{sample.Finding}/delete";
        var casePage = await browser.PageAsync(casePath);
        casePage.QuerySelector($"a[href='{eventDeletion}']").ShouldNotBeNull();
        casePage.QuerySelector($"a[href='{findingDeletion}']").ShouldNotBeNull();

        var confirmation = await browser.PageAsync(eventDeletion);
        confirmation.Title.ShouldBe($"Delete a Home Office event, case {sample.CaseNumber} – Safeguard staff", "a page of the staff's, with their navigation");
        confirmation.QuerySelector("h1")!.TextContent.ShouldBe("Delete the Home Office event “Detention review: detention maintained” of 15 March 2024?");
        confirmation.QuerySelector("main")!.TextContent.ShouldContain("Its note is deleted with it.");
        confirmation.QuerySelector("main form")!.GetAttribute("method").ShouldBe("post");
        confirmation.QuerySelector("main form button")!.TextContent.ShouldBe("Delete the Home Office event");
        confirmation.QuerySelector($"main a[href='{casePath}#home-office']")!.TextContent.ShouldBe("Cancel: keep it");
        (await ReadAsync(db => db.HomeOfficeEvents.AnyAsync(e => e.Id == sample.HomeOfficeEvent, Cancel))).ShouldBeTrue("showing the question deletes nothing");
        (await browser.Client.PostAsync(eventDeletion, new FormUrlEncodedContent([]), Cancel)).StatusCode.ShouldBe(HttpStatusCode.BadRequest, "without the antiforgery token");
        (await ReadAsync(db => db.HomeOfficeEvents.AnyAsync(e => e.Id == sample.HomeOfficeEvent, Cancel))).ShouldBeTrue();

        ShouldReturnToCase(await browser.SubmitAsync(eventDeletion, []), casePath, "home-office");
        (await ReadAsync(db => db.HomeOfficeEvents.AnyAsync(e => e.Id == sample.HomeOfficeEvent, Cancel))).ShouldBeFalse();
        (await browser.PageAsync(casePath)).QuerySelector("ol.timeline")!.TextContent.ShouldNotContain("Detention review");
        await ShouldSayNoSuchRecordNowAsync(await browser.Client.GetAsync(eventDeletion, Cancel), casePath, sample.CaseNumber, "Home Office event", "home-office",
            NoSuchRecordWords.DeletionRead);

        (await browser.PageAsync(findingDeletion)).QuerySelector("h1")!.TextContent.ShouldBe("Delete the physical finding “Left forearm” from the assessment of 10 March 2024?");
        ShouldReturnToCase(await browser.SubmitAsync(findingDeletion, []), casePath, $"assessment-{sample.Assessment}");
        (await ReadAsync(db => db.PhysicalFindings.AnyAsync(f => f.Id == sample.Finding, Cancel))).ShouldBeFalse();
        (await ReadAsync(db => db.Assessments.AnyAsync(a => a.Id == sample.Assessment, Cancel))).ShouldBeTrue("the assessment stays");

        var entries = await CaseEntriesAsync(caseworker.Id, sample.CaseNumber);
        entries.Where(e => e.Action == "delete").Select(e => e.Detail).ShouldBe([
            $"physical finding {sample.Finding} of assessment {sample.Assessment} deleted",
            $"Home Office event {sample.HomeOfficeEvent} deleted: Detention review",
        ]);
        entries.ShouldContain(e => e.Action == "read" && e.Detail == $"Home Office event {sample.HomeOfficeEvent} deletion form");
        entries.ShouldAllBe(e => e.Detail == null || (!e.Detail.Contains("telephone", StringComparison.Ordinal) && !e.Detail.Contains("forearm", StringComparison.Ordinal)
            && !e.Detail.Contains("scars", StringComparison.Ordinal) && !e.Detail.Contains(CaseworkSamples.PersonName, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task AssessmentDeletion_WithAReportLinked_IsRefused_WithoutOne_TakesItsFindingsWithIt()
    {
        var (caseworker, browser) = await SignedInAsync(StaffRoles.Caseworker);
        var sample = await CaseworkSamples.CreateAsync(factory.Services, [caseworker.Id]);
        var casePath = CaseworkPaths.Case(sample.CaseNumber);

        var refusal = await browser.PageAsync($"{casePath}/assessments/{sample.Assessment}/delete");
        refusal.QuerySelector("h1")!.TextContent.ShouldBe("The clinical assessment of 10 March 2024 by Dr R. Example cannot be deleted");
        refusal.Title!.ShouldStartWith($"A clinical assessment that cannot be deleted, case {sample.CaseNumber}", Case.Sensitive, "the title says what the heading says");
        refusal.QuerySelector("main")!.TextContent.ShouldContain($"Medico-legal report {sample.Document} is linked to it");
        refusal.QuerySelector("main form").ShouldBeNull("nothing to confirm");
        var posted = await browser.PostWithTokenAsync($"{casePath}/assessments/{sample.Assessment}/delete");
        posted.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await StaffBrowser.ParseAsync(posted)).QuerySelector("h1")!.TextContent.ShouldEndWith("cannot be deleted");
        (await ReadAsync(db => db.Assessments.AnyAsync(a => a.Id == sample.Assessment, Cancel))).ShouldBeTrue();
        (await ReadAsync(db => db.PhysicalFindings.AnyAsync(f => f.Id == sample.Finding, Cancel))).ShouldBeTrue();

        var second = await AddAssessmentAsync(sample.CaseNumber, findings: 2);
        var deletion = $"{casePath}/assessments/{second}/delete";
        (await browser.PageAsync(casePath)).QuerySelector($"a[href='{deletion}']").ShouldNotBeNull();
        var confirmation = await browser.PageAsync(deletion);
        confirmation.QuerySelector("h1")!.TextContent.ShouldBe("Delete the clinical assessment of 12 March 2024 by Dr Second Example?");
        confirmation.QuerySelector("main")!.TextContent.ShouldContain("Its 2 physical findings are deleted with it.");

        ShouldReturnToCase(await browser.SubmitAsync(deletion, []), casePath, "assessments");
        (await ReadAsync(db => db.Assessments.AnyAsync(a => a.Id == second, Cancel))).ShouldBeFalse();
        (await ReadAsync(db => db.PhysicalFindings.AnyAsync(f => f.AssessmentId == second, Cancel))).ShouldBeFalse();
        (await CaseEntriesAsync(caseworker.Id, sample.CaseNumber)).Where(e => e.Action == "delete").Select(e => e.Detail)
            .ShouldBe([$"clinical assessment {second} deleted, with its 2 physical findings"]);
    }

    [Fact]
    public async Task StayDeletion_AsksFirst_SaysWhatChanges_DeletesOnlyOnItsPost_AndTheClocksCountWithoutIt()
    {
        var (caseworker, browser) = await SignedInAsync(StaffRoles.Caseworker);
        var sample = await CaseworkSamples.CreateAsync(factory.Services, [caseworker.Id]);
        var casePath = CaseworkPaths.Case(sample.CaseNumber);
        int transfer;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            transfer = (await scope.ServiceProvider.GetRequiredService<CaseBook>().SaveEpisodeAsync(await CaseworkSamples.OpenAsync(scope.ServiceProvider, sample.CaseNumber), null,
                new EpisodeInput("colnbrook", new DateOnly(2024, 2, 20), new DateOnly(2024, 2, 29), EpisodeEnd.Transfer), Cancel)).ShouldNotBeNull();
        }
        async Task<string> DetainedAsync() => (await browser.PageAsync(casePath)).QuerySelectorAll("#clocks + p + dl dt")
            .Single(dt => dt.TextContent == "Days detained").NextElementSibling!.TextContent;
        var before = await DetainedAsync();
        var deletion = $"{casePath}/detention/{transfer}/delete";
        (await browser.PageAsync(casePath)).QuerySelector($"a[href='{deletion}']").ShouldNotBeNull("the case page links each stay to its deletion");

        var confirmation = await browser.PageAsync(deletion);
        confirmation.QuerySelector("h1")!.TextContent.ShouldBe("Delete the stay at Colnbrook IRC from 20 February 2024 to 29 February 2024?");
        confirmation.QuerySelector("main")!.TextContent.ShouldContain("are worked out again from the others");
        confirmation.QuerySelector("main")!.TextContent.ShouldContain("Cohort figures by place no longer count the client at Colnbrook IRC");
        confirmation.QuerySelector("main form")!.GetAttribute("method").ShouldBe("post");
        confirmation.QuerySelector("main form button")!.TextContent.ShouldBe("Delete the stay");
        confirmation.QuerySelector($"main a[href='{casePath}#detention']")!.TextContent.ShouldBe("Cancel: keep it");
        (await browser.Client.PostAsync(deletion, new FormUrlEncodedContent([]), Cancel)).StatusCode.ShouldBe(HttpStatusCode.BadRequest, "without the antiforgery token");
        (await ReadAsync(db => db.Episodes.AnyAsync(e => e.Id == transfer, Cancel))).ShouldBeTrue("asking deletes nothing");

        ShouldReturnToCase(await browser.SubmitAsync(deletion, []), casePath, "detention");
        (await ReadAsync(db => db.Episodes.AnyAsync(e => e.Id == transfer, Cancel))).ShouldBeFalse();
        var after = await DetainedAsync();
        after.ShouldNotBe(before, "the ten days at Colnbrook no longer count");

        var last = $"{casePath}/detention/{sample.Episode}/delete";
        (await browser.PageAsync(last)).QuerySelector("main")!.TextContent.ShouldContain("It is the only stay the case holds");
        ShouldReturnToCase(await browser.SubmitAsync(last, []), casePath, "detention");
        (await DetainedAsync()).ShouldBe("No detention recorded");

        var entries = await CaseEntriesAsync(caseworker.Id, sample.CaseNumber);
        entries.Where(e => e.Action == "delete").Select(e => e.Detail).ShouldBe([$"detention episode {sample.Episode} deleted", $"detention episode {transfer} deleted"]);
        entries.ShouldContain(e => e.Action == "read" && e.Detail == $"detention episode {transfer} deletion form");
        entries.ShouldAllBe(e => e.Detail == null || (!e.Detail.Contains("Colnbrook", StringComparison.OrdinalIgnoreCase) && !e.Detail.Contains("2024", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Outcome_SetWhileAColleagueDeletesTheStayItEnds_IsSetOnTheStaysLeft()
    {
        var (caseworker, browser) = await SignedInAsync(StaffRoles.Caseworker);
        var (colleague, colleagueBrowser) = await SignedInAsync(StaffRoles.Caseworker);
        var sample = await CaseworkSamples.CreateAsync(factory.Services, [caseworker.Id, colleague.Id]);
        var casePath = CaseworkPaths.Case(sample.CaseNumber);

        var response = await DeletedMeanwhileAsync(colleagueBrowser, $"{casePath}/detention/{sample.Episode}/delete",
            () => browser.SubmitAsync($"{casePath}/outcome", [new("Outcome", "Released"), new("On", "03/04/2024"), new("Route", "HomeOfficeRelease")]));

        ShouldReturnToCase(response, casePath, "client");
        var client = await ReadAsync(db => db.Clients.AsNoTracking().SingleAsync(c => c.CaseNumber == sample.CaseNumber, Cancel));
        (client.Outcome, client.OutcomeOn).ShouldBe((Outcome.Released, (DateOnly?)new DateOnly(2024, 4, 3)));
        (await ReadAsync(db => db.Episodes.AnyAsync(e => e.Id == sample.Episode, Cancel))).ShouldBeFalse("the stay stays deleted");
        (await CaseEntriesAsync(caseworker.Id, sample.CaseNumber)).Where(e => e.Action == "update").Select(e => e.Detail).ShouldBe(["outcome set: Released"]);
    }

    /// <summary>A second assessment of the case, of 12 March 2024 by Dr Second Example, with no report linked and <paramref name="findings"/> physical findings; its id.</summary>
    private async Task<int> AddAssessmentAsync(string caseNumber, int findings)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var book = scope.ServiceProvider.GetRequiredService<CaseBook>();
        var opened = await CaseworkSamples.OpenAsync(scope.ServiceProvider, caseNumber);
        var assessment = (await book.SaveAssessmentAsync(opened, null, new AssessmentInput("Dr Second Example", new DateOnly(2024, 3, 12), "brook-house", false, AssessmentMode.Remote,
            false, true, false, null, false, false, null, null), Cancel)).ShouldNotBeNull();
        for (var i = 0; i < findings; i++)
        {
            await book.SaveFindingAsync(opened, assessment, null, new FindingInput($"Right shin {i}", "Round scar", ConsistencyGrade.ConsistentWith), Cancel);
        }
        return assessment;
    }

    /// <summary>The id of the one physical finding of assessment <paramref name="assessment"/>.</summary>
    private Task<int> OnlyFindingAsync(int assessment) => ReadAsync(db => db.PhysicalFindings.Where(f => f.AssessmentId == assessment).Select(f => f.Id).SingleAsync(Cancel));

    /// <summary>
    /// Sends <paramref name="change"/> while <paramref name="colleague"/> deletes a record through its deletion page
    /// (<paramref name="deletion"/>) between the change's reading of the record and its writing; the change's response.
    /// </summary>
    private async Task<HttpResponseMessage> DeletedMeanwhileAsync(StaffBrowser colleague, string deletion, Func<Task<HttpResponseMessage>> change)
    {
        factory.Meanwhile.BeforeNextChange(async () => (await colleague.SubmitAsync(deletion, [])).StatusCode.ShouldBe(HttpStatusCode.Redirect, $"the colleague deletes with {deletion}"));
        var response = await change();
        factory.Meanwhile.Happened.ShouldBeTrue("the deletion came between the reading and the writing");
        return response;
    }

    /// <summary>The form on deletion page <paramref name="path"/> sent twice with the same token, as a button pressed twice sends it; the two responses.</summary>
    private static async Task<(HttpResponseMessage First, HttpResponseMessage Second)> SentTwiceAsync(StaffBrowser browser, string path)
    {
        var form = (await browser.PageAsync(path)).QuerySelector<IHtmlFormElement>("main form").ShouldNotBeNull($"the form on {path}");
        var token = form.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]").ShouldNotBeNull().Value;
        Task<HttpResponseMessage> SendAsync() => browser.Client.PostAsync(path, new FormUrlEncodedContent([new("__RequestVerificationToken", token)]), Cancel);
        var first = await SendAsync();
        return (first, await SendAsync());
    }

    /// <summary>How many stays, assessments, findings, documents and Home Office events the case holds.</summary>
    private Task<string> HoldingsAsync(string caseNumber) => ReadAsync(async db =>
    {
        var client = await db.Clients.Where(c => c.CaseNumber == caseNumber).Select(c => c.Id).SingleAsync(Cancel);
        return string.Join(", ",
            await db.Episodes.CountAsync(e => e.ClientId == client, Cancel) + " stays",
            await db.Assessments.CountAsync(a => a.ClientId == client, Cancel) + " assessments",
            await db.PhysicalFindings.CountAsync(f => db.Assessments.Any(a => a.Id == f.AssessmentId && a.ClientId == client), Cancel) + " findings",
            await db.Documents.CountAsync(d => d.ClientId == client, Cancel) + " documents",
            await db.HomeOfficeEvents.CountAsync(e => e.ClientId == client, Cancel) + " Home Office events");
    });

    /// <summary>What the page for a record the case does not hold says may have become of it, and what the request did not do (null for a page only read).</summary>
    private sealed record NoSuchRecordWords(string MayHaveBeen, string? NothingDone)
    {
        /// <summary>A deletion's form sent again (the button pressed twice), or after a colleague deleted the record.</summary>
        public static NoSuchRecordWords DeletionSent { get; } = new("It may have been deleted already: by you, if the button was pressed twice, or by a colleague.", "Nothing was deleted this time.");

        /// <summary>A deletion page read once the record is gone (reloaded, or an old link).</summary>
        public static NoSuchRecordWords DeletionRead { get; } = new("It may have been deleted already: by you, or by a colleague.", null);

        /// <summary>A form sent to correct a record gone, or to add a finding to an assessment gone.</summary>
        public static NoSuchRecordWords FormSent { get; } = new("It may have been deleted: by a colleague, or by you in another tab.", "Nothing was saved.");

        /// <summary>Such a form read (opened from an old link, or in a tab left open).</summary>
        public static NoSuchRecordWords FormRead { get; } = FormSent with { NothingDone = null };

        /// <summary>A medico-legal report uploaded for an assessment gone.</summary>
        public static NoSuchRecordWords UploadSent { get; } = FormSent with { NothingDone = "The file was not uploaded." };
    }

    /// <summary>
    /// Checks <paramref name="response"/> is the page for a record the case does not hold (a <paramref name="what"/>),
    /// saying <paramref name="words"/> and leading back to <paramref name="anchor"/> of the case.
    /// </summary>
    private static async Task ShouldSayNoSuchRecordNowAsync(HttpResponseMessage response, string casePath, string caseNumber, string what, string anchor, NoSuchRecordWords words)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound, "there is no such record");
        var page = await StaffBrowser.ParseAsync(response);
        page.Title.ShouldBe($"No such {what}, case {caseNumber} – Safeguard staff", "a page of the staff's, with their navigation");
        page.QuerySelector("main .caption").ShouldNotBeNull().TextContent.ShouldBe($"Case {caseNumber}");
        page.QuerySelector("main h1").ShouldNotBeNull().TextContent.ShouldBe($"The case holds no such {what} now");
        page.QuerySelectorAll("main p").Select(p => p.TextContent).ShouldBe([
            words.MayHaveBeen,
            $"{(words.NothingDone is null ? "" : $"{words.NothingDone} ")}The case page shows what the case holds now.",
            "Back to the case",
        ]);
        page.QuerySelector("main form").ShouldBeNull("nothing to delete or save");
        page.QuerySelector($"main a[href='{casePath}#{anchor}']").ShouldNotBeNull("back to where it was on the case").TextContent.ShouldBe("Back to the case");
    }

    [Fact]
    public async Task Deletion_SentTwice_SaysTheCaseHoldsNoSuchRecordNow_DeletesNothingMore_AndIsRecordedAsRefused()
    {
        var (caseworker, browser) = await SignedInAsync(StaffRoles.Caseworker);
        var sample = await CaseworkSamples.CreateAsync(factory.Services, [caseworker.Id]);
        var casePath = CaseworkPaths.Case(sample.CaseNumber);
        var unreported = await AddAssessmentAsync(sample.CaseNumber, findings: 1);
        (string Path, string What, string Anchor)[] deletions =
        [
            ($"{casePath}/assessments/{sample.Assessment}/findings/{sample.Finding}/delete", "physical finding", $"assessment-{sample.Assessment}"),
            ($"{casePath}/home-office/{sample.HomeOfficeEvent}/delete", "Home Office event", "home-office"),
            ($"{casePath}/detention/{sample.Episode}/delete", "stay in detention", "detention"),
            ($"{casePath}/assessments/{unreported}/delete", "clinical assessment", "assessments"),
        ];

        foreach (var (path, what, anchor) in deletions)
        {
            var (first, second) = await SentTwiceAsync(browser, path);
            ShouldReturnToCase(first, casePath, anchor);
            var held = await HoldingsAsync(sample.CaseNumber);
            await ShouldSayNoSuchRecordNowAsync(second, casePath, sample.CaseNumber, what, anchor, NoSuchRecordWords.DeletionSent);
            (await HoldingsAsync(sample.CaseNumber)).ShouldBe(held, $"the second press of {path} deletes nothing");
            await ShouldSayNoSuchRecordNowAsync(await browser.Client.GetAsync(path, Cancel), casePath, sample.CaseNumber, what, anchor, NoSuchRecordWords.DeletionRead);
        }
        (await HoldingsAsync(sample.CaseNumber)).ShouldBe("0 stays, 1 assessments, 0 findings, 1 documents, 0 Home Office events", "the assessment with its report, and its report, stay");

        var entries = await CaseEntriesAsync(caseworker.Id, sample.CaseNumber);
        entries.Where(e => e.Action == "delete").Select(e => e.Detail).ShouldBe([
            $"clinical assessment {unreported} deleted, with its physical finding",
            $"detention episode {sample.Episode} deleted",
            $"Home Office event {sample.HomeOfficeEvent} deleted: Detention review",
            $"physical finding {sample.Finding} of assessment {sample.Assessment} deleted",
        ]);
        entries.Count(e => e.Action == "read" && e.Detail == "refused: no such record").ShouldBe(deletions.Length * 2, "each second press, and each page read again, refused");

        // Someone who may not open the case learns nothing from the same address: the 404 of a case that does not exist.
        var (other, stranger) = await SignedInAsync(StaffRoles.Caseworker);
        var refused = await stranger.PostWithTokenAsync(deletions[1].Path);
        var missing = await stranger.PostWithTokenAsync(deletions[1].Path.Replace(sample.CaseNumber, "C-2024-99999999", StringComparison.Ordinal));
        refused.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await refused.Content.ReadAsStringAsync(Cancel)).ShouldBe(await missing.Content.ReadAsStringAsync(Cancel));
        (await refused.Content.ReadAsStringAsync(Cancel)).ShouldNotContain("no such Home Office event");
        (await CaseEntriesAsync(other.Id, sample.CaseNumber)).Select(e => e.Detail).ShouldBe(["refused: not assigned"]);
    }

    [Fact]
    public async Task Deletion_OfARecordAColleagueDeletedAMomentBefore_SaysTheCaseHoldsNoSuchRecordNow_AndIsRecordedAsRefused()
    {
        var (caseworker, browser) = await SignedInAsync(StaffRoles.Caseworker);
        var (colleague, colleagueBrowser) = await SignedInAsync(StaffRoles.Clinician);
        var sample = await CaseworkSamples.CreateAsync(factory.Services, [caseworker.Id, colleague.Id]);
        var casePath = CaseworkPaths.Case(sample.CaseNumber);
        var deletion = $"{casePath}/home-office/{sample.HomeOfficeEvent}/delete";

        var response = await DeletedMeanwhileAsync(colleagueBrowser, deletion, () => browser.SubmitAsync(deletion, []));

        await ShouldSayNoSuchRecordNowAsync(response, casePath, sample.CaseNumber, "Home Office event", "home-office", NoSuchRecordWords.DeletionSent);
        (await HoldingsAsync(sample.CaseNumber)).ShouldBe("1 stays, 1 assessments, 1 findings, 1 documents, 0 Home Office events");
        (await CaseEntriesAsync(colleague.Id, sample.CaseNumber)).Where(e => e.Action == "delete").Select(e => e.Detail)
            .ShouldBe([$"Home Office event {sample.HomeOfficeEvent} deleted: Detention review"]);
        (await CaseEntriesAsync(caseworker.Id, sample.CaseNumber)).Where(e => e.Detail != $"Home Office event {sample.HomeOfficeEvent} deletion form").Select(e => (e.Action, e.Detail))
            .ShouldBe([("read", "refused: no such record")], "nothing the caseworker sent was written; the answer is recorded as a refusal");
    }

    [Fact]
    public async Task Deletion_ByAVolunteerAssignedToTheCase_IsNotOffered_AndItsPagesAreNotFound()
    {
        var (volunteer, browser) = await SignedInAsync(StaffRoles.Volunteer);
        var sample = await CaseworkSamples.CreateAsync(factory.Services, [volunteer.Id]);
        var casePath = CaseworkPaths.Case(sample.CaseNumber);

        var casePage = await browser.PageAsync(casePath);
        casePage.QuerySelector("main h1").ShouldNotBeNull().TextContent.ShouldBe($"Case {sample.CaseNumber}", "the volunteer opens the case assigned to them");
        casePage.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")).ShouldNotContain(href => href != null && href.EndsWith("/delete", StringComparison.Ordinal));
        string[] deletions =
        [
            $"{casePath}/assessments/{sample.Assessment}/delete",
            $"{casePath}/assessments/{sample.Assessment}/findings/{sample.Finding}/delete",
            $"{casePath}/home-office/{sample.HomeOfficeEvent}/delete",
            $"{casePath}/detention/{sample.Episode}/delete",
        ];
        foreach (var deletion in deletions)
        {
            (await browser.Client.GetAsync(deletion, Cancel)).StatusCode.ShouldBe(HttpStatusCode.NotFound, deletion);
            (await browser.PostWithTokenAsync(deletion)).StatusCode.ShouldBe(HttpStatusCode.NotFound, deletion);
        }
        (await ReadAsync(db => db.Assessments.AnyAsync(a => a.Id == sample.Assessment, Cancel))).ShouldBeTrue();
        (await ReadAsync(db => db.HomeOfficeEvents.AnyAsync(e => e.Id == sample.HomeOfficeEvent, Cancel))).ShouldBeTrue();
        (await ReadAsync(db => db.Episodes.AnyAsync(e => e.Id == sample.Episode, Cancel))).ShouldBeTrue();
    }

    [Fact]
    public async Task Correction_ThatChangesNothing_OfARecordAColleagueDeletedAMomentBefore_SaysTheCaseHoldsNoSuchRecordNow_NotRecordedAsSaved()
    {
        var (caseworker, browser) = await SignedInAsync(StaffRoles.Caseworker);
        var (colleague, colleagueBrowser) = await SignedInAsync(StaffRoles.Caseworker);
        var sample = await CaseworkSamples.CreateAsync(factory.Services, [caseworker.Id, colleague.Id]);
        var casePath = CaseworkPaths.Case(sample.CaseNumber);
        var form = $"{casePath}/home-office/{sample.HomeOfficeEvent}";

        var response = await DeletedMeanwhileAsync(colleagueBrowser, $"{form}/delete", () => ResubmitAsync(browser, form));

        await ShouldSayNoSuchRecordNowAsync(response, casePath, sample.CaseNumber, "Home Office event", "home-office", NoSuchRecordWords.FormSent);
        (await CaseEntriesAsync(caseworker.Id, sample.CaseNumber)).Select(e => (e.Action, e.Detail))
            .ShouldBe([("read", "refused: no such record"), ("read", $"Home Office event {sample.HomeOfficeEvent} form")], "not recorded as saved without changes");
    }

    [Fact]
    public async Task Correction_OfARecordAColleagueDeletedAMomentBefore_SaysTheCaseHoldsNoSuchRecordNow_AndSavesNothing()
    {
        var (caseworker, browser) = await SignedInAsync(StaffRoles.Caseworker);
        var (colleague, colleagueBrowser) = await SignedInAsync(StaffRoles.Caseworker);
        var sample = await CaseworkSamples.CreateAsync(factory.Services, [caseworker.Id, colleague.Id]);
        var casePath = CaseworkPaths.Case(sample.CaseNumber);
        var unreported = await AddAssessmentAsync(sample.CaseNumber, findings: 1);
        (string Form, KeyValuePair<string, string> Change, string What, string Anchor)[] corrections =
        [
            ($"{casePath}/home-office/{sample.HomeOfficeEvent}", new("OccurredOn", "16/03/2024"), "Home Office event", "home-office"),
            ($"{casePath}/assessments/{sample.Assessment}/findings/{sample.Finding}", new("Consistency", "TypicalOf"), "physical finding", $"assessment-{sample.Assessment}"),
            ($"{casePath}/assessments/{unreported}", new("Clinician", "Dr Corrected Example"), "clinical assessment", "assessments"),
            ($"{casePath}/detention/{sample.Episode}", new("From", "02/03/2024"), "stay in detention", "detention"),
        ];

        foreach (var (form, change, what, anchor) in corrections)
        {
            var response = await DeletedMeanwhileAsync(colleagueBrowser, $"{form}/delete", () => ResubmitAsync(browser, form, change));

            await ShouldSayNoSuchRecordNowAsync(response, casePath, sample.CaseNumber, what, anchor, NoSuchRecordWords.FormSent);
            await ShouldSayNoSuchRecordNowAsync(await browser.Client.GetAsync(form, Cancel), casePath, sample.CaseNumber, what, anchor, NoSuchRecordWords.FormRead);
        }
        (await ReadAsync(db => db.HomeOfficeEvents.AnyAsync(e => e.Id == sample.HomeOfficeEvent, Cancel))).ShouldBeFalse();
        (await ReadAsync(db => db.PhysicalFindings.AnyAsync(f => f.Id == sample.Finding, Cancel))).ShouldBeFalse();
        (await ReadAsync(db => db.Assessments.AnyAsync(a => a.Id == unreported, Cancel))).ShouldBeFalse();
        (await ReadAsync(db => db.Episodes.AnyAsync(e => e.Id == sample.Episode, Cancel))).ShouldBeFalse();

        // A finding, or a report, added to an assessment deleted meanwhile: their keys to it refuse them.
        var findingUnder = await AddAssessmentAsync(sample.CaseNumber, findings: 0);
        var addFinding = $"{casePath}/assessments/{findingUnder}/findings";
        await ShouldSayNoSuchRecordNowAsync(await DeletedMeanwhileAsync(colleagueBrowser, $"{casePath}/assessments/{findingUnder}/delete", () => browser.SubmitAsync(addFinding,
            [new("Location", "Right shin"), new("Description", "Round scar"), new("Consistency", "ConsistentWith")])), casePath, sample.CaseNumber, "clinical assessment", "assessments",
            NoSuchRecordWords.FormSent);
        await ShouldSayNoSuchRecordNowAsync(await browser.Client.GetAsync(addFinding, Cancel), casePath, sample.CaseNumber, "clinical assessment", "assessments", NoSuchRecordWords.FormRead);
        var reportOn = await AddAssessmentAsync(sample.CaseNumber, findings: 0);
        var upload = $"{casePath}/documents?assessment={reportOn}";
        var token = (await browser.PageAsync(upload)).QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]").ShouldNotBeNull().Value;
        using var report = new MultipartFormDataContent
        {
            { new ByteArrayContent("%PDF-1.4 synthetic report"u8.ToArray()), "File", "mlr-second.pdf" },
            { new StringContent("MedicoLegalReport"), "Kind" },
            { new StringContent(token), "__RequestVerificationToken" },
        };
        await ShouldSayNoSuchRecordNowAsync(await DeletedMeanwhileAsync(colleagueBrowser, $"{casePath}/assessments/{reportOn}/delete", () => browser.Client.PostAsync(upload, report, Cancel)),
            casePath, sample.CaseNumber, "clinical assessment", "assessments", NoSuchRecordWords.UploadSent);
        await ShouldSayNoSuchRecordNowAsync(await browser.Client.GetAsync(upload, Cancel), casePath, sample.CaseNumber, "clinical assessment", "assessments", NoSuchRecordWords.FormRead);
        (await ReadAsync(db => db.PhysicalFindings.AnyAsync(f => f.AssessmentId == findingUnder, Cancel))).ShouldBeFalse();
        (await ReadAsync(db => db.Documents.CountAsync(d => db.Clients.Any(c => c.Id == d.ClientId && c.CaseNumber == sample.CaseNumber), Cancel))).ShouldBe(1, "the sample's report alone");

        var entries = await CaseEntriesAsync(caseworker.Id, sample.CaseNumber);
        entries.ShouldAllBe(e => e.Action == "read", "nothing the caseworker sent was written, nor recorded as written");
        entries.Count(e => e.Detail == "refused: no such record").ShouldBe((corrections.Length + 2) * 2, "each answer, sent or read, recorded as a refusal");
        (await CaseEntriesAsync(colleague.Id, sample.CaseNumber)).Where(e => e.Action == "delete").Select(e => e.Detail).ShouldBe([
            $"clinical assessment {reportOn} deleted, with no physical findings",
            $"clinical assessment {findingUnder} deleted, with no physical findings",
            $"detention episode {sample.Episode} deleted",
            $"clinical assessment {unreported} deleted, with its physical finding",
            $"physical finding {sample.Finding} of assessment {sample.Assessment} deleted",
            $"Home Office event {sample.HomeOfficeEvent} deleted: Detention review",
        ]);
    }

    [Fact]
    public async Task Finding_WhoseAssessmentWasDeletedToo_LeadsBackToTheAssessments_WhereItsAssessmentNoLongerIs()
    {
        var (caseworker, browser) = await SignedInAsync(StaffRoles.Caseworker);
        var (colleague, colleagueBrowser) = await SignedInAsync(StaffRoles.Clinician);
        var sample = await CaseworkSamples.CreateAsync(factory.Services, [caseworker.Id, colleague.Id]);
        var casePath = CaseworkPaths.Case(sample.CaseNumber);
        var assessment = await AddAssessmentAsync(sample.CaseNumber, findings: 1);
        var finding = await OnlyFindingAsync(assessment);
        var form = $"{casePath}/assessments/{assessment}/findings/{finding}";
        var deletion = CaseworkPaths.FindingDeletion(sample.CaseNumber, assessment, finding);
        (await browser.PageAsync(casePath)).GetElementById($"assessment-{assessment}").ShouldNotBeNull("the assessment's place on the case page, while it is there");

        // The colleague deletes the assessment, and its finding with it, as the caseworker corrects the finding.
        var corrected = await DeletedMeanwhileAsync(colleagueBrowser, CaseworkPaths.AssessmentDeletion(sample.CaseNumber, assessment),
            () => ResubmitAsync(browser, form, KeyValuePair.Create("Consistency", "TypicalOf")));

        await ShouldSayNoSuchRecordNowAsync(corrected, casePath, sample.CaseNumber, "physical finding", "assessments", NoSuchRecordWords.FormSent);
        await ShouldSayNoSuchRecordNowAsync(await browser.Client.GetAsync(form, Cancel), casePath, sample.CaseNumber, "physical finding", "assessments", NoSuchRecordWords.FormRead);
        await ShouldSayNoSuchRecordNowAsync(await browser.PostWithTokenAsync(form, new("Location", "Left shin"), new("Description", "Round scar"), new("Consistency", "TypicalOf")),
            casePath, sample.CaseNumber, "physical finding", "assessments", NoSuchRecordWords.FormSent);
        await ShouldSayNoSuchRecordNowAsync(await browser.Client.GetAsync(deletion, Cancel), casePath, sample.CaseNumber, "physical finding", "assessments", NoSuchRecordWords.DeletionRead);
        await ShouldSayNoSuchRecordNowAsync(await browser.PostWithTokenAsync(deletion), casePath, sample.CaseNumber, "physical finding", "assessments", NoSuchRecordWords.DeletionSent);
        var casePage = await browser.PageAsync(casePath);
        casePage.GetElementById($"assessment-{assessment}").ShouldBeNull("its place went with it");
        casePage.GetElementById("assessments").ShouldNotBeNull("the section the pages lead back to, there on every case page").TextContent.ShouldBe("Clinical assessments");

        (await HoldingsAsync(sample.CaseNumber)).ShouldBe("1 stays, 1 assessments, 1 findings, 1 documents, 1 Home Office events", "the sample's own, and nothing the caseworker sent");
        var entries = await CaseEntriesAsync(caseworker.Id, sample.CaseNumber);
        entries.ShouldAllBe(e => e.Action == "read");
        entries.Count(e => e.Detail == "refused: no such record").ShouldBe(5);
    }

    [Fact]
    public async Task NoSuchRecordPages_ReaderWhoMayNotOpenTheCase_GetThePlainNotFoundOfACaseThatDoesNotExist()
    {
        var (assigned, browser) = await SignedInAsync(StaffRoles.Caseworker);
        var sample = await CaseworkSamples.CreateAsync(factory.Services, [assigned.Id]);
        var casePath = CaseworkPaths.Case(sample.CaseNumber);
        var assessment = await AddAssessmentAsync(sample.CaseNumber, findings: 1);
        var finding = await OnlyFindingAsync(assessment);
        foreach (var deletion in new[] { $"home-office/{sample.HomeOfficeEvent}/delete", $"detention/{sample.Episode}/delete", $"assessments/{assessment}/delete" })
        {
            (await browser.SubmitAsync($"{casePath}/{deletion}", [])).StatusCode.ShouldBe(HttpStatusCode.Redirect, deletion);
        }
        string[] pages =
        [
            $"home-office/{sample.HomeOfficeEvent}", $"home-office/{sample.HomeOfficeEvent}/delete", $"detention/{sample.Episode}", $"detention/{sample.Episode}/delete",
            $"assessments/{assessment}", $"assessments/{assessment}/delete", $"assessments/{assessment}/findings", $"assessments/{assessment}/findings/{finding}",
            $"assessments/{assessment}/findings/{finding}/delete", $"documents?assessment={assessment}",
        ];
        foreach (var page in pages)
        {
            var told = await StaffBrowser.ParseAsync(await browser.Client.GetAsync($"{casePath}/{page}", Cancel));
            told.QuerySelector("main h1").ShouldNotBeNull(page).TextContent.ShouldStartWith("The case holds no such", customMessage: $"the assigned caseworker is told, at {page}");
        }

        var (other, stranger) = await SignedInAsync(StaffRoles.Caseworker);
        KeyValuePair<string, string>[] typed = [new("OccurredOn", "02/04/2024"), new("Kind", "ReleaseDecision"), new("Location", "Left shin"), new("Description", "Round scar")];
        foreach (var page in pages)
        {
            var refused = await stranger.Client.GetAsync($"{casePath}/{page}", Cancel);
            var missing = await stranger.Client.GetAsync($"{CaseworkPaths.Case("C-2024-99999999")}/{page}", Cancel);
            refused.StatusCode.ShouldBe(HttpStatusCode.NotFound, page);
            (await refused.Content.ReadAsStringAsync(Cancel)).ShouldBe(await missing.Content.ReadAsStringAsync(Cancel), page);
            (await refused.Content.ReadAsStringAsync(Cancel)).ShouldNotContain("no such", Case.Insensitive, page);
            var refusedPost = await stranger.PostWithTokenAsync($"{casePath}/{page}", typed);
            var missingPost = await stranger.PostWithTokenAsync($"{CaseworkPaths.Case("C-2024-99999999")}/{page}", typed);
            refusedPost.StatusCode.ShouldBe(HttpStatusCode.NotFound, $"POST {page}");
            (await refusedPost.Content.ReadAsStringAsync(Cancel)).ShouldBe(await missingPost.Content.ReadAsStringAsync(Cancel), $"POST {page}");
        }
        (await CaseEntriesAsync(other.Id, sample.CaseNumber)).Select(e => e.Detail).ShouldBe(Enumerable.Repeat("refused: not assigned", pages.Length * 2));
    }

    [Fact]
    public async Task RecordOfAnotherCase_ThroughThisCasesAddresses_IsNotFound_AndNothingChanges()
    {
        var (caseworker, browser) = await SignedInAsync(StaffRoles.Caseworker);
        var first = await CaseworkSamples.CreateAsync(factory.Services, [caseworker.Id]);
        var second = await CaseworkSamples.CreateAsync(factory.Services, [caseworker.Id], personName: "Alberic Synthetic-Testperson");
        var snapshot = await SnapshotAsync(first);
        var through = CaseworkPaths.Case(second.CaseNumber);
        string[] addresses =
        [
            $"{through}/home-office/{first.HomeOfficeEvent}", $"{through}/home-office/{first.HomeOfficeEvent}/delete",
            $"{through}/detention/{first.Episode}", $"{through}/detention/{first.Episode}/delete",
            $"{through}/assessments/{first.Assessment}", $"{through}/assessments/{first.Assessment}/delete",
            $"{through}/assessments/{first.Assessment}/findings", $"{through}/assessments/{first.Assessment}/findings/{first.Finding}",
            $"{through}/assessments/{first.Assessment}/findings/{first.Finding}/delete",
            // The first case's finding under the second case's own assessment.
            $"{through}/assessments/{second.Assessment}/findings/{first.Finding}", $"{through}/assessments/{second.Assessment}/findings/{first.Finding}/delete",
        ];
        foreach (var address in addresses)
        {
            (await browser.Client.GetAsync(address, Cancel)).StatusCode.ShouldBe(HttpStatusCode.NotFound, $"GET {address}");
            (await browser.PostWithTokenAsync(address, new("Kind", "ReleaseDecision"), new("OccurredOn", "02/04/2024"), new("Location", "Elsewhere"), new("Description", "Changed"),
                new("Consistency", "DiagnosticOf"))).StatusCode.ShouldBe(HttpStatusCode.NotFound, $"POST {address}");
        }
        var assessment = new KeyValuePair<string, string>[]
        {
            new("Clinician", "Dr Wrong Case"), new("AssessedOn", "01/04/2024"), new("Centre", "brook-house"), new("Mode", "Remote"), new("Interpreter", "no"),
            new("Torture", "no"), new("Harm", "no"), new("AdultsAtRiskLevel", "none"),
        };
        (await browser.PostWithTokenAsync($"{through}/assessments/{first.Assessment}", assessment)).StatusCode.ShouldBe(HttpStatusCode.NotFound, "a valid assessment, for the wrong case");

        (await SnapshotAsync(first)).ShouldBe(snapshot);
        (await CaseEntriesAsync(caseworker.Id, first.CaseNumber)).ShouldBeEmpty("nothing of the first case was read or changed");
        var refusals = await CaseEntriesAsync(caseworker.Id, second.CaseNumber);
        refusals.ShouldAllBe(e => e.Action == "read" && e.Detail == "refused: no such record");
        refusals.Count.ShouldBe(addresses.Length * 2 + 1, "each GET and POST refused, and recorded");
    }

    [Fact]
    public async Task EditAndDeletionPages_UnassignedCaseworker_GetTheSameNotFoundAsAMissingCase()
    {
        var (assigned, _) = await SignedInAsync(StaffRoles.Caseworker);
        var sample = await CaseworkSamples.CreateAsync(factory.Services, [assigned.Id]);
        var snapshot = await SnapshotAsync(sample);
        var (other, browser) = await SignedInAsync(StaffRoles.Caseworker);
        string[] pages =
        [
            $"assessments/{sample.Assessment}", $"assessments/{sample.Assessment}/delete", $"assessments/{sample.Assessment}/findings/{sample.Finding}",
            $"assessments/{sample.Assessment}/findings/{sample.Finding}/delete", $"home-office/{sample.HomeOfficeEvent}", $"home-office/{sample.HomeOfficeEvent}/delete",
            $"detention/{sample.Episode}", $"detention/{sample.Episode}/delete",
        ];
        foreach (var page in pages)
        {
            var refused = await browser.Client.GetAsync($"{CaseworkPaths.Case(sample.CaseNumber)}/{page}", Cancel);
            var missing = await browser.Client.GetAsync($"{CaseworkPaths.Case("C-2024-99999999")}/{page}", Cancel);
            refused.StatusCode.ShouldBe(HttpStatusCode.NotFound, page);
            (await refused.Content.ReadAsStringAsync(Cancel)).ShouldBe(await missing.Content.ReadAsStringAsync(Cancel), page);
            (await browser.PostWithTokenAsync($"{CaseworkPaths.Case(sample.CaseNumber)}/{page}", new("OccurredOn", "02/04/2024"), new("Kind", "ReleaseDecision")))
                .StatusCode.ShouldBe(HttpStatusCode.NotFound, $"POST {page}");
        }
        (await SnapshotAsync(sample)).ShouldBe(snapshot);
        var refusals = await CaseEntriesAsync(other.Id, sample.CaseNumber);
        refusals.ShouldAllBe(e => e.Action == "read" && e.Detail == "refused: not assigned");
        refusals.Count.ShouldBe(pages.Length * 2, "the GET and the POST of every page, each refused and recorded");
    }

    [Fact]
    public async Task CorrectionAndDeletion_BySupervisorNotAssigned_AreRecordedAsASupervisors()
    {
        var sample = await CaseworkSamples.CreateAsync(factory.Services, []);
        var (supervisor, browser) = await SignedInAsync(StaffRoles.Supervisor);
        var casePath = CaseworkPaths.Case(sample.CaseNumber);

        ShouldReturnToCase(await ResubmitAsync(browser, $"{casePath}/home-office/{sample.HomeOfficeEvent}", KeyValuePair.Create("Decision", "Release")), casePath, "home-office");
        ShouldReturnToCase(await browser.SubmitAsync($"{casePath}/home-office/{sample.HomeOfficeEvent}/delete", []), casePath, "home-office");

        (await CaseEntriesAsync(supervisor.Id, sample.CaseNumber)).Where(e => e.Action != "read").Select(e => (e.Action, e.Detail)).ShouldBe([
            ("delete", $"Home Office event {sample.HomeOfficeEvent} deleted: Detention review; supervisor, not assigned"),
            ("update", $"Home Office event {sample.HomeOfficeEvent} changed: Decision; supervisor, not assigned"),
        ]);
    }
}

public sealed class SqliteRecordCorrectionHttpTests(SqlitePortalFactory factory) : RecordCorrectionHttpTests<SqlitePortalFactory>(factory);

public sealed class PostgresRecordCorrectionHttpTests(PostgresPortalFactory factory) : RecordCorrectionHttpTests<PostgresPortalFactory>(factory);
