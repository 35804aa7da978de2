using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Safeguard.Audit;
using Safeguard.Casework.Access;
using Safeguard.Casework.Cases;
using Safeguard.Casework.Data;
using Safeguard.Casework.Protection;
using Safeguard.Casework.Records;
using Safeguard.Platform.Encryption;

namespace Safeguard.Casework.Referrals;

/// <summary>A referral as sent: every field but the categories is encrypted before it is stored.</summary>
internal sealed record ReferralInput(
    ReferrerKind ReferrerKind,
    string ReferrerName,
    string? ReferrerOrganisation,
    string ReferrerContact,
    string PersonName,
    DateOnly? PersonDateOfBirth,
    string? PersonNationality,
    string? PersonLanguages,
    string? HomeOfficeReference,
    string? CentreSlug,
    string Concern,
    Urgency Urgency);

/// <summary>A referral in the queue: nothing that identifies anyone, so the queue itself is not personal data.</summary>
internal sealed record ReferralSummary(
    int Id, DateTime ReceivedAtUtc, bool ViaPublicForm, ReferrerKind ReferrerKind, string? CentreSlug, Urgency Urgency,
    TriageStatus Status, WaitingReason? WaitingReason, DeclineReason? DeclineReason, string? CaseNumber);

/// <summary>A referral decrypted for the supervisor triaging it.</summary>
internal sealed record ReferralView(ReferralSummary Summary, ReferralInput Sent);

