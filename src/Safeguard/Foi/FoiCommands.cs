using System.CommandLine;
using System.Globalization;
using Safeguard.Foi.Clock;
using Safeguard.Foi.Holidays;
using Safeguard.Platform;

namespace Safeguard.Foi;

/// <summary>
/// The FOI module's commands, under <c>foi</c>: <c>due</c> (the statutory clock), <c>holidays import</c> and
/// <c>holidays list</c>, <c>requests add | record | list</c>, <c>reminders queue</c>. Errors go to standard error in words, and a refused command exits 1 having changed nothing.
/// </summary>
internal static class FoiCommands
{
    /// <summary>Exit code of a refused command.</summary>
    public const int Refused = 1;

    /// <summary>The <c>foi</c> command, opening the application's services through <paramref name="open"/>.</summary>
    public static IEnumerable<Command> Create(Func<ParseResult, CancellationToken, Task<IHost>> open)
    {
        yield return new Command("foi", "Freedom of Information requests: the statutory clock and the bank holidays it counts with.")
        {
            Due(open),
            Holidays(open),
            Requests.FoiRequestCommands.Create(open),
            Reminders(open),
        };
    }

    private static Command Reminders(Func<ParseResult, CancellationToken, Task<IHost>> open)
    {
        var queue = new Command("queue", "Queue today's reminders of FOI deadlines to each request's owner now; none is queued twice.");
        queue.SetAction(async (result, cancellationToken) =>
        {
            using var host = await open(result, cancellationToken);
            await using var scope = host.Services.CreateAsyncScope();
            var today = DateOnly.FromDateTime(scope.ServiceProvider.GetRequiredService<TimeProvider>().GetLocalNow().DateTime);
            var run = await scope.ServiceProvider.GetRequiredService<Foi.Reminders.FoiReminders>().QueueAsync(today, cancellationToken);
            result.Output().WriteLine(Invariant($"Queued {run.Queued} reminder{(run.Queued == 1 ? "" : "s")} in the outbox."));
            if (run.Warning is { } warning)
            {
                await result.Errors().WriteLineAsync($"warning: {warning}");
            }
            return 0;
        });
        return new Command("reminders", "Reminders of FOI deadlines, through the e-mail outbox.") { queue };
    }

    private static Command Due(Func<ParseResult, CancellationToken, Task<IHost>> open)
    {
        var received = new Argument<string>("RECEIVED-DATE") { Description = "The date the authority received the request (yyyy-mm-dd)." };
        var days = new Option<int>("--days")
        {
            Description = "Working days to count: 20 for a request or an internal review (40 at most), 40 with a public-interest extension.",
            DefaultValueFactory = _ => FoiClock.StatutoryWorkingDays,
        };
        var command = new Command("due", "Print when an answer is due: the 20th (or Nth) working day after the date of receipt.") { received, days };
        command.SetAction(async (result, cancellationToken) =>
        {
            if (!FoiDate.TryParse(result.GetValue(received)!, out var date, out var problem))
            {
                await result.Errors().WriteLineAsync($"error: {problem}");
                return Refused;
            }
            var count = result.GetValue(days);
            if (count is < 1 or > FoiClock.MostWorkingDays)
            {
                await result.Errors().WriteLineAsync(Invariant($"error: --days must be a whole number of working days from 1 to {FoiClock.MostWorkingDays}; it was {count}."));
                return Refused;
            }
            using var host = await open(result, cancellationToken);
            await using var scope = host.Services.CreateAsyncScope();
            var calendar = await scope.ServiceProvider.GetRequiredService<BankHolidayStore>().CalendarAsync(cancellationToken);
            try
            {
                result.Output().WriteLine(new FoiClock(calendar).Due(date, count).Explain());
                return 0;
            }
            catch (OutsideCoveredYearsException outside)
            {
                await result.Errors().WriteLineAsync($"error: {outside.Message}");
                return Refused;
            }
        });
        return command;
    }

