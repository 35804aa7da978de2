using System.Diagnostics;
using System.Text;
using Safeguard.Statistics.Importing;
using Safeguard.Statistics.Importing.Files;

namespace Safeguard.Tests.Statistics.Importing.Files;

public sealed class CsvWorkbookTests
{
    private static IWorkbook Open(byte[] content, string fileName = "people.csv", ImportLimits? limits = null) =>
        WorkbookFile.Open(fileName, content, limits ?? TestWorkbooks.Limits);

    private static IWorkbook Open(string text, string fileName = "people.csv") => Open(Encoding.UTF8.GetBytes(text), fileName);

    [Fact]
    public void Open_Csv_IsOneSheetNamedAfterTheFile()
    {
        using var workbook = Open("Area,Detentions\nNorth,12\n", "detentions-2024.csv");

        workbook.FileName.ShouldBe("detentions-2024.csv");
        workbook.SheetNames.ShouldBe(["detentions-2024"]);
        workbook.Warnings.ShouldBeEmpty();
        workbook.Rows().Select(r => r.Describe()).ShouldBe([
            "A1=Area(Text) B1=Detentions(Text)",
            "A2=North(Text) B2=12(Text)",
        ]);
    }

    [Fact]
    public void ReadRows_EmptyAndBlankFields_AreLeftOutAndEmptyRowsSkippedWithRecordNumbersKept()
    {
        using var workbook = Open("Area,,Count\n\n , ,\n#North,  ,7\r\n");

        workbook.Rows().Select(r => r.Describe()).ShouldBe([
            "A1=Area(Text) C1=Count(Text)",
            "A4=#North(Text) C4=7(Text)",
        ]);
    }

    [Fact]
    public void ReadRows_QuotedFieldWithNewline_IsOneCellAndRowsCountRecords()
    {
        using var workbook = Open("Note,Count\n\"Figures are\nprovisional, \"\"revised\"\"\",3\nLast,4\n");

        var rows = workbook.Rows();

        rows.Count.ShouldBe(3);
        rows[1].Number.ShouldBe(2);
        rows[1][1]!.Value.Text.ShouldBe("Figures are\nprovisional, \"revised\"");
        rows[1][2]!.Value.Text.ShouldBe("3");
        rows[2].Number.ShouldBe(3);
    }

    [Fact]
    public void ReadRows_Utf8WithBom_StripsTheMark()
    {
        using var workbook = Open([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("Région,Coût £\n")]);

        workbook.Rows().Single().Describe().ShouldBe("A1=Région(Text) B1=Coût £(Text)");
        workbook.Warnings.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ReadRows_Utf16WithBom_IsDecoded(bool bigEndian)
    {
        var encoding = new UnicodeEncoding(bigEndian, byteOrderMark: true);
        using var workbook = Open([.. encoding.GetPreamble(), .. encoding.GetBytes("Région,£5\nNord,7\n")]);

        workbook.Rows().Select(r => r.Describe()).ShouldBe([
            "A1=Région(Text) B1=£5(Text)",
            "A2=Nord(Text) B2=7(Text)",
        ]);
    }

    [Fact]
    public void Open_Windows1252Bytes_AreReadAsWindows1252WithAWarning()
    {
        // "Cost,£12" and "Café,3" as Excel on Windows saves them: one byte each for £ (0xA3) and é (0xE9).
        byte[] content = [.. "Cost,"u8, 0xA3, .. "12\nCaf"u8, 0xE9, .. ",3\n"u8];

        using var workbook = Open(content, "costs.csv");

        workbook.Rows().Select(r => r.Describe()).ShouldBe(["A1=Cost(Text) B1=£12(Text)", "A2=Café(Text) B2=3(Text)"]);
        var warning = workbook.Warnings.ShouldHaveSingleItem();
        warning.Severity.ShouldBe(ImportIssueSeverity.Warning);
        warning.Location.ShouldBe("costs.csv");
        warning.Message.ShouldContain("Windows-1252");
    }

    [Fact]
    public void Open_Utf8ThenAWindows1252Byte_IsRefusedNamingTheLineAndByte()
    {
        var lines = new StringBuilder("Area,Count\nRégion,1\n");
        for (var i = 3; i < 14; i++)
        {
            lines.Append("North,").Append(i).Append('\n');
        }
        byte[] content = [.. Encoding.UTF8.GetBytes(lines.ToString()), .. "Cost,"u8, 0xA3, .. "4\n"u8];

        var error = Should.Throw<ImportFileException>(() => Open(content));

        error.Message.ShouldBe(
            "people.csv line 14 is not valid UTF-8 (byte 0xA3), but earlier lines are: the file mixes encodings; save it as UTF-8");
    }

    [Fact]
    public void ReadRows_AMillionEmptyLines_YieldNothingQuickly()
    {
        var content = new byte[1_000_000];
        Array.Fill(content, (byte)'\n');
        var clock = Stopwatch.StartNew();

        using var workbook = Open(content, "empty.csv");
        var rows = workbook.Rows();

        rows.ShouldBeEmpty();
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(3));
    }

