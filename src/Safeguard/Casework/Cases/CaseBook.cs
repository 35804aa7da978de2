using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Safeguard.Audit;
using Safeguard.Casework.Access;
using Safeguard.Casework.Data;
using Safeguard.Casework.Protection;
using Safeguard.Casework.Records;
using Safeguard.Platform.Encryption;

namespace Safeguard.Casework.Cases;

/// <summary>
/// Every change to a case: each is made on a case already opened through <see cref="CaseAccess"/>, encrypts what
/// identifies the person or describes their health before it is stored, and is recorded on the audit trail in the
/// same transaction (record type <c>case</c>, the case number, what changed in a few words).
/// </summary>
internal sealed class CaseBook(CaseworkDbContext db, FieldEncryption cipher, CaseworkAudit audit, IAuditOrigin origin, TimeProvider time)
{
    /// <summary>
    /// A new client with <paramref name="identity"/> encrypted, its tags and its assigned staff, to be added by the
    /// caller in its transaction; its case number is set by <see cref="NumberAsync"/> once the row has its id.
    /// </summary>
    public Client NewClient(ClientIdentity identity, DateOnly openedOn, IReadOnlyCollection<string> tags, IReadOnlyCollection<string> assignedAccountIds)
    {
        var client = new Client { CaseNumber = $"new-{Guid.NewGuid():N}"[..20], OpenedOn = openedOn, NameCipher = "" };
        Protect(client, identity);
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
        var client = await db.Clients.Include(c => c.Tags).SingleAsync(c => c.Id == opened.ClientId, cancellationToken);
        Protect(client, identity);
        var wanted = tags.Distinct(StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal);
        client.Tags.RemoveAll(t => !wanted.Contains(t.Tag));
        client.Tags.AddRange(wanted.Where(t => client.Tags.All(existing => existing.Tag != t)).Select(t => new ClientTag { Tag = t }));
        await audit.SaveAsync(db, AuditAction.Update, CaseworkAudit.Case, opened.CaseNumber, $"details and tags changed{opened.AccessNote}", cancellationToken);
    }

    public async Task AddEpisodeAsync(OpenedCase opened, EpisodeInput input, CancellationToken cancellationToken)
    {
        var episode = new DetentionEpisode { ClientId = opened.ClientId, CentreSlug = input.CentreSlug };
        Apply(episode, input);
        db.Episodes.Add(episode);
        await audit.SaveAsync(db, AuditAction.Create, CaseworkAudit.Case, opened.CaseNumber, $"detention episode added{opened.AccessNote}", cancellationToken);
    }

    /// <summary>Changes an episode of the case; false when the case has no such episode.</summary>
    public async Task<bool> UpdateEpisodeAsync(OpenedCase opened, int episodeId, EpisodeInput input, CancellationToken cancellationToken)
    {
        var episode = await db.Episodes.SingleOrDefaultAsync(e => e.Id == episodeId && e.ClientId == opened.ClientId, cancellationToken);
        if (episode is null)
        {
            return false;
        }
        Apply(episode, input);
        await audit.SaveAsync(db, AuditAction.Update, CaseworkAudit.Case, opened.CaseNumber, $"detention episode {episodeId} changed{opened.AccessNote}", cancellationToken);
        return true;
    }

    public async Task<int> AddAssessmentAsync(OpenedCase opened, AssessmentInput input, CancellationToken cancellationToken)
    {
        var assessment = new ClinicalAssessment
        {
            ClientId = opened.ClientId,
            ClinicianName = input.ClinicianName,
            AssessedOn = input.AssessedOn,
            CentreSlug = input.CentreSlug,
            InterpreterUsed = input.InterpreterUsed,
            Mode = input.Mode,
            Ptsd = input.Ptsd,
            Depression = input.Depression,
            SuicidalThoughts = input.SuicidalThoughts,
            OtherPsychologicalFindingsCipher = cipher.Encrypt(input.OtherPsychologicalFindings, CaseFields.OtherPsychologicalFindings),
            SupportsTortureAccount = input.SupportsTortureAccount,
            HarmFromDetentionLikely = input.HarmFromDetentionLikely,
            OpinionCipher = cipher.Encrypt(input.Opinion, CaseFields.Opinion),
            AdultsAtRiskLevel = input.AdultsAtRiskLevel,
            RecordedAtUtc = time.GetUtcNow().UtcDateTime,
            RecordedBy = origin.Actor,
        };
        db.Assessments.Add(assessment);
        await audit.ChangeAsync(db, AuditAction.Create, CaseworkAudit.Case, async token =>
        {
            await db.SaveChangesAsync(token);
            return opened.CaseNumber;
        }, () => $"clinical assessment {assessment.Id} added{opened.AccessNote}", cancellationToken);
        return assessment.Id;
    }

