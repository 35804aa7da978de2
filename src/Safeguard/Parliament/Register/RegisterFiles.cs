using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Sylvan.Data.Csv;

namespace Safeguard.Parliament.Register;

/// <summary>
/// A register file that cannot be imported, with the place of the fault: the whole import is refused, so a person
/// fixes the one place and runs it again.
/// </summary>
internal sealed class RegisterFileException(string message) : Exception(message)
{
    public static RegisterFileException At(string file, long line, string column, string problem) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{file}, line {line}, column {column}: {problem}"));
}

/// <summary>An MP as a row of the MP list names them.</summary>
internal sealed record MpRow(int Line, string MnisId, string Name, string FullTitle, string Party, string ConstituencyCode, string ConstituencyName, string? Email);

/// <summary>
/// The MP list (<c>dfe-mp_lookup.csv</c>: one row per seat of the 2024 Parliament), read whole before anything is
/// written. Only the columns the register keeps are required; the list's other columns (local authorities, regions)
/// are left for the postcode lookup to come.
/// </summary>
internal static partial class MpList
{
    public static readonly string[] Columns = ["pcon_name", "pcon_code", "member_id", "full_title", "display_as", "party_text", "member_email"];

    public static IReadOnlyList<MpRow> Read(TextReader text, string file)
    {
        using var csv = CsvDataReader.Create(text, new CsvDataReaderOptions { HasHeaders = true, CsvStyle = CsvStyle.Standard, Comment = '\0' });
        var header = Enumerable.Range(0, csv.FieldCount).Select(csv.GetName).ToList();
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var name in Columns)
        {
            var index = header.IndexOf(name);
            if (index < 0)
            {
                throw RegisterFileException.At(file, 1, name, $"the column is missing; an MP list has the columns {string.Join(", ", Columns)}.");
            }
            columns[name] = index;
        }
        var rows = new List<MpRow>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var line = 1;
        while (Next(csv, file, line + 1))
        {
            line++;
            if (csv.RowFieldCount != header.Count)
            {
                throw RegisterFileException.At(file, line, Column(Math.Min(csv.RowFieldCount, header.Count) + 1, header),
                    $"the row has {csv.RowFieldCount} fields where the header has {header.Count}; check its commas and quote marks.");
            }
            string Field(string name, bool required = true)
            {
                var value = csv.GetString(columns[name]).Trim();
                if (required && value.Length == 0)
                {
                    throw RegisterFileException.At(file, line, Column(columns[name] + 1, header), "the field is empty.");
                }
                return value;
            }
            var mnisId = Field("member_id");
            if (!MnisIdFormat().IsMatch(mnisId))
            {
                throw RegisterFileException.At(file, line, Column(columns["member_id"] + 1, header), $"'{mnisId}' is not an MNIS id (a whole number).");
            }
            if (seen.TryGetValue(mnisId, out var first))
            {
                throw RegisterFileException.At(file, line, Column(columns["member_id"] + 1, header), $"MNIS id {mnisId} is on line {first} too.");
            }
            seen[mnisId] = line;
            var code = Field("pcon_code");
            if (!Constituencies.IsCode(code))
            {
                throw RegisterFileException.At(file, line, Column(columns["pcon_code"] + 1, header), $"'{code}' is not a constituency code (a letter and eight digits, as E14001063).");
            }
            var email = Field("member_email", required: false);
            rows.Add(new MpRow(line, mnisId, Field("display_as"), Field("full_title"), Field("party_text"), code, Field("pcon_name"), email.Length == 0 ? null : email));
        }
        return rows;
    }

    internal static bool Next(CsvDataReader csv, string file, int line)
    {
        try
        {
            return csv.Read();
        }
        catch (CsvFormatException)
        {
            throw RegisterFileException.At(file, line, "1", "the row is not valid CSV; check its quote marks (\").");
        }
    }

    internal static string Column(int number, List<string> header) =>
        number <= header.Count ? string.Create(CultureInfo.InvariantCulture, $"{number} ({header[number - 1]})") : number.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex("^[0-9]{1,9}$")]
    private static partial Regex MnisIdFormat();
}

/// <summary>The constituencies file (<c>postcodesio-constituencies.json</c>): an object of ONS code to name.</summary>
internal static partial class Constituencies
{
    public static bool IsCode(string code) => CodeFormat().IsMatch(code);

    public static IReadOnlyDictionary<string, string> Read(string json, string file)
    {
        var names = RegisterJson.Read<Dictionary<string, string>>(json, file);
        foreach (var (code, name) in names)
        {
            if (!IsCode(code) || string.IsNullOrWhiteSpace(name))
            {
                var (line, column) = RegisterJson.PlaceOf(json, $"\"{code}\"");
                throw RegisterFileException.At(file, line, column.ToString(CultureInfo.InvariantCulture), IsCode(code)
                    ? $"constituency {code} has no name."
                    : $"'{code}' is not a constituency code (a letter and eight digits, as E14001063).");
            }
        }
        return names;
    }

    [GeneratedRegex("^[EWSN][0-9]{8}$")]
    private static partial Regex CodeFormat();
}

/// <summary>The APPG's file (<c>appg-immigration-detention.json</c>) as far as the register and the group's page use it.</summary>
internal sealed record AppgFile(string Slug, string Title, IReadOnlyList<AppgFileOfficer> Officers, AppgFileMembers MembersList, AppgFileAgm? Agm, string? SourceUrl)
{
    public static AppgFile Read(string json, string file) => RegisterJson.Read<AppgFile>(json, file);
}

internal sealed record AppgFileOfficer(string Role, string Name, string? Party, string? TwfyId, string? MnisId, bool Removed);

internal sealed record AppgFileMembers(DateOnly? LastUpdated, IReadOnlyList<AppgFileMember> Members);

internal sealed record AppgFileMember(string Name, bool IsOfficer, AppgMemberType MemberType, string? MnisId, string? TwfyId, bool Removed);

internal sealed record AppgFileAgm(DateOnly? DateOfMostRecentAgm, string? ReportingYear, DateOnly? NextReportingDeadline);

/// <summary>The file's member_type.</summary>
internal enum AppgMemberType
{
    Mp,
    Lord,
}

/// <summary>The JSON files read strictly: a missing field or a value of the wrong kind is refused with its place.</summary>
internal static class RegisterJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        Converters = { new JsonStringEnumConverter<AppgMemberType>(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false) },
    };

    public static T Read<T>(string json, string file)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json, Options) ?? throw RegisterFileException.At(file, 1, "1", "the file holds null.");
        }
        catch (JsonException failure)
        {
            // The serializer's message names .NET types; the person needs the place and the field.
            var where = failure.Path is { Length: > 1 } path ? $" at {path}" : "";
            throw RegisterFileException.At(file, (failure.LineNumber ?? 0) + 1, ((failure.BytePositionInLine ?? 0) + 1).ToString(CultureInfo.InvariantCulture),
                $"the value{where} is missing, or is not what the file should hold there ({Reason(failure)}).");
        }
    }

    /// <summary>The line and column (1-based) of the first occurrence of <paramref name="token"/>.</summary>
    public static (int Line, int Column) PlaceOf(string json, string token)
    {
        var at = Math.Max(0, json.IndexOf(token, StringComparison.Ordinal));
        var lineStart = json.LastIndexOf('\n', Math.Max(0, at - 1)) + 1;
        return (json.AsSpan(0, at).Count('\n') + 1, at - lineStart + 1);
    }

    private static string Reason(JsonException failure)
    {
        var message = failure.Message;
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).TrimEnd('.');
    }
}
