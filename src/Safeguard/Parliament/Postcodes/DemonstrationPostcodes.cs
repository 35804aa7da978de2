using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Safeguard.Parliament.Data;

namespace Safeguard.Parliament.Postcodes;

/// <summary>
/// A few postcodes per constituency for a few constituencies, so that /parliament/your-mp works out of the box: the
/// real NSPL file is 1 GB and not shipped. They are made from the seats' real outward codes (GU11, UB3, ...) with
/// inward codes 1AB, 2DE and 3GH, and 9XY terminated in June 2019; the Crown Dependencies have theirs as ONS writes
/// them, with pseudo-codes for a constituency. They go through the same import as the command, as an NSPL file.
/// </summary>
internal static class DemonstrationPostcodes
{
    public const string FileName = "demonstration-postcodes.csv";

    /// <summary>Seats whose MP is the group's chair, an officer, a member, and not a member, with their outward codes.</summary>
    private static readonly (string Constituency, string[] Outward)[] Seats =
    [
        ("E14001175", ["SW2", "SW4"]),   // Clapham and Brixton Hill: the group's chair
        ("E14001276", ["UB3", "UB4"]),   // Hayes and Harlington: an officer; Harmondsworth IRC is in the seat
        ("E14001084", ["MK40", "MK42"]), // Bedford: a member
        ("E14001063", ["GU11", "GU12"]), // Aldershot: not a member
        ("E14001184", ["RH10", "RH11"]), // Crawley: not a member; Brook House and Tinsley House IRCs are by Gatwick
        ("E14001172", ["SW1A", "SW1P"]), // Cities of London and Westminster: not a member
        ("L99999999", ["JE2", "GY1"]),   // Jersey and Guernsey: the Channel Islands' pseudo-code
        ("M99999999", ["IM1"]),          // The Isle of Man's pseudo-code
    ];

    private static readonly string[] Inward = ["1AB", "2DE", "3GH"];

    public static async Task LoadAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        if (await services.GetRequiredService<ParliamentDbContext>().PostcodeEditions.AnyAsync(cancellationToken))
        {
            return;
        }
        using var file = PostcodeFile.Open(new StringReader(Nspl()), FileName);
        await services.GetRequiredService<PostcodeImport>().ImportAsync(file, null, cancellationToken);
    }

    /// <summary>The set as an NSPL file: its real columns, those the lookup does not read left empty.</summary>
    private static string Nspl()
    {
        const string header = "pcd7,pcd8,pcds,dointr,doterm,usrtypind,east1m,north1m,gridind,oa21cd,cty25cd,ced25cd,lad25cd,wd25cd,nhser24cd,ctry25cd,rgn25cd,pcon24cd,ttwa15cd,itl25cd,npark16cd,lsoa21cd,msoa21cd,wz11cd,sicbl24cd,bua24cd,ruc21ind,oac11ind,lat,long,lep21cd1,lep21cd2,pfa23cd,imd20ind,icb23cd";
        var empty = string.Concat(Enumerable.Repeat(",\"\"", 17));
        var text = new StringBuilder(header).Append('\n');
        foreach (var (constituency, outwards) in Seats)
        {
            foreach (var outward in outwards)
            {
                foreach (var (inward, terminated) in Inward.Select(i => (i, "")).Append(("9XY", "201906")))
                {
                    var postcode = $"{outward} {inward}";
                    text.Append(CultureInfo.InvariantCulture, $"\"{postcode.Replace(" ", "", StringComparison.Ordinal).PadRight(7)}\",\"{postcode.PadRight(8)}\",\"{postcode}\",\"198001\",\"{terminated}\",\"0\",\"\",\"\",\"1\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"{constituency}\"{empty}\n");
                }
            }
        }
        return text.ToString();
    }
}
