using System.Globalization;
using System.Text;

namespace Safeguard.Tests.Parliament;

/// <summary>A postcode as an ONS file lists it: its 2024 constituency code (or a pseudo-code) and termination month (YYYYMM).</summary>
internal sealed record OnsPostcode(string Pcds, string Constituency, string Terminated = "");

/// <summary>
/// Small ONS postcode files in the real products' shapes, made in the test: the NSPL with its 2025 columns (pcon24cd)
/// and the ONSPD with its older ones (pcon, and a parish column, which the NSPL lacks). Every column is there, the
/// ones the lookup does not read filled with codes of the right shape.
/// </summary>
internal static class SyntheticPostcodes
{
    public const string NsplHeader = "pcd7,pcd8,pcds,dointr,doterm,usrtypind,east1m,north1m,gridind,oa21cd,cty25cd,ced25cd,lad25cd,wd25cd,nhser24cd,ctry25cd,rgn25cd,pcon24cd,ttwa15cd,itl25cd,npark16cd,lsoa21cd,msoa21cd,wz11cd,sicbl24cd,bua24cd,ruc21ind,oac11ind,lat,long,lep21cd1,lep21cd2,pfa23cd,imd20ind,icb23cd";

    public const string OnspdHeader = "pcd,pcd2,pcds,dointr,doterm,oscty,ced,oslaua,osward,parish,usertype,oseast1m,osnrth1m,osgrdind,oshlthau,nhser,ctry,rgn,streg,pcon,eer,teclec,ttwa,pct,itl,statsward,oa01,casward,npark,lsoa01,msoa01,ur01ind,oac01,oa11,lsoa11,msoa11,wz11,sicbl,bua24,ru11ind,oac11,lat,long,lep1,lep2,pfa,imd,calncv,icb,oa21,lsoa21,msoa21";

    public static string Nspl(IEnumerable<OnsPostcode> postcodes) => File(NsplHeader, postcodes);

    public static string Onspd(IEnumerable<OnsPostcode> postcodes) => File(OnspdHeader, postcodes);

    /// <summary>
    /// <paramref name="count"/> different live postcodes spread over the seats given, in each seat's postcode area, as
    /// "GU1 0AA", "GU1 0AB", ... (4,000 to a district, then "GU2 0AA").
    /// </summary>
    public static List<OnsPostcode> Many(int count, params (string Area, string Constituency)[] seats) =>
        [.. Enumerable.Range(0, count).Select(i =>
        {
            var (area, constituency) = seats[i % seats.Length];
            var n = i / seats.Length;
            return new OnsPostcode(string.Create(CultureInfo.InvariantCulture, $"{area}{1 + n / 4000} {n / 400 % 10}{(char)('A' + n / 20 % 20)}{(char)('A' + n % 20)}"), constituency);
        })];

    private static string File(string header, IEnumerable<OnsPostcode> postcodes)
    {
        var columns = header.Split(',');
        var text = new StringBuilder(header).Append('\n');
        foreach (var postcode in postcodes)
        {
            var fields = columns.Select(column => column switch
            {
                "pcd7" or "pcd" => postcode.Pcds.Replace(" ", "", StringComparison.Ordinal).PadRight(7),
                "pcd8" or "pcd2" => postcode.Pcds.PadRight(8),
                "pcds" => postcode.Pcds,
                "dointr" => "198001",
                "doterm" => postcode.Terminated,
                "pcon24cd" or "pcon" => postcode.Constituency,
                "lat" => "51.248366",
                "long" => "-0.763170",
                "ctry25cd" or "ctry" => postcode.Constituency[0] + "92000001",
                _ => postcode.Constituency[0] + "99999999",
            });
            text.AppendJoin(',', fields.Select(f => $"\"{f}\"")).Append('\n');
        }
        return text.ToString();
    }
}
