using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Safeguard.Parliament.Appg;
using Safeguard.Parliament.Data;
using static System.FormattableString;

namespace Safeguard.Parliament.Register;

/// <summary>The files of one import, each read whole and checked; any may be absent.</summary>
internal sealed record RegisterFiles(IReadOnlyList<MpRow>? Mps, IReadOnlyDictionary<string, string>? Constituencies, AppgFile? Appg, string? MpFileName)
{
    /// <summary>Reads the files named; a fault in any refuses them all, before anything is written.</summary>
    public static async Task<RegisterFiles> ReadAsync(FileInfo? mps, FileInfo? constituencies, FileInfo? appg, CancellationToken cancellationToken)
    {
        IReadOnlyList<MpRow>? mpRows = null;
        if (mps is not null)
        {
            using var text = new StreamReader(mps.FullName);
            mpRows = MpList.Read(text, mps.Name);
        }
        var names = constituencies is null ? null : Register.Constituencies.Read(await File.ReadAllTextAsync(constituencies.FullName, cancellationToken), constituencies.Name);
        var group = appg is null ? null : AppgFile.Read(await File.ReadAllTextAsync(appg.FullName, cancellationToken), appg.Name);
        var files = new RegisterFiles(mpRows, names, group, mps?.Name);
        files.CheckConstituenciesKnown();
        return files;
    }

    /// <summary>Every MP's seat must be in the constituencies file, when both are given: a seat without a name is a stale file.</summary>
    private void CheckConstituenciesKnown()
    {
        if (Mps is null || Constituencies is null)
        {
            return;
        }
        var unknown = Mps.FirstOrDefault(mp => !Constituencies.ContainsKey(mp.ConstituencyCode));
        if (unknown is not null)
        {
            throw RegisterFileException.At(MpFileName!, unknown.Line, "pcon_code",
                $"constituency {unknown.ConstituencyCode} is not in the constituencies file; use files of the same boundaries.");
        }
    }
}

/// <summary>What an import changed, in words a person reads after running it.</summary>
internal sealed record RegisterImportReport(IReadOnlyList<string> Lines);

