using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using Safeguard.Statistics.Importing.Files;

namespace Safeguard.Tests.Statistics.Importing.Files;

/// <summary>Files that are not what they say, damaged, or hostile: each refused with a message a person can act on.</summary>
public sealed class WorkbookFileTests
{
    private static readonly byte[] CsvBytes = Encoding.UTF8.GetBytes("Area,Count\nNorth,12\n");

    private static byte[] XlsxBytes => TestWorkbooks.Xlsx("""<x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row>""");

    private static byte[] OdsBytes => TestWorkbooks.Ods(
        """<table:table table:name="Sheet1"><table:table-row><table:table-cell office:value-type="float" office:value="1"/></table:table-row></table:table>""");

    private static string Refusal(string fileName, byte[] content, ImportLimits? limits = null) =>
        Should.Throw<ImportFileException>(() => WorkbookFile.Open(fileName, content, limits ?? TestWorkbooks.Limits)).Message;

    [Theory]
    [InlineData("people.csv")]
    [InlineData("people.CSV")]
    [InlineData("people.txt")]
    public void Open_CsvBytesNamedAsText_AreCsv(string fileName)
    {
        using var workbook = WorkbookFile.Open(fileName, CsvBytes, TestWorkbooks.Limits);

        workbook.Rows().Count.ShouldBe(2);
    }

    [Fact]
    public void Open_XlsxAndOdsBytesNamedRightly_Open()
    {
        using var xlsx = WorkbookFile.Open("table.xlsx", XlsxBytes, TestWorkbooks.Limits);
        using var ods = WorkbookFile.Open("table.ods", OdsBytes, TestWorkbooks.Limits);

        xlsx.Rows().Single().Describe().ShouldBe("A1=1(Number)");
        ods.Rows().Single().Describe().ShouldBe("A1=1(Number)");
    }

    [Fact]
    public void Open_PathInTheName_KeepsOnlyTheFileName()
    {
        using var workbook = WorkbookFile.Open(@"C:\Users\someone\Desktop\people.csv", CsvBytes, TestWorkbooks.Limits);

        workbook.FileName.ShouldBe("people.csv");
    }

    [Fact]
    public void Open_CsvNamedXlsx_SaysItIsPlainText() =>
        Refusal("report.xlsx", CsvBytes).ShouldBe(
            "report.xlsx is not an XLSX workbook: it is plain text; save it as .csv or as a workbook");

    [Fact]
    public void Open_XlsxNamedCsv_SaysItIsAWorkbook() =>
        Refusal("report.csv", XlsxBytes).ShouldBe(
            "report.csv is not a CSV file: it is an XLSX workbook; rename it to end in .xlsx, or save it as CSV");

    [Fact]
    public void Open_OdsNamedXlsx_SaysItIsAnOdsSpreadsheet() =>
        Refusal("report.xlsx", OdsBytes).ShouldBe(
            "report.xlsx is not an XLSX workbook: it is an ODS spreadsheet; rename it to end in .ods, or save it as XLSX");

    [Fact]
    public void Open_XlsxNamedOds_SaysItIsAnXlsxWorkbook() =>
        Refusal("report.ods", XlsxBytes).ShouldBe(
            "report.ods is not an ODS spreadsheet: it is an XLSX workbook; rename it to end in .xlsx, or save it as ODS");

    [Fact]
    public void Open_XlsxCutInHalf_IsDamaged()
    {
        var content = XlsxBytes;

        Refusal("report.xlsx", content[..(content.Length / 2)])
            .ShouldBe("report.xlsx is damaged: the zip archive is incomplete");
    }

    [Fact]
    public void Open_SheetThatIsNotWellFormedXml_IsDamagedNamingTheSheet()
    {
        var content = TestWorkbooks.Xlsx("""<x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row>""");
        content = ReplaceEntry(content, "worksheets/", "<worksheet><sheetData><row r=\"1\"><c r=\"A1\"><v>1</v></row>");
        using var workbook = WorkbookFile.Open("report.xlsx", content, TestWorkbooks.Limits);

        Should.Throw<ImportFileException>(() => workbook.Rows()).Message
            .ShouldStartWith("report.xlsx is damaged: sheet 'Sheet1' is not well-formed XML");
    }

    [Fact]
    public void Open_LegacyXls_SaysSaveAsXlsxOrOds()
    {
        byte[] ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[504]];

