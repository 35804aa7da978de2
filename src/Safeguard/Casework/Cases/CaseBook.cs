using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Safeguard.Audit.Contracts;
using Safeguard.Casework.Access;
using Safeguard.Casework.Assessments;
using Safeguard.Casework.Data;
using Safeguard.Casework.Detention;
using Safeguard.Casework.Documents;
using Safeguard.Casework.HomeOfficeEvents;
using Safeguard.Casework.Protection;
using Safeguard.Casework.Search;
using Safeguard.Platform;
using Safeguard.Platform.Encryption;

namespace Safeguard.Casework.Cases;

/// <summary>
/// Every change to a case: each is made on a case already opened through <see cref="CaseAccess"/>, encrypts what
/// identifies the person or describes their health before it is stored, and is recorded on the audit trail in the
/// same transaction (record type <c>case</c>, the case number, what changed in a few words: the record and its id,
/// and the names of the fields that changed, never their values). A record is added and changed by the same method,
/// so a correction is stored exactly as the first entry was.
/// </summary>
internal sealed class CaseBook(CaseworkDbContext db, FieldEncryption cipher, CaseSearchIndex search, CaseworkAudit audit, IAuditOrigin origin, TimeProvider time)
{
    /// <summary>
    /// A new client with <paramref name="identity"/> encrypted, its tags and its assigned staff, to be added by the
    /// caller in its transaction, indexed for search; its case number is set by <see cref="NumberAsync"/> once the row has its id.
    /// </summary>
    public async Task<Client> NewClientAsync(ClientIdentity identity, DateOnly openedOn, IReadOnlyCollection<string> tags, IReadOnlyCollection<string> assignedAccountIds, CancellationToken cancellationToken)
    {
        var client = new Client { CaseNumber = $"new-{Guid.NewGuid():N}"[..20], OpenedOn = openedOn, NameCipher = "" };
        Protect(client, identity);
        await search.IndexAsync(client, identity, cancellationToken);
        client.Tags.AddRange(tags.Distinct(StringComparer.Ordinal).Select(t => new ClientTag { Tag = t }));
        var now = time.GetUtcNow().UtcDateTime;
        client.Assignments.AddRange(assignedAccountIds.Distinct(StringComparer.Ordinal)
            .Select(id => new CaseAssignment { AccountId = id, AssignedAtUtc = now, AssignedBy = origin.Actor }));
        db.Clients.Add(client);
        return client;
    }

    /// <summary>Saves a new client, then gives it its case number, which names the row and so is known only once the row is.</summary>
    public async Task<string> NumberAsync(Client client, CancellationToken cancellationToken)
    {
        await db.SaveChangesAsync(cancellationToken);
        client.CaseNumber = CaseNumbers.For(client.OpenedOn, client.Id);
        await db.SaveChangesAsync(cancellationToken);
        return client.CaseNumber;
    }

    public async Task UpdateIdentityAsync(OpenedCase opened, ClientIdentity identity, IReadOnlyCollection<string> tags, CancellationToken cancellationToken)
    {
        var client = await db.Clients.Include(c => c.Tags).Include(c => c.SearchEntries).SingleAsync(c => c.Id == opened.ClientId, cancellationToken);
        Protect(client, identity);
        await search.IndexAsync(client, identity, cancellationToken);
        var wanted = tags.Distinct(StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal);
        client.Tags.RemoveAll(t => !wanted.Contains(t.Tag));
        client.Tags.AddRange(wanted.Where(t => client.Tags.All(existing => existing.Tag != t)).Select(t => new ClientTag { Tag = t }));
        await audit.SaveAsync(db, AuditAction.Update, CaseworkAudit.Case, opened.CaseNumber, $"details and tags changed{opened.AccessNote}", cancellationToken);
    }

