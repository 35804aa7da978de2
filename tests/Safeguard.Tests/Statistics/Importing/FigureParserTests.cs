using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using Safeguard.Statistics.Importing.Files;
using Safeguard.Statistics.Importing.Values;
using Safeguard.Statistics.Model;

namespace Safeguard.Tests.Statistics.Importing;

public sealed class FigureParserTests
{
    private static readonly FigureParser Parser = new();

    private static ParsedFigure Text(string text, FigureParser? parser = null) => (parser ?? Parser).Parse(new Cell(1, text, CellKind.Text));

    [Theory]
    [InlineData("1340", 1340)]
    [InlineData("1,340", 1340)]
    [InlineData("1,234,567", 1234567)]
    [InlineData(" 12 ", 12)]
    [InlineData("0", 0)]
    [InlineData("12.5", 12.5)]
    [InlineData("-3", -3)]
    public void Parse_PlainNumber_IsExact(string text, double expected)
    {
        var parsed = Text(text);

        parsed.Error.ShouldBeNull();
        parsed.Value.ShouldBe((decimal)expected);
        parsed.Status.ShouldBe(ObservationStatus.Exact);
    }

    [Theory]
    [InlineData("at least 1,340", 1340, nameof(ObservationStatus.AtLeast))]
    [InlineData("At least 1340", 1340, nameof(ObservationStatus.AtLeast))]
    [InlineData("more than 20", 20, nameof(ObservationStatus.AtLeast))]
    [InlineData(">20", 20, nameof(ObservationStatus.AtLeast))]
    [InlineData("20+", 20, nameof(ObservationStatus.AtLeast))]
    [InlineData("<5", 5, nameof(ObservationStatus.AtMost))]
    [InlineData("< 5", 5, nameof(ObservationStatus.AtMost))]
    [InlineData("fewer than 5", 5, nameof(ObservationStatus.AtMost))]
    [InlineData("≤10", 10, nameof(ObservationStatus.AtMost))]
    [InlineData("approximately 1,200", 1200, nameof(ObservationStatus.Estimated))]
    [InlineData("c. 40", 40, nameof(ObservationStatus.Estimated))]
    public void Parse_Bound_KeepsTheNumberWithItsStatusAndWording(string text, double value, string statusName)
    {
        var status = Enum.Parse<ObservationStatus>(statusName);
        var parsed = Text(text);

        parsed.Error.ShouldBeNull();
        parsed.Value.ShouldBe((decimal)value);
        parsed.Status.ShouldBe(status);
        parsed.Note.ShouldNotBeNull().ShouldContain(text.Trim());
    }

