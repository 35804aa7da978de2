using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Safeguard.Audit.Chain;
using Safeguard.Audit.Contracts;
using Safeguard.Audit.Data;
using Safeguard.Audit.Searching;

namespace Safeguard.Tests.Audit;

/// <summary>The chain on a real database: appending, concurrency, refusal of changes, and tampering named.</summary>
public abstract class AuditChainTests<TDatabase>
    where TDatabase : AuditTestDatabase, new()
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static async Task<TDatabase> FreshAsync()
    {
        var database = new TDatabase();
        await database.InitializeAsync();
        return database;
    }

    private static AuditEvent Event(int n, string? detail = null) =>
        new("account-7", AuditAction.Read, "case", $"C-2024-{n:0000}", "192.0.2.10", detail ?? $"opened the summary ({n})");

    private static async Task AppendAsync(TDatabase database, int count)
    {
        var trail = database.Trail();
        for (var n = 1; n <= count; n++)
        {
            await trail.RecordAsync(Event(n), Cancel);
        }
    }

    [Fact]
    public async Task Verify_EmptyTrail_IsIntactWithTheGenesisHash()
    {
        await using var database = await FreshAsync();
        var outcome = await database.Verifier.VerifyAsync(null, Cancel);
        outcome.Intact.ShouldBeTrue();
        outcome.Entries.ShouldBe(0);
        outcome.HeadHash.ShouldBe(new string('0', 64));
    }

    [Fact]
    public async Task Record_SeveralEvents_ChainFromGenesisAndVerify()
    {
        await using var database = await FreshAsync();
        await AppendAsync(database, 5);

        await using var db = database.Audit.Open();
        var entries = await db.Entries.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync(Cancel);
        entries.Select(e => e.Sequence).ShouldBe([1L, 2, 3, 4, 5]);
        entries[0].PreviousHash.ShouldBe(AuditEntryHash.Genesis);
        for (var i = 1; i < entries.Count; i++)
        {
            entries[i].PreviousHash.ShouldBe(entries[i - 1].Hash);
        }
        entries.ShouldAllBe(e => e.Hash == AuditEntryHash.Compute(e));
        entries[2].Action.ShouldBe("read");
        entries[2].RecordId.ShouldBe("C-2024-0003");

        var outcome = await database.Verifier.VerifyAsync(null, Cancel);
        outcome.Intact.ShouldBeTrue(outcome.Problem);
        outcome.Entries.ShouldBe(5);
        outcome.HeadHash.ShouldBe(entries[^1].Hash);
    }

    [Fact]
    public async Task Record_TimeFromTheClock_KeptToTheMicrosecondSoTheHashSurvivesTheDatabase()
    {
        await using var database = await FreshAsync();
        var clock = new FixedClock(new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.Zero).AddTicks(1_234_567));
        await database.Trail(clock).RecordAsync(Event(1), Cancel);

        await using var db = database.Audit.Open();
        var entry = await db.Entries.AsNoTracking().SingleAsync(Cancel);
        AuditEntryHash.Time(entry.TimeUtc).ShouldBe("2026-03-04T05:06:07.123456Z");
        (await database.Verifier.VerifyAsync(null, Cancel)).Intact.ShouldBeTrue();
    }

    [Fact]
    public async Task Record_FiftyAtOnce_SequencesOneToFiftyWithoutGapsAndTheChainVerifies()
    {
        await using var database = await FreshAsync();
        var trail = database.Trail();
        // Each call opens a connection of its own, as fifty requests (or two web nodes) would.
        await Task.WhenAll(Enumerable.Range(1, 50).Select(n => Task.Run(() => trail.RecordAsync(Event(n), Cancel), Cancel)));

        await using var db = database.Audit.Open();
        (await db.Entries.Select(e => e.Sequence).OrderBy(s => s).ToListAsync(Cancel)).ShouldBe(Enumerable.Range(1, 50).Select(n => (long)n));
        (await db.Entries.Select(e => e.RecordId).Distinct().CountAsync(Cancel)).ShouldBe(50);
        var outcome = await database.Verifier.VerifyAsync(null, Cancel);
        outcome.Intact.ShouldBeTrue(outcome.Problem);
        outcome.Entries.ShouldBe(50);
    }

    [Fact]
    public async Task Record_InTheCallersTransaction_CommittedOrRolledBackWithIt()
    {
        await using var database = await FreshAsync();
        var trail = database.Trail();
        await trail.RecordAsync(Event(1), Cancel);

        // Another module's context on the same database stands in for the caller.
        await using (var caller = database.Audit.Open())
        {
            await using var transaction = await caller.Database.BeginTransactionAsync(Cancel);
            await trail.RecordAsync(Event(2, "rolled back"), transaction.GetDbTransaction(), Cancel);
            await transaction.RollbackAsync(Cancel);
        }
        await using (var caller = database.Audit.Open())
        {
            await using var transaction = await caller.Database.BeginTransactionAsync(Cancel);
            await trail.RecordAsync(Event(3, "committed"), transaction.GetDbTransaction(), Cancel);
            await transaction.CommitAsync(Cancel);
        }

        await using var db = database.Audit.Open();
        var entries = await db.Entries.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync(Cancel);
        entries.Select(e => (e.Sequence, e.Detail)).ShouldBe([(1L, "opened the summary (1)"), (2L, "committed")]);
        (await database.Verifier.VerifyAsync(null, Cancel)).Intact.ShouldBeTrue();
    }

    [Fact]
    public async Task Record_AnEventWithoutActor_IsRefusedAndNothingWritten()
    {
        await using var database = await FreshAsync();
        await Should.ThrowAsync<ArgumentException>(() => database.Trail().RecordAsync(Event(1) with { Actor = " " }, Cancel));
        await Should.ThrowAsync<ArgumentException>(() => database.Trail().RecordAsync(Event(1) with { Detail = new string('x', 1001) }, Cancel));
        (await database.Verifier.VerifyAsync(null, Cancel)).Entries.ShouldBe(0);
    }

    [Fact]
    public async Task ChangeOrDelete_ThroughTheContext_IsRefusedBeforeTheDatabase()
    {
        await using var database = await FreshAsync();
        await AppendAsync(database, 2);
        await using var db = database.Audit.Open();
        var entry = await db.Entries.FirstAsync(Cancel);

        db.Entry(entry).Property(e => e.Detail).CurrentValue = "changed";
        (await Should.ThrowAsync<AuditTrailAppendOnlyException>(() => db.SaveChangesAsync(Cancel))).Message.ShouldContain("cannot be changed");
        db.Entry(entry).State = EntityState.Deleted;
        (await Should.ThrowAsync<AuditTrailAppendOnlyException>(() => db.SaveChangesAsync(Cancel))).Message.ShouldContain("cannot be deleted");
    }

    [Theory]
    [InlineData("UPDATE audit_entries SET \"Detail\" = 'changed' WHERE \"Sequence\" = 1")]
    [InlineData("DELETE FROM audit_entries WHERE \"Sequence\" = 1")]
    [InlineData("DELETE FROM audit_entries")]
    public async Task ChangeOrDelete_InSql_IsRefusedByTheDatabase(string sql)
    {
        await using var database = await FreshAsync();
        await AppendAsync(database, 2);
        var refused = await Should.ThrowAsync<DbException>(() => database.ExecuteAsync(sql));
        refused.Message.ShouldContain("append-only");
        (await database.Verifier.VerifyAsync(null, Cancel)).Entries.ShouldBe(2);
    }

    [Fact]
    public async Task Verify_OneRowsDetailChanged_NamesThatEntry()
    {
        await using var database = await FreshAsync();
        await AppendAsync(database, 5);
        await database.TamperAsync("UPDATE audit_entries SET \"Detail\" = 'nothing to see' WHERE \"Sequence\" = 3");

        var outcome = await database.Verifier.VerifyAsync(null, Cancel);
        outcome.Intact.ShouldBeFalse();
        outcome.BrokenAt.ShouldBe(3);
        outcome.Entries.ShouldBe(2);
        outcome.Problem.ShouldBe("entry 3: its hash does not match its contents (changed after it was written)");
    }

    [Fact]
    public async Task Verify_RowChangedAndRehashed_NamesTheBrokenLink()
    {
        await using var database = await FreshAsync();
        await AppendAsync(database, 5);
        await using (var db = database.Audit.Open())
        {
            var third = await db.Entries.AsNoTracking().SingleAsync(e => e.Sequence == 3, Cancel);
            var forged = AuditEntryHash.Compute(third.Sequence, third.TimeUtc, third.Actor, third.Action, third.RecordType, third.RecordId,
                third.Source, "nothing to see", third.PreviousHash);
            await database.TamperAsync($"UPDATE audit_entries SET \"Detail\" = 'nothing to see', \"Hash\" = '{forged}' WHERE \"Sequence\" = 3");
        }

        var outcome = await database.Verifier.VerifyAsync(null, Cancel);
        outcome.BrokenAt.ShouldBe(4);
        outcome.Problem.ShouldBe("entry 4: previous hash does not match entry 3");
    }

    [Fact]
    public async Task Verify_MiddleRowDeleted_NamesTheMissingEntry()
    {
        await using var database = await FreshAsync();
        await AppendAsync(database, 5);
        await database.TamperAsync("DELETE FROM audit_entries WHERE \"Sequence\" = 3");

        var outcome = await database.Verifier.VerifyAsync(null, Cancel);
        outcome.BrokenAt.ShouldBe(3);
        outcome.Problem.ShouldBe("entry 3 is missing (deleted after it was written)");
    }

    [Fact]
    public async Task Verify_SeveralRowsDeleted_NamesTheRange()
    {
        await using var database = await FreshAsync();
        await AppendAsync(database, 6);
        await database.TamperAsync("DELETE FROM audit_entries WHERE \"Sequence\" BETWEEN 2 AND 4");

        (await database.Verifier.VerifyAsync(null, Cancel)).Problem.ShouldBe("entries 2 to 4 are missing (deleted after they were written)");
    }

    [Fact]
    public async Task VerifyAgainstAnchor_NewestEntriesDeletedSince_NamesTheMissingEntries()
    {
        await using var database = await FreshAsync();
        await AppendAsync(database, 5);
        var anchor = (await database.Verifier.VerifyAsync(null, Cancel)).Head.ShouldNotBeNull();
        anchor.Sequence.ShouldBe(5);
        (await database.Verifier.VerifyAsync(null, anchor, Cancel)).Intact.ShouldBeTrue();
        await AppendAsync(database, 1);
        (await database.Verifier.VerifyAsync(null, anchor, Cancel)).Intact.ShouldBeTrue("entries written after the anchor change nothing");

        await database.TamperAsync("DELETE FROM audit_entries WHERE \"Sequence\" >= 4");

        (await database.Verifier.VerifyAsync(null, Cancel)).Intact.ShouldBeTrue("the chain alone cannot show entries removed from its end");
        var outcome = await database.Verifier.VerifyAsync(null, anchor, Cancel);
        outcome.Intact.ShouldBeFalse();
        outcome.BrokenAt.ShouldBe(4);
        outcome.Problem.ShouldBe("entries 4 to 5 are missing: the anchor names entry 5, but the trail ends at entry 3 (deleted after the anchor was taken)");
        outcome.Summary.ShouldBe($"The audit trail is broken: {outcome.Problem}.");
    }

    [Fact]
    public async Task VerifyAgainstAnchor_NewestEntryDeletedAndAnotherChainedInItsPlace_NamesTheEntry()
    {
        await using var database = await FreshAsync();
        await AppendAsync(database, 3);
        var anchor = (await database.Verifier.VerifyAsync(null, Cancel)).Head.ShouldNotBeNull();

        await database.TamperAsync("DELETE FROM audit_entries WHERE \"Sequence\" = 3");
        (await database.Verifier.VerifyAsync(null, anchor, Cancel)).Problem
            .ShouldBe("entry 3 is missing: the anchor names it, but the trail ends at entry 2 (deleted after the anchor was taken)");
        // Whoever deleted it writes another entry 3, correctly chained: only the anchor shows it.
        await database.Trail().RecordAsync(Event(3, "an innocent read"), Cancel);

        (await database.Verifier.VerifyAsync(null, Cancel)).Intact.ShouldBeTrue();
        var outcome = await database.Verifier.VerifyAsync(null, anchor, Cancel);
        outcome.BrokenAt.ShouldBe(3);
        outcome.Problem.ShouldBe($"entry 3 is not the entry anchored: its hash is not {anchor.Hash[..12]}…, so the trail up to it was rewritten after the anchor was taken");
    }

    [Theory]
    [InlineData("5:0123456789abcdef0123456789abcdef0123456789abcdef0123456789ABCDEF", true)]
    [InlineData(" 1:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef ", true)]
    [InlineData("0:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", false)]
    [InlineData("5:0123456789abcdef", false)]
    [InlineData("5;0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", false)]
    [InlineData("five:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", false)]
    [InlineData("", false)]
    public void AnchorTryParse_WrittenNColonHash_IsReadWithTheHashInLowerCase(string text, bool read)
    {
        AuditAnchor.TryParse(text, out var anchor).ShouldBe(read);
        if (read)
        {
            anchor.ShouldNotBeNull().Hash.ShouldBe("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
            anchor.ToString().ShouldBe(text.Trim().ToLowerInvariant());
        }
    }

    [Fact]
    public async Task Search_Filters_NewestFirst()
    {
        await using var database = await FreshAsync();
        // Every entry on one day, the one searched for, whatever the real date (and even as it passes midnight).
        var clock = new MovableClock();
        var trail = database.Trail(clock);
        await trail.RecordAsync(new AuditEvent("system", AuditAction.Import, "release", "2025-h1", "command line", "3 figures from file sha256:0123456789ab"), Cancel);
        await trail.RecordAsync(new AuditEvent("account-7", AuditAction.Read, "case", "C-1", "192.0.2.10"), Cancel);
        await trail.RecordAsync(new AuditEvent("account-7", AuditAction.Read, "case", "C-2", "192.0.2.10"), Cancel);
        await trail.RecordAsync(new AuditEvent("system", AuditAction.Publish, "release", "2025-h1", "command line"), Cancel);
        var query = new AuditQuery(database.Audit);

        (await query.SearchAsync(new AuditSearch(), Cancel)).Select(e => e.Sequence).ShouldBe([4L, 3, 2, 1]);
        (await query.SearchAsync(new AuditSearch { Actor = "account-7" }, Cancel)).Select(e => e.RecordId).ShouldBe(["C-2", "C-1"]);
        (await query.SearchAsync(new AuditSearch { Action = AuditAction.Publish }, Cancel)).Single().Sequence.ShouldBe(4);
        (await query.SearchAsync(new AuditSearch { RecordType = "release", RecordId = "2025-h1" }, Cancel)).Count.ShouldBe(2);
        (await query.SearchAsync(new AuditSearch { Limit = 1 }, Cancel)).Single().Sequence.ShouldBe(4);
        var today = clock.Today;
        (await query.SearchAsync(new AuditSearch { From = today, To = today }, Cancel)).Count.ShouldBe(4);
        (await query.SearchAsync(new AuditSearch { To = today.AddDays(-1) }, Cancel)).ShouldBeEmpty();
        (await query.SearchAsync(new AuditSearch { From = today.AddDays(1) }, Cancel)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Page_LaterPagesPinnedToTheFirstPagesNewestEntry_DoNotShiftWhenEntriesAreAdded()
    {
        await using var database = await FreshAsync();
        await AppendAsync(database, 5);
        var query = new AuditQuery(database.Audit);

        var first = await query.PageAsync(new AuditSearch(), 1, 2, null, Cancel);
        first.Entries.Select(e => e.Sequence).ShouldBe([5L, 4]);
        (first.Total, first.Through).ShouldBe((5, 5L));
        await AppendAsync(database, 2);

        (await query.PageAsync(new AuditSearch(), 2, 2, first.Through, Cancel)).Entries.Select(e => e.Sequence).ShouldBe([3L, 2]);
        (await query.PageAsync(new AuditSearch(), 3, 2, first.Through, Cancel)).Entries.Select(e => e.Sequence).ShouldBe([1L]);
        (await query.PageAsync(new AuditSearch(), 1, 2, null, Cancel)).Through.ShouldBe(7);
        await using var fresh = await FreshAsync();
        var empty = await new AuditQuery(fresh.Audit).PageAsync(new AuditSearch(), 1, 2, null, Cancel);
        (empty.Total, empty.Through).ShouldBe((0, 0L));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

public sealed class SqliteAuditChainTests : AuditChainTests<SqliteAuditTestDatabase>;

public sealed class PostgresAuditChainTests : AuditChainTests<PostgresAuditTestDatabase>;
