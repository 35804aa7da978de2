
namespace Safeguard.Tests.Foi;

/// <summary>
/// <c>safeguard foi ...</c> run as a person runs it (<see cref="SafeguardCommand"/>), on a data folder of its own, and on the real
/// date, which no test clock reaches; a test whose command counts to today first makes that date countable whatever
/// it is (<see cref="KnowBankHolidaysToAsync"/>).
/// </summary>
public sealed class FoiCommandLineTests : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("safeguard-foi-cli-");

    public void Dispose() => folder.Delete(recursive: true);

    private Task<(int ExitCode, string Output, string Errors)> RunAsync(params string[] arguments) => SafeguardCommand.RunAsync(Path.Combine(folder.FullName, "data"), arguments);

    /// <summary>
    /// Imports a synthetic feed for every year from the shipped feed's first to the year after <paramref name="today"/>,
    /// so that the commands can count to the real today even once it is past the shipped feed.
    /// </summary>
    private async Task KnowBankHolidaysToAsync(DateOnly today)
    {
        var feed = Path.Combine(folder.FullName, "to-today.json");
        await File.WriteAllTextAsync(feed, BankHolidayFeedTests.SyntheticFeed([.. Enumerable.Range(2024, today.Year - 2024 + 2)]), TestContext.Current.CancellationToken);
        var imported = await RunAsync("foi", "holidays", "import", feed);
        imported.ExitCode.ShouldBe(0, imported.Errors);
    }

    [Fact]
    public async Task Due_ReceivedDate_PrintsTheDeadlineInWords()
    {
        var (exitCode, output, _) = await RunAsync("foi", "due", "2025-01-02");
        exitCode.ShouldBe(0);
        output.Trim().ShouldBe("Due on Thursday 30 January 2025: the 20th working day after Thursday 2 January 2025, the day of receipt. "
            + "That day is not a working day (2nd January in Scotland), but it is still the day of receipt: day one is the next working day, Friday 3 January 2025.");
    }

    [Fact]
    public async Task Due_BadDateOrDays_ExitsOneSayingWhy()
    {
        var (exitCode, _, errors) = await RunAsync("foi", "due", "30/01/2025");
        exitCode.ShouldBe(1);
        errors.Trim().ShouldBe("error: '30/01/2025' is not a date: write it as yyyy-mm-dd, e.g. 2025-01-02.");

        (exitCode, _, errors) = await RunAsync("foi", "due", "2025-01-02", "--days", "0");
        exitCode.ShouldBe(1);
        errors.ShouldContain("--days must be a whole number of working days from 1 to 250");
    }

    [Fact]
    public async Task Due_OutsideCoveredYears_ExitsOneUntilANewerFeedIsImported()
    {
        var (exitCode, _, errors) = await RunAsync("foi", "due", "2031-01-05");
        exitCode.ShouldBe(1);
        errors.Trim().ShouldBe("error: Bank holidays are known for 2024 to 2027; 2031-01-05 is outside them: import a newer GOV.UK feed with 'foi holidays import'.");

        var broken = Path.Combine(folder.FullName, "broken.json");
        await File.WriteAllTextAsync(broken, "{\"england-and-wales\": ", TestContext.Current.CancellationToken);
        (exitCode, _, errors) = await RunAsync("foi", "holidays", "import", broken);
        exitCode.ShouldBe(1);
        errors.ShouldContain("broken.json cannot be used as a bank holidays feed:");
        errors.ShouldContain("it is not valid JSON at line 1");
        errors.ShouldContain("Nothing was imported.");

        var newer = Path.Combine(folder.FullName, "newer.json");
        await File.WriteAllTextAsync(newer, BankHolidayFeedTests.SyntheticFeed(2031), TestContext.Current.CancellationToken);
        (exitCode, var output, _) = await RunAsync("foi", "holidays", "import", newer);
        exitCode.ShouldBe(0);
        output.ShouldContain("Imported 6 bank holidays from newer.json: 6 new, 0 corrected, 0 already known.");
        output.ShouldContain("Bank holidays are now known for 2024 to 2027 and 2031 (before: 2024 to 2027).");

        (exitCode, output, _) = await RunAsync("foi", "due", "2031-01-05", "--days", "1");
        exitCode.ShouldBe(0);
        output.ShouldStartWith("Due on Monday 6 January 2031: the 1st working day after Sunday 5 January 2031");

        (exitCode, output, _) = await RunAsync("foi", "holidays", "list", "--year", "2031");
        exitCode.ShouldBe(0);
        output.ShouldContain("2031-12-25  Thursday   Christmas Day");
    }

    [Fact]
    public async Task Requests_AddRecordARefusalAndList_WithStatesComputed()
    {
        await KnowBankHolidaysToAsync(DateOnly.FromDateTime(DateTime.Now));
        var draft = await RunAsync("foi", "requests", "add", "MJ-TEST-1", "--subject", "Segregation, 2024");
        draft.ExitCode.ShouldBe(0, draft.Errors);
        draft.Output.ShouldContain("MJ-TEST-1            draft  Home Office: Segregation, 2024");

        (await RunAsync("foi", "requests", "add", "MJ-TEST-2", "--subject", "Use of force, 2024", "--sent", "2025-01-02")).ExitCode.ShouldBe(0);
        var withoutExemptions = await RunAsync("foi", "requests", "record", "MJ-TEST-2", "--outcome", "Refused", "--answered", "2025-01-28");
        withoutExemptions.ExitCode.ShouldBe(1);
        withoutExemptions.Errors.ShouldContain("error: A refusal cites the sections it relies on");

        var refused = await RunAsync("foi", "requests", "record", "MJ-TEST-2", "--outcome", "Refused", "--answered", "2025-01-28", "--exemptions", "s31, S.40(2)");
        refused.ExitCode.ShouldBe(0, refused.Errors);
        refused.Output.ShouldContain("MJ-TEST-2            refused [s.31; s.40(2)]  Home Office: Use of force, 2024");

        var unknownSection = await RunAsync("foi", "requests", "record", "MJ-TEST-2", "--exemptions", "s.99");
        unknownSection.ExitCode.ShouldBe(1);
        unknownSection.Errors.ShouldContain("'s.99' is not a section of the Act that a refusal can rely on");

        // An internal review answered must say what it decided.
        var undecided = await RunAsync("foi", "requests", "record", "MJ-TEST-2", "--review-requested", "2025-02-03", "--review-answered", "2025-02-20");
        undecided.ExitCode.ShouldBe(1);
        undecided.Errors.ShouldContain("error: Choose what the internal review decided: upheld, changed in part or overturned.");
        var upheld = await RunAsync("foi", "requests", "record", "MJ-TEST-2", "--review-requested", "2025-02-03", "--review-answered", "2025-02-20", "--review-outcome", "Upheld");
        upheld.ExitCode.ShouldBe(0, upheld.Errors);
        upheld.Output.ShouldContain("MJ-TEST-2            refused [s.31; s.40(2)]");

        var list = await RunAsync("foi", "requests", "list", "--state", "Refused");
        list.Output.ShouldContain("MJ-TEST-2");
        list.Output.ShouldNotContain("MJ-TEST-1");
    }

    [Fact]
    public async Task RemindersQueue_RequestWithoutOwner_QueuesNothing()
    {
        // Read once: a day later (midnight passing before the command reads it) the request is still overdue.
        var today = DateOnly.FromDateTime(DateTime.Now);
        await KnowBankHolidaysToAsync(today);
        var sent = today.AddDays(-40).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        (await RunAsync("foi", "requests", "add", "MJ-TEST-R", "--subject", "Use of force, 2026", "--sent", sent)).ExitCode.ShouldBe(0);
        var queued = await RunAsync("foi", "reminders", "queue");
        queued.ExitCode.ShouldBe(0, queued.Errors);
        queued.Output.ShouldContain("Queued 0 reminders in the outbox.", customMessage: "a request added on the command line has no owner to remind");
    }
}
