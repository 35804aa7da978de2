using System.Data.Common;
using Safeguard.Audit.Contracts;
using Safeguard.Casework.Access;

namespace Safeguard.Tests.Casework;

/// <summary>How casework names the cases a list showed on the audit trail, within the trail's limit on a detail.</summary>
public sealed class CaseworkAuditTests
{
    private sealed class RecordingTrail : IAuditTrail, IAuditOrigin
    {
        public List<AuditEvent> Events { get; } = [];

        public string Actor => "account-1";

        public string Source => "127.0.0.1";

        public Task RecordAsync(AuditEvent auditEvent, CancellationToken cancellationToken)
        {
            Events.Add(auditEvent);
            return Task.CompletedTask;
        }

        public Task RecordAsync(AuditEvent auditEvent, DbTransaction transaction, CancellationToken cancellationToken) => RecordAsync(auditEvent, cancellationToken);
    }

    [Fact]
    public async Task ReadCases_MoreThanOneEntryHolds_AreSplitIntoNumberedParts_NamingEveryCase()
    {
        var trail = new RecordingTrail();
        var cases = Enumerable.Range(1, 200).Select(i => $"C-2024-{i:D5}").ToList();
        await new CaseworkAudit(trail, trail).ReadCasesAsync("case-list", "page 1 as supervisor", cases, TestContext.Current.CancellationToken);

        trail.Events.Count.ShouldBe(3);
        trail.Events.ShouldAllBe(e => e.Action == AuditAction.Read && e.RecordType == "case-list" && e.RecordId == null && e.Actor == "account-1" && e.Detail!.Length <= 1000);
        trail.Events[0].Detail!.ShouldStartWith("page 1 as supervisor (part 1 of 3): C-2024-00001, C-2024-00002");
        trail.Events.SelectMany(e => e.Detail![(e.Detail!.IndexOf(": ", StringComparison.Ordinal) + 2)..].Split(", ")).ShouldBe(cases);
    }

    [Fact]
    public async Task ReadCases_None_SaysSo()
    {
        var trail = new RecordingTrail();
        await new CaseworkAudit(trail, trail).ReadCasesAsync("casework-dashboard", "limitation list", [], TestContext.Current.CancellationToken);
        trail.Events.Single().Detail.ShouldBe("limitation list: no cases");
    }
}
