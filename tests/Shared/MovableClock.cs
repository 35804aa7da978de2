using System.Diagnostics;

namespace Safeguard.Tests;

/// <summary>
/// The clock of the application under test. It starts at a fixed moment (<see cref="Start"/> unless a test gives
/// another), so that every date the tests count from (FOI deadlines, casework clocks, "today" on a form) is the same
/// whatever the real date, and runs on from there at the real pace, so that codes, sessions and the audit trail see
/// time pass. A test moves it on with <see cref="Advance"/>: a session can then outlive its idle or absolute time in
/// an instant. Local time is UTC (London's in winter), so the day does not depend on the machine's time zone.
/// </summary>
public sealed class MovableClock(DateTimeOffset start) : TimeProvider
{
    /// <summary>
    /// Tuesday 10 November 2026, 10:00 in London: a working day well inside the bank holidays shipped with Safeguard
    /// (2024 to 2027), so that deadlines months either side can be counted; 14 hours from midnight, so that no test
    /// sees the date change under it; and after the hour of the daily FOI reminders (7:00), so that a server running
    /// them would not run them again for a day.
    /// </summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 10, 10, 0, 0, TimeSpan.Zero);

    private readonly long startedAt = Stopwatch.GetTimestamp();

    private long offsetTicks;

    public MovableClock()
        : this(Start)
    {
    }

    /// <summary>Today's date by this clock, where the application is.</summary>
    public DateOnly Today => DateOnly.FromDateTime(GetLocalNow().DateTime);

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public void Advance(TimeSpan by) => Interlocked.Add(ref offsetTicks, by.Ticks);

    public override DateTimeOffset GetUtcNow() => start + Stopwatch.GetElapsedTime(startedAt) + TimeSpan.FromTicks(Interlocked.Read(ref offsetTicks));
}