    /// <summary>Adds a physical finding to an assessment of the case; false when the case has no such assessment.</summary>
    public async Task<bool> AddFindingAsync(OpenedCase opened, int assessmentId, FindingInput input, CancellationToken cancellationToken)
    {
        if (!await db.Assessments.AnyAsync(a => a.Id == assessmentId && a.ClientId == opened.ClientId, cancellationToken))
        {
            return false;
        }
        db.PhysicalFindings.Add(new PhysicalFinding
        {
            AssessmentId = assessmentId,
            LocationCipher = cipher.Encrypt(input.Location, CaseFields.FindingLocation),
            DescriptionCipher = cipher.Encrypt(input.Description, CaseFields.FindingDescription),
            Consistency = input.Consistency,
        });
        await audit.SaveAsync(db, AuditAction.Create, CaseworkAudit.Case, opened.CaseNumber, $"physical finding added to assessment {assessmentId}{opened.AccessNote}", cancellationToken);
        return true;
    }

    /// <summary>
    /// Stores an uploaded file, encrypted, as a new document or a new version of one; returns the document's id and
    /// the version's number, or null when the case has no such document or assessment.
    /// </summary>
    public async Task<(int Document, int Version)?> UploadAsync(OpenedCase opened, DocumentUpload upload, CancellationToken cancellationToken)
    {
        if (upload.AssessmentId is { } assessmentId && !await db.Assessments.AnyAsync(a => a.Id == assessmentId && a.ClientId == opened.ClientId, cancellationToken))
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
        await audit.ChangeAsync(db, AuditAction.Create, CaseworkAudit.Case, async token =>
        {
            await db.SaveChangesAsync(token);
            return opened.CaseNumber;
        }, () => $"{Describe(document.Kind)} uploaded: document {document.Id} version {number}, {version.SizeBytes.ToString(CultureInfo.InvariantCulture)} bytes, sha256:{version.Sha256[..12]}{opened.AccessNote}", cancellationToken);
        return (document.Id, number);
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

    public async Task AddHomeOfficeEventAsync(OpenedCase opened, HomeOfficeEventInput input, CancellationToken cancellationToken)
    {
        db.HomeOfficeEvents.Add(new HomeOfficeEvent
        {
            ClientId = opened.ClientId,
            Kind = input.Kind,
            OccurredOn = input.OccurredOn,
            Rule35Paragraph = input.Rule35Paragraph,
            Decision = input.Decision,
            SecondOpinionAuthor = input.SecondOpinionAuthor,
            NoteCipher = cipher.Encrypt(input.Note, CaseFields.HomeOfficeNote),
            RecordedAtUtc = time.GetUtcNow().UtcDateTime,
            RecordedBy = origin.Actor,
        });
        await audit.SaveAsync(db, AuditAction.Create, CaseworkAudit.Case, opened.CaseNumber, $"Home Office event added: {CaseText.Kind(input.Kind)}{opened.AccessNote}", cancellationToken);
    }

    /// <summary>Records the outcome; a release or removal also ends any detention episode still open, on that day.</summary>
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
        await audit.SaveAsync(db, AuditAction.Update, CaseworkAudit.Case, opened.CaseNumber, $"outcome set: {CaseText.Outcome(input.Outcome)}{opened.AccessNote}", cancellationToken);
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

    private static void Apply(DetentionEpisode episode, EpisodeInput input)
    {
        episode.CentreSlug = input.CentreSlug;
        episode.From = input.From;
        episode.To = input.To;
        episode.EndedBy = input.To is null ? null : input.EndedBy;
    }

    private static string Describe(DocumentKind kind) => kind == DocumentKind.MedicoLegalReport ? "medico-legal report" : CaseText.Kind(kind).ToLowerInvariant();
}
