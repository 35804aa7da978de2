using System.Diagnostics;
using Safeguard.Statistics.Importing.Files;

namespace Safeguard.Tests.Statistics.Importing.Files;

public sealed class OdsWorkbookTests
{
    private static IWorkbook Open(string tables, ImportLimits? limits = null) =>
        WorkbookFile.Open("detentions.ods", TestWorkbooks.Ods(tables), limits ?? TestWorkbooks.Limits);

    private static List<string> Describe(IWorkbook workbook, string? sheet = null) =>
        [.. workbook.Rows(sheet).Select(r => r.Describe())];

    [Fact]
    public void ReadRows_FloatsDatesStringsAndBooleans_AreReadByValueType()
    {
        using var workbook = Open(
            """
            <table:table table:name="Det_D02">
              <table:table-column table:number-columns-repeated="4"/>
              <table:table-row>
                <table:table-cell office:value-type="string"><text:p>Area</text:p></table:table-cell>
                <table:table-cell office:value-type="float" office:value="1340"><text:p>1,340</text:p></table:table-cell>
                <table:table-cell office:value-type="percentage" office:value="0.25"><text:p>25%</text:p></table:table-cell>
                <table:table-cell office:value-type="date" office:date-value="2024-03-31T00:00:00"><text:p>31/03/24</text:p></table:table-cell>
                <table:table-cell office:value-type="boolean" office:boolean-value="true"><text:p>TRUE</text:p></table:table-cell>
                <table:table-cell office:value-type="currency" office:currency="GBP" office:value="12.5"><text:p>£12.50</text:p></table:table-cell>
              </table:table-row>
            </table:table>
            """);

        workbook.SheetNames.ShouldBe(["Det_D02"]);
        Describe(workbook).ShouldBe([
            "A1=Area(Text) B1=1340(Number) C1=0.25(Number) D1=2024-03-31(Date) E1=TRUE(Text) F1=12.5(Number)",
        ]);
    }

    [Fact]
    public void ReadRows_StringParagraphs_AreJoinedWithSpacesTabsBreaksAndSpans()
    {
        using var workbook = Open(
            """
            <table:table table:name="Notes">
              <table:table-row>
                <table:table-cell office:value-type="string">
                  <text:p>Figures<text:s text:c="2"/>are <text:span>provisional</text:span><text:tab/>see <text:a xlink:href="https://example.org" xmlns:xlink="http://www.w3.org/1999/xlink">notes</text:a></text:p>
                  <text:p>Second<text:line-break/>line</text:p>
                  <office:annotation><dc:creator>Reviewer</dc:creator><text:p>A comment, not the value</text:p></office:annotation>
                </table:table-cell>
              </table:table-row>
            </table:table>
            """);

        workbook.Rows().Single()[1]!.Value.Text.ShouldBe("Figures  are provisional\tsee notes\nSecond\nline");
    }

    [Fact]
    public void ReadRows_RepeatedRowsAndColumns_AreExpandedWhenTheyHaveContent()
    {
        using var workbook = Open(
            """
            <table:table table:name="Sheet1">
              <table:table-row table:number-rows-repeated="2">
                <table:table-cell table:number-columns-repeated="2"/>
                <table:table-cell office:value-type="float" office:value="0" table:number-columns-repeated="2"><text:p>0</text:p></table:table-cell>
              </table:table-row>
              <table:table-row table:number-rows-repeated="3"><table:table-cell/></table:table-row>
              <table:table-row>
                <table:table-cell office:value-type="string" table:number-columns-spanned="2"><text:p>Merged</text:p></table:table-cell>
                <table:covered-table-cell/>
                <table:table-cell office:value-type="float" office:value="9"><text:p>9</text:p></table:table-cell>
              </table:table-row>
            </table:table>
            """);

        Describe(workbook).ShouldBe([
            "C1=0(Number) D1=0(Number)",
            "C2=0(Number) D2=0(Number)",
            "A6=Merged(Text) C6=9(Number)",
        ]);
    }

