using System.Text;
using Safeguard.Statistics.Contracts;
using Safeguard.Statistics.Importing;

namespace Safeguard.Tests.Http;

/// <summary>Small tables in the Home Office's shapes, with synthetic figures, for tests that need an import to happen.</summary>
internal static class SyntheticTables
{
    /// <summary>
    /// One year of the deaths and absconds table, read by its shipped template into <paramref name="release"/>; each year
    /// makes a different file, so its figures and its hash are its own.
    /// </summary>
    public static ImportRequest DeathsAndAbsconds(string release, int year, string file = "deaths.csv") => new(file, Encoding.UTF8.GetBytes(
            $"Year,Deaths of persons detained under Immigration Powers,Of which occurred in the detention estate,Escapes from detention centres,Absconds from escort\n{year},2,1,0,3\n"),
        "home-office-deaths-and-absconds", release, new SourceDetails());
}
