using System.CommandLine;
using System.Globalization;
using System.Text;
using Safeguard.Audit.Chain;
using Safeguard.Audit.Contracts;
using Safeguard.Audit.Data;
using Safeguard.Audit.Searching;
using Safeguard.Platform;

namespace Safeguard.Audit;

/// <summary>
/// <c>audit verify [--anchor N:HASH]</c> checks the chain, and that the anchored entry is still there unchanged (exit 0
/// intact, 1 broken, naming the first broken entry); <c>audit anchor</c> checks the chain and prints its head as an
/// anchor to keep elsewhere, recording that it did; <c>audit search</c> lists entries, newest first, for
/// administrators at the command line.
/// </summary>
internal static class AuditCommands
{
    /// <summary>Exit code when the trail is broken, or a search is asked for wrongly.</summary>
    public const int Broken = 1;

    /// <summary>The <c>audit</c> command, opening the application's services through <paramref name="open"/>.</summary>
    public static Command Create(Func<ParseResult, CancellationToken, Task<IHost>> open) =>
        new("audit", "The audit trail: who did what to which record, when and from where; hash-chained and append-only.")
        {
            Verify(open),
            Anchor(open),
            Search(open),
        };

    private static Command Verify(Func<ParseResult, CancellationToken, Task<IHost>> open)
    {
        var anchorOption = new Option<string?>("--anchor")
        {
            Description = $"An anchor kept elsewhere ({AuditAnchor.Form}, as audit anchor printed it): that entry must still be there with that hash.",
        };
        var command = new Command("verify", "Check every entry's hash and link, and the anchor if given; name the first broken entry (exit 1) or say the trail is intact (exit 0).")
        {
            anchorOption,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            AuditAnchor? anchor = null;
            if (result.GetValue(anchorOption) is { } text && !AuditAnchor.TryParse(text, out anchor))
            {
                await result.Errors().WriteLineAsync($"error: --anchor is written {AuditAnchor.Form}: the entry's number, a colon and its 64-digit hash, as audit anchor printed it.");
                return Broken;
            }
            using var host = await open(result, cancellationToken);
            var outcome = await host.Services.GetRequiredService<AuditVerifier>().VerifyAsync(new ConsoleProgress(result.Errors()), anchor, cancellationToken);
            return await ReportAsync(result, outcome);
        });
        return command;
    }

    private static Command Anchor(Func<ParseResult, CancellationToken, Task<IHost>> open)
    {
        var command = new Command("anchor",
            $"Check the chain, then print its head as an anchor ({AuditAnchor.Form}) to keep outside Safeguard, and record on the trail that it was taken; exit 1, with no anchor, when the chain is broken.");
        command.SetAction(async (result, cancellationToken) =>
        {
            using var host = await open(result, cancellationToken);
            var outcome = await host.Services.GetRequiredService<AuditVerifier>().VerifyAsync(new ConsoleProgress(result.Errors()), cancellationToken);
            if (outcome.Head is not { } head)
            {
                return await ReportAsync(result, outcome);
            }
            var origin = host.Services.GetRequiredService<IAuditOrigin>();
            await host.Services.GetRequiredService<IAuditTrail>().RecordAsync(
                new AuditEvent(origin.Actor, AuditAction.Read, Admin.TrailModel.TrailRecordType, null, origin.Source, $"anchor taken: {head}"), cancellationToken);
            // The anchor alone on the first line, for a script to keep.
            result.Output().WriteLine(head.ToString());
            result.Output().WriteLine(outcome.Summary);
            result.Output().WriteLine(outcome.Advice);
            return 0;
        });
        return command;
    }

    /// <summary>An intact trail's sentences on standard output (exit 0), a broken one's on standard error (exit 1).</summary>
    private static async Task<int> ReportAsync(ParseResult result, AuditVerification outcome)
    {
        if (outcome.Intact)
        {
            result.Output().WriteLine(outcome.Summary);
            result.Output().WriteLine(outcome.Advice);
            return 0;
        }
        await result.Errors().WriteLineAsync(outcome.Summary);
        await result.Errors().WriteLineAsync(outcome.Advice);
        return Broken;
    }

    private static Command Search(Func<ParseResult, CancellationToken, Task<IHost>> open)
    {
        var actor = new Option<string?>("--actor") { Description = "Only this account id (or \"system\", \"anonymous\")." };
        var action = new Option<string?>("--action") { Description = $"Only this action: {string.Join(", ", AuditActionCodes.All)}." };
        var recordType = new Option<string?>("--record-type") { Description = "Only records of this type, e.g. release." };
        var recordId = new Option<string?>("--record-id") { Description = "Only the record with this id." };
        var from = new Option<DateOnly?>("--from") { Description = "From this day (yyyy-mm-dd, UTC), inclusive." };
        var to = new Option<DateOnly?>("--to") { Description = "To this day (yyyy-mm-dd, UTC), inclusive." };
        var limit = new Option<int>("--limit") { Description = $"At most this many entries (default 100, at most {AuditSearch.MaxLimit:#,0}).", DefaultValueFactory = _ => 100 };
        var command = new Command("search", "List audit entries, newest first.") { actor, action, recordType, recordId, from, to, limit };
        command.SetAction(async (result, cancellationToken) =>
        {
            AuditAction? wanted = null;
            if (result.GetValue(action) is { Length: > 0 } code)
            {
                if (!AuditActionCodes.TryParse(code, out wanted))
                {
                    await result.Errors().WriteLineAsync($"error: there is no action '{Printable(code)}'; the actions are {string.Join(", ", AuditActionCodes.All)}.");
                    return Broken;
                }
            }
            if (result.GetValue(limit) is < 1 or > AuditSearch.MaxLimit)
            {
                await result.Errors().WriteLineAsync(Invariant($"error: --limit must be from 1 to {AuditSearch.MaxLimit:#,0}."));
                return Broken;
            }
            using var host = await open(result, cancellationToken);
            var entries = await host.Services.GetRequiredService<AuditQuery>().SearchAsync(new AuditSearch
            {
                Actor = result.GetValue(actor),
                Action = wanted,
                RecordType = result.GetValue(recordType),
                RecordId = result.GetValue(recordId),
                From = result.GetValue(from),
                To = result.GetValue(to),
                Limit = result.GetValue(limit),
            }, cancellationToken);
            foreach (var entry in entries)
            {
                result.Output().WriteLine(Line(entry));
            }
            result.Output().WriteLine(entries.Count == 0 ? "No entries match." : Invariant($"{entries.Count:#,0} entries, newest first."));
            return 0;
        });
        return command;
    }

    /// <summary>One entry on one line: sequence, time, actor, action, record, source, detail.</summary>
    internal static string Line(AuditEntry entry)
    {
        var record = entry.RecordId is null ? entry.RecordType : $"{entry.RecordType} {entry.RecordId}";
        var detail = entry.Detail is null ? "" : $"  {entry.Detail}";
        return Printable(Invariant($"{entry.Sequence,8}  {AuditEntryHash.Time(entry.TimeUtc)}  {entry.Actor}  {entry.Action}  {record}  from {entry.Source}{detail}"));
    }

    /// <summary>Control characters shown as escapes, so a stored value cannot forge lines or terminal output.</summary>
    private static string Printable(string text)
    {
        if (!text.Any(char.IsControl))
        {
            return text;
        }
        var printable = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            printable.Append(char.IsControl(c) ? Invariant($"\\u{(int)c:x4}") : c.ToString());
        }
        return printable.ToString();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>Progress on standard error every <see cref="AuditVerifier.ProgressInterval"/> entries.</summary>
    private sealed class ConsoleProgress(TextWriter errors) : IProgress<long>
    {
        public void Report(long value) => errors.WriteLine(Invariant($"Checked {value:#,0} entries ..."));
    }
}
