using Safeguard.Statistics.Importing.Files;

namespace Safeguard.Tests.Statistics.Importing.Files;

public sealed class XlsxWorkbookTests
{
    private static IWorkbook Open(byte[] content, ImportLimits? limits = null) =>
        WorkbookFile.Open("detentions.xlsx", content, limits ?? TestWorkbooks.Limits);

    private static List<string> Describe(IWorkbook workbook, string? sheet = null) =>
        [.. workbook.Rows(sheet).Select(r => r.Describe())];

    [Fact]
    public void ReadRows_SharedStringsAndNumbers_AreTextAndInvariantNumbers()
    {
        var content = TestWorkbooks.Xlsx(
            """
            <x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="s"><x:v>1</x:v></x:c></x:row>
            <x:row r="2"><x:c r="A2" t="s"><x:v>2</x:v></x:c><x:c r="B2"><x:v>1340</x:v></x:c><x:c r="C2"><x:v>0.25</x:v></x:c></x:row>
            """,
            [
                "<x:si><x:t>Area</x:t></x:si>",
                "<x:si><x:t>Detentions</x:t></x:si>",
                """<x:si><x:r><x:t xml:space="preserve">North </x:t></x:r><x:r><x:rPr><x:b/></x:rPr><x:t>East</x:t></x:r><x:rPh sb="0" eb="1"><x:t>guide</x:t></x:rPh></x:si>""",
            ]);

        using var workbook = Open(content);

        Describe(workbook).ShouldBe([
            "A1=Area(Text) B1=Detentions(Text)",
            "A2=North East(Text) B2=1340(Number) C2=0.25(Number)",
        ]);
    }

    [Fact]
    public void ReadRows_DateStyledNumbers_AreIsoDatesAndOtherStylesStayNumbers()
    {
        var content = TestWorkbooks.Xlsx(
            [("Sheet1", """
                <x:row r="1">
                  <x:c r="A1" s="1"><x:v>45382</x:v></x:c>
                  <x:c r="B1" s="2"><x:v>45382.75</x:v></x:c>
                  <x:c r="C1" s="3"><x:v>1.5</x:v></x:c>
                  <x:c r="D1" s="4"><x:v>45382</x:v></x:c>
                  <x:c r="E1" s="0"><x:v>45382</x:v></x:c>
                  <x:c r="F1" s="1"><x:v>15</x:v></x:c>
                </x:row>
                """)],
            cellFormats: """<x:xf numFmtId="0"/><x:xf numFmtId="14"/><x:xf numFmtId="164"/><x:xf numFmtId="165"/><x:xf numFmtId="166"/>""",
            numberFormats: """
                <x:numFmts count="3">
                  <x:numFmt numFmtId="164" formatCode="dd/mm/yyyy\ hh:mm"/>
                  <x:numFmt numFmtId="165" formatCode="[h]:mm:ss"/>
                  <x:numFmt numFmtId="166" formatCode="&quot;day &quot;0"/>
                </x:numFmts>
                """);

        using var workbook = Open(content);

        Describe(workbook).ShouldBe([
            "A1=2024-03-31(Date) B1=2024-03-31(Date) C1=1.5(Number) D1=45382(Number) E1=45382(Number) F1=1900-01-15(Date)",
        ]);
    }

    [Fact]
    public void ReadRows_Date1904Workbook_CountsFrom1904()
    {
        var content = TestWorkbooks.Xlsx(
            [("Sheet1", """<x:row r="1"><x:c r="A1" s="1"><x:v>43920</x:v></x:c></x:row>""")],
            cellFormats: """<x:xf numFmtId="0"/><x:xf numFmtId="14"/>""",
            date1904: true);

        using var workbook = Open(content);

        Describe(workbook).ShouldBe(["A1=2024-03-31(Date)"]);
    }

    [Fact]
    public void ReadRows_FormulasWithSavedResults_AreTheResultNeverEvaluated()
    {
        var content = TestWorkbooks.Xlsx(
            """
            <x:row r="1">
              <x:c r="A1"><x:f>1+1</x:f><x:v>2</x:v></x:c>
              <x:c r="B1" t="str"><x:f>TEXT(1000,"#,##0")</x:f><x:v>1,000</x:v></x:c>
              <x:c r="C1"><x:f>1+1</x:f><x:v>5</x:v></x:c>
              <x:c r="D1" t="e"><x:f>NA()</x:f><x:v>#N/A</x:v></x:c>
            </x:row>
            """);

        using var workbook = Open(content);

        // C1's saved result is wrong on purpose: the reader reports what the file holds.
        Describe(workbook).ShouldBe(["A1=2(Number) B1=1,000(Text) C1=5(Number) D1=#N/A(Text)"]);
    }

