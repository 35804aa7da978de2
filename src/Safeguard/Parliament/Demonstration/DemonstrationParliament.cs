using Microsoft.EntityFrameworkCore;
using Safeguard.Parliament.Data;
using Safeguard.Parliament.Register;
using Safeguard.Platform;

namespace Safeguard.Parliament.Demonstration;

/// <summary>
/// The register and the APPG imported from the public files kept beside the repository (the MP list, constituency
/// names and the group's register entry), through the same import as the command, so that /parliament/appg shows
/// real members out of the box, and the group's meetings of 2024 and 2025 on that register. Without the folder the
/// demonstration has no register, and no meetings.
/// </summary>
internal static class DemonstrationParliament
{
    private const string DefaultFolder = "../shared/data/parliament";

    public static async Task LoadAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var configured = services.GetRequiredService<IConfiguration>()[SafeguardSettings.DemonstrationParliamentFolder] ?? DefaultFolder;
        if (configured.Length == 0 || !Directory.Exists(configured))
        {
            return;
        }
        if (!await services.GetRequiredService<ParliamentDbContext>().Parliamentarians.AnyAsync(cancellationToken))
        {
            FileInfo? File(string name) => new FileInfo(Path.Combine(configured, name)) is { Exists: true } file ? file : null;
            var files = await RegisterFiles.ReadAsync(File("dfe-mp_lookup.csv"), File("postcodesio-constituencies.json"), File("appg-immigration-detention.json"), cancellationToken);
            await services.GetRequiredService<RegisterImport>().ImportAsync(files, cancellationToken);
        }
        await Meetings.DemonstrationMeetings.LoadAsync(services, cancellationToken);
        await Bills.DemonstrationBills.LoadAsync(services, cancellationToken);
    }
}
