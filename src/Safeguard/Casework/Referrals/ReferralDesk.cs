using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using Safeguard.Audit.Contracts;
using Safeguard.Casework.Access;
using Safeguard.Casework.Cases;
using Safeguard.Casework.Data;
using Safeguard.Casework.Detention;
using Safeguard.Casework.Protection;
using Safeguard.Platform.Encryption;
using Safeguard.Platform.Web.Forms;

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

/// <summary>
/// How and when a referral arrived: through the public form (now, the person's agreement given), or recorded by staff
/// with the way it came, the day it came (today or earlier) and whether the person's agreement is confirmed yet.
/// </summary>
internal sealed record ReferralArrival(ReferralChannel Channel, DateOnly? ReceivedOn, bool ConsentConfirmed)
{
    public static ReferralArrival PublicForm { get; } = new(ReferralChannel.PublicForm, null, ConsentConfirmed: true);

    public static ReferralArrival RecordedByStaff(ReferralChannel channel, DateOnly receivedOn, bool consentConfirmed) =>
        channel == ReferralChannel.PublicForm
            ? throw new ArgumentOutOfRangeException(nameof(channel), "Staff record referrals that came another way than the public form.")
            : new(channel, receivedOn, consentConfirmed);
}

/// <summary>A referral in the queue: nothing that identifies anyone, so the queue itself is not personal data.</summary>
internal sealed record ReferralSummary(
    int Id, DateTime ReceivedAtUtc, ReferralChannel Channel, ReferrerKind ReferrerKind, string? CentreSlug, Urgency Urgency,
    TriageStatus Status, WaitingReason? WaitingReason, DeclineReason? DeclineReason, WithdrawalReason? WithdrawalReason, int? SameAs, string? CaseNumber,
    DateTime RecordedAtUtc, string? RecordedBy, bool ConsentConfirmed)
{
    public bool ViaPublicForm => Channel == ReferralChannel.PublicForm;

    /// <summary>
    /// When it was received, as pages show it: the time too for the public form, whose moment is known; the day alone
    /// for one recorded by staff, who give the day it came.
    /// </summary>
    public string Received => ViaPublicForm ? FormDates.ShowTime(ReceivedAtUtc) : FormDates.Show(ReceivedAtUtc);
}

/// <summary>A referral decrypted for the supervisor triaging it.</summary>
internal sealed record ReferralView(ReferralSummary Summary, ReferralInput Sent);

