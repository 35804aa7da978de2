using System.Text;
using System.Text.Json;
using Bogus;
using Microsoft.Extensions.DependencyInjection;

namespace Safeguard.Tests.Parliament;

/// <summary>A synthetic MP in the MP list's shape: a made-up name (Bogus) in a real constituency.</summary>
internal sealed record SyntheticMp(string MnisId, string Name, string Party, string Code, string Seat);

/// <summary>
/// Small register files in the shapes of the real ones (dfe-mp_lookup.csv, appg-immigration-detention.json), with
/// synthetic people, so a test can change one member and see what a re-import reports.
/// </summary>
internal static class SyntheticRegister
{
    private const string Header = "\"pcon_name\",\"pcon_code\",\"member_id\",\"full_title\",\"display_as\",\"party_text\",\"member_email\",\"election_result_summary_2024\",\"region_name\"";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private static readonly (string Code, string Seat)[] Seats = [("E14001063", "Aldershot"), ("E14001064", "Aldridge-Brownhills"), ("E14001065", "Altrincham and Sale West"), ("E14001066", "Amber Valley")];

    /// <summary>The first <paramref name="count"/> seats, each with a synthetic MP whose MNIS id starts at <paramref name="firstMnisId"/>.</summary>
    public static List<SyntheticMp> Mps(int count, int firstMnisId = 90001)
    {
        var faker = new Faker("en_GB") { Random = new Randomizer(firstMnisId) };
        return [.. Seats.Take(count).Select((seat, i) => new SyntheticMp((firstMnisId + i).ToString(System.Globalization.CultureInfo.InvariantCulture), faker.Name.FullName(), i % 2 == 0 ? "Labour" : "Conservative", seat.Code, seat.Seat))];
    }

    public static string MpList(IEnumerable<SyntheticMp> mps)
    {
        var text = new StringBuilder(Header).Append('\n');
        foreach (var mp in mps)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture,
                $"\"{mp.Seat}\",\"{mp.Code}\",\"{mp.MnisId}\",\"{mp.Name} MP\",\"{mp.Name}\",\"{mp.Party}\",\"mp{mp.MnisId}@example.org\",\"Lab hold\",\"South East\"\n");
        }
        return text.ToString();
    }

    /// <summary>An APPG file naming <paramref name="members"/> (MNIS id, removed) and <paramref name="officers"/> (MNIS id, role).</summary>
    public static string AppgFile(IEnumerable<(SyntheticMp Mp, bool Removed)> members, IEnumerable<(SyntheticMp Mp, string Role)> officers, string lastUpdated = "2026-07-16") =>
        JsonSerializer.Serialize(new
        {
            slug = "immigration-detention",
            title = "All-Party Parliamentary Group on Immigration Detention",
            officers = officers.Select(o => new { role = o.Role, name = o.Mp.Name, party = o.Mp.Party, twfy_id = (string?)null, mnis_id = o.Mp.MnisId, removed = false }),
            members_list = new
            {
                last_updated = lastUpdated,
                members = members.Select(m => new { name = m.Mp.Name, is_officer = false, member_type = "mp", mnis_id = m.Mp.MnisId, twfy_id = (string?)null, removed = m.Removed }),
            },
            agm = new { date_of_most_recent_agm = "2026-02-02", reporting_year = "02 Dec to 01 Dec", next_reporting_deadline = "2027-04-02" },
            source_url = "https://publications.parliament.uk/pa/cm/cmallparty/260629/immigration-detention.htm",
        }, Indented);

    /// <summary>Imports a group of four synthetic MPs, the first its chair; the group's file has its AGM on 2 February 2026 and its next reporting deadline on 2 April 2027.</summary>
    public static async Task<List<SyntheticMp>> ImportGroupAsync(Http.PortalFactory factory, int firstMnisId)
    {
        var mps = Mps(4, firstMnisId);
        using var scope = factory.Services.CreateScope();
        var files = new Safeguard.Parliament.Register.RegisterFiles(
            Safeguard.Parliament.Register.MpList.Read(new StringReader(MpList(mps)), "mps.csv"), null,
            Safeguard.Parliament.Register.AppgFile.Read(AppgFile([.. mps.Select(m => (m, false))], [(mps[0], "Chair & Registered Contact")]), "appg.json"),
            "mps.csv");
        await scope.ServiceProvider.GetRequiredService<Safeguard.Parliament.Register.RegisterImport>().ImportAsync(files, TestContext.Current.CancellationToken);
        return mps;
    }

    /// <summary>The folder of the real register files, beside the repository (../shared/data/parliament).</summary>
    public static string SharedDataFolder()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Safeguard.slnx")))
        {
            folder = folder.Parent;
        }
        return Path.GetFullPath(Path.Combine(folder.ShouldNotBeNull("the tests run inside the repository").FullName, "..", "shared", "data", "parliament"));
    }
}