    /// <summary>Adds a stay (<paramref name="episodeId"/> null) or changes one of the case; its id, or null when the case has no such episode (or no longer has it).</summary>
    public async Task<int?> SaveEpisodeAsync(OpenedCase opened, int? episodeId, EpisodeInput input, CancellationToken cancellationToken)
    {
        var episode = await FindOrAddAsync(Episodes(opened), episodeId, () => new DetentionEpisode { ClientId = opened.ClientId, CentreSlug = input.CentreSlug }, cancellationToken);
        if (episode is null)
        {
            return null;
        }
        episode.CentreSlug = input.CentreSlug;
        episode.From = input.From;
        episode.To = input.To;
        episode.EndedBy = input.To is null ? null : input.EndedBy;
        return await SaveAsync(opened, episode, () => $"detention episode {episode.Id}", "", cancellationToken);
    }

    /// <summary>Adds a clinical assessment (<paramref name="assessmentId"/> null) or changes one of the case; its id, or null when the case has no such assessment (or no longer has it).</summary>
    public async Task<int?> SaveAssessmentAsync(OpenedCase opened, int? assessmentId, AssessmentInput input, CancellationToken cancellationToken)
    {
        var assessment = await FindOrAddAsync(Assessments(opened), assessmentId, () => new ClinicalAssessment
        {
            ClientId = opened.ClientId,
            ClinicianName = input.ClinicianName,
            CentreSlug = input.CentreSlug,
            RecordedAtUtc = time.GetUtcNow().UtcDateTime,
            RecordedBy = origin.Actor,
        }, cancellationToken);
        if (assessment is null)
        {
            return null;
        }
        assessment.ClinicianName = input.ClinicianName;
        assessment.AssessedOn = input.AssessedOn;
        assessment.CentreSlug = input.CentreSlug;
        assessment.InterpreterUsed = input.InterpreterUsed;
        assessment.Mode = input.Mode;
        assessment.Ptsd = input.Ptsd;
        assessment.Depression = input.Depression;
        assessment.SuicidalThoughts = input.SuicidalThoughts;
        assessment.OtherPsychologicalFindingsCipher = Seal(assessment.OtherPsychologicalFindingsCipher, input.OtherPsychologicalFindings, CaseFields.OtherPsychologicalFindings);
        assessment.SupportsTortureAccount = input.SupportsTortureAccount;
        assessment.HarmFromDetentionLikely = input.HarmFromDetentionLikely;
        assessment.OpinionCipher = Seal(assessment.OpinionCipher, input.Opinion, CaseFields.Opinion);
        assessment.AdultsAtRiskLevel = input.AdultsAtRiskLevel;
        return await SaveAsync(opened, assessment, () => $"clinical assessment {assessment.Id}", "", cancellationToken);
    }

    /// <summary>
    /// Adds a physical finding (<paramref name="findingId"/> null) to an assessment of the case, or changes one of its
    /// findings; its id, or null when the case has no such assessment or the assessment no such finding (or no longer has it).
    /// </summary>
    public async Task<int?> SaveFindingAsync(OpenedCase opened, int assessmentId, int? findingId, FindingInput input, CancellationToken cancellationToken)
    {
        if (!await HoldsAssessmentAsync(opened, assessmentId, cancellationToken))
        {
            return null;
        }
        var finding = await FindOrAddAsync(Findings(opened, assessmentId), findingId,
            () => new PhysicalFinding { AssessmentId = assessmentId, LocationCipher = "", DescriptionCipher = "" }, cancellationToken);
        if (finding is null)
        {
            return null;
        }
        finding.LocationCipher = Seal(finding.LocationCipher, input.Location, CaseFields.FindingLocation);
        finding.DescriptionCipher = Seal(finding.DescriptionCipher, input.Description, CaseFields.FindingDescription);
        finding.Consistency = input.Consistency;
        return await SaveAsync(opened, finding, () => $"physical finding {finding.Id} of assessment {assessmentId}", "", cancellationToken);
    }

