using System.CommandLine;
using System.Globalization;
using Safeguard.Foi.Clock;
using Safeguard.Platform;

namespace Safeguard.Foi.Requests;

/// <summary>
/// <c>foi requests add | record | list</c>: keeping the charity's requests from the command line until the staff
/// pages come with sign-in. States and deadlines are computed, never typed.
/// </summary>
internal static class FoiRequestCommands
{
    public static Command Create(Func<ParseResult, CancellationToken, Task<IHost>> open) =>
        new("requests", "The charity's FOI requests, with where each stands on the statutory clock.") { Add(open), Record(open), List(open) };

    private static Option<DateOnly?> DateOption(string name, string description) => new(name)
    {
        Description = $"{description} (yyyy-mm-dd).",
        CustomParser = result =>
        {
            var text = result.Tokens.Single().Value;
            if (FoiDate.TryParse(text, out var date, out var problem))
            {
                return date;
            }
            result.AddError($"{name}: {problem}");
            return null;
        },
    };

    private static Command Add(Func<ParseResult, CancellationToken, Task<IHost>> open)
    {
        var reference = new Argument<string>("REFERENCE") { Description = "The charity's reference, e.g. MJ-FOI-2025-014." };
        var authority = new Option<string>("--authority") { Description = "The public authority.", DefaultValueFactory = _ => "Home Office" };
        var subject = new Option<string>("--subject") { Description = "What the request asks about, in a line.", Required = true };
        var text = new Option<FileInfo?>("--text-file") { Description = "A file holding the text of the request as sent." };
        var channel = new Option<FoiChannel>("--channel") { Description = "How it was sent.", DefaultValueFactory = _ => FoiChannel.Email };
        var sent = DateOption("--sent", "When it was sent");
        var received = DateOption("--received", "When the authority received it (default: the day sent)");
        var command = new Command("add", "Add a request, as a draft or as sent.") { reference, authority, subject, text, channel, sent, received };
        command.SetAction(async (result, cancellationToken) =>
        {
            string requestText;
            try
            {
                requestText = result.GetValue(text) is { } file ? await File.ReadAllTextAsync(file.FullName, cancellationToken) : "";
            }
            catch (Exception unreadable) when (unreadable is IOException or UnauthorizedAccessException)
            {
                await result.Errors().WriteLineAsync($"error: the text of the request cannot be read: {unreadable.Message}");
                return FoiCommands.Refused;
            }
            var request = new FoiRequest
            {
                Reference = result.GetValue(reference)!.Trim(),
                Authority = result.GetValue(authority)!,
                Subject = result.GetValue(subject)!,
                Text = requestText,
                Channel = result.GetValue(channel),
                SentOn = result.GetValue(sent),
                ReceivedOn = result.GetValue(received) ?? (result.GetValue(channel) is FoiChannel.Email or FoiChannel.WebForm or FoiChannel.WhatDoTheyKnow ? result.GetValue(sent) : null),
            };
            return await WithBookAsync(open, result, async book =>
            {
                await book.AddAsync(request, cancellationToken);
                result.Output().WriteLine($"Added request '{request.Reference}'.");
                await PrintAsync(result, book, request.Reference, cancellationToken);
            }, cancellationToken);
        });
        return command;
    }

