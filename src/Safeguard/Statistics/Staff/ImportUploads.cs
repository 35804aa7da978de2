using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Safeguard.Platform;
using Safeguard.Statistics.Data;
using Safeguard.Statistics.Model;

namespace Safeguard.Statistics.Staff;

/// <summary>
/// Files uploaded on the staff pages, kept in the database between the upload and the commit. Each is found by its
/// random id <em>and</em> its owner, so one account can never open another's upload (the page answers 404, as for
/// an id that does not exist); uploads older than <see cref="Lifetime"/> are gone.
/// </summary>
internal sealed class ImportUploads(StatisticsDbContext db, TimeProvider clock)
{
    /// <summary>How long an upload is kept without being imported.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    /// <summary>Stores an upload for its owner and removes expired ones; returns the new id.</summary>
    public async Task<string> AddAsync(string ownerId, string fileName, byte[] content, string? title, string authority, string? reference,
        DateOnly? dateReceived, CancellationToken cancellationToken)
    {
        await RemoveExpiredAsync(cancellationToken);
        var upload = new ImportUpload
        {
            Id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            OwnerId = ownerId,
            FileName = StoredFileName.From(fileName),
            Content = content,
            Title = title,
            Authority = authority,
            Reference = reference,
            DateReceived = dateReceived,
            UploadedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.ImportUploads.Add(upload);
        await db.SaveChangesAsync(cancellationToken);
        db.Entry(upload).State = EntityState.Detached;
        return upload.Id;
    }

    /// <summary>The owner's upload with this id, or null (unknown, someone else's, or expired).</summary>
    public async Task<ImportUpload?> FindAsync(string id, string ownerId, CancellationToken cancellationToken)
    {
        if (id.Length != 32)
        {
            return null;
        }
        var since = clock.GetUtcNow().UtcDateTime - Lifetime;
        return await db.ImportUploads.AsNoTracking()
            .FirstOrDefaultAsync(u => u.Id == id && u.OwnerId == ownerId && u.UploadedAtUtc > since, cancellationToken);
    }

    /// <summary>Removes an upload once it has been imported.</summary>
    public Task RemoveAsync(string id, CancellationToken cancellationToken) =>
        db.ImportUploads.Where(u => u.Id == id).ExecuteDeleteAsync(cancellationToken);

    private Task<int> RemoveExpiredAsync(CancellationToken cancellationToken)
    {
        var before = clock.GetUtcNow().UtcDateTime - Lifetime;
        return db.ImportUploads.Where(u => u.UploadedAtUtc <= before).ExecuteDeleteAsync(cancellationToken);
    }
}