    /// <summary>Adds something the Home Office did (<paramref name="eventId"/> null) or changes one of the case's; its id, or null when the case has no such event (or no longer has it).</summary>
    public async Task<int?> SaveHomeOfficeEventAsync(OpenedCase opened, int? eventId, HomeOfficeEventInput input, CancellationToken cancellationToken)
    {
        var homeOfficeEvent = await FindOrAddAsync(HomeOfficeEvents(opened), eventId,
            () => new HomeOfficeEvent { ClientId = opened.ClientId, RecordedAtUtc = time.GetUtcNow().UtcDateTime, RecordedBy = origin.Actor }, cancellationToken);
        if (homeOfficeEvent is null)
        {
            return null;
        }
        homeOfficeEvent.Kind = input.Kind;
        homeOfficeEvent.OccurredOn = input.OccurredOn;
        homeOfficeEvent.Rule35Paragraph = input.Rule35Paragraph;
        homeOfficeEvent.Decision = input.Decision;
        homeOfficeEvent.SecondOpinionAuthor = input.SecondOpinionAuthor;
        homeOfficeEvent.NoteCipher = Seal(homeOfficeEvent.NoteCipher, input.Note, CaseFields.HomeOfficeNote);
        return await SaveAsync(opened, homeOfficeEvent, () => $"Home Office event {homeOfficeEvent.Id}", $": {CaseText.Kind(input.Kind)}", cancellationToken);
    }

    /// <summary>Whether the case holds the stay: a form about another case's is a 404 before anything typed is read.</summary>
    public Task<bool> HoldsEpisodeAsync(OpenedCase opened, int episodeId, CancellationToken cancellationToken) =>
        Episodes(opened).AnyAsync(e => e.Id == episodeId, cancellationToken);

    /// <summary>Whether the case holds the assessment.</summary>
    public Task<bool> HoldsAssessmentAsync(OpenedCase opened, int assessmentId, CancellationToken cancellationToken) =>
        Assessments(opened).AnyAsync(a => a.Id == assessmentId, cancellationToken);

    /// <summary>Whether the case holds the assessment, and the assessment the finding.</summary>
    public Task<bool> HoldsFindingAsync(OpenedCase opened, int assessmentId, int findingId, CancellationToken cancellationToken) =>
        Findings(opened, assessmentId).AnyAsync(f => f.Id == findingId, cancellationToken);

    /// <summary>Whether the case holds the Home Office event.</summary>
    public Task<bool> HoldsHomeOfficeEventAsync(OpenedCase opened, int eventId, CancellationToken cancellationToken) =>
        HomeOfficeEvents(opened).AnyAsync(e => e.Id == eventId, cancellationToken);

    /// <summary>
    /// Deletes a stay from the case (entered on the wrong case, or twice): nothing refers to a stay, and the clocks and
    /// cohort figures are computed again from the stays left.
    /// </summary>
    public async Task<Deletion> DeleteEpisodeAsync(OpenedCase opened, int episodeId, CancellationToken cancellationToken) =>
        await DeleteAsync(opened, await Episodes(opened).SingleOrDefaultAsync(e => e.Id == episodeId, cancellationToken),
            _ => $"detention episode {episodeId} deleted", cancellationToken);

    /// <summary>
    /// Deletes a clinical assessment of the case with its physical findings; refused while a document (its
    /// medico-legal report) is linked to it, since the report was written from it and the clocks count from the day
    /// the report was served.
    /// </summary>
    public async Task<Deletion> DeleteAssessmentAsync(OpenedCase opened, int assessmentId, CancellationToken cancellationToken)
    {
        // The database refuses too (the documents' key to their assessment restricts deletes), should a report be
        // uploaded between this check and the delete.
        if (await db.Documents.AnyAsync(d => d.AssessmentId == assessmentId && d.ClientId == opened.ClientId, cancellationToken))
        {
            return Deletion.ReportLinked;
        }
        return await DeleteAsync(opened, await Assessments(opened).Include(a => a.PhysicalFindings).SingleOrDefaultAsync(a => a.Id == assessmentId, cancellationToken),
            assessment => $"clinical assessment {assessmentId} deleted, with {assessment.PhysicalFindings.Count switch
            {
                0 => "no physical findings",
                1 => "its physical finding",
                var count => $"its {count.ToString(CultureInfo.InvariantCulture)} physical findings",
            }}", cancellationToken);
    }

