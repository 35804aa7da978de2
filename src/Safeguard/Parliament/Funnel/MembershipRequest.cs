namespace Safeguard.Parliament.Funnel;

/// <summary>
/// The secretariat's asking an MP to join the group, stage by stage as staff record it: asked, replied, joined. One
/// per MP; a stage's date is set when staff learn of it, and every change is on the audit trail.
/// </summary>
internal sealed class MembershipRequest
{
    public int Id { get; set; }

    public int ParliamentarianId { get; set; }

    public DateOnly? AskedOn { get; set; }

    public DateOnly? RepliedOn { get; set; }

    public DateOnly? JoinedOn { get; set; }
}
