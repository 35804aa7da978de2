using System.Text;
using Safeguard.Statistics.Downloads;
using Safeguard.Statistics.Model;
using Safeguard.Statistics.Reading;
using Sylvan.Data.Csv;

namespace Safeguard.Tests.Statistics.Downloads;

public sealed class TidyCsvWriterTests
{
    [Fact]
    public async Task WriteAsync_Header_IsTheTidyColumnNames()
    {
        var bytes = await WriteAsync([SyntheticRows.Row()]);
        var table = Read(bytes);

        table.Header.ShouldBe(TidyColumns.All.Select(c => c.Name).ToArray());
        table.Rows.Count.ShouldBe(1);
    }

    [Fact]
    public async Task WriteAsync_Output_IsUtf8WithBomAndCrlfLineEnds()
    {
        var bytes = await WriteAsync([SyntheticRows.Row()]);

        bytes.AsSpan(0, 3).ToArray().ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        var text = Encoding.UTF8.GetString(bytes.AsSpan(3));
        text.ShouldContain("source_location\r\n");
        text.ShouldEndWith("\r\n");
        text.Replace("\r\n", "", StringComparison.Ordinal).ShouldNotContain('\n');
        text.ShouldContain("Yarl's Wood");
        text.ShouldContain("FOI response 00000 – use of force");
    }

    [Fact]
    public async Task WriteAsync_Values_AreWrittenPerColumn()
    {
        var table = Read(await WriteAsync([SyntheticRows.Row(1340.0000m, ObservationStatus.AtLeast)]));
        var row = table.Rows[0];

        row["release"].ShouldBe("2024");
        row["measure_name"].ShouldBe("Use of force incidents");
        row["place_name"].ShouldBe("Yarl's Wood");
        row["period"].ShouldBe("2024-Q3");
        row["period_start"].ShouldBe("2024-07-01");
        row["period_end"].ShouldBe("2024-09-30");
        row["breakdown"].ShouldBe("");
        row["value"].ShouldBe("1340");
        row["status"].ShouldBe("at-least");
        row["display"].ShouldBe("at least 1,340");
        row["note"].ShouldBe("");
        row["source_sha256"].ShouldBe(new string('a', 64));
    }

    [Theory]
    [InlineData("1292.0000", "1292")]
    [InlineData("12.5000", "12.5")]
    [InlineData("-5", "-5")]
    public async Task WriteAsync_Value_InvariantWithoutSeparatorsOrTrailingZerosAndNotNeutralised(string value, string expected)
    {
        var number = decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
        var table = Read(await WriteAsync([SyntheticRows.Row(number)]));

        table.Rows[0]["value"].ShouldBe(expected);
    }

    [Fact]
    public async Task WriteAsync_NoValue_WritesAnEmptyField()
    {
        var table = Read(await WriteAsync([SyntheticRows.Row(null, ObservationStatus.Suppressed)]));

        table.Rows[0]["value"].ShouldBe("");
        table.Rows[0]["status"].ShouldBe("suppressed");
        table.Rows[0]["display"].ShouldBe("suppressed");
    }

    [Fact]
    public async Task WriteAsync_NoteWithCommaQuoteAndNewline_RoundTrips()
    {
        const string note = "Figures for \"Q3\", as revised,\r\nby the Home Office\nin 2025";
        var bytes = await WriteAsync([SyntheticRows.Row(note: note), SyntheticRows.Row()]);
        var table = Read(bytes);

        table.Rows.Count.ShouldBe(2);
        table.Rows[0]["note"].ShouldBe(note);
        Encoding.UTF8.GetString(bytes).ShouldContain("\"Figures for \"\"Q3\"\", as revised,");
    }

    [Fact]
    public async Task WriteAsync_HostileText_IsNeutralised()
    {
        const string hostile = "=HYPERLINK(\"https://example.invalid\",\"click\")";
        var table = Read(await WriteAsync([SyntheticRows.Row(note: hostile, placeName: "-5")]));

        table.Rows[0]["note"].ShouldBe("'" + hostile);
        table.Rows[0]["place_name"].ShouldBe("'-5");
    }

    [Fact]
    public async Task WriteAsync_NoRows_WritesTheHeaderOnly()
    {
        var table = Read(await WriteAsync([]));

        table.Header.Length.ShouldBe(TidyColumns.All.Count);
        table.Rows.ShouldBeEmpty();
    }

    [Fact]
    public async Task WriteAsync_LeavesTheStreamOpen()
    {
        using var output = new MemoryStream();
        await TidyCsvWriter.WriteAsync([SyntheticRows.Row()], output, TestContext.Current.CancellationToken);

        output.CanWrite.ShouldBeTrue();
    }

    private static async Task<byte[]> WriteAsync(IEnumerable<ObservationRow> rows)
    {
        using var output = new MemoryStream();
        await TidyCsvWriter.WriteAsync(rows, output, TestContext.Current.CancellationToken);
        return output.ToArray();
    }

    private static (string[] Header, List<Dictionary<string, string>> Rows) Read(byte[] bytes)
    {
        using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        using var csv = CsvDataReader.Create(reader);
        var header = Enumerable.Range(0, csv.FieldCount).Select(csv.GetName).ToArray();
        var rows = new List<Dictionary<string, string>>();
        while (csv.Read())
        {
            rows.Add(header.Select((name, i) => (name, value: csv.GetString(i))).ToDictionary(p => p.name, p => p.value));
        }
        return (header, rows);
    }
}
