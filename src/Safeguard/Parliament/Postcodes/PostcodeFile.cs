using System.Globalization;
using Safeguard.Parliament.Register;
using Sylvan.Data.Csv;

namespace Safeguard.Parliament.Postcodes;

/// <summary>One row of an ONS postcode file, as the lookup keeps it.</summary>
internal readonly record struct PostcodeRow(int Line, Postcode Postcode, string? ConstituencyCode, DateOnly? TerminatedOn);

/// <summary>
/// An ONS postcode file (NSPL or ONSPD, about 2.7 million rows), read a row at a time so that memory stays flat
/// whatever its size. The header says which product it is and where the three columns the lookup needs are: the
/// postcode (<c>pcds</c>), its termination month (<c>doterm</c>, <c>YYYYMM</c>, empty while in use) and its 2024
/// Westminster constituency (<c>pcon24cd</c> in the editions from 2025; <c>pcon</c> before, which holds the 2024
/// boundaries from the August 2024 editions). A row that is not what ONS writes refuses the file, with its line and column.
/// </summary>
internal sealed class PostcodeFile : IDisposable
{
    /// <summary>The constituency column's names, newest first.</summary>
    public static readonly string[] ConstituencyColumns = ["pcon24cd", "pcon"];

    private readonly CsvDataReader csv;
    private readonly List<string> header;
    private readonly int postcode;
    private readonly int terminated;
    private readonly int constituency;

    private PostcodeFile(CsvDataReader csv, string name, List<string> header, PostcodeProduct product, int postcode, int terminated, int constituency)
    {
        this.csv = csv;
        this.header = header;
        Name = name;
        Product = product;
        this.postcode = postcode;
        this.terminated = terminated;
        this.constituency = constituency;
    }

    /// <summary>The file's name, for messages and the edition's record.</summary>
    public string Name { get; }

    public PostcodeProduct Product { get; }

    /// <summary>Reads the header; refuses a file that lacks a column the lookup needs.</summary>
    public static PostcodeFile Open(TextReader text, string name)
    {
        var csv = CsvDataReader.Create(text, new CsvDataReaderOptions { HasHeaders = true, CsvStyle = CsvStyle.Standard, Comment = '\0', BufferSize = 1 << 16 });
        var header = Enumerable.Range(0, csv.FieldCount).Select(i => csv.GetName(i).Trim().ToLowerInvariant()).ToList();
        int Required(params string[] names) => names.Select(n => header.IndexOf(n)).FirstOrDefault(i => i >= 0, -1) is var index and >= 0
            ? index
            : throw RegisterFileException.At(name, 1, names[0],
                $"the column is missing; an NSPL or ONSPD file has the columns pcds, doterm and pcon24cd (or pcon in editions before 2025).");
        var postcode = Required("pcds");
        var terminated = Required("doterm");
        var constituency = Required(ConstituencyColumns);
        // The directory places a postcode in its parish as well; the lookup has no parish column.
        var product = header.Any(h => h == "parish" || h.StartsWith("parncp", StringComparison.Ordinal)) ? PostcodeProduct.Onspd : PostcodeProduct.Nspl;
        return new PostcodeFile(csv, name, header, product, postcode, terminated, constituency);
    }

    /// <summary>The rows, one at a time, each checked as it is read.</summary>
    public IEnumerable<PostcodeRow> Rows()
    {
        var line = 1;
        while (MpList.Next(csv, Name, line + 1))
        {
            line++;
            if (csv.RowFieldCount != header.Count)
            {
                throw RegisterFileException.At(Name, line, MpList.Column(Math.Min(csv.RowFieldCount, header.Count) + 1, header),
                    string.Create(CultureInfo.InvariantCulture, $"the row has {csv.RowFieldCount} fields where the header has {header.Count}; check its commas and quote marks."));
            }
            yield return new PostcodeRow(line, ReadPostcode(line), ReadConstituency(line), ReadTerminated(line));
        }
    }

    private Postcode ReadPostcode(int line)
    {
        var text = csv.GetString(postcode);
        return Postcode.TryRead(text, out var read) ? read : throw Fault(line, postcode, $"'{text}' is not a postcode.");
    }

    private string? ReadConstituency(int line)
    {
        var code = csv.GetString(constituency).Trim();
        // ONS writes a pseudo-code (a country letter and eight nines) where a postcode has no constituency, and nothing in old rows.
        if (code.Length == 0 || code.EndsWith("99999999", StringComparison.Ordinal))
        {
            return null;
        }
        return Constituencies.IsCode(code) ? code : throw Fault(line, constituency, $"'{code}' is not a constituency code (a letter and eight digits, as E14001063).");
    }

    private DateOnly? ReadTerminated(int line)
    {
        var text = csv.GetString(terminated).Trim();
        if (text.Length == 0)
        {
            return null;
        }
        return DateOnly.TryParseExact(text, "yyyyMM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month)
            ? month
            : throw Fault(line, terminated, $"'{text}' is not a month of termination (YYYYMM, as 202403) or empty.");
    }

    private RegisterFileException Fault(int line, int column, string problem) => RegisterFileException.At(Name, line, MpList.Column(column + 1, header), problem);

    public void Dispose() => csv.Dispose();
}
