using Safeguard.Statistics.Importing;
using Safeguard.Statistics.Staff;

namespace Safeguard.Statistics.Contracts;

/// <summary>
/// How another module hands a document to the statistics import (the FOI module, an answer's spreadsheet): it asks
/// whether the file can be read as figures at all, then hands it over to the person's import pages, where they pick
/// the template and see the preview as for any upload.
/// </summary>
public sealed class ImportGateway
{
    private readonly StatisticsImporter importer;
    private readonly ImportUploads uploads;

    // Internal: the importer and the uploads are the module's own; AddStatistics builds the gateway.
    internal ImportGateway(StatisticsImporter importer, ImportUploads uploads)
    {
        this.importer = importer;
        this.uploads = uploads;
    }

    /// <summary>Why the file cannot be imported as figures (the importer's first issue), or null when it can be read.</summary>
    public async Task<string?> RefusalAsync(string fileName, byte[] content, CancellationToken cancellationToken)
    {
        try
        {
            await importer.TemplatesThatFitAsync(fileName, content, cancellationToken);
            return null;
        }
        catch (ImportRejectedException unreadable)
        {
            return unreadable.Issues[0].Message;
        }
    }

    /// <summary>Keeps the file as an upload of <paramref name="ownerId"/>, from <paramref name="source"/>; the address of its import page.</summary>
    public async Task<string> HandOverAsync(string ownerId, string fileName, byte[] content, SourceDetails source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        var upload = await uploads.AddAsync(ownerId, fileName, content, source.Title, source.Authority, source.Reference, source.DateReceived, cancellationToken);
        return StatisticsStaffPaths.Import(upload);
    }
}
