using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Safeguard.Tests;

/// <summary>
/// <c>import</c>, <c>publish</c> and <c>releases</c> run one after another on one SQLite data folder, as staff would run
/// them (<see cref="SafeguardCommand"/>): messages, exit codes, and a process killed while writing leaving nothing behind.
/// </summary>
public sealed class ImportCommandLineTests : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("safeguard-import-cli-");

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public void Dispose() => folder.Delete(recursive: true);

    private ProcessStartInfo Start(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Safeguard.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["SAFEGUARD_DATA_DIR"] = folder.FullName;
        return start;
    }

    private Task<(int ExitCode, string Output, string Errors)> RunAsync(params string[] arguments) => SafeguardCommand.RunAsync(folder.FullName, arguments);

    /// <summary>Writes a file in the shape of the Home Office's people-in-detention table (synthetic figures).</summary>
    private string PeopleInDetention(string name, params string[] rows)
    {
        var path = Path.Combine(folder.FullName, name);
        File.WriteAllText(path, "Date,Year,Quarter,Nationality,Region,Sex,Age,Current place of detention,Length of detention,People\n" + string.Join('\n', rows) + "\n");
        return path;
    }

    [Fact]
    public async Task ImportPreviewPublishAndDiff_TellTheStoryOfARelease()
    {
        var file = PeopleInDetention("people_in_detention.csv",
            "2023-12-31,2023,4,Utopia,Elsewhere,Male,18 to 29,Brook House IRC,A: 3 days or less,5",
            "2023-12-31,2023,4,Arcadia,Elsewhere,Male,30 to 39,Brook House IRC,B: 4 to 7 days,7",
            "2023-12-31,2023,4,Utopia,Elsewhere,Female,18 to 29,Yarl's Wood IRC,A: 3 days or less,4");

        var offered = await RunAsync("import", file);
        offered.ExitCode.ShouldBe(0);
        offered.Output.ShouldContain("Templates that fit people_in_detention.csv: home-office-det-d02.");

        var preview = await RunAsync("import", file, "--template", "home-office-det-d02", "--release", "2024-h2", "--preview");
        preview.ExitCode.ShouldBe(0, preview.Errors);
        preview.Output.ShouldContain("3 rows, 2 figures");
        preview.Output.ShouldContain("  new      people-in-detention, brook-house, 2023-Q4: 12");
        preview.Output.ShouldContain("Preview only: nothing was written.");

        var imported = await RunAsync("import", file, "--template", "home-office-det-d02", "--release", "2024-h2", "--source", "FOI 12345");
        imported.ExitCode.ShouldBe(0, imported.Errors);
        imported.Output.ShouldContain("Imported 2 figures into draft release '2024-h2'.");
        imported.Errors.ShouldContain("Reading: 3 rows");

        // Another draft started while nothing was published, left behind once '2024-h2' is.
        (await RunAsync("import", file, "--template", "home-office-det-d02", "--release", "early")).ExitCode.ShouldBe(0);

        var published = await RunAsync("publish", "2024-h2", "--changelog", "People in detention at the end of 2023.");
        published.ExitCode.ShouldBe(0, published.Errors);
        published.Output.ShouldContain("Published release '2024-h2'");
        var early = await RunAsync("publish", "early");
        early.ExitCode.ShouldBe(1);
        early.Errors.ShouldContain("error: Release 'early' was started from no published release, but '2024-h2' has been published since, and its figures are not in this draft. Import into a new release, which starts from '2024-h2'.");

        var corrected = PeopleInDetention("people_in_detention_corrected.csv",
            "2023-12-31,2023,4,Utopia,Elsewhere,Male,18 to 29,Brook House IRC,A: 3 days or less,6",
            "2023-12-31,2023,4,Arcadia,Elsewhere,Male,30 to 39,Brook House IRC,B: 4 to 7 days,7",
            "2023-12-31,2023,4,Utopia,Elsewhere,Female,18 to 29,Yarl's Wood IRC,A: 3 days or less,4");
        (await RunAsync("import", corrected, "--template", "home-office-det-d02", "--release", "2024-h2-correction")).ExitCode.ShouldBe(0);
        var diff = await RunAsync("releases", "diff", "2024-h2", "2024-h2-correction");
        diff.ExitCode.ShouldBe(0, diff.Errors);
        diff.Output.ShouldContain("From '2024-h2' to '2024-h2-correction': 0 figures new, 1 changed, 0 removed, 1 unchanged.");
        diff.Output.ShouldContain("  changed  people-in-detention, brook-house, 2023-Q4: 12 → 13");

        // A draft started before a release was published would hide that release's figures.
        (await RunAsync("import", corrected, "--template", "home-office-det-d02", "--release", "stale")).ExitCode.ShouldBe(0);
        (await RunAsync("publish", "2024-h2-correction")).ExitCode.ShouldBe(0);
        var stale = await RunAsync("publish", "stale");
        stale.ExitCode.ShouldBe(1);
        stale.Errors.ShouldContain("error: Release 'stale' was started from '2024-h2', but '2024-h2-correction' has been published since");
        var intoStale = await RunAsync("import", file, "--template", "home-office-det-d02", "--release", "stale");
        intoStale.ExitCode.ShouldBe(1);
        intoStale.Errors.ShouldContain("people_in_detention.csv: release 'stale' was started from '2024-h2', but '2024-h2-correction' has been published since");

        var again = await RunAsync("publish", "2024-h2");
        again.ExitCode.ShouldBe(1);
        again.Errors.ShouldContain("error: Release '2024-h2' was already published");
    }

    [Fact]
    public async Task ARefusedImport_PrintsEachErrorWithItsPlace_AndExits1()
    {
        var file = PeopleInDetention("bad.csv",
            "2023-12-31,2023,4,Utopia,Elsewhere,Male,18 to 29,Atlantis IRC,A: 3 days or less,5",
            "2023-12-30,2023,4,Utopia,Elsewhere,Male,18 to 29,Brook House IRC,A: 3 days or less,5",
            "2023-12-31,2023,4,Utopia,Elsewhere,Male,18 to 29,Brook House IRC,A: 3 days or less,=SUM(J2:J3)");

        var (exitCode, _, errors) = await RunAsync("import", file, "--template", "home-office-det-d02", "--release", "bad");

        exitCode.ShouldBe(1);
        errors.ShouldContain("error: bad.csv, row 2, column H: 'Atlantis IRC' is not a known place");
        errors.ShouldContain("error: bad.csv, row 3, column A: '2023-12-30' is not the last day of a quarter");
        errors.ShouldContain("error: bad.csv, row 4, column J: '=SUM(J2:J3)' looks like a formula written as text; formulas are never evaluated");
        errors.ShouldContain("Nothing was imported: 3 errors.");
        (await RunAsync("releases", "list")).Output.ShouldNotContain("bad");
    }

    [Fact]
    public async Task AFileThatIsNotASpreadsheet_IsRefusedInWords_EvenWithoutATemplate()
    {
        var path = Path.Combine(folder.FullName, "answer.pdf");
        await File.WriteAllTextAsync(path, "%PDF-1.4 synthetic", Cancel);

        var (exitCode, _, errors) = await RunAsync("import", path);

        exitCode.ShouldBe(1);
        errors.ShouldContain("error: answer.pdf: Only CSV, XLSX and ODS files can be imported");
        errors.ShouldNotContain("   at ");
    }

    [Fact]
    public async Task ATemplateThatNoLongerFits_SaysWhichHeadingIsMissing()
    {
        var path = Path.Combine(folder.FullName, "renamed.csv");
        await File.WriteAllTextAsync(path, "Date,Year,Quarter,Centre,People\n2023-12-31,2023,4,Brook House IRC,5\n", Cancel);

        var (exitCode, _, errors) = await RunAsync("import", path, "--template", "home-office-det-d02", "--release", "renamed");

        exitCode.ShouldBe(1);
        errors.ShouldContain("error: renamed.csv, row 1: no column is headed 'Current place of detention'; the headings in row 1 are: 'Date', 'Year', 'Quarter', 'Centre', 'People'");
    }

    [Fact]
    public async Task AnImportKilledWhileWriting_LeavesNoDraftAndNoDocument()
    {
        // Enough rows, each its own figure, that writing takes several batches.
        var rows = new StringBuilder("Date,Year,Quarter,Nationality,Region,Sex,Age,Reason for leaving detention,Length of detention,Leaving\n");
        for (var i = 0; i < 60_000; i++)
        {
            rows.Append(CultureInfo.InvariantCulture, $"2023-12-31,2023,4,Country {i},Region,Male,18 to 29,Returned,A: 3 days or less,{i % 7 + 1}\n");
        }
        var path = Path.Combine(folder.FullName, "people_leaving_detention.csv");
        await File.WriteAllTextAsync(path, rows.ToString(), Cancel);
        (await RunAsync("migrate")).ExitCode.ShouldBe(0);

        using (var process = Process.Start(Start("import", path, "--template", "home-office-det-d03-detailed", "--release", "killed"))!)
        {
            _ = process.StandardOutput.ReadToEndAsync(Cancel);
            string? line;
            while ((line = await process.StandardError.ReadLineAsync(Cancel)) is not null && !line.StartsWith("Writing", StringComparison.Ordinal))
            {
            }
            line.ShouldNotBeNull("the import should report writing before it ends");
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(Cancel);
        }

        var list = await RunAsync("releases", "list");
        list.ExitCode.ShouldBe(0, list.Errors);
        list.Output.ShouldNotContain("killed");
        var retry = await RunAsync("import", path, "--template", "home-office-det-d03-detailed", "--release", "killed", "--preview");
        retry.Output.ShouldNotContain("imported before", Case.Insensitive);
    }
}
