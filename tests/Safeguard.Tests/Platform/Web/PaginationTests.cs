using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Safeguard.Platform.Web;

namespace Safeguard.Tests.Platform.Web;

public sealed class PaginationTests
{
    private static Pagination Page(int page, int total) => new(page, 200, total, "/statistics/releases/2024", "Pages of figures", "figures");

    [Theory]
    [InlineData(0, 1)]
    [InlineData(200, 1)]
    [InlineData(201, 2)]
    [InlineData(3512, 18)]
    public void PageCount_Items_IsAtLeastOne(int total, int expected) => Page(1, total).PageCount.ShouldBe(expected);

    [Fact]
    public void Numbers_MiddlePage_ShowsEndsNeighboursAndGaps() =>
        Page(9, 3512).Numbers.ShouldBe([1, null, 8, 9, 10, null, 18]);

    [Fact]
    public void Numbers_NearTheStart_FillsAOnePageGapWithThePage() =>
        Page(3, 3512).Numbers.ShouldBe([1, 2, 3, 4, null, 18]);

    [Fact]
    public void Numbers_TwoPages_ShowsBoth() => Page(2, 300).Numbers.ShouldBe([1, 2]);

    [Fact]
    public void Href_FirstPage_IsTheBareAddress()
    {
        Page(2, 300).Href(1).ShouldBe("/statistics/releases/2024#figures");
        Page(1, 300).Href(2).ShouldBe("/statistics/releases/2024?page=2#figures");
    }

    [Fact]
    public void Range_SecondPage_NamesItsFiguresAndTheTotal()
    {
        Page(2, 3512).Range("figures").ShouldBe("figures 201 to 400 of 3,512");
        Page(1, 15).Range("figures").ShouldBe("");
        Page(2, 3512).Exists.ShouldBeTrue();
        Page(19, 3512).Exists.ShouldBeFalse();
    }

    [Theory]
    [InlineData(null, true, 1)]
    [InlineData("1", true, 1)]
    [InlineData("17", true, 17)]
    [InlineData("0", false, 0)]
    [InlineData("-1", false, 0)]
    [InlineData("+2", false, 0)]
    [InlineData("1.5", false, 0)]
    [InlineData("abc", false, 0)]
    [InlineData("", false, 0)]
    [InlineData("99999999999", false, 0)]
    public void TryReadPage_Query_AcceptsOnlyWholeNumbersFromOne(string? value, bool valid, int expected)
    {
        var query = new QueryCollection(value is null ? [] : new Dictionary<string, StringValues> { ["page"] = value });

        Pagination.TryReadPage(query, out var page).ShouldBe(valid);
        if (valid)
        {
            page.ShouldBe(expected);
        }
    }

    [Fact]
    public void TryReadPage_Twice_IsRefused() =>
        Pagination.TryReadPage(new QueryCollection(new Dictionary<string, StringValues> { ["page"] = new(["1", "2"]) }), out _).ShouldBeFalse();
}
