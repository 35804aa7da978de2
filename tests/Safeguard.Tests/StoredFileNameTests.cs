using Safeguard.Platform;

namespace Safeguard.Tests;

/// <summary>The names uploaded files are kept under: no path, no control or invisible formatting characters.</summary>
public sealed class StoredFileNameTests
{
    [Theory]
    [InlineData("report\u202Efdp.exe", "reportfdp.exe")]
    [InlineData("\u2066answer\u2069 \u200Fmarch\u200E.xlsx", "answer march.xlsx")]
    [InlineData("scan\u200B\u200D\uFEFF\u00AD.pdf", "scan.pdf")]
    [InlineData("two\r\nlines\u2028and\u2029more\t.csv", "twolinesandmore.csv")]
    [InlineData("tag\U000E0041ged.txt", "tagged.txt")]
    [InlineData("\u0007\u001B[31m.csv", "[31m.csv")]
    [InlineData("folder/inner/statement.docx", "statement.docx")]
    [InlineData("  spaced out.pdf  ", "spaced out.pdf")]
    [InlineData("\u202E\u202C", "")]
    public void From_UploadedName_KeepsWhatCanBeSeen(string uploaded, string stored)
    {
        StoredFileName.From(uploaded).ShouldBe(stored);
    }

    [Theory]
    [InlineData("Rapport médical – été.pdf")]
    [InlineData("تقرير طبي.pdf")]
    [InlineData("医療報告書 2024.xlsx")]
    [InlineData("family \U0001F46A.txt")]
    public void From_NamesInAnyScript_AreKeptAsTheyAre(string uploaded)
    {
        StoredFileName.From(uploaded).ShouldBe(uploaded);
    }
}
