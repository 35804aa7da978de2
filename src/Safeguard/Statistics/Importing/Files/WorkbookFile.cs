namespace Safeguard.Statistics.Importing.Files;

/// <summary>
/// Opens an uploaded file for import. The format is decided by what the bytes are, checked against the file's
/// extension, so that a mismatch is explained to the person importing rather than read as nonsense.
/// </summary>
internal static class WorkbookFile
{
    private enum Format
    {
        Csv,
        Xlsx,
        Ods,
    }

    /// <summary>What the bytes look like: an importable format, or a description of something that is not.</summary>
    private sealed record Sniffed(Format? Format, string Description, string Advice);

    /// <summary>
    /// Opens <paramref name="content"/> as a CSV (.csv, .txt), XLSX (.xlsx) or ODS (.ods) file. Only the zip
    /// directory of a workbook and its list of sheets are read here; rows are read by
    /// <see cref="IWorkbook.ReadRows"/>.
    /// </summary>
    /// <param name="fileName">The name the file was uploaded with; a path is reduced to its last part.</param>
    /// <param name="content">The whole file.</param>
    /// <param name="limits">The limits to refuse the file at.</param>
    /// <exception cref="ImportFileException">The file is over a limit, damaged, or not what its name says.</exception>
    public static IWorkbook Open(string fileName, byte[] content, ImportLimits limits)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(limits);

        var name = fileName[(fileName.LastIndexOfAny(['/', '\\']) + 1)..];
        limits.CheckFileSize(name, content.LongLength);

        var expected = Path.GetExtension(name).ToUpperInvariant() switch
        {
            ".CSV" or ".TXT" => Format.Csv,
            ".XLSX" => Format.Xlsx,
            ".ODS" => Format.Ods,
            _ => (Format?)null,
        };

        if (content.Length == 0)
        {
            return expected switch
            {
                Format.Csv => CsvWorkbook.Open(name, content, limits),
                null => throw new ImportFileException($"Only CSV, XLSX and ODS files can be imported; '{name}' is empty"),
                _ => throw new ImportFileException($"{name} is empty"),
            };
        }

        ZipPackage? package = null;
        if (IsZip(content))
        {
            if (expected is not (null or Format.Csv))
            {
                // The damage is the news here; as a CSV it would be a mismatch first.
                package = ZipPackage.Open(name, content, limits);
            }
            else
            {
                try
                {
                    package = ZipPackage.Open(name, content, limits);
                }
                catch (ImportFileException) when (!ZipLooksWhole(content))
                {
                    package = null;
                }
            }
        }

        var sniffed = package is null ? SniffBytes(content) : SniffZip(package);
        if (expected is null)
        {
            var advice = sniffed.Format switch
            {
                Format.Csv => "if it is CSV, rename it to end in .csv",
                Format.Xlsx => "rename it to end in .xlsx",
                Format.Ods => "rename it to end in .ods",
                _ => sniffed.Advice,
            };
            throw new ImportFileException(
                $"Only CSV, XLSX and ODS files can be imported; '{name}' is {sniffed.Description}; {advice}");
        }
        if (sniffed.Format != expected)
        {
            var advice = sniffed.Format switch
            {
                Format.Csv => "save it as .csv or as a workbook",
                Format.Xlsx => $"rename it to end in .xlsx, or save it as {Short(expected.Value)}",
                Format.Ods => $"rename it to end in .ods, or save it as {Short(expected.Value)}",
                _ => sniffed.Advice,
            };
            throw new ImportFileException($"{name} is not {Describe(expected.Value)}: it is {sniffed.Description}; {advice}");
        }