    private static Command Holidays(Func<ParseResult, CancellationToken, Task<IHost>> open)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "A bank holidays feed in the GOV.UK format (https://www.gov.uk/bank-holidays.json)." };
        var import = new Command("import", "Add the bank holidays of a newer GOV.UK feed file to those the clock knows.") { file };
        import.SetAction(async (result, cancellationToken) =>
        {
            var path = result.GetValue(file)!;
            IReadOnlyList<BankHoliday> feed;
            try
            {
                if (path.Exists && path.Length > BankHolidayFeed.MaximumBytes)
                {
                    throw new BankHolidayFeedException(path.Name, [Invariant($"it is {path.Length:#,0} bytes; a GOV.UK bank holidays feed is about 15 KB, so this is not one.")]);
                }
                feed = BankHolidayFeed.Parse(await File.ReadAllBytesAsync(path.FullName, cancellationToken), path.Name);
            }
            catch (Exception failure) when (failure is IOException or UnauthorizedAccessException)
            {
                await result.Errors().WriteLineAsync($"error: {path.FullName} cannot be read: {failure.Message}");
                return Refused;
            }
            catch (BankHolidayFeedException refused)
            {
                await result.Errors().WriteLineAsync($"error: {refused.Message}");
                await result.Errors().WriteLineAsync("Nothing was imported.");
                return Refused;
            }
            using var host = await open(result, cancellationToken);
            await using var scope = host.Services.CreateAsyncScope();
            var done = await scope.ServiceProvider.GetRequiredService<BankHolidayStore>().ImportAsync(feed, path.Name, cancellationToken);
            result.Output().WriteLine(Invariant($"Imported {done.Read} bank holidays from {path.Name}: {done.New} new, {done.Changed} corrected, {done.Read - done.New - done.Changed} already known."));
            result.Output().WriteLine(done.After.Years.SequenceEqual(done.Before.Years)
                ? $"Bank holidays are known for {done.After}, as before."
                : $"Bank holidays are now known for {done.After} (before: {done.Before}).");
            var partial = feed.Select(h => h.Date.Year).Distinct().Where(y => !done.After.Contains(y)).Order().ToList();
            if (partial.Count > 0)
            {
                result.Output().WriteLine($"Listed only in part, so still unknown: {string.Join(", ", partial)} (a year is known once every part of the UK has its January and December bank holidays listed).");
            }
            return 0;
        });

        var year = new Option<int?>("--year") { Description = "Only this year." };
        var list = new Command("list", "List the bank holidays the clock counts, in every part of the UK.") { year };
        list.SetAction(async (result, cancellationToken) =>
        {
            using var host = await open(result, cancellationToken);
            await using var scope = host.Services.CreateAsyncScope();
            var all = await scope.ServiceProvider.GetRequiredService<BankHolidayStore>().AllAsync(cancellationToken);
            var calendar = new WorkingDayCalendar(all);
            var only = result.GetValue(year);
            if (only is { } wanted && !calendar.Covered.Contains(wanted))
            {
                await result.Errors().WriteLineAsync(Invariant($"error: Bank holidays are known for {calendar.Covered}; {wanted} is outside them: import a newer GOV.UK feed with 'foi holidays import'."));
                return Refused;
            }
            result.Output().WriteLine($"Bank holidays are known for {calendar.Covered}.");
            var dates = all.Select(h => h.Date).Where(d => only is null || d.Year == only).Distinct().Order();
            foreach (var date in dates)
            {
                var reason = calendar.NonWorking(date)?.Reason ?? "";
                result.Output().WriteLine(Invariant($"{date:yyyy-MM-dd}  {date.DayOfWeek,-9}  {reason}"));
            }
            return 0;
        });
        return new Command("holidays", "The bank holidays the FOI clock counts: the shipped GOV.UK feed and any imported since.") { import, list };
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
