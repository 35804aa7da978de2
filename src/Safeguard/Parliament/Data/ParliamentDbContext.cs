using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Safeguard.Parliament.Appg;
using Safeguard.Parliament.Funnel;
using Safeguard.Parliament.Postcodes;
using Safeguard.Parliament.Register;
using Safeguard.Parliament.YourMp;

namespace Safeguard.Parliament.Data;

/// <summary>
/// The Parliament module's tables. Provider-specific subclasses exist only so that SQLite and PostgreSQL each keep
/// their own migrations; the model is defined once, here.
/// </summary>
internal abstract class ParliamentDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Parliamentarian> Parliamentarians => Set<Parliamentarian>();

    /// <summary>The APPG's register entry: its title, the date its members were last checked, its AGM and deadlines.</summary>
    public DbSet<AppgGroup> Groups => Set<AppgGroup>();

    public DbSet<AppgMembership> Memberships => Set<AppgMembership>();

    /// <summary>Every join, departure and change of role the imports found, in the order found.</summary>
    public DbSet<AppgMembershipChange> MembershipChanges => Set<AppgMembershipChange>();

    /// <summary>Each import of an ONS postcode file; the lookup reads the one in use.</summary>
    public DbSet<PostcodeEdition> PostcodeEditions => Set<PostcodeEdition>();

    public DbSet<PostcodePlace> Postcodes => Set<PostcodePlace>();

    /// <summary>Letters to MPs started on /parliament/your-mp, counted by constituency and day: nothing else of them is kept.</summary>
    public DbSet<LettersStartedCount> LettersStarted => Set<LettersStartedCount>();

    public DbSet<MembershipRequest> MembershipRequests => Set<MembershipRequest>();

    /// <summary>Reminders of the group's deadlines queued, one row each, so that none goes twice.</summary>
    public DbSet<Deadlines.AppgReminder> Reminders => Set<Deadlines.AppgReminder>();

    /// <summary>The group's meetings, events and visits.</summary>
    public DbSet<Meetings.AppgMeeting> Meetings => Set<Meetings.AppgMeeting>();

    public DbSet<Meetings.MeetingAttendee> Attendees => Set<Meetings.MeetingAttendee>();

    public DbSet<Meetings.MeetingFollowUp> FollowUps => Set<Meetings.MeetingFollowUp>();

    public DbSet<Meetings.MeetingDocument> MeetingDocuments => Set<Meetings.MeetingDocument>();

    /// <summary>The bills the charity follows, their stages, amendments (with supporters) and briefings.</summary>
    public DbSet<Bills.Bill> Bills => Set<Bills.Bill>();

    public DbSet<Bills.BillStage> BillStages => Set<Bills.BillStage>();

    public DbSet<Bills.Amendment> Amendments => Set<Bills.Amendment>();

    public DbSet<Bills.AmendmentSupporter> AmendmentSupporters => Set<Bills.AmendmentSupporter>();

    public DbSet<Bills.Briefing> Briefings => Set<Bills.Briefing>();

    // A change to the register saved inside a transaction not yet committed: the lookup's seats are read again at commit.
    private bool registerChangeUncommitted;

    /// <inheritdoc />
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var registerChanged = ChangeTracker.Entries().Any(e => e.Entity is Parliamentarian or AppgMembership && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted);
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        if (registerChanged && Database.CurrentTransaction is null)
        {
            SeatDirectory.RegisterChanged();
        }
        registerChangeUncommitted |= registerChanged && Database.CurrentTransaction is not null;
        return saved;
    }

    internal void RegisterCommitted()
    {
        if (registerChangeUncommitted)
        {
            registerChangeUncommitted = false;
            SeatDirectory.RegisterChanged();
        }
    }

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Parliamentarian>(member =>
        {
            member.ToTable("parliament_parliamentarians");
            member.Property(m => m.MnisId).HasMaxLength(20);
            // Unique where known; peers the APPG file names without one are matched by name.
            member.HasIndex(m => m.MnisId).IsUnique();
            member.Property(m => m.TheyWorkForYouId).HasMaxLength(100);
            member.Property(m => m.Name).HasMaxLength(200);
            member.HasIndex(m => m.Name);
            member.Property(m => m.FullTitle).HasMaxLength(300);
            member.Property(m => m.Party).HasMaxLength(100);
            member.Property(m => m.House).HasConversion<string>().HasMaxLength(10);
            member.Property(m => m.ConstituencyCode).HasMaxLength(9);
            member.HasIndex(m => m.ConstituencyCode);
            member.Property(m => m.ConstituencyName).HasMaxLength(200);
            member.Property(m => m.Email).HasMaxLength(320);
            member.Property(m => m.StaffNotes).HasMaxLength(4000);
        });
        modelBuilder.Entity<AppgGroup>(group =>
        {
            group.ToTable("parliament_appg_groups");
            group.Property(g => g.Slug).HasMaxLength(100);
            group.HasIndex(g => g.Slug).IsUnique();
            group.Property(g => g.Title).HasMaxLength(300);
            group.Property(g => g.ReportingYear).HasMaxLength(100);
            group.Property(g => g.SourceUrl).HasMaxLength(500);
        });
        modelBuilder.Entity<AppgMembership>(membership =>
        {
            membership.ToTable("parliament_appg_memberships");
            membership.Property(m => m.Role).HasMaxLength(200);
            membership.HasOne(m => m.Parliamentarian).WithMany().HasForeignKey(m => m.ParliamentarianId).OnDelete(DeleteBehavior.Restrict);
            membership.HasIndex(m => m.ParliamentarianId).IsUnique();
        });
        modelBuilder.Entity<AppgMembershipChange>(change =>
        {
            change.ToTable("parliament_appg_membership_changes");
            change.Property(c => c.Kind).HasConversion<string>().HasMaxLength(20);
            change.Property(c => c.Role).HasMaxLength(200);
            change.Property(c => c.PreviousRole).HasMaxLength(200);
            change.HasOne<Parliamentarian>().WithMany().HasForeignKey(c => c.ParliamentarianId).OnDelete(DeleteBehavior.Restrict);
            change.HasIndex(c => c.ParliamentarianId);
        });
        modelBuilder.Entity<PostcodeEdition>(edition =>
        {
            edition.ToTable("parliament_postcode_editions");
            edition.Property(e => e.Product).HasConversion<string>().HasMaxLength(10);
            edition.Property(e => e.FileName).HasMaxLength(260);
        });
        modelBuilder.Entity<PostcodePlace>(place =>
        {
            // Compact on purpose (2.7 million rows an edition): the key is the lookup's index, and nothing else is kept.
            place.ToTable("parliament_postcodes");
            place.HasKey(p => new { p.EditionId, p.Postcode });
            place.Property(p => p.Postcode).HasMaxLength(Postcode.MaxLength);
            place.Property(p => p.ConstituencyCode).HasMaxLength(9);
            place.HasOne<PostcodeEdition>().WithMany().HasForeignKey(p => p.EditionId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<LettersStartedCount>(count =>
        {
            count.ToTable("parliament_letters_started");
            count.HasKey(c => new { c.ConstituencyCode, c.Day });
            count.Property(c => c.ConstituencyCode).HasMaxLength(9);
        });
        modelBuilder.Entity<MembershipRequest>(request =>
        {
            request.ToTable("parliament_membership_requests");
            request.HasOne<Parliamentarian>().WithMany().HasForeignKey(r => r.ParliamentarianId).OnDelete(DeleteBehavior.Restrict);
            request.HasIndex(r => r.ParliamentarianId).IsUnique();
        });
        modelBuilder.Entity<Deadlines.AppgReminder>(reminder =>
        {
            reminder.ToTable("parliament_appg_reminders");
            reminder.Property(r => r.Deadline).HasMaxLength(40);
            reminder.Property(r => r.RecipientId).HasMaxLength(450);
            reminder.HasOne<AppgGroup>().WithMany().HasForeignKey(r => r.GroupId).OnDelete(DeleteBehavior.Cascade);
            reminder.HasIndex(r => new { r.GroupId, r.Deadline, r.DueOn, r.DaysBefore, r.RecipientId }).IsUnique();
        });
        modelBuilder.Entity<Meetings.AppgMeeting>(meeting =>
        {
            meeting.ToTable("parliament_meetings");
            meeting.Property(m => m.Slug).HasMaxLength(100);
            meeting.HasIndex(m => m.Slug).IsUnique();
            meeting.Property(m => m.Kind).HasConversion<string>().HasMaxLength(20);
            meeting.Property(m => m.Title).HasMaxLength(200);
            meeting.Property(m => m.Place).HasMaxLength(200);
            meeting.Property(m => m.HeadCount).HasMaxLength(100);
            meeting.Property(m => m.Summary).HasMaxLength(20000);
            meeting.HasIndex(m => m.Date);
            meeting.HasMany(m => m.Attendees).WithOne().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
            meeting.HasMany(m => m.FollowUps).WithOne().HasForeignKey(f => f.MeetingId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<Meetings.MeetingAttendee>(attendee =>
        {
            attendee.ToTable("parliament_meeting_attendees");
            attendee.Property(a => a.Kind).HasConversion<string>().HasMaxLength(20);
            attendee.Property(a => a.Name).HasMaxLength(200);
            attendee.Property(a => a.Organisation).HasMaxLength(200);
            attendee.HasOne(a => a.Parliamentarian).WithMany().HasForeignKey(a => a.ParliamentarianId).OnDelete(DeleteBehavior.Restrict);
            attendee.HasIndex(a => a.MeetingId);
            attendee.HasIndex(a => a.ParliamentarianId);
        });
        modelBuilder.Entity<Meetings.MeetingFollowUp>(followUp =>
        {
            followUp.ToTable("parliament_meeting_follow_ups");
            followUp.Property(f => f.Action).HasMaxLength(1000);
            followUp.Property(f => f.Owner).HasMaxLength(200);
            followUp.HasIndex(f => f.MeetingId);
        });
        modelBuilder.Entity<Meetings.MeetingDocument>(document =>
        {
            document.ToTable("parliament_meeting_documents");
            document.Property(d => d.Title).HasMaxLength(200);
            document.Property(d => d.FileName).HasMaxLength(260);
            document.Property(d => d.Sha256).HasMaxLength(64);
            document.HasOne<Meetings.AppgMeeting>().WithMany().HasForeignKey(d => d.MeetingId).OnDelete(DeleteBehavior.Cascade);
            document.HasIndex(d => d.MeetingId);
        });
        modelBuilder.Entity<Bills.Bill>(bill =>
        {
            bill.ToTable("parliament_bills");
            bill.Property(b => b.Slug).HasMaxLength(100);
            bill.HasIndex(b => b.Slug).IsUnique();
            bill.Property(b => b.Title).HasMaxLength(300);
            bill.Property(b => b.ParliamentUrl).HasMaxLength(500);
            bill.HasMany(b => b.Stages).WithOne().HasForeignKey(s => s.BillId).OnDelete(DeleteBehavior.Cascade);
            bill.HasMany(b => b.Amendments).WithOne().HasForeignKey(a => a.BillId).OnDelete(DeleteBehavior.Cascade);
            bill.HasMany(b => b.Briefings).WithOne().HasForeignKey(b => b.BillId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<Bills.BillStage>(stage =>
        {
            stage.ToTable("parliament_bill_stages");
            stage.Property(s => s.House).HasConversion<string>().HasMaxLength(10);
            stage.Property(s => s.Name).HasMaxLength(100);
            stage.HasIndex(s => s.BillId);
        });
        modelBuilder.Entity<Bills.Amendment>(amendment =>
        {
            amendment.ToTable("parliament_amendments");
            amendment.Property(a => a.Number).HasMaxLength(40);
            amendment.Property(a => a.Clause).HasMaxLength(100);
            amendment.Property(a => a.ShortTitle).HasMaxLength(300);
            amendment.Property(a => a.Text).HasMaxLength(20000);
            amendment.Property(a => a.Outcome).HasConversion<string>().HasMaxLength(30);
            amendment.Property(a => a.DebateUrl).HasMaxLength(500);
            amendment.HasOne(a => a.Mover).WithMany().HasForeignKey(a => a.MoverId).OnDelete(DeleteBehavior.Restrict);
            amendment.HasOne(a => a.Stage).WithMany().HasForeignKey(a => a.StageId).OnDelete(DeleteBehavior.Restrict);
            amendment.HasMany(a => a.Supporters).WithOne().HasForeignKey(s => s.AmendmentId).OnDelete(DeleteBehavior.Cascade);
            amendment.HasIndex(a => a.BillId);
        });
        modelBuilder.Entity<Bills.AmendmentSupporter>(supporter =>
        {
            supporter.ToTable("parliament_amendment_supporters");
            supporter.HasKey(s => new { s.AmendmentId, s.ParliamentarianId });
            supporter.HasOne(s => s.Parliamentarian).WithMany().HasForeignKey(s => s.ParliamentarianId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<Bills.Briefing>(briefing =>
        {
            briefing.ToTable("parliament_briefings");
            briefing.Property(b => b.Title).HasMaxLength(300);
            briefing.Property(b => b.Audience).HasMaxLength(200);
            briefing.Property(b => b.CoSignedWith).HasMaxLength(300);
            briefing.Property(b => b.Url).HasMaxLength(500);
            briefing.HasOne(b => b.Stage).WithMany().HasForeignKey(b => b.StageId).OnDelete(DeleteBehavior.Restrict);
            briefing.HasOne(b => b.Amendment).WithMany().HasForeignKey(b => b.AmendmentId).OnDelete(DeleteBehavior.Restrict);
            briefing.HasIndex(b => b.BillId);
        });
    }
}

/// <summary>SQLite flavour; owns the SQLite migrations.</summary>
/// <summary>Tells the lookup's seats that the register changed once the transaction that changed it commits.</summary>
internal sealed class RegisterCommits : DbTransactionInterceptor
{
    public static readonly RegisterCommits Instance = new();

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        (eventData.Context as ParliamentDbContext)?.RegisterCommitted();

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        TransactionCommitted(transaction, eventData);
        return Task.CompletedTask;
    }
}

internal sealed class SqliteParliamentDbContext(DbContextOptions<SqliteParliamentDbContext> options) : ParliamentDbContext(options);

/// <summary>PostgreSQL flavour; owns the PostgreSQL migrations.</summary>
internal sealed class PostgresParliamentDbContext(DbContextOptions<PostgresParliamentDbContext> options) : ParliamentDbContext(options);