/// <summary>
/// Receives referrals (from the public form, or recorded by staff), lists them for triage without anything that
/// identifies anyone, and triages them: accepting one opens a case, copying the person's details into the client's,
/// in one transaction with its audit entry.
/// </summary>
internal sealed class ReferralDesk(CaseworkDbContext db, FieldEncryption cipher, CaseBook book, CaseworkAudit audit, IAuditOrigin origin, TimeProvider time)
{
    public Task<string> ReceiveAsync(ReferralInput input, bool viaPublicForm, CancellationToken cancellationToken)
    {
        var referral = new Referral
        {
            ReceivedAtUtc = time.GetUtcNow().UtcDateTime,
            ViaPublicForm = viaPublicForm,
            ReferrerKind = input.ReferrerKind,
            ReferrerNameCipher = cipher.Encrypt(input.ReferrerName, CaseFields.ReferrerName),
            ReferrerOrganisationCipher = cipher.Encrypt(input.ReferrerOrganisation, CaseFields.ReferrerOrganisation),
            ReferrerContactCipher = cipher.Encrypt(input.ReferrerContact, CaseFields.ReferrerContact),
            PersonNameCipher = cipher.Encrypt(input.PersonName, CaseFields.ReferralPersonName),
            PersonDateOfBirthCipher = cipher.Encrypt(input.PersonDateOfBirth?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), CaseFields.ReferralPersonDateOfBirth),
            PersonNationalityCipher = cipher.Encrypt(input.PersonNationality, CaseFields.ReferralPersonNationality),
            PersonLanguagesCipher = cipher.Encrypt(input.PersonLanguages, CaseFields.ReferralPersonLanguages),
            HomeOfficeReferenceCipher = cipher.Encrypt(input.HomeOfficeReference, CaseFields.ReferralHomeOfficeReference),
            CentreSlug = input.CentreSlug,
            ConcernCipher = cipher.Encrypt(input.Concern, CaseFields.ReferralConcern),
            Urgency = input.Urgency,
            Status = TriageStatus.Waiting,
        };
        db.Referrals.Add(referral);
        return audit.ChangeAsync(db, AuditAction.Create, CaseworkAudit.Referral, async token =>
        {
            await db.SaveChangesAsync(token);
            return referral.Id.ToString(CultureInfo.InvariantCulture);
        }, () => $"referral received{(viaPublicForm ? " through the public form" : "")}; {input.Urgency.ToString().ToLowerInvariant()}", cancellationToken);
    }

    /// <summary>Waiting referrals, urgent first then oldest first, followed by those triaged in the last 30 days.</summary>
    public async Task<IReadOnlyList<ReferralSummary>> QueueAsync(CancellationToken cancellationToken)
    {
        var since = time.GetUtcNow().UtcDateTime.AddDays(-30);
        var referrals = await Summaries(db.Referrals.AsNoTracking().Where(r => r.Status == TriageStatus.Waiting || r.TriagedAtUtc >= since))
            .ToListAsync(cancellationToken);
        return [.. referrals.OrderBy(r => r.Status != TriageStatus.Waiting).ThenBy(r => r.Urgency != Urgency.Urgent).ThenBy(r => r.ReceivedAtUtc)];
    }

    /// <summary>How many referrals wait for triage.</summary>
    public Task<int> WaitingCountAsync(CancellationToken cancellationToken) => db.Referrals.CountAsync(r => r.Status == TriageStatus.Waiting, cancellationToken);

    /// <summary>A referral, decrypted and recorded as read; null when there is none.</summary>
    public async Task<ReferralView?> ReadAsync(int id, CancellationToken cancellationToken)
    {
        var referral = await db.Referrals.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (referral is null)
        {
            return null;
        }
        var summary = (await Summaries(db.Referrals.AsNoTracking().Where(r => r.Id == id)).ToListAsync(cancellationToken))[0];
        await audit.ReadAsync(CaseworkAudit.Referral, summary.Id.ToString(CultureInfo.InvariantCulture), "referral read for triage", cancellationToken);
        return new ReferralView(summary, new ReferralInput(
            referral.ReferrerKind,
            cipher.Decrypt(referral.ReferrerNameCipher, CaseFields.ReferrerName),
            cipher.Decrypt(referral.ReferrerOrganisationCipher, CaseFields.ReferrerOrganisation),
            cipher.Decrypt(referral.ReferrerContactCipher, CaseFields.ReferrerContact),
            cipher.Decrypt(referral.PersonNameCipher, CaseFields.ReferralPersonName),
            cipher.Decrypt(referral.PersonDateOfBirthCipher, CaseFields.ReferralPersonDateOfBirth) is { } born ? DateOnly.ParseExact(born, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
            cipher.Decrypt(referral.PersonNationalityCipher, CaseFields.ReferralPersonNationality),
            cipher.Decrypt(referral.PersonLanguagesCipher, CaseFields.ReferralPersonLanguages),
            cipher.Decrypt(referral.HomeOfficeReferenceCipher, CaseFields.ReferralHomeOfficeReference),
            referral.CentreSlug,
            cipher.Decrypt(referral.ConcernCipher, CaseFields.ReferralConcern),
            referral.Urgency));
    }

    /// <summary>
    /// Accepts a waiting referral: opens a case with the person's details, <paramref name="tags"/> and the staff
    /// assigned, and returns its case number; null when there is no waiting referral <paramref name="id"/>.
    /// </summary>
    public async Task<string?> AcceptAsync(int id, IReadOnlyCollection<string> assignedAccountIds, IReadOnlyCollection<string> tags, CancellationToken cancellationToken)
    {
        var referral = await db.Referrals.SingleOrDefaultAsync(r => r.Id == id && r.Status == TriageStatus.Waiting, cancellationToken);
        if (referral is null)
        {
            return null;
        }
        var now = time.GetUtcNow();
        var identity = new ClientIdentity(
            cipher.Decrypt(referral.PersonNameCipher, CaseFields.ReferralPersonName),
            cipher.Decrypt(referral.PersonDateOfBirthCipher, CaseFields.ReferralPersonDateOfBirth) is { } born ? DateOnly.ParseExact(born, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
            cipher.Decrypt(referral.PersonNationalityCipher, CaseFields.ReferralPersonNationality),
            cipher.Decrypt(referral.PersonLanguagesCipher, CaseFields.ReferralPersonLanguages),
            cipher.Decrypt(referral.HomeOfficeReferenceCipher, CaseFields.ReferralHomeOfficeReference),
            null);
        var client = book.NewClient(identity, DateOnly.FromDateTime(now.UtcDateTime), tags, assignedAccountIds);
        return await audit.ChangeAsync(db, AuditAction.Create, CaseworkAudit.Case, async token =>
        {
            var caseNumber = await book.NumberAsync(client, token);
            Triaged(referral, TriageStatus.Accepted, now);
            referral.ClientId = client.Id;
            await db.SaveChangesAsync(token);
            return caseNumber;
        }, () => $"case opened from referral {id}; {client.Assignments.Count} staff assigned", cancellationToken);
    }

    /// <summary>Declines a waiting referral, or keeps it waiting with a reason; false when there is no waiting referral <paramref name="id"/>.</summary>
    public async Task<bool> DecideAsync(int id, DeclineReason? declined, WaitingReason? waiting, CancellationToken cancellationToken)
    {
        var referral = await db.Referrals.SingleOrDefaultAsync(r => r.Id == id && r.Status == TriageStatus.Waiting, cancellationToken);
        if (referral is null)
        {
            return false;
        }
        Triaged(referral, declined is null ? TriageStatus.Waiting : TriageStatus.Declined, time.GetUtcNow());
        referral.DeclineReason = declined;
        referral.WaitingReason = waiting;
        await audit.SaveAsync(db, AuditAction.Update, CaseworkAudit.Referral, id.ToString(CultureInfo.InvariantCulture),
            declined is { } reason ? $"declined: {CaseText.Decline(reason).ToLowerInvariant()}" : $"kept waiting: {CaseText.Waiting(waiting!.Value).ToLowerInvariant()}", cancellationToken);
        return true;
    }

    private void Triaged(Referral referral, TriageStatus status, DateTimeOffset at)
    {
        referral.Status = status;
        referral.TriagedAtUtc = at.UtcDateTime;
        referral.TriagedBy = origin.Actor;
    }

    private IQueryable<ReferralSummary> Summaries(IQueryable<Referral> referrals) =>
        referrals.Select(r => new ReferralSummary(r.Id, r.ReceivedAtUtc, r.ViaPublicForm, r.ReferrerKind, r.CentreSlug, r.Urgency, r.Status, r.WaitingReason, r.DeclineReason,
            db.Clients.Where(c => c.Id == r.ClientId).OrderBy(c => c.Id).Select(c => c.CaseNumber).FirstOrDefault()));
}
