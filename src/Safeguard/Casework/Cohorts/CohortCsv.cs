using System.Globalization;
using System.Text;
using Safeguard.Platform.Web.Downloads;

namespace Safeguard.Casework.Cohorts;

/// <summary>
/// A cohort's figures as CSV, suppressed exactly as on the page: one row per figure, an empty count and percentage
/// where it is held back, and a note saying why (a small number, or subtraction from another cohort's figures). Text cells are neutralised so no spreadsheet runs them.
/// </summary>
internal static class CohortCsv
{
    public static byte[] Write(string definition, CohortFigures figures)
    {
        var text = new StringBuilder();
        CsvFormat.AppendRow(text, ["cohort", "group", "measure", "count", "percentage", "note"]);
        Rows(text, definition, "the cohort", figures.Cohort);
        Rows(text, definition, $"the cohort {CohortQuery.WithReport}", figures.WithReport);
        return [.. CsvFormat.Utf8WithBom.GetPreamble(), .. CsvFormat.Utf8WithBom.GetBytes(text.ToString())];
    }

    private static void Rows(StringBuilder text, string definition, string group, SuppressedCohort block)
    {
        // An empty group has no share of itself: "0, 100" read as if there were someone to count.
        CsvFormat.AppendRow(text, [SpreadsheetText.Neutralise(definition), group, "clients", Number(block.Size), block.Size > 0 ? "100" : "", block.Why(block.SizeReason)]);
        foreach (var count in block.Counts)
        {
            CsvFormat.AppendRow(text, [SpreadsheetText.Neutralise(definition), group, count.Measure, Number(count.Count), Number(count.Percentage), block.Why(count.Reason)]);
        }
    }

    private static string Number(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";
}