    private static Command Record(Func<ParseResult, CancellationToken, Task<IHost>> open)
    {
        var reference = new Argument<string>("REFERENCE");
        var authorityReference = new Option<string?>("--authority-reference") { Description = "The authority's reference." };
        var sent = DateOption("--sent", "When it was sent");
        var received = DateOption("--received", "When the authority received it");
        var acknowledged = DateOption("--acknowledged", "When the authority acknowledged it");
        var extended = DateOption("--extended-to", "The authority's new date under a public-interest extension");
        var outcome = new Option<FoiOutcome?>("--outcome") { Description = "How it was answered." };
        var answered = DateOption("--answered", "When it was answered");
        var exemptions = new Option<string?>("--exemptions") { Description = "Sections a refusal cites, e.g. \"s.31, s.40(2)\"." };
        var reviewRequested = DateOption("--review-requested", "When an internal review was requested");
        var reviewAnswered = DateOption("--review-answered", "When the internal review was answered");
        var reviewOutcome = new Option<FoiReviewOutcome?>("--review-outcome") { Description = "What the internal review decided." };
        var complained = DateOption("--complained", "When the complaint went to the Information Commissioner");
        var decided = DateOption("--commissioner-decided", "When the Commissioner decided");
        var appealed = DateOption("--appealed", "When the appeal went to the tribunal");
        var tribunal = DateOption("--tribunal-decided", "When the tribunal decided");
        var closed = DateOption("--closed", "When the charity closed the request");
        var command = new Command("record", "Record what happened to a request: dates, the answer, exemptions, a review, a complaint, an appeal.")
        {
            reference, authorityReference, sent, received, acknowledged, extended, outcome, answered, exemptions,
            reviewRequested, reviewAnswered, reviewOutcome, complained, decided, appealed, tribunal, closed,
        };
        command.SetAction((result, cancellationToken) => WithBookAsync(open, result, async book =>
        {
            var changes = new FoiRequestChanges
            {
                AuthorityReference = result.GetValue(authorityReference),
                SentOn = result.GetValue(sent),
                ReceivedOn = result.GetValue(received),
                AcknowledgedOn = result.GetValue(acknowledged),
                ExtendedTo = result.GetValue(extended),
                Outcome = result.GetValue(outcome),
                AnsweredOn = result.GetValue(answered),
                Exemptions = result.GetValue(exemptions),
                ReviewRequestedOn = result.GetValue(reviewRequested),
                ReviewAnsweredOn = result.GetValue(reviewAnswered),
                ReviewOutcome = result.GetValue(reviewOutcome),
                ComplaintToCommissionerOn = result.GetValue(complained),
                CommissionerDecisionOn = result.GetValue(decided),
                TribunalAppealOn = result.GetValue(appealed),
                TribunalDecisionOn = result.GetValue(tribunal),
                ClosedOn = result.GetValue(closed),
            };
            var request = await book.RecordAsync(result.GetValue(reference)!, changes, cancellationToken);
            result.Output().WriteLine($"Recorded on '{request.Reference}'.");
            await PrintAsync(result, book, request.Reference, cancellationToken);
        }, cancellationToken));
        return command;
    }

    private static Command List(Func<ParseResult, CancellationToken, Task<IHost>> open)
    {
        var state = new Option<FoiState?>("--state") { Description = "Only requests in this state." };
        var command = new Command("list", "List the requests with where each stands today, the most overdue first.") { state };
        command.SetAction((result, cancellationToken) => WithBookAsync(open, result, async book =>
        {
            foreach (var (request, status) in await book.TodayAsync(cancellationToken))
            {
                if (result.GetValue(state) is { } only && status.State != only)
                {
                    continue;
                }
                result.Output().WriteLine(Line(request, status));
            }
        }, cancellationToken));
        return command;
    }

    private static async Task PrintAsync(ParseResult result, FoiRequestBook book, string reference, CancellationToken cancellationToken)
    {
        var (request, status) = (await book.TodayAsync(cancellationToken)).Single(r => r.Request.Reference == reference);
        result.Output().WriteLine(Line(request, status));
    }

    /// <summary>"MJ-FOI-2025-014  overdue (due 30 January 2025, 3 working days late)  Home Office: Rule 35 reports".</summary>
    private static string Line(FoiRequest request, FoiRequestStatus status)
    {
        var due = status.Due is { } day
            ? status.WorkingDaysLate > 0
                ? string.Create(CultureInfo.InvariantCulture, $" (due {day:d MMMM yyyy}, {status.WorkingDaysLate} working day{(status.WorkingDaysLate == 1 ? "" : "s")} late)")
                : string.Create(CultureInfo.InvariantCulture, $" (due {day:d MMMM yyyy})")
            : "";
        var exemptions = request.Outcome == FoiOutcome.Refused ? $" [{request.Exemptions}]" : "";
        var warnings = string.Concat(status.Warnings.Select(w => $"\n    {w}"));
        return $"{request.Reference,-20} {status.State.Label()}{due}{exemptions}  {request.Authority}: {request.Subject}{warnings}";
    }

    private static async Task<int> WithBookAsync(Func<ParseResult, CancellationToken, Task<IHost>> open, ParseResult result,
        Func<FoiRequestBook, Task> action, CancellationToken cancellationToken)
    {
        using var host = await open(result, cancellationToken);
        await using var scope = host.Services.CreateAsyncScope();
        try
        {
            await action(scope.ServiceProvider.GetRequiredService<FoiRequestBook>());
            return 0;
        }
        catch (Exception refused) when (refused is FoiRequestException or OutsideCoveredYearsException)
        {
            foreach (var message in refused is FoiRequestException { Problems: var problems } ? problems.Select(p => p.Message) : [refused.Message])
            {
                await result.Errors().WriteLineAsync($"error: {message}");
            }
            return FoiCommands.Refused;
        }
    }
}
