using Safeguard.Statistics.Contracts;

namespace Safeguard.Tests.Statistics;

public sealed class SourceAddressesTests
{
    [Theory]
    [InlineData("det_d02.csv", "text/csv")]
    [InlineData("FOI 81234 answer.TXT", "text/plain")]
    [InlineData("detention-summary-dec-2023.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")]
    [InlineData("tables.ods", "application/vnd.oasis.opendocument.spreadsheet")]
    [InlineData("answer.html", "application/octet-stream")]
    [InlineData("answer.svg", "application/octet-stream")]
    [InlineData("no-extension", "application/octet-stream")]
    public void ContentTypeFor_Extension_IsTheTypeOrBytes(string fileName, string expected) =>
        SourceAddresses.ContentTypeFor(fileName).ShouldBe(expected);

    [Theory]
    [InlineData("3f2a000000000000000000000000000000000000000000000000000000000000", true)]
    [InlineData("3F2A000000000000000000000000000000000000000000000000000000000000", false)]
    [InlineData("3f2a00000000000000000000000000000000000000000000000000000000000", false)]
    [InlineData("3g2a000000000000000000000000000000000000000000000000000000000000", false)]
    [InlineData("", false)]
    public void IsSha256_Text_OnlyLowerCaseHexOf64Digits(string text, bool expected) =>
        SourceAddresses.IsSha256(text).ShouldBe(expected);

    [Theory]
    [InlineData(1, "1 byte")]
    [InlineData(812, "812 bytes")]
    [InlineData(14_540, "14.2 KB")]
    [InlineData(3_250_000, "3.1 MB")]
    public void Size_Bytes_ReadsForPeople(long bytes, string expected) => SourceAddresses.Size(bytes).ShouldBe(expected);
}