        Refusal("old.xls", ole).ShouldBe(
            "Only CSV, XLSX and ODS files can be imported; 'old.xls' is an old-style Excel workbook (.xls) " +
            "or a password-protected workbook; save it as XLSX or ODS, without a password");
        Refusal("old.xlsx", ole).ShouldStartWith("old.xlsx is not an XLSX workbook: it is an old-style Excel workbook (.xls)");
        Refusal("old.xlsx", ole).ShouldContain("save it as XLSX or ODS");
    }

    [Fact]
    public void Open_Pdf_IsNotImportable() =>
        Refusal("x.pdf", [.. "%PDF-1.7\n"u8, .. new byte[64]]).ShouldBe(
            "Only CSV, XLSX and ODS files can be imported; 'x.pdf' is a PDF document; export its tables as CSV or XLSX");

    [Fact]
    public void Open_TextWithAnUnknownExtension_SuggestsCsv() =>
        Refusal("figures.dat", CsvBytes).ShouldBe(
            "Only CSV, XLSX and ODS files can be imported; 'figures.dat' is plain text; if it is CSV, rename it to end in .csv");

    [Fact]
    public void Open_EmptyWorkbook_IsRefusedButAnEmptyCsvHasNoRows()
    {
        Refusal("empty.xlsx", []).ShouldBe("empty.xlsx is empty");
        using var workbook = WorkbookFile.Open("empty.csv", [], TestWorkbooks.Limits);
        workbook.Rows().ShouldBeEmpty();
    }

    [Fact]
    public void Open_FileOverTheSizeLimit_IsRefusedNamingTheSetting()
    {
        var limits = new ImportLimits { MaxFileBytes = 1024 };

        Refusal("big.csv", new byte[2048], limits).ShouldBe(
            "big.csv is 2 KB; the largest file that can be imported is 1 KB. The limit is the setting Safeguard:Imports:MaxFileBytes");
    }

    [Fact]
    public void Open_XlsxWhoseSheetInflatesPastTheLimit_IsRefusedAsAZipBomb()
    {
        var padding = new string(' ', 5 * 1024 * 1024);
        var content = TestWorkbooks.Xlsx($"""<x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row>{padding}""");
        content.Length.ShouldBeLessThan(100 * 1024);

        Refusal("bomb.xlsx", content, new ImportLimits { MaxDecompressedBytes = 1024 * 1024 }).ShouldBe(
            "bomb.xlsx expands to more than 1 MB when unzipped; this looks like a zip bomb and was refused. " +
            "The limit is the setting Safeguard:Imports:MaxDecompressedBytes");
    }

    [Fact]
    public void Open_OdsWhoseContentInflatesPastTheLimit_IsRefusedAsAZipBomb()
    {
        var content = TestWorkbooks.Ods($"""<table:table table:name="Sheet1">{new string(' ', 5 * 1024 * 1024)}</table:table>""");

        Refusal("bomb.ods", content, new ImportLimits { MaxDecompressedBytes = 1024 * 1024 })
            .ShouldStartWith("bomb.ods expands to more than 1 MB when unzipped; this looks like a zip bomb");
    }

    [Fact]
    public void ReadRows_SheetWhoseZipHeadersUnderstateItsSize_IsRefusedWithoutInflatingIt()
    {
        var padding = new string(' ', 5 * 1024 * 1024);
        var content = TestWorkbooks.Xlsx($"""<x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row>{padding}""");
        content = UnderstateSize(content, "worksheets/", 1000);
        using var workbook = WorkbookFile.Open("liar.xlsx", content, new ImportLimits { MaxDecompressedBytes = 1024 * 1024 });

        // The zip reader stops at the declared size, so the sheet ends early and is refused as damaged; were more
        // inflated, the counted bytes would refuse it as a zip bomb. Either way nothing past the limit is read.
        var error = Should.Throw<ImportFileException>(() => workbook.Rows());
        error.Message.ShouldStartWith("liar.xlsx ");
        error.Message.ShouldMatch("damaged|zip bomb");
    }

    [Fact]
    public void ReadAllowance_ReadingAPartAgain_IsNotChargedTwice()
    {
        var allowance = new ReadAllowance(10, () => new ImportFileException("over"));

        allowance.Charge("sheet1", 6);
        allowance.Charge("sheet1", 6);
        allowance.Charge("sheet2", 4);

        Should.Throw<ImportFileException>(() => allowance.Charge("sheet3", 1)).Message.ShouldBe("over");
    }

    /// <summary>Rewrites the first entry whose name contains <paramref name="nameContains"/>.</summary>
    private static byte[] ReplaceEntry(byte[] zip, string nameContains, string content)
    {
        using var stream = new MemoryStream();
        stream.Write(zip);
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = archive.Entries.First(e => e.FullName.Contains(nameContains, StringComparison.Ordinal));
            var name = entry.FullName;
            entry.Delete();
            using var writer = new StreamWriter(archive.CreateEntry(name).Open());
            writer.Write(content);
        }
        return stream.ToArray();
    }

    /// <summary>Writes a false uncompressed size into both zip headers of an entry, as a hostile file might.</summary>
    private static byte[] UnderstateSize(byte[] zip, string nameContains, uint size)
    {
        var bytes = zip.ToArray();
        var span = bytes.AsSpan();
        var endOfDirectory = span.LastIndexOf("PK\x05\x06"u8);
        var entries = BinaryPrimitives.ReadUInt16LittleEndian(span[(endOfDirectory + 10)..]);
        var header = (int)BinaryPrimitives.ReadUInt32LittleEndian(span[(endOfDirectory + 16)..]);
        for (var i = 0; i < entries; i++)
        {
            int nameLength = BinaryPrimitives.ReadUInt16LittleEndian(span[(header + 28)..]);
            int extraLength = BinaryPrimitives.ReadUInt16LittleEndian(span[(header + 30)..]);
            int commentLength = BinaryPrimitives.ReadUInt16LittleEndian(span[(header + 32)..]);
            var name = Encoding.UTF8.GetString(span.Slice(header + 46, nameLength));
            if (name.Contains(nameContains, StringComparison.Ordinal))
            {
                BinaryPrimitives.WriteUInt32LittleEndian(span[(header + 24)..], size);
                var local = (int)BinaryPrimitives.ReadUInt32LittleEndian(span[(header + 42)..]);
                BinaryPrimitives.WriteUInt32LittleEndian(span[(local + 22)..], size);
                return bytes;
            }
            header += 46 + nameLength + extraLength + commentLength;
        }
        throw new InvalidOperationException($"No zip entry contains '{nameContains}'.");
    }
}