    /// <summary>Deletes a physical finding of an assessment of the case.</summary>
    public async Task<Deletion> DeleteFindingAsync(OpenedCase opened, int assessmentId, int findingId, CancellationToken cancellationToken) =>
        await DeleteAsync(opened, await Findings(opened, assessmentId).SingleOrDefaultAsync(f => f.Id == findingId, cancellationToken),
            _ => $"physical finding {findingId} of assessment {assessmentId} deleted", cancellationToken);

    /// <summary>Deletes something the Home Office did from the case; the clocks are computed again without it.</summary>
    public async Task<Deletion> DeleteHomeOfficeEventAsync(OpenedCase opened, int eventId, CancellationToken cancellationToken) =>
        await DeleteAsync(opened, await HomeOfficeEvents(opened).SingleOrDefaultAsync(e => e.Id == eventId, cancellationToken),
            deleted => $"Home Office event {eventId} deleted: {CaseText.Kind(deleted.Kind)}", cancellationToken);

    /// <summary>
    /// Stores an uploaded file, encrypted, as a new document or a new version of one; returns the document's id and
    /// the version's number, or null when the case has no such document or assessment (or no longer has the assessment).
    /// </summary>
    public async Task<(int Document, int Version)?> UploadAsync(OpenedCase opened, DocumentUpload upload, CancellationToken cancellationToken)
    {
        if (upload.AssessmentId is { } assessmentId && !await HoldsAssessmentAsync(opened, assessmentId, cancellationToken))
        {
            return null;
        }
        CaseDocument? document;
        if (upload.DocumentId is { } documentId)
        {
            document = await db.Documents.SingleOrDefaultAsync(d => d.Id == documentId && d.ClientId == opened.ClientId, cancellationToken);
            if (document is null)
            {
                return null;
            }
            document.ServedOn = upload.ServedOn ?? document.ServedOn;
        }
        else
        {
            document = new CaseDocument { ClientId = opened.ClientId, Kind = upload.Kind, AssessmentId = upload.AssessmentId, ServedOn = upload.ServedOn };
            db.Documents.Add(document);
        }
        var number = upload.DocumentId is { } existing
            ? await db.DocumentVersions.Where(v => v.DocumentId == existing).MaxAsync(v => (int?)v.Number, cancellationToken) + 1 ?? 1
            : 1;
        var version = new CaseDocumentVersion
        {
            Number = number,
            UploadedAtUtc = time.GetUtcNow().UtcDateTime,
            UploadedBy = origin.Actor,
            FileNameCipher = cipher.Encrypt(upload.FileName, CaseFields.DocumentFileName),
            ContentType = upload.ContentType,
            SizeBytes = upload.Content.LongLength,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(upload.Content)),
            ContentCipher = cipher.EncryptBytes(upload.Content, CaseFields.DocumentContent),
        };
        document.Versions.Add(version);
        // A report's key to its assessment refuses it when the assessment was deleted meanwhile.
        var committed = await CommitAsync(token => audit.ChangeAsync(db, AuditAction.Create, CaseworkAudit.Case, async inner =>
        {
            await db.SaveChangesAsync(inner);
            return opened.CaseNumber;
        }, () => $"{Describe(document.Kind)} uploaded: document {document.Id} version {number}, {version.SizeBytes.ToString(CultureInfo.InvariantCulture)} bytes, sha256:{version.Sha256[..12]}{opened.AccessNote}", token),
            keyMayRefuse: upload.AssessmentId is not null, cancellationToken);
        return committed == Commit.Committed ? (document.Id, number) : null;
    }

    /// <summary>Records the day a document was served on the Home Office; false when the case has no such document.</summary>
    public async Task<bool> SetServedOnAsync(OpenedCase opened, int documentId, DateOnly servedOn, CancellationToken cancellationToken)
    {
        var document = await db.Documents.SingleOrDefaultAsync(d => d.Id == documentId && d.ClientId == opened.ClientId, cancellationToken);
        if (document is null)
        {
            return false;
        }
        document.ServedOn = servedOn;
        await audit.SaveAsync(db, AuditAction.Update, CaseworkAudit.Case, opened.CaseNumber, $"document {documentId} served on the Home Office{opened.AccessNote}", cancellationToken);
        return true;
    }

    /// <summary>
    /// A version of a document of the case, decrypted and checked against its SHA-256, recorded as read; null when the
    /// case has no such version.
    /// </summary>
    public async Task<DocumentFile?> DownloadAsync(OpenedCase opened, int documentId, int versionNumber, CancellationToken cancellationToken)
    {
        var version = await db.DocumentVersions.AsNoTracking()
            .Where(v => v.DocumentId == documentId && v.Number == versionNumber && db.Documents.Any(d => d.Id == documentId && d.ClientId == opened.ClientId))
            .SingleOrDefaultAsync(cancellationToken);
        if (version is null)
        {
            return null;
        }
        var content = cipher.DecryptBytes(version.ContentCipher, CaseFields.DocumentContent);
        if (Convert.ToHexStringLower(SHA256.HashData(content)) != version.Sha256)
        {
            throw new InvalidDataException($"Document {documentId} version {versionNumber} of case {opened.CaseNumber} does not match its SHA-256.");
        }
        await audit.ReadAsync(CaseworkAudit.Case, opened.CaseNumber, $"document {documentId} version {versionNumber} downloaded{opened.AccessNote}", cancellationToken);
        return new DocumentFile(cipher.Decrypt(version.FileNameCipher, CaseFields.DocumentFileName), version.ContentType, content);
    }

    /// <summary>
    /// Records the outcome; a release or removal also ends any detention episode still open, on that day. A stay it
    /// would end that was deleted a moment before is not there to end: the outcome is then set again on the stays left.
    /// </summary>
    public async Task SetOutcomeAsync(OpenedCase opened, OutcomeInput input, CancellationToken cancellationToken)
    {
        var client = await db.Clients.Include(c => c.Episodes).SingleAsync(c => c.Id == opened.ClientId, cancellationToken);
        client.Outcome = input.Outcome;
        client.OutcomeOn = input.Outcome == Outcome.StillDetained ? null : input.On;
        client.ReleaseRoute = input.Outcome == Outcome.Released ? input.Route : null;
        if (input is { Outcome: Outcome.Released or Outcome.Removed, On: { } ended })
        {
            foreach (var episode in client.Episodes.Where(e => e.To is null && e.From <= ended))
            {
                episode.To = ended;
                episode.EndedBy = input.Outcome == Outcome.Released ? EpisodeEnd.Release : EpisodeEnd.Removal;
            }
        }
        if (await CommitAsync(token => audit.SaveAsync(db, AuditAction.Update, CaseworkAudit.Case, opened.CaseNumber, $"outcome set: {CaseText.Outcome(input.Outcome)}{opened.AccessNote}", token),
            keyMayRefuse: false, cancellationToken) == Commit.RecordDeleted)
        {
            await SetOutcomeAsync(opened, input, cancellationToken);
        }
    }

    /// <summary>Assigns a member of staff to the case (nothing changes if they already are).</summary>
    public async Task AssignAsync(OpenedCase opened, string accountId, CancellationToken cancellationToken)
    {
        if (await db.Assignments.AnyAsync(a => a.ClientId == opened.ClientId && a.AccountId == accountId, cancellationToken))
        {
            return;
        }
        db.Assignments.Add(new CaseAssignment { ClientId = opened.ClientId, AccountId = accountId, AssignedAtUtc = time.GetUtcNow().UtcDateTime, AssignedBy = origin.Actor });
        await audit.SaveAsync(db, AuditAction.Update, CaseworkAudit.Case, opened.CaseNumber, $"account {accountId} assigned{opened.AccessNote}", cancellationToken);
    }

    /// <summary>Takes a member of staff off the case.</summary>
    public async Task UnassignAsync(OpenedCase opened, string accountId, CancellationToken cancellationToken)
    {
        var assignment = await db.Assignments.SingleOrDefaultAsync(a => a.ClientId == opened.ClientId && a.AccountId == accountId, cancellationToken);
        if (assignment is null)
        {
            return;
        }
        db.Assignments.Remove(assignment);
        await audit.SaveAsync(db, AuditAction.Update, CaseworkAudit.Case, opened.CaseNumber, $"account {accountId} no longer assigned{opened.AccessNote}", cancellationToken);
    }

    private void Protect(Client client, ClientIdentity identity)
    {
        client.NameCipher = cipher.Encrypt(identity.Name, CaseFields.ClientName);
        client.DateOfBirthCipher = cipher.Encrypt(identity.DateOfBirth?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), CaseFields.ClientDateOfBirth);
        client.NationalityCipher = cipher.Encrypt(identity.Nationality, CaseFields.ClientNationality);
        client.LanguagesCipher = cipher.Encrypt(identity.Languages, CaseFields.ClientLanguages);
        client.HomeOfficeReferenceCipher = cipher.Encrypt(identity.HomeOfficeReference, CaseFields.ClientHomeOfficeReference);
        client.ContactCipher = cipher.Encrypt(identity.Contact, CaseFields.ClientContact);
    }

    // The case's own records: every change or deletion by id looks the id up among these, so a record of another
    // case is not found.
    private IQueryable<DetentionEpisode> Episodes(OpenedCase opened) => db.Episodes.Where(e => e.ClientId == opened.ClientId);

    private IQueryable<ClinicalAssessment> Assessments(OpenedCase opened) => db.Assessments.Where(a => a.ClientId == opened.ClientId);

    private IQueryable<PhysicalFinding> Findings(OpenedCase opened, int assessmentId) =>
        db.PhysicalFindings.Where(f => f.AssessmentId == assessmentId && db.Assessments.Any(a => a.Id == assessmentId && a.ClientId == opened.ClientId));

    private IQueryable<HomeOfficeEvent> HomeOfficeEvents(OpenedCase opened) => db.HomeOfficeEvents.Where(e => e.ClientId == opened.ClientId);

    /// <summary>Record <paramref name="id"/> among the case's <paramref name="ofCase"/> (null when it is not one), or, without an id, a new one, added.</summary>
    private async Task<TRecord?> FindOrAddAsync<TRecord>(IQueryable<TRecord> ofCase, int? id, Func<TRecord> create, CancellationToken cancellationToken)
        where TRecord : class =>
        id is { } existing ? await ofCase.SingleOrDefaultAsync(r => EF.Property<int>(r, "Id") == existing, cancellationToken) : db.Add(create()).Entity;

    /// <summary>
    /// Saves a record just added or changed, recorded as added, or as changed with the names of the fields that changed
    /// (never their values); returns its id, or null when it (or the assessment a new finding is added to) was deleted
    /// a moment before. <paramref name="name"/> names the record once it has its id.
    /// </summary>
    private async Task<int?> SaveAsync(OpenedCase opened, object record, Func<string> name, string whenAdded, CancellationToken cancellationToken)
    {
        var entry = db.Entry(record);
        var added = entry.State == EntityState.Added;
        db.ChangeTracker.DetectChanges();
        var changed = entry.Properties.Where(p => p.IsModified).Select(p => p.Metadata.Name).Select(n => n.EndsWith(CipherSuffix, StringComparison.Ordinal) ? n[..^CipherSuffix.Length] : n).ToList();
        var what = added ? $"added{whenAdded}" : changed.Count == 0 ? "saved without changes" : $"changed: {string.Join(", ", changed)}";
        // A new physical finding's key to its assessment refuses it when the assessment was deleted meanwhile.
        var committed = await CommitAsync(token => audit.ChangeAsync(db, added ? AuditAction.Create : AuditAction.Update, CaseworkAudit.Case, async inner =>
        {
            await db.SaveChangesAsync(inner);
            if (!added && changed.Count == 0 && await entry.GetDatabaseValuesAsync(inner) is null)
            {
                // Nothing was written that would have found it gone: look, so that it is not recorded as saved.
                throw new DbUpdateConcurrencyException("The record was deleted before it was saved.");
            }
            return opened.CaseNumber;
        }, () => $"{name()} {what}{opened.AccessNote}", token), keyMayRefuse: added && record is PhysicalFinding, cancellationToken);
        return committed == Commit.Committed ? (int)entry.Property("Id").CurrentValue! : null;
    }

    private const string CipherSuffix = "Cipher";

    /// <summary>Deletes a record of the case (with what cascades from it), recorded with <paramref name="detail"/>; nothing when there is no such record.</summary>
    private async Task<Deletion> DeleteAsync<TRecord>(OpenedCase opened, TRecord? record, Func<TRecord, string> detail, CancellationToken cancellationToken)
        where TRecord : class
    {
        if (record is null)
        {
            return Deletion.NoSuchRecord;
        }
        var deleted = detail(record);
        db.Remove(record);
        return await CommitAsync(token => audit.SaveAsync(db, AuditAction.Delete, CaseworkAudit.Case, opened.CaseNumber, $"{deleted}{opened.AccessNote}", token),
            keyMayRefuse: record is ClinicalAssessment, cancellationToken) switch
        {
            Commit.Committed => Deletion.Deleted,
            // A report linked between the check and the delete: the documents' key to their assessment refused it.
            Commit.KeyRefused => Deletion.ReportLinked,
            _ => Deletion.NoSuchRecord,
        };
    }

    /// <summary>
    /// Commits a change and its audit entry (<paramref name="commit"/>) made on records read a moment before, unless
    /// the database refuses it for what was done in that moment (the button pressed twice, or a colleague at the same
    /// case): then nothing is written, nothing stays tracked, and the answer says which refusal it was. A foreign key
    /// refusing it is such a refusal only where <paramref name="keyMayRefuse"/> (a record it refers to deleted, or one
    /// referring to it added); elsewhere it is not expected, and the error stands.
    /// </summary>
    private async Task<Commit> CommitAsync(Func<CancellationToken, Task> commit, bool keyMayRefuse, CancellationToken cancellationToken)
    {
        try
        {
            await commit(cancellationToken);
            return Commit.Committed;
        }
        catch (DbUpdateConcurrencyException)
        {
            // A record it changes or deletes was deleted meanwhile: there is no such record now.
            db.ChangeTracker.Clear();
            return Commit.RecordDeleted;
        }
        catch (DbUpdateException failure) when (keyMayRefuse && failure.IsForeignKeyViolation())
        {
            db.ChangeTracker.Clear();
            return Commit.KeyRefused;
        }
    }

    /// <summary>What became of a change committed by <see cref="CommitAsync"/>.</summary>
    private enum Commit
    {
        Committed,
        RecordDeleted,
        KeyRefused,
    }

    /// <summary>
    /// The ciphertext to store for <paramref name="plaintext"/>: the one stored when it already says that (encrypting
    /// again would give other bytes, and show an unchanged field as changed), or a new one.
    /// </summary>
    [return: NotNullIfNotNull(nameof(plaintext))]
    private string? Seal(string? stored, string? plaintext, string purpose) =>
        !string.IsNullOrEmpty(stored) && cipher.Decrypt(stored, purpose) == plaintext ? stored : cipher.Encrypt(plaintext, purpose);

    private static string Describe(DocumentKind kind) => kind == DocumentKind.MedicoLegalReport ? "medico-legal report" : CaseText.Kind(kind).ToLowerInvariant();
}

/// <summary>What became of a request to delete a record.</summary>
internal enum Deletion
{
    Deleted,

    /// <summary>The case has no such record (or it is another case's): the same 404 as for a case.</summary>
    NoSuchRecord,

    /// <summary>An assessment with a medico-legal report linked to it is kept.</summary>
    ReportLinked,
}
