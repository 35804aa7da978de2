namespace Safeguard.Statistics.Importing.Files;

/// <summary>What a cell held, as far as an import cares.</summary>
internal enum CellKind
{
    /// <summary>Text, written as the file holds it.</summary>
    Text,
    /// <summary>A number stored as a number; <see cref="Cell.Text"/> is its invariant-culture form ("1340", "0.25").</summary>
    Number,
    /// <summary>A date stored as a date; <see cref="Cell.Text"/> is ISO 8601 ("2024-03-31").</summary>
    Date,
    /// <summary>
    /// A month stored as a date on its first day and shown without the day ("Mar-24"); <see cref="Cell.Text"/> is the
    /// month, "2024-03", which reads as the month, not as 1 March.
    /// </summary>
    Month,
    /// <summary>A formula with no saved result. Formulas are never evaluated; one with a saved result is read as that result.</summary>
    FormulaWithoutResult,
}

/// <summary>One non-empty cell; <see cref="Column"/> counts from 1 (A = 1).</summary>
internal readonly record struct Cell(int Column, string Text, CellKind Kind);

/// <summary>A row with at least one non-empty cell, its cells in column order. <see cref="Number"/> counts from 1.</summary>
internal sealed record SheetRow(int Number, IReadOnlyList<Cell> Cells)
{
    /// <summary>The cell in a column, or null when it is empty.</summary>
    public Cell? this[int column]
    {
        get
        {
            foreach (var cell in Cells)
            {
                if (cell.Column == column)
                {
                    return cell;
                }
            }
            return null;
        }
    }
}

/// <summary>
/// A file opened for import: a CSV file is one sheet named after the file; a workbook has its sheets in order.
/// Rows stream, so a large file is never held as cells in memory.
/// </summary>
internal interface IWorkbook : IDisposable
{
    string FileName { get; }

    IReadOnlyList<string> SheetNames { get; }

    /// <summary>Things worth knowing that did not stop the reading, e.g. "read as Windows-1252, not UTF-8".</summary>
    IReadOnlyList<ImportIssue> Warnings { get; }

    /// <summary>The sheet's non-empty rows in order. Throws <see cref="ImportFileException"/> for damage or a limit passed.</summary>
    IEnumerable<SheetRow> ReadRows(string sheetName, CancellationToken cancellationToken);
}

/// <summary>Column letters as spreadsheets show them.</summary>
internal static class ColumnLetters
{
    /// <summary>1 → "A", 27 → "AA".</summary>
    public static string Of(int column)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(column, 1);
        var letters = "";
        for (var n = column; n > 0; n = (n - 1) / 26)
        {
            letters = (char)('A' + ((n - 1) % 26)) + letters;
        }
        return letters;
    }
}
