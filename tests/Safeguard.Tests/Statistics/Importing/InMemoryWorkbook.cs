using System.Globalization;
using Safeguard.Statistics.Importing;
using Safeguard.Statistics.Importing.Files;

namespace Safeguard.Tests.Statistics.Importing;

/// <summary>
/// A workbook held as rows of cells, so that templates are tested without any file format. Rows are given as
/// arrays of cell values, one array per spreadsheet row from row 1: null or "" is an empty cell, a string is text,
/// a number is a number cell, and a <see cref="Cell"/> is used as it is (its column is taken from its position).
/// Rows with no cells are left out, as the real readers leave them out.
/// </summary>
internal sealed class InMemoryWorkbook(string fileName, IReadOnlyList<(string Name, IReadOnlyList<SheetRow> Rows)> sheets) : IWorkbook
{
    public string FileName { get; } = fileName;

    public IReadOnlyList<string> SheetNames { get; } = sheets.Select(s => s.Name).ToList();

    public IReadOnlyList<ImportIssue> Warnings { get; init; } = [];

    /// <summary>A workbook of one sheet.</summary>
    public static InMemoryWorkbook Of(string fileName, string sheetName, params object?[][] rows) => new(fileName, [Sheet(sheetName, rows)]);

    /// <summary>A CSV-like workbook: one sheet named after the file.</summary>
    public static InMemoryWorkbook Csv(string fileName, params object?[][] rows) =>
        new(fileName, [Sheet(Path.GetFileNameWithoutExtension(fileName), rows)]);

    public static (string Name, IReadOnlyList<SheetRow> Rows) Sheet(string name, params object?[][] rows)
    {
        var sheetRows = new List<SheetRow>();
        for (var r = 0; r < rows.Length; r++)
        {
            var cells = new List<Cell>();
            for (var c = 0; c < rows[r].Length; c++)
            {
                var column = c + 1;
                switch (rows[r][c])
                {
                    case null:
                    case "":
                        break;
                    case string text:
                        cells.Add(new Cell(column, text, CellKind.Text));
                        break;
                    case Cell cell:
                        cells.Add(cell with { Column = column });
                        break;
                    case IFormattable number:
                        cells.Add(new Cell(column, number.ToString(null, CultureInfo.InvariantCulture), CellKind.Number));
                        break;
                    default:
                        throw new ArgumentException($"Cannot put a {rows[r][c]!.GetType().Name} in a cell.", nameof(rows));
                }
            }
            if (cells.Count > 0)
            {
                sheetRows.Add(new SheetRow(r + 1, cells));
            }
        }
        return (name, sheetRows);
    }

    public IEnumerable<SheetRow> ReadRows(string sheetName, CancellationToken cancellationToken) =>
        sheets.Single(s => s.Name == sheetName).Rows;

    public void Dispose()
    {
    }
}