/// <summary>
/// Receives referrals (from the public form, or recorded by staff), lists them for triage without anything that
/// identifies anyone, and triages them: accepting one opens a case, copying the person's details into the client's,
/// in one transaction with its audit entry.
/// </summary>
internal sealed class ReferralDesk(CaseworkDbContext db, FieldEncryption cipher, CaseBook book, CaseworkAudit audit, IAuditOrigin origin, TimeProvider time)
{
    /// <summary>
    /// Stores a referral, encrypted, waiting for triage, with its audit entry in the same transaction; returns its
    /// number. One recorded by staff (<paramref name="arrival"/> not the public form) keeps the day it really came,
    /// and who recorded it.
    /// </summary>
    public Task<string> ReceiveAsync(ReferralInput input, ReferralArrival arrival, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var viaPublicForm = arrival.Channel == ReferralChannel.PublicForm;
        if (arrival.ReceivedOn > today)
        {
            throw new ArgumentOutOfRangeException(nameof(arrival), "A referral cannot be received after today.");
        }
        var receivedOn = arrival.ReceivedOn ?? today;
        var referral = new Referral
        {
            // A referral recorded the day it came keeps the moment it was recorded; an earlier day, that day's start.
            ReceivedAtUtc = receivedOn == today ? now : receivedOn.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
            RecordedAtUtc = now,
            Channel = arrival.Channel,
            RecordedBy = viaPublicForm ? null : origin.Actor,
            ConsentConfirmed = arrival.ConsentConfirmed,
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
        }, () => (viaPublicForm
            ? "referral received through the public form"
            : $"referral recorded by staff: {CaseText.Channel(arrival.Channel).ToLowerInvariant()}, received {receivedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}{(arrival.ConsentConfirmed ? "" : ", agreement not confirmed yet")}")
            + $"; {input.Urgency.ToString().ToLowerInvariant()}", cancellationToken);
    }

    /// <summary>
    /// A referral the signed-in member of staff recorded, for their confirmation; null for one they did not record, so
    /// that nobody can learn about another's referrals by trying numbers. Nothing in it identifies anyone.
    /// </summary>
    public async Task<ReferralSummary?> RecordedByMeAsync(int id, CancellationToken cancellationToken)
    {
        var actor = origin.Actor;
        return await Summaries(db.Referrals.AsNoTracking().Where(r => r.Id == id && r.RecordedBy == actor)).SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>A referral as the queue shows it, naming nobody (so reading it is not recorded); null when there is none.</summary>
    public Task<ReferralSummary?> SummaryAsync(int id, CancellationToken cancellationToken) =>
        Summaries(db.Referrals.AsNoTracking().Where(r => r.Id == id)).SingleOrDefaultAsync(cancellationToken);

    /// <summary>The referrals withdrawn as recorded twice that name referral <paramref name="id"/> as the one that stays, by number.</summary>
    public async Task<IReadOnlyList<int>> RecordedAgainAsAsync(int id, CancellationToken cancellationToken) =>
        await db.Referrals.AsNoTracking().Where(r => r.SameAsReferralId == id).OrderBy(r => r.Id).Select(r => r.Id).ToListAsync(cancellationToken);

    /// <summary>Waiting referrals, urgent first then oldest first, followed by those triaged (or withdrawn) in the last 30 days.</summary>
    public async Task<IReadOnlyList<ReferralSummary>> QueueAsync(CancellationToken cancellationToken)
    {
        var since = time.GetUtcNow().UtcDateTime.AddDays(-30);
        var referrals = await Summaries(db.Referrals.AsNoTracking().Where(r => r.Status == TriageStatus.Waiting || r.TriagedAtUtc >= since))
            .ToListAsync(cancellationToken);
        return [.. referrals.OrderBy(r => r.Status != TriageStatus.Waiting).ThenBy(r => r.Urgency != Urgency.Urgent).ThenBy(r => r.ReceivedAtUtc)];
    }

    /// <summary>How many referrals wait for triage, and how many of them are urgent.</summary>
    public async Task<(int Waiting, int Urgent)> WaitingCountAsync(CancellationToken cancellationToken)
    {
        var waiting = await db.Referrals.Where(r => r.Status == TriageStatus.Waiting).GroupBy(r => r.Urgency).Select(g => new { Urgency = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        return (waiting.Sum(w => w.Count), waiting.Where(w => w.Urgency == Urgency.Urgent).Sum(w => w.Count));
    }

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
        return new ReferralView(summary, Decrypt(referral));
    }

    /// <summary>Whether a waiting referral <paramref name="id"/> still needs the person's agreement confirmed before it is accepted.</summary>
    public Task<bool> AwaitsAgreementAsync(int id, CancellationToken cancellationToken) =>
        db.Referrals.AnyAsync(r => r.Id == id && r.Status == TriageStatus.Waiting && !r.ConsentConfirmed, cancellationToken);

    /// <summary>
    /// Accepts a waiting referral: opens a case with the person's details, <paramref name="tags"/> and the staff
    /// assigned, and returns its case number; null when there is no waiting referral <paramref name="id"/> (checked as
    /// it is written, so that one accepted, declined or withdrawn a moment before stays as it is, and no case opens),
    /// or when the person's agreement was never confirmed and <paramref name="agreementConfirmedNow"/> does not confirm it.
    /// </summary>
    public async Task<string?> AcceptAsync(int id, IReadOnlyCollection<string> assignedAccountIds, IReadOnlyCollection<string> tags, bool agreementConfirmedNow, CancellationToken cancellationToken)
    {
        var referral = await db.Referrals.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id && r.Status == TriageStatus.Waiting, cancellationToken);
        if (referral is null || !(referral.ConsentConfirmed || agreementConfirmedNow))
        {
            return null;
        }
        var confirmedHere = !referral.ConsentConfirmed;
        var now = time.GetUtcNow();
        var sent = Decrypt(referral);
        var identity = new ClientIdentity(sent.PersonName, sent.PersonDateOfBirth, sent.PersonNationality, sent.PersonLanguages, sent.HomeOfficeReference, null);
        var client = await book.NewClientAsync(identity, DateOnly.FromDateTime(now.UtcDateTime), tags, assignedAccountIds, cancellationToken);
        // Where the referrer said the person is held is the case's first stay, from the day the referral came: the
        // days detained count from then until a caseworker records the day the person was in fact detained.
        if (referral.CentreSlug is { } centre)
        {
            client.Episodes.Add(new DetentionEpisode { CentreSlug = centre, From = DateOnly.FromDateTime(referral.ReceivedAtUtc) });
        }
        return await audit.ChangeIfAsync(db, AuditAction.Create, CaseworkAudit.Case, async token =>
        {
            // Taken from the queue first, so that a referral triaged a moment before opens no case (nor uses a case number).
            if (!await TriageIfWaitingAsync(id, TriageStatus.Accepted, referral => referral.SetProperty(r => r.ConsentConfirmed, true), token))
            {
                // The case made ready for it is not saved, now or by anything later in this request.
                db.ChangeTracker.Clear();
                return null;
            }
            var caseNumber = await book.NumberAsync(client, token);
            await db.Referrals.Where(r => r.Id == id).ExecuteUpdateAsync(referral => referral.SetProperty(r => r.ClientId, client.Id), token);
            return caseNumber;
        }, () => $"case opened from referral {id}{(confirmedHere ? "; the person's agreement confirmed at triage" : "")}; {client.Assignments.Count} staff assigned", cancellationToken);
    }

    /// <summary>
    /// Accepts a waiting referral into a case already open for the same person (<paramref name="opened"/>): no new
    /// case, the referral linked to the existing one, whose page then shows it; false when there is no waiting
    /// referral <paramref name="id"/> (checked as it is written, as for <see cref="AcceptAsync"/>), or when the
    /// person's agreement was never confirmed and <paramref name="agreementConfirmedNow"/> does not confirm it.
    /// </summary>
    public async Task<bool> AttachAsync(int id, OpenedCase opened, bool agreementConfirmedNow, CancellationToken cancellationToken)
    {
        var consentConfirmed = await db.Referrals.Where(r => r.Id == id && r.Status == TriageStatus.Waiting).Select(r => (bool?)r.ConsentConfirmed).SingleOrDefaultAsync(cancellationToken);
        if (consentConfirmed is not { } confirmed || !(confirmed || agreementConfirmedNow))
        {
            return false;
        }
        return await audit.ChangeIfAsync(db, AuditAction.Update, CaseworkAudit.Case, async token =>
            await TriageIfWaitingAsync(id, TriageStatus.Accepted, referral => referral
                .SetProperty(r => r.ConsentConfirmed, true)
                .SetProperty(r => r.ClientId, opened.ClientId), token) ? opened.CaseNumber : null,
            () => $"referral {id} attached to the case{(confirmed ? "" : "; the person's agreement confirmed at triage")}{opened.AccessNote}", cancellationToken) is not null;
    }

    /// <summary>
    /// Declines a waiting referral, or keeps it waiting with a reason; false when there is no waiting referral
    /// <paramref name="id"/>, checked as it is written, so that one accepted, declined or withdrawn a moment before
    /// stays as it is.
    /// </summary>
    public async Task<bool> DecideAsync(int id, DeclineReason? declined, WaitingReason? waiting, CancellationToken cancellationToken) =>
        await audit.ChangeIfAsync(db, AuditAction.Update, CaseworkAudit.Referral, async token =>
            await TriageIfWaitingAsync(id, declined is null ? TriageStatus.Waiting : TriageStatus.Declined, referral => referral
                .SetProperty(r => r.DeclineReason, declined)
                .SetProperty(r => r.WaitingReason, waiting), token) ? id.ToString(CultureInfo.InvariantCulture) : null,
            () => declined is { } reason ? $"declined: {CaseText.Decline(reason).ToLowerInvariant()}" : $"kept waiting: {CaseText.Waiting(waiting!.Value).ToLowerInvariant()}", cancellationToken) is not null;

    /// <summary>
    /// Withdraws a waiting referral (recorded twice, the same as referral <paramref name="sameAs"/>, or withdrawn by
    /// the person or the referrer): it leaves the queue and stays on record as withdrawn, with the reason; false when
    /// there is no waiting referral <paramref name="id"/>, or the referral that stays was withdrawn itself, each checked
    /// as it is written, so that one accepted or declined a moment before stays as it is.
    /// </summary>
    public async Task<bool> WithdrawAsync(int id, WithdrawalReason reason, int? sameAs, CancellationToken cancellationToken) =>
        await audit.ChangeIfAsync(db, AuditAction.Update, CaseworkAudit.Referral, async token =>
        {
            Task<bool> Withdraw() => TriageIfWaitingAsync(id, TriageStatus.Withdrawn, referral => referral
                .SetProperty(r => r.WithdrawalReason, reason)
                .SetProperty(r => r.SameAsReferralId, sameAs)
                .SetProperty(r => r.WaitingReason, (WaitingReason?)null), token);
            // The referral that stays is held by a write that changes nothing, only while it is not withdrawn itself,
            // and the two rows are written in the order of their numbers: of two referrals withdrawn at the same moment
            // as the same as each other, the second waits for the first, then finds the one it names withdrawn, so
            // that one of them always stays.
            async Task<bool> HoldTheOneThatStays() => sameAs is not { } other || await db.Referrals
                .Where(r => r.Id == other && r.Status != TriageStatus.Withdrawn)
                .ExecuteUpdateAsync(referral => referral.SetProperty(r => r.Status, r => r.Status), token) == 1;
            var withdrawn = sameAs < id ? await HoldTheOneThatStays() && await Withdraw() : await Withdraw() && await HoldTheOneThatStays();
            return withdrawn ? id.ToString(CultureInfo.InvariantCulture) : null;
        }, () => $"withdrawn: {CaseText.Withdrawn(reason, sameAs)}", cancellationToken) is not null;

    /// <summary>
    /// Writes a triage decision (<paramref name="status"/>, who and when, and what <paramref name="decision"/> sets)
    /// on referral <paramref name="id"/> only if it is still waiting as it is written, in one UPDATE, so that of two
    /// decisions at the same moment the first stands and the second changes nothing; false for the second.
    /// </summary>
    private async Task<bool> TriageIfWaitingAsync(int id, TriageStatus status, Action<UpdateSettersBuilder<Referral>> decision, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var actor = origin.Actor;
        return await db.Referrals.Where(r => r.Id == id && r.Status == TriageStatus.Waiting).ExecuteUpdateAsync(referral =>
        {
            referral.SetProperty(r => r.Status, status).SetProperty(r => r.TriagedAtUtc, now).SetProperty(r => r.TriagedBy, actor);
            decision(referral);
        }, cancellationToken) == 1;
    }

    /// <summary>
    /// The referrals a case came from (the one that opened it, and any attached to it since), oldest first, decrypted
    /// for its page: the case was opened through <see cref="CaseAccess"/>, which recorded the reading.
    /// </summary>
    public async Task<IReadOnlyList<ReferralView>> OfCaseAsync(OpenedCase opened, CancellationToken cancellationToken)
    {
        var referrals = await db.Referrals.AsNoTracking().Where(r => r.ClientId == opened.ClientId).OrderBy(r => r.ReceivedAtUtc).ThenBy(r => r.Id).ToListAsync(cancellationToken);
        var summaries = (await Summaries(db.Referrals.AsNoTracking().Where(r => r.ClientId == opened.ClientId)).ToListAsync(cancellationToken)).ToDictionary(s => s.Id);
        return [.. referrals.Select(r => new ReferralView(summaries[r.Id], Decrypt(r)))];
    }

    /// <summary>A referral's fields as they were sent, decrypted each for its own purpose.</summary>
    private ReferralInput Decrypt(Referral referral) => new(
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
        referral.Urgency);

    private IQueryable<ReferralSummary> Summaries(IQueryable<Referral> referrals) =>
        referrals.Select(r => new ReferralSummary(r.Id, r.ReceivedAtUtc, r.Channel, r.ReferrerKind, r.CentreSlug, r.Urgency, r.Status, r.WaitingReason, r.DeclineReason, r.WithdrawalReason, r.SameAsReferralId,
            db.Clients.Where(c => c.Id == r.ClientId).OrderBy(c => c.Id).Select(c => c.CaseNumber).FirstOrDefault(),
            r.RecordedAtUtc, r.RecordedBy, r.ConsentConfirmed));
}