    [Fact]
    public void ReadRows_SemicolonsOnTheFirstLine_AreTheDelimiter()
    {
        using var workbook = Open("Area;Rate\nNorth;1,5\n", "rates.csv");

        workbook.Rows().Select(r => r.Describe()).ShouldBe(["A1=Area(Text) B1=Rate(Text)", "A2=North(Text) B2=1,5(Text)"]);
    }

    [Fact]
    public void ReadRows_TabsOnTheFirstLine_AreTheDelimiter()
    {
        using var workbook = Open("Area\tCount\nNorth\t1,000\n", "counts.txt");

        workbook.Rows()[1].Describe().ShouldBe("A2=North(Text) B2=1,000(Text)");
    }

    [Fact]
    public void ReadRows_MoreRowsThanTheLimit_IsRefusedNamingTheSheetAndSetting()
    {
        using var workbook = Open(Encoding.UTF8.GetBytes("a\nb\nc\nd\n"), "people.csv", new ImportLimits { MaxRows = 3 });

        var error = Should.Throw<ImportFileException>(() => workbook.Rows());

        error.Message.ShouldBe(
            "people.csv: sheet 'people' has more than 3 rows with content; the limit is the setting Safeguard:Imports:MaxRows");
    }

    [Fact]
    public void ReadRows_MoreCellsThanTheLimit_IsRefusedNamingTheSetting()
    {
        using var workbook = Open(Encoding.UTF8.GetBytes("a,b,c\nd,e,f\n"), "people.csv", new ImportLimits { MaxCells = 5 });

        var error = Should.Throw<ImportFileException>(() => workbook.Rows());

        error.Message.ShouldContain("people.csv has more than 5 non-empty cells");
        error.Message.ShouldContain("Safeguard:Imports:MaxCells");
    }

    [Fact]
    public void ReadRows_ReadTwice_GivesTheSameRowsWithinTheLimits()
    {
        using var workbook = Open(Encoding.UTF8.GetBytes("a,b\nc,d\n"), "people.csv", new ImportLimits { MaxCells = 4 });

        workbook.Rows().Count.ShouldBe(2);
        workbook.Rows().Count.ShouldBe(2);
    }

    [Fact]
    public void ReadRows_Cancelled_Stops()
    {
        using var workbook = Open("a\nb\n");
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Should.Throw<OperationCanceledException>(() => workbook.ReadRows("people", cancelled.Token).ToList());
    }

    [Fact]
    public void ReadRows_UnknownSheet_NamesTheSheetThereIs()
    {
        using var workbook = Open("a\n");

        Should.Throw<ImportFileException>(() => workbook.Rows("Sheet1")).Message.ShouldContain("'people'");
    }
}
