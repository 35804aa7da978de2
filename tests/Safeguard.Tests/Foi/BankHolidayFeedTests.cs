using System.Text;
using System.Text.Json.Nodes;
using Safeguard.Foi.Holidays;

namespace Safeguard.Tests.Foi;

/// <summary>Reading GOV.UK bank holiday feeds: the shipped one, and files people import, good and bad.</summary>
public sealed class BankHolidayFeedTests
{
    /// <summary>A feed in the GOV.UK format listing the given years whole (January and December) in every division.</summary>
    internal static string SyntheticFeed(params int[] years)
    {
        var root = new JsonObject();
        foreach (var division in UkDivisions.All)
        {
            var events = new JsonArray();
            foreach (var year in years)
            {
                events.Add(new JsonObject { ["title"] = "New Year’s Day", ["date"] = $"{year}-01-01", ["notes"] = "", ["bunting"] = true });
                events.Add(new JsonObject { ["title"] = "Christmas Day", ["date"] = $"{year}-12-25", ["notes"] = "", ["bunting"] = true });
            }
            root[division.Key()] = new JsonObject { ["division"] = division.Key(), ["events"] = events };
        }
        return root.ToJsonString();
    }

    private static BankHolidayFeedException Refused(string json) =>
        Should.Throw<BankHolidayFeedException>(() => BankHolidayFeed.Parse(Encoding.UTF8.GetBytes(json), "feed.json"));

    [Fact]
    public void Shipped_GovUkFeed_HasEveryDivisionFrom2024To2027()
    {
        var shipped = BankHolidayFeed.Shipped;
        shipped.Count.ShouldBe(108);
        shipped.GroupBy(h => h.Division).Select(g => (g.Key, g.Count())).ShouldBe(
            [(UkDivision.EnglandAndWales, 32), (UkDivision.Scotland, 36), (UkDivision.NorthernIreland, 40)]);
        shipped.Select(h => h.Date.Year).Distinct().Order().ShouldBe([2024, 2025, 2026, 2027]);
        shipped.ShouldContain(new BankHoliday(UkDivision.Scotland, new DateOnly(2025, 12, 1), "St Andrew’s Day", "Substitute day"));
    }

    [Fact]
    public void Parse_SyntheticFeed_ReadsEveryEvent()
    {
        var feed = BankHolidayFeed.Parse(Encoding.UTF8.GetBytes(SyntheticFeed(2031, 2032)), "feed.json");
        feed.Count.ShouldBe(12);
        feed.ShouldAllBe(h => h.Title.Length > 0);
    }

    [Fact]
    public void Parse_NotJson_SaysWhereItBreaks()
    {
        var refused = Refused("{\n  \"england-and-wales\": {\"events\": [ {\"title\": \"x\", }\n]}}");
        refused.Problems.ShouldHaveSingleItem().ShouldStartWith("it is not valid JSON at line 2, byte");
        refused.Message.ShouldStartWith("feed.json cannot be used as a bank holidays feed:");
        refused.Message.ShouldNotContain("reader options");
    }

    [Fact]
    public void Parse_NotAnObject_SaysWhatAFeedIs() =>
        Refused("[1, 2]").Problems.ShouldBe(["the feed must be a JSON object whose properties are the divisions 'england-and-wales', 'scotland', 'northern-ireland'; it is an array."]);

    [Fact]
    public void Parse_DivisionMissing_NamesIt()
    {
        var json = JsonNode.Parse(SyntheticFeed(2031))!.AsObject();
        json.Remove("northern-ireland");
        Refused(json.ToJsonString()).Problems.ShouldBe(["the division 'northern-ireland' is missing; a GOV.UK feed has 'england-and-wales', 'scotland', 'northern-ireland'."]);
    }

    [Fact]
    public void Parse_EventsNotAnArray_NamesTheDivision()
    {
        var json = JsonNode.Parse(SyntheticFeed(2031))!.AsObject();
        json["scotland"] = new JsonObject { ["events"] = "none" };
        Refused(json.ToJsonString()).Problems.ShouldBe(["scotland: must be an object with an \"events\" array."]);
    }

    [Fact]
    public void Parse_ImpossibleAndMalformedDates_NamesEachWithItsPlace()
    {
        var json = JsonNode.Parse(SyntheticFeed(2031))!.AsObject();
        json["scotland"]!["events"]![1]!["date"] = "2031-02-30";
        json["england-and-wales"]!["events"]![0]!["date"] = "01/01/2031";
        json["northern-ireland"]!["events"]![0]!.AsObject().Remove("date");
        Refused(json.ToJsonString()).Problems.ShouldBe([
            "england-and-wales.events[0].date: '01/01/2031' is not a date; the feed writes dates as yyyy-mm-dd, e.g. 2025-12-25.",
            "scotland.events[1].date: '2031-02-30' is not a date; the feed writes dates as yyyy-mm-dd, e.g. 2025-12-25.",
            "northern-ireland.events[0]: has no \"date\".",
        ]);
    }

    [Fact]
    public void Parse_WrongTypesAndDuplicates_AreEachNamed()
    {
        var json = JsonNode.Parse(SyntheticFeed(2031))!.AsObject();
        json["england-and-wales"]!["events"]![0]!["title"] = 5;
        json["scotland"]!["events"]![1]!["date"] = "2031-01-01";
        json["northern-ireland"]!["events"]!.AsArray().Add("Boxing Day");
        Refused(json.ToJsonString()).Problems.ShouldBe([
            "england-and-wales.events[0].title: must be text; it is a number.",
            "scotland.events[1]: 2031-01-01 is listed twice in 'scotland' (also at scotland.events[0]).",
            "northern-ireland.events[2]: must be an object with \"title\" and \"date\"; it is text.",
        ]);
    }

    [Fact]
    public void Parse_ImplausibleYear_IsRefused() =>
        Refused(SyntheticFeed(1066)).Problems[0].ShouldBe("england-and-wales.events[0].date: 1066-01-01 is not a plausible bank holiday (the year must be 1900 to 2200).");

    [Fact]
    public void Parse_HugeFile_IsRefusedUnread() =>
        Refused(new string(' ', BankHolidayFeed.MaximumBytes + 1)).Problems.ShouldHaveSingleItem().ShouldContain("is not one");
}