    [Fact]
    public void ReadRows_FormulaWithoutSavedResult_IsFormulaWithoutResult()
    {
        var content = TestWorkbooks.Xlsx(
            """
            <x:row r="4">
              <x:c r="B4"><x:f>SUM(B1:B3)</x:f></x:c>
              <x:c r="C4"><x:f t="shared" ref="C4:D4" si="0">SUM(C1:C3)</x:f></x:c>
              <x:c r="D4"><x:f t="shared" si="0"/></x:c>
            </x:row>
            """);

        using var workbook = Open(content);

        Describe(workbook).ShouldBe([
            "B4==SUM(B1:B3)(FormulaWithoutResult) C4==SUM(C1:C3)(FormulaWithoutResult) D4==SUM(C1:C3)(FormulaWithoutResult)",
        ]);
    }

    [Fact]
    public void ReadRows_BooleansErrorsAndInlineStrings_AreText()
    {
        var content = TestWorkbooks.Xlsx(
            """
            <x:row r="1">
              <x:c r="A1" t="b"><x:v>1</x:v></x:c>
              <x:c r="B1" t="b"><x:v>0</x:v></x:c>
              <x:c r="C1" t="e"><x:v>#DIV/0!</x:v></x:c>
              <x:c r="D1" t="inlineStr"><x:is><x:t>Written_x000D_ inline</x:t></x:is></x:c>
              <x:c r="E1" t="inlineStr"><x:is><x:t xml:space="preserve">   </x:t></x:is></x:c>
            </x:row>
            """);

        using var workbook = Open(content);

        Describe(workbook).ShouldBe(["A1=TRUE(Text) B1=FALSE(Text) C1=#DIV/0!(Text) D1=Written\r inline(Text)"]);
    }

    [Fact]
    public void Open_SeveralSheets_AreListedInWorkbookOrderAndReadByName()
    {
        var content = TestWorkbooks.Xlsx([
            ("Notes", """<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>Source: synthetic</x:t></x:is></x:c></x:row>"""),
            ("Table 1", """<x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row>"""),
            ("Det_D02", """<x:row r="3"><x:c r="B3"><x:v>2</x:v></x:c></x:row>"""),
        ]);

        using var workbook = Open(content);

        workbook.SheetNames.ShouldBe(["Notes", "Table 1", "Det_D02"]);
        Describe(workbook, "Det_D02").ShouldBe(["B3=2(Number)"]);
        Describe(workbook, "Notes").ShouldBe(["A1=Source: synthetic(Text)"]);
        Should.Throw<ImportFileException>(() => workbook.Rows("Table 2")).Message
            .ShouldBe("detentions.xlsx has no sheet named 'Table 2'; its sheets are 'Notes', 'Table 1', 'Det_D02'");
    }

    [Fact]
    public void ReadRows_EmptyRows_AreSkippedAndRowNumbersKept()
    {
        var content = TestWorkbooks.Xlsx(
            """
            <x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row>
            <x:row r="2"/>
            <x:row r="3"><x:c r="A3" s="0"/><x:c r="B3" t="s"><x:v>0</x:v></x:c></x:row>
            <x:row r="7"><x:c r="A7"><x:v>7</x:v></x:c></x:row>
            <x:row><x:c><x:v>8</x:v></x:c></x:row>
            """,
            ["<x:si><x:t xml:space=\"preserve\"> </x:t></x:si>"]);

        using var workbook = Open(content);

        Describe(workbook).ShouldBe(["A1=1(Number)", "A7=7(Number)", "A8=8(Number)"]);
    }

    [Fact]
    public void ReadRows_CellReferences_GiveColumnsAndMissingOnesCountOn()
    {
        var content = TestWorkbooks.Xlsx(
            """<x:row r="5"><x:c r="C5"><x:v>3</x:v></x:c><x:c><x:v>4</x:v></x:c><x:c r="AA5"><x:v>27</x:v></x:c></x:row>""");

        using var workbook = Open(content);

        Describe(workbook).ShouldBe(["C5=3(Number) D5=4(Number) AA5=27(Number)"]);
    }