    [Fact]
    public void ReadRows_AWholeSheetOfEmptyRepeats_IsSkippedQuickly()
    {
        var clock = Stopwatch.StartNew();
        using var workbook = Open(
            """
            <table:table table:name="Sheet1">
              <table:table-column table:number-columns-repeated="16384"/>
              <table:table-row>
                <table:table-cell office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell>
                <table:table-cell table:number-columns-repeated="16383"/>
              </table:table-row>
              <table:table-row table:number-rows-repeated="1048575"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>
            </table:table>
            <table:table table:name="Sheet2">
              <table:table-row table:number-rows-repeated="1048576"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>
            </table:table>
            """);

        Describe(workbook).ShouldBe(["A1=1(Number)"]);
        Describe(workbook, "Sheet2").ShouldBeEmpty();
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(2));
    }

    [Fact]
    public void ReadRows_ASheetOfOnlyAFootnote_GivesThatRow()
    {
        using var workbook = Open(
            """
            <table:table table:name="Table 1"><table:table-row><table:table-cell office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell></table:table-row></table:table>
            <table:table table:name="Notes">
              <table:table-row table:number-rows-repeated="3"><table:table-cell/></table:table-row>
              <table:table-row><table:table-cell office:value-type="string"><text:p>Source: synthetic figures for testing.</text:p></table:table-cell></table:table-row>
              <table:table-row table:number-rows-repeated="1048572"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>
            </table:table>
            """);

        workbook.SheetNames.ShouldBe(["Table 1", "Notes"]);
        Describe(workbook, "Notes").ShouldBe(["A4=Source: synthetic figures for testing.(Text)"]);
    }

    [Fact]
    public void ReadRows_FormulaCells_AreTheirSavedResult()
    {
        using var workbook = Open(
            """
            <table:table table:name="Sheet1">
              <table:table-row>
                <table:table-cell table:formula="of:=1+1" office:value-type="float" office:value="2"><text:p>2</text:p></table:table-cell>
                <table:table-cell table:formula="of:=TEXT(1000;&quot;#,##0&quot;)" office:value-type="string" office:string-value="1,000"><text:p>1,000</text:p></table:table-cell>
                <table:table-cell table:formula="of:=SUM([.A1:.B1])"/>
              </table:table-row>
            </table:table>
            """);

        Describe(workbook).ShouldBe(["A1=2(Number) B1=1,000(Text) C1==SUM([.A1:.B1])(FormulaWithoutResult)"]);
    }

    [Fact]
    public void ReadRows_RowsInGroupsAndHeaderRows_AreRead()
    {
        using var workbook = Open(
            """
            <table:table table:name="Sheet1">
              <table:table-header-rows><table:table-row><table:table-cell office:value-type="string"><text:p>Area</text:p></table:table-cell></table:table-row></table:table-header-rows>
              <table:table-row-group><table:table-row><table:table-cell office:value-type="string"><text:p>North</text:p></table:table-cell></table:table-row></table:table-row-group>
            </table:table>
            """);

        Describe(workbook).ShouldBe(["A1=Area(Text)", "A2=North(Text)"]);
    }

    [Fact]
    public void ReadRows_ARepeatedRowWithContentPastTheLimit_IsRefusedNamingTheSheet()
    {
        using var workbook = Open(
            """
            <table:table table:name="Det_D02">
              <table:table-row table:number-rows-repeated="1048576"><table:table-cell office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell></table:table-row>
            </table:table>
            """,
            new ImportLimits { MaxRows = 1000 });

        var error = Should.Throw<ImportFileException>(() => workbook.Rows());

        error.Message.ShouldBe(
            "detentions.ods: sheet 'Det_D02' has more than 1,000 rows with content; the limit is the setting Safeguard:Imports:MaxRows");
    }

    [Fact]
    public void ReadRows_ARepeatedCellPastColumnXfd_IsRefused()
    {
        using var workbook = Open(
            """
            <table:table table:name="Sheet1">
              <table:table-row><table:table-cell office:value-type="string" table:number-columns-repeated="20000"><text:p>x</text:p></table:table-cell></table:table-row>
            </table:table>
            """);

        Should.Throw<ImportFileException>(() => workbook.Rows()).Message.ShouldContain("row 1 goes past column XFD");
    }
}