        return expected switch
        {
            Format.Csv => CsvWorkbook.Open(name, content, limits),
            Format.Xlsx => XlsxWorkbook.Open(package!, limits),
            _ => OdsWorkbook.Open(package!, limits),
        };
    }

    private static string Describe(Format format) => format switch
    {
        Format.Csv => "a CSV file",
        Format.Xlsx => "an XLSX workbook",
        _ => "an ODS spreadsheet",
    };

    private static string Short(Format format) => format switch
    {
        Format.Csv => "CSV",
        Format.Xlsx => "XLSX",
        _ => "ODS",
    };

    private const string SaveAsImportable = "save it as CSV, XLSX or ODS";

    private static bool IsZip(ReadOnlySpan<byte> content) =>
        content.StartsWith("PK\x03\x04"u8) || content.StartsWith("PK\x05\x06"u8) || content.StartsWith("PK\x07\x08"u8);

    /// <summary>Whether the zip's end-of-directory record is present, i.e. the archive was not cut short.</summary>
    private static bool ZipLooksWhole(ReadOnlySpan<byte> content)
    {
        var tail = content[Math.Max(0, content.Length - 66_000)..];
        return tail.LastIndexOf("PK\x05\x06"u8) >= 0;
    }

    private static Sniffed SniffZip(ZipPackage package)
    {
        using var archive = package.OpenArchive();
        var mimetype = archive.GetEntry("mimetype");
        if (mimetype is not null)
        {
            var type = package.ReadText(mimetype, 200).Trim();
            return type switch
            {
                "application/vnd.oasis.opendocument.spreadsheet" => new(Format.Ods, "an ODS spreadsheet", ""),
                "application/vnd.oasis.opendocument.text" =>
                    new(null, "an OpenDocument text document (.odt)", SaveAsImportable),
                _ => new(null, $"an OpenDocument file of type {type}", SaveAsImportable),
            };
        }
        if (archive.GetEntry("[Content_Types].xml") is not null)
        {
            var names = archive.Entries.Select(e => e.FullName).ToList();
            if (names.Contains("xl/workbook.bin"))
            {
                return new(null, "an Excel binary workbook (.xlsb)", "save it as XLSX or ODS");
            }
            if (names.Exists(n => n.StartsWith("xl/", StringComparison.Ordinal)))
            {
                return new(Format.Xlsx, "an XLSX workbook", "");
            }
            if (names.Exists(n => n.StartsWith("word/", StringComparison.Ordinal)))
            {
                return new(null, "a Word document (.docx)", SaveAsImportable);
            }
            if (names.Exists(n => n.StartsWith("ppt/", StringComparison.Ordinal)))
            {
                return new(null, "a PowerPoint presentation (.pptx)", SaveAsImportable);
            }
            return new(null, "an Office file that holds no workbook", SaveAsImportable);
        }
        return new(null, "a zip archive", "unzip it and import the spreadsheet inside");
    }

    private static Sniffed SniffBytes(ReadOnlySpan<byte> content)
    {
        if (IsZip(content))
        {
            return new(null, "a damaged zip archive", "save the spreadsheet again and upload the new file");
        }
        if (content.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]))
        {
            return new(null, "an old-style Excel workbook (.xls) or a password-protected workbook",
                "save it as XLSX or ODS, without a password");
        }
        if (content.StartsWith("%PDF"u8))
        {
            return new(null, "a PDF document", "export its tables as CSV or XLSX");
        }
        if (content.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47]) || content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])
            || content.StartsWith("GIF8"u8))
        {
            return new(null, "an image", SaveAsImportable);
        }
        if (content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || content.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return new(Format.Csv, "plain text", "");
        }

        var head = content[..Math.Min(content.Length, 8 * 1024)];
        foreach (var b in head)
        {
            if (b < 0x20 && b is not ((byte)'\t' or (byte)'\n' or (byte)'\r' or 0x0C or 0x1A))
            {
                return new(null, "not text and not a spreadsheet", SaveAsImportable);
            }
        }
        var start = head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? head[3..] : head;
        start = start.TrimStart(" \t\r\n"u8);
        if (StartsWithIgnoringCase(start, "<!doctype html") || StartsWithIgnoringCase(start, "<html"))
        {
            return new(null, "a web page (HTML)", SaveAsImportable);
        }
        if (start.StartsWith("<?xml"u8))
        {
            return head.IndexOf("urn:schemas-microsoft-com:office:spreadsheet"u8) >= 0
                ? new(null, "an Excel 2003 XML spreadsheet", "save it as XLSX or ODS")
                : new(null, "an XML file", SaveAsImportable);
        }
        return new(Format.Csv, "plain text", "");
    }

    private static bool StartsWithIgnoringCase(ReadOnlySpan<byte> bytes, string prefix)
    {
        if (bytes.Length < prefix.Length)
        {
            return false;
        }
        for (var i = 0; i < prefix.Length; i++)
        {
            if (char.ToLowerInvariant((char)bytes[i]) != prefix[i])
            {
                return false;
            }
        }
        return true;
    }
}