    [Fact]
    public void ReadRows_MoreRowsThanTheLimit_IsRefusedNamingTheSheet()
    {
        var rows = string.Concat(Enumerable.Range(1, 4).Select(i => $"<x:row r=\"{i}\"><x:c r=\"A{i}\"><x:v>{i}</x:v></x:c></x:row>"));
        using var workbook = Open(TestWorkbooks.Xlsx([("Det_D02", rows)]), new ImportLimits { MaxRows = 3 });

        var error = Should.Throw<ImportFileException>(() => workbook.Rows());

        error.Message.ShouldBe(
            "detentions.xlsx: sheet 'Det_D02' has more than 3 rows with content; the limit is the setting Safeguard:Imports:MaxRows");
    }

    [Fact]
    public void ReadRows_MoreCellsThanTheLimitAcrossSheets_IsRefused()
    {
        var row = """<x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c><x:c r="B1"><x:v>2</x:v></x:c></x:row>""";
        using var workbook = Open(TestWorkbooks.Xlsx([("One", row), ("Two", row)]), new ImportLimits { MaxCells = 3 });

        workbook.Rows("One").Count.ShouldBe(1);
        workbook.Rows("One").Count.ShouldBe(1);
        Should.Throw<ImportFileException>(() => workbook.Rows("Two")).Message.ShouldContain("Safeguard:Imports:MaxCells");
    }

    [Fact]
    public void ReadRows_CellPastColumnXfd_IsRefusedAsDamaged()
    {
        using var workbook = Open(TestWorkbooks.Xlsx("""<x:row r="2"><x:c r="XFE2"><x:v>1</x:v></x:c></x:row>"""));

        Should.Throw<ImportFileException>(() => workbook.Rows()).Message
            .ShouldStartWith("detentions.xlsx, sheet 'Sheet1', row 2 goes past column XFD");
    }

    [Fact]
    public void ReadRows_MonthHeadingsKeptAsDates_AreMonths_ButADayInThoseFormatsStaysADay()
    {
        // 45352 is 1 March 2024, 45382 is 31 March 2024: Excel keeps "Mar-24" typed as a heading on the month's first day.
        var content = TestWorkbooks.Xlsx(
            [("Sheet1", """
                <x:row r="1">
                  <x:c r="A1" s="1"><x:v>45352</x:v></x:c>
                  <x:c r="B1" s="2"><x:v>45352</x:v></x:c>
                  <x:c r="C1" s="1"><x:v>45382</x:v></x:c>
                  <x:c r="D1" s="3"><x:v>45352</x:v></x:c>
                  <x:c r="E1" s="2" t="d"><x:v>2024-04-01T00:00:00</x:v></x:c>
                </x:row>
                """)],
            cellFormats: """<x:xf numFmtId="0"/><x:xf numFmtId="17"/><x:xf numFmtId="164"/><x:xf numFmtId="14"/>""",
            numberFormats: """<x:numFmts count="1"><x:numFmt numFmtId="164" formatCode="mmmm\ yyyy"/></x:numFmts>""");

        using var workbook = Open(content);

        Describe(workbook).ShouldBe(["A1=2024-03(Month) B1=2024-03(Month) C1=2024-03-31(Date) D1=2024-03-01(Date) E1=2024-04(Month)"]);
    }

    [Theory]
    [InlineData("dd/mm/yyyy", "Date")]
    [InlineData("mmm yy", "Month")]
    [InlineData("mmmm\\ yyyy", "Month")]
    [InlineData("[$-809]d mmmm yyyy;@", "Date")]
    [InlineData("yyyy", "Date")]
    [InlineData("mmm yy h:mm", "Date")]
    [InlineData("h:mm", "None")]
    [InlineData("mm:ss", "None")]
    [InlineData("[h]:mm:ss", "None")]
    [InlineData("#,##0", "None")]
    [InlineData("0.0\"m\"", "None")]
    [InlineData("\"day\" 0", "None")]
    [InlineData("[Red]0.00", "None")]
    [InlineData("General", "None")]
    public void Shows_NumberFormat_IsADateForDayMonthOrYear_AndAMonthWithoutTheDay(string code, string shown) =>
        NumberFormat.Shows(code).ToString().ShouldBe(shown);
}
