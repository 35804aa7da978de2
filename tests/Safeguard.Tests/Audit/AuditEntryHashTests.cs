using System.Text;
using Safeguard.Audit;
using Safeguard.Audit.Chain;
using Safeguard.Audit.Contracts;

namespace Safeguard.Tests.Audit;

/// <summary>The canonical encoding: pinned to values an auditor can recompute (docs/audit.md), and unambiguous.</summary>
public sealed class AuditEntryHashTests
{
    private static readonly DateTime Time = new DateTime(2026, 3, 4, 5, 6, 7, DateTimeKind.Utc).AddTicks(1_234_560);

    private static string Hash(string actor, string recordType, string? recordId = "r", string? detail = null, long sequence = 1) =>
        AuditEntryHash.Compute(sequence, Time, actor, "read", recordType, recordId, "192.0.2.10", detail, AuditEntryHash.Genesis);

    [Fact]
    public void Encode_FirstEntry_IsTheDocumentedNetstrings()
    {
        var bytes = AuditEntryHash.Encode(1, Time, "system", "import", "release", "2025-h1", "command line", null, AuditEntryHash.Genesis);
        Encoding.UTF8.GetString(bytes).ShouldBe(
            "18:safeguard-audit-v1,1:1,27:2026-03-04T05:06:07.123456Z,6:system,6:import,7:release,7:2025-h1,12:command line,-1:,64:"
            + new string('0', 64) + ",");
    }

    [Fact]
    public void Compute_KnownEntries_MatchHashesComputedIndependently()
    {
        // Computed with the Python in docs/audit.md, not with this code.
        var first = AuditEntryHash.Compute(1, Time, "system", "import", "release", "2025-h1", "command line", null, AuditEntryHash.Genesis);
        first.ShouldBe("2c5e01bcd62e4085e2df45ebfd915104d116850e430703a355105b234c63145a");
        AuditEntryHash.Compute(2, Time, "account-7", "read", "case", "C-2024-0042", "192.0.2.10", "opened the summary — ü", first)
            .ShouldBe("eb84144dccc855f8db8e88eef39f92d2436febf3157d3c3ef8c75f0588451b81");
    }

    [Fact]
    public void Compute_TextMovedAcrossAFieldBoundary_GivesADifferentHash()
    {
        // With a separator instead of lengths, "a|b" + "c" and "a" + "b|c" would encode alike.
        Hash("a|b", "c").ShouldNotBe(Hash("a", "b|c"));
        Hash("a,", "b").ShouldNotBe(Hash("a", ",b"));
        // Text that looks like the encoding itself cannot forge a field either.
        Hash("a", "1:b,1:c").ShouldNotBe(Hash("a,1:b", "1:c"));
        Hash("system", "release", recordId: "x", detail: null).ShouldNotBe(Hash("system", "release", recordId: null, detail: "x"));
    }

    [Fact]
    public void Compute_AbsentAndEmptyAndTheNullMarker_AreThreeDifferentValues()
    {
        var hashes = new[] { Hash("a", "b", detail: null), Hash("a", "b", detail: ""), Hash("a", "b", detail: "-1:,") };
        hashes.Distinct().Count().ShouldBe(3);
    }

    [Fact]
    public void Compute_EveryFieldCounts()
    {
        var baseline = AuditEntryHash.Compute(5, Time, "a", "read", "case", "1", "s", "d", AuditEntryHash.Genesis);
        string[] variants =
        [
            AuditEntryHash.Compute(6, Time, "a", "read", "case", "1", "s", "d", AuditEntryHash.Genesis),
            AuditEntryHash.Compute(5, Time.AddTicks(10), "a", "read", "case", "1", "s", "d", AuditEntryHash.Genesis),
            AuditEntryHash.Compute(5, Time, "A", "read", "case", "1", "s", "d", AuditEntryHash.Genesis),
            AuditEntryHash.Compute(5, Time, "a", "update", "case", "1", "s", "d", AuditEntryHash.Genesis),
            AuditEntryHash.Compute(5, Time, "a", "read", "cases", "1", "s", "d", AuditEntryHash.Genesis),
            AuditEntryHash.Compute(5, Time, "a", "read", "case", "2", "s", "d", AuditEntryHash.Genesis),
            AuditEntryHash.Compute(5, Time, "a", "read", "case", "1", "t", "d", AuditEntryHash.Genesis),
            AuditEntryHash.Compute(5, Time, "a", "read", "case", "1", "s", "e", AuditEntryHash.Genesis),
            AuditEntryHash.Compute(5, Time, "a", "read", "case", "1", "s", "d", new string('1', 64)),
        ];
        variants.ShouldAllBe(v => v != baseline);
        variants.Distinct().Count().ShouldBe(variants.Length);
    }

    [Fact]
    public void Compute_TextThatIsNotValidUnicode_IsRefusedRatherThanReplaced()
    {
        Should.Throw<EncoderFallbackException>(() => Hash("a\uD800", "b"));
    }

    [Fact]
    public void ActionCodes_ArePinned_BecauseEntriesAlreadyWrittenHashThem()
    {
        AuditActionCodes.All.ShouldBe(["sign-in", "sign-in-failed", "sign-out", "read", "create", "update", "delete", "export", "import",
            "publish", "role-change", "key-change"]);
        AuditActionCodes.TryParse("Role-Change", out var action).ShouldBeTrue();
        action.ShouldBe(AuditAction.RoleChange);
        AuditActionCodes.TryParse("RoleChange", out _).ShouldBeFalse();
    }
}
