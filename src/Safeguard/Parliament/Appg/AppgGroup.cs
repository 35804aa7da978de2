namespace Safeguard.Parliament.Appg;

/// <summary>An all-party parliamentary group as its register entry describes it.</summary>
internal sealed class AppgGroup
{
    public int Id { get; set; }

    public required string Slug { get; set; }

    public required string Title { get; set; }

    /// <summary>The day the members list was last checked against the group's own site (the file's last_updated).</summary>
    public DateOnly? MembersCheckedOn { get; set; }

    public DateOnly? MostRecentAgm { get; set; }

    /// <summary>As the register writes it ("02 Dec to 01 Dec").</summary>
    public string? ReportingYear { get; set; }

    public DateOnly? NextReportingDeadline { get; set; }

    public string? SourceUrl { get; set; }
}

/// <summary>A parliamentarian's place in the group: a current member (an officer when <see cref="Role"/> is set) or one removed.</summary>
internal sealed class AppgMembership
{
    public int Id { get; set; }

    public int ParliamentarianId { get; set; }

    public Register.Parliamentarian Parliamentarian { get; set; } = null!;

    /// <summary>The officer's role ("Chair &amp; Registered Contact", "Officer"); null for a member who holds none.</summary>
    public string? Role { get; set; }

    /// <summary>Marked removed on the group's list: no longer a member.</summary>
    public bool Removed { get; set; }
}

/// <summary>What an import found changed in one membership.</summary>
internal enum AppgMembershipChangeKind
{
    Joined,
    Left,
    RoleChanged,
}

/// <summary>One row of a membership's history, written by the import that found the change.</summary>
internal sealed class AppgMembershipChange
{
    public int Id { get; set; }

    public int ParliamentarianId { get; set; }

    public AppgMembershipChangeKind Kind { get; set; }

    /// <summary>The role after the change (null: a member without office).</summary>
    public string? Role { get; set; }

    public string? PreviousRole { get; set; }

    /// <summary>The day of the import that found the change.</summary>
    public DateOnly RecordedOn { get; set; }

    /// <summary>The last-checked date of the file that showed it, nearer the change than the import may be.</summary>
    public DateOnly? ListCheckedOn { get; set; }
}