    [Theory]
    [InlineData("*", nameof(ObservationStatus.Suppressed))]
    [InlineData("[c]", nameof(ObservationStatus.Suppressed))]
    [InlineData("[C]", nameof(ObservationStatus.Suppressed))]
    [InlineData(":", nameof(ObservationStatus.NotAvailable))]
    [InlineData("..", nameof(ObservationStatus.NotAvailable))]
    [InlineData("-", nameof(ObservationStatus.NotAvailable))]
    [InlineData("x", nameof(ObservationStatus.NotAvailable))]
    [InlineData("[x]", nameof(ObservationStatus.NotAvailable))]
    [InlineData("[z]", nameof(ObservationStatus.NotApplicable))]
    [InlineData("n/a", nameof(ObservationStatus.NotApplicable))]
    [InlineData("[u]", nameof(ObservationStatus.NotAvailable))]
    [InlineData("not held", nameof(ObservationStatus.NotHeld))]
    [InlineData("Not held", nameof(ObservationStatus.NotHeld))]
    [InlineData("Information not held", nameof(ObservationStatus.NotHeld))]
    public void Parse_Symbol_IsAStatusWithNoValue(string text, string statusName)
    {
        var status = Enum.Parse<ObservationStatus>(statusName);
        var parsed = Text(text);

        parsed.Error.ShouldBeNull();
        parsed.Status.ShouldBe(status);
        parsed.Value.ShouldBeNull();
        parsed.Note.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public void Parse_DashByDefault_IsNeverZero()
    {
        var parsed = Text("-");

        parsed.Value.ShouldBeNull();
        parsed.Note.ShouldNotBeNull().ShouldContain("nil or not available");
    }

    [Fact]
    public void Parse_FigureMarkedLowReliability_IsAnEstimate()
    {
        var parsed = Text("12 [u]");

        parsed.Error.ShouldBeNull();
        parsed.Value.ShouldBe(12m);
        parsed.Status.ShouldBe(ObservationStatus.Estimated);
        parsed.Note.ShouldNotBeNull().ShouldContain("low reliability");
    }

    [Fact]
    public void Parse_Nil_IsAnExactZero()
    {
        var parsed = Text("nil");

        parsed.Value.ShouldBe(0m);
        parsed.Status.ShouldBe(ObservationStatus.Exact);
    }

    [Fact]
    public void Parse_EmptyCell_IsNotAvailableNeverZero()
    {
        var parsed = Parser.Parse(null);

        parsed.Error.ShouldBeNull();
        parsed.Value.ShouldBeNull();
        parsed.Status.ShouldBe(ObservationStatus.NotAvailable);
        parsed.Note.ShouldBe("Blank in the source.");
    }

    [Fact]
    public void Parse_CellOfSpaces_IsBlankNeverZero()
    {
        var parsed = Text("   ");

        parsed.Value.ShouldBeNull();
        parsed.Status.ShouldBe(ObservationStatus.NotAvailable);
    }

    [Theory]
    [InlineData("1,340 [note 3]", 1340, nameof(ObservationStatus.Exact))]
    [InlineData("[c] [note 12]", null, nameof(ObservationStatus.Suppressed))]
    [InlineData("<5[Note 1]", 5, nameof(ObservationStatus.AtMost))]
    public void Parse_NoteMarker_IsRemovedAndNamedInTheNote(string text, int? value, string statusName)
    {
        var status = Enum.Parse<ObservationStatus>(statusName);
        var parsed = Text(text);

        parsed.Error.ShouldBeNull();
        parsed.Value.ShouldBe(value);
        parsed.Status.ShouldBe(status);
        parsed.Note.ShouldNotBeNull().ShouldContain("[note", Case.Insensitive);
    }

    [Theory]
    [InlineData("1,34")]
    [InlineData("13,40")]
    [InlineData("1.340,5")]
    [InlineData("1 340")]
    public void Parse_CommaNotAThousandsSeparator_IsRefused(string text)
    {
        var parsed = Text(text);

        parsed.Value.ShouldBeNull();
        parsed.Error.ShouldNotBeNull().ShouldContain($"'{text}' is not a figure");
    }

    [Fact]
    public void Parse_NumberWithLetters_IsRefusedListingWhatIsAccepted()
    {
        var parsed = Text("12a");

        parsed.Value.ShouldBeNull();
        var error = parsed.Error.ShouldNotBeNull();
        error.ShouldStartWith("'12a' is not a figure");
        error.ShouldContain("1,340");
        error.ShouldContain("at least 1,340");
        error.ShouldContain("<5");
        error.ShouldContain("[c]");
        error.ShouldContain("not held");
    }

    [Theory]
    [InlineData("=1+1")]
    [InlineData("=SUM(B2:B5)")]
    public void Parse_FormulaWrittenAsText_IsRefusedAsAFormula(string text)
    {
        var parsed = Text(text);

        parsed.Value.ShouldBeNull();
        parsed.Error.ShouldNotBeNull().ShouldContain("formula");
        parsed.Error.ShouldContain(text);
    }

    [Fact]
    public void Parse_FormulaWithoutSavedResult_IsRefusedWithWhatToDo()
    {
        var parsed = Parser.Parse(new Cell(3, "SUM(B2:B5)", CellKind.FormulaWithoutResult));

        parsed.Value.ShouldBeNull();
        var error = parsed.Error.ShouldNotBeNull();
        error.ShouldContain("SUM(B2:B5)");
        error.ShouldContain("never evaluated");
        error.ShouldContain("save it");
    }

    [Fact]
    public void Parse_DateCell_IsRefused() =>
        Parser.Parse(new Cell(1, "2024-03-31", CellKind.Date)).Error.ShouldNotBeNull().ShouldContain("is a date");

    [Theory]
    [InlineData("1340.5", 1340.5)]
    [InlineData("0.25", 0.25)]
    [InlineData("1E3", 1000)]
    public void Parse_NumberCell_IsExact(string text, double expected)
    {
        var parsed = Parser.Parse(new Cell(2, text, CellKind.Number));

        parsed.Error.ShouldBeNull();
        parsed.Value.ShouldBe((decimal)expected);
        parsed.Status.ShouldBe(ObservationStatus.Exact);
    }

    [Fact]
    public void Parse_TemplateSaysColonIsSuppressed_IsSuppressed()
    {
        var parser = new FigureParser(new Dictionary<string, string> { [":"] = "suppressed" });

        var parsed = Text(":", parser);

        parsed.Status.ShouldBe(ObservationStatus.Suppressed);
        parsed.Value.ShouldBeNull();
    }

    [Fact]
    public void Parse_TemplateSaysDashIsZero_IsAnExactZero()
    {
        var parser = new FigureParser(new Dictionary<string, string> { ["-"] = "zero" });

        var parsed = Text("-", parser);

        parsed.Status.ShouldBe(ObservationStatus.Exact);
        parsed.Value.ShouldBe(0m);
        parsed.Note.ShouldNotBeNull().ShouldContain("nil");
    }

    [Fact]
    public void Parse_OverrideForOneSymbol_LeavesTheOthersAtTheirDefaults()
    {
        var parser = new FigureParser(new Dictionary<string, string> { ["-"] = "zero" });

        Text(":", parser).Status.ShouldBe(ObservationStatus.NotAvailable);
        Text("*", parser).Status.ShouldBe(ObservationStatus.Suppressed);
    }

    [Fact]
    public void Constructor_UnknownMeaning_IsRejectedNamingTheSymbolAndTheStatuses()
    {
        var failure = Should.Throw<ArgumentException>(() => new FigureParser(new Dictionary<string, string> { ["~"] = "hidden" }));

        failure.Message.ShouldContain("'~'");
        failure.Message.ShouldContain("'hidden'");
        failure.Message.ShouldContain("suppressed");
        failure.Message.ShouldContain("zero");
    }

    [Theory]
    [InlineData("exact")]
    [InlineData("at-least")]
    [InlineData("estimated")]
    public void Constructor_MeaningIsAStatusThatNeedsANumber_IsRejected(string meaning) =>
        // A symbol carries no number, so it cannot be an exact figure or a bound: that would be a figure with no value.
        Should.Throw<ArgumentException>(() => new FigureParser(new Dictionary<string, string> { ["x"] = meaning }))
            .Message.ShouldContain($"'{meaning}'");

    [FsCheck.Xunit.Property]
    public Property Parse_NonNegativeNumberWithThousandsSeparators_GivesItBackExactly() =>
        Prop.ForAll(ArbMap.Default.ArbFor<decimal>(), value =>
        {
            var whole = Math.Abs(decimal.Truncate(value));
            var parsed = Text(whole.ToString("N0", CultureInfo.InvariantCulture));
            return parsed.Error is null && parsed.Value == whole && parsed.Status == ObservationStatus.Exact;
        });

    [FsCheck.Xunit.Property]
    public Property Parse_NonNegativeNumberWithFractionAndSeparators_GivesItBackExactly() =>
        Prop.ForAll(ArbMap.Default.ArbFor<decimal>(), value =>
        {
            var positive = Math.Abs(value);
            var parsed = Text(positive.ToString("#,0.############################", CultureInfo.InvariantCulture));
            return parsed.Error is null && parsed.Value == positive && parsed.Status == ObservationStatus.Exact;
        });
}