/// <summary>
/// Brings the register and the APPG's membership up to the files, in one transaction: the same files again change
/// nothing, and what staff added (<see cref="Parliamentarian.StaffNotes"/>) is never touched.
/// </summary>
internal sealed class RegisterImport(ParliamentDbContext db, TimeProvider time)
{
    public async Task<RegisterImportReport> ImportAsync(RegisterFiles files, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(time.GetLocalNow().DateTime);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var members = await db.Parliamentarians.ToListAsync(cancellationToken);
        var lines = new List<string>();
        if (files.Mps is { } mps)
        {
            lines.Add(ImportMps(mps, files.Constituencies, members, today));
        }
        else if (files.Constituencies is { } names)
        {
            lines.Add(RenameConstituencies(names, members));
        }
        if (files.Appg is { } appg)
        {
            lines.Add(await ImportAppgAsync(appg, members, today, cancellationToken));
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new RegisterImportReport(lines);
    }

    private string ImportMps(IReadOnlyList<MpRow> rows, IReadOnlyDictionary<string, string>? constituencies, List<Parliamentarian> members, DateOnly today)
    {
        var byMnis = members.Where(m => m.MnisId is not null).ToDictionary(m => m.MnisId!, StringComparer.Ordinal);
        var changes = new MpChanges();
        foreach (var row in rows)
        {
            var seat = constituencies?.GetValueOrDefault(row.ConstituencyCode) ?? row.ConstituencyName;
            if (!byMnis.TryGetValue(row.MnisId, out var member))
            {
                member = new Parliamentarian { MnisId = row.MnisId, Name = row.Name, House = House.Commons, EnteredOn = today };
                db.Parliamentarians.Add(member);
                members.Add(member);
                byMnis[row.MnisId] = member;
                changes.New.Add($"{row.Name} ({seat})");
            }
            else
            {
                if (member.Party is { } before && before != row.Party)
                {
                    changes.Party.Add($"{row.Name} from {before} to {row.Party}");
                }
                if (member.ConstituencyCode is { } code && code != row.ConstituencyCode)
                {
                    changes.Seat.Add($"{row.Name} from {member.ConstituencyName} to {seat}");
                }
                if (member.LeftOn is not null)
                {
                    changes.Returned.Add(row.Name);
                    member.LeftOn = null;
                }
                if (member.Name != row.Name || member.FullTitle != row.FullTitle || member.Email != row.Email || member.ConstituencyName != seat)
                {
                    changes.Details++;
                }
            }
            member.Name = row.Name;
            member.FullTitle = row.FullTitle;
            member.Party = row.Party;
            member.House = House.Commons;
            member.ConstituencyCode = row.ConstituencyCode;
            member.ConstituencyName = seat;
            member.Email = row.Email;
        }
        var listed = rows.Select(r => r.MnisId).ToHashSet(StringComparer.Ordinal);
        // Only members an MP list brought in can leave by being absent from one: former MPs named by the APPG file never were.
        foreach (var gone in members.Where(m => m.ConstituencyCode is not null && m.LeftOn is null && !listed.Contains(m.MnisId!)))
        {
            gone.LeftOn = today;
            changes.Left.Add($"{gone.Name} ({gone.ConstituencyName})");
        }
        return Invariant($"MPs: {rows.Count} in the list; {changes.Describe()}.");
    }

    private static string RenameConstituencies(IReadOnlyDictionary<string, string> names, List<Parliamentarian> members)
    {
        var renamed = 0;
        foreach (var member in members.Where(m => m.ConstituencyCode is not null))
        {
            if (names.TryGetValue(member.ConstituencyCode!, out var name) && name != member.ConstituencyName)
            {
                member.ConstituencyName = name;
                renamed++;
            }
        }
        return Invariant($"Constituencies: {names.Count} in the file; {renamed} renamed.");
    }

    private async Task<string> ImportAppgAsync(AppgFile file, List<Parliamentarian> members, DateOnly today, CancellationToken cancellationToken)
    {
        var group = await db.Groups.SingleOrDefaultAsync(g => g.Slug == file.Slug, cancellationToken);
        if (group is null)
        {
            group = new AppgGroup { Slug = file.Slug, Title = file.Title };
            db.Groups.Add(group);
        }
        group.Title = file.Title;
        group.MembersCheckedOn = file.MembersList.LastUpdated;
        group.MostRecentAgm = file.Agm?.DateOfMostRecentAgm;
        group.ReportingYear = file.Agm?.ReportingYear;
        group.NextReportingDeadline = file.Agm?.NextReportingDeadline;
        group.SourceUrl = file.SourceUrl;

        var people = AppgPeople(file);
        var memberships = await db.Memberships.ToDictionaryAsync(m => m.ParliamentarianId, cancellationToken);
        var changes = new AppgChanges();
        var found = people.Select(person => (Person: person, Member: FindOrAdd(person, members, today, changes))).ToList();
        // Saved here so that members new to the register have the ids their history rows name.
        await db.SaveChangesAsync(cancellationToken);
        foreach (var (person, member) in found)
        {
            if (!memberships.TryGetValue(member.Id, out var membership))
            {
                membership = new AppgMembership { ParliamentarianId = member.Id, Parliamentarian = member, Removed = true };
                db.Memberships.Add(membership);
            }
            if (membership.Removed && !person.Removed)
            {
                Record(member, AppgMembershipChangeKind.Joined, person.Role, null, file, today);
                changes.Joined.Add(member.Name);
            }
            else if (!membership.Removed && person.Removed)
            {
                Record(member, AppgMembershipChangeKind.Left, null, membership.Role, file, today);
                changes.Left.Add(member.Name);
            }
            else if (!person.Removed && membership.Role != person.Role)
            {
                Record(member, AppgMembershipChangeKind.RoleChanged, person.Role, membership.Role, file, today);
                changes.Roles.Add($"{member.Name} from {membership.Role ?? "member"} to {person.Role ?? "member"}");
            }
            membership.Removed = person.Removed;
            membership.Role = person.Removed ? null : person.Role;
        }
        var current = people.Count(p => !p.Removed);
        var officers = people.Count(p => !p.Removed && p.Role is not null);
        var checkedOn = file.MembersList.LastUpdated is { } day ? day.ToString("d MMMM yyyy", CultureInfo.InvariantCulture) : "not given";
        return Invariant($"APPG: {current} current members, {officers} of them officers, list last checked {checkedOn}; {changes.Describe()}.");
    }

    /// <summary>
    /// One entry per person: the members list names some twice (a removed entry beside a current one), and officers
    /// come from the register's own list of them, which is the one with roles.
    /// </summary>
    private static List<AppgPerson> AppgPeople(AppgFile file)
    {
        var people = new Dictionary<string, AppgPerson>(StringComparer.OrdinalIgnoreCase);
        foreach (var member in file.MembersList.Members)
        {
            var key = Key(member.MnisId, member.Name);
            var house = member.MemberType == AppgMemberType.Lord ? House.Lords : House.Commons;
            people[key] = people.TryGetValue(key, out var known)
                ? known with { Removed = known.Removed && member.Removed, MnisId = known.MnisId ?? member.MnisId, TwfyId = known.TwfyId ?? member.TwfyId }
                : new AppgPerson(member.Name, house, member.MnisId, member.TwfyId, null, null, member.Removed);
        }
        foreach (var officer in file.Officers.Where(o => !o.Removed))
        {
            var key = Key(officer.MnisId, officer.Name);
            people[key] = people.TryGetValue(key, out var known)
                ? known with { Role = officer.Role, Party = officer.Party, Removed = false }
                : new AppgPerson(officer.Name, PeerageTitle(officer.Name) ? House.Lords : House.Commons, officer.MnisId, officer.TwfyId, officer.Party, officer.Role, false);
        }
        return [.. people.Values];
    }

    private Parliamentarian FindOrAdd(AppgPerson person, List<Parliamentarian> members, DateOnly today, AppgChanges changes)
    {
        var member = person.MnisId is { } mnisId
            ? members.FirstOrDefault(m => m.MnisId == mnisId)
            : members.FirstOrDefault(m => string.Equals(Key(null, m.Name), Key(null, person.Name), StringComparison.OrdinalIgnoreCase));
        if (member is null)
        {
            member = new Parliamentarian { Name = person.Name, House = person.House, MnisId = person.MnisId, EnteredOn = today };
            db.Parliamentarians.Add(member);
            members.Add(member);
            changes.NewInRegister++;
        }
        member.TheyWorkForYouId ??= person.TwfyId;
        // The MP list's party is the current one; the APPG file gives parties only for officers, and only for peers is it the register's sole source.
        if (member.ConstituencyCode is null && person.Party is not null)
        {
            member.Party = person.Party;
        }
        return member;
    }

    private void Record(Parliamentarian member, AppgMembershipChangeKind kind, string? role, string? previousRole, AppgFile file, DateOnly today) =>
        db.MembershipChanges.Add(new AppgMembershipChange
        {
            ParliamentarianId = member.Id,
            Kind = kind,
            Role = role,
            PreviousRole = previousRole,
            RecordedOn = today,
            ListCheckedOn = file.MembersList.LastUpdated,
        });

    private static string Key(string? mnisId, string name) =>
        mnisId is { Length: > 0 } ? "mnis:" + mnisId : "name:" + (name.StartsWith("The ", StringComparison.Ordinal) ? name[4..] : name).Trim();

    private static readonly string[] PeerageTitles = ["Lord ", "Baroness ", "Earl ", "The Earl ", "Viscount ", "Bishop ", "The Lord Bishop ", "Countess ", "Duke "];

    /// <summary>An officer the members list does not name sits in the Lords if addressed by a peer's title.</summary>
    private static bool PeerageTitle(string name) => PeerageTitles.Any(t => name.StartsWith(t, StringComparison.Ordinal));

    private sealed record AppgPerson(string Name, House House, string? MnisId, string? TwfyId, string? Party, string? Role, bool Removed);

    private sealed class MpChanges
    {
        public List<string> New { get; } = [];

        public List<string> Party { get; } = [];

        public List<string> Seat { get; } = [];

        public List<string> Returned { get; } = [];

        public List<string> Left { get; } = [];

        public int Details { get; set; }

        public string Describe() => Changes.Describe(
            (New, "new"), (Party, "party changed"), (Seat, "seat changed"), (Returned, "returned"), (Left, "left"))
            + (Details > 0 ? Invariant($"{(New.Count + Party.Count + Seat.Count + Returned.Count + Left.Count > 0 ? ", " : "; ")}{Details} with other details updated") : "");
    }

    private sealed class AppgChanges
    {
        public List<string> Joined { get; } = [];

        public List<string> Left { get; } = [];

        public List<string> Roles { get; } = [];

        public int NewInRegister { get; set; }

        public string Describe() => Changes.Describe((Joined, "joined"), (Left, "left"), (Roles, "role changed"))
            + (NewInRegister > 0 ? Invariant($"; {NewInRegister} added to the register from the group's file") : "");
    }

    private static class Changes
    {
        /// <summary>"2 new: A, B, 1 party changed: C from X to Y", or "no change".</summary>
        public static string Describe(params (List<string> Names, string What)[] kinds)
        {
            var parts = kinds.Where(k => k.Names.Count > 0).Select(k => Invariant($"{k.Names.Count} {k.What}: {string.Join(", ", k.Names)}")).ToList();
            return parts.Count == 0 ? "no change" : string.Join(", ", parts);
        }
    }
}
