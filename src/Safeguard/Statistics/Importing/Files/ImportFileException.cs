namespace Safeguard.Statistics.Importing.Files;

/// <summary>
/// A file that cannot be read at all: wrong format, damaged, or over a limit. The message is written for the
/// person importing and says what and where ("budget.xlsx is not an XLSX workbook: it is not a zip file").
/// </summary>
internal sealed class ImportFileException(string message) : Exception(message);
