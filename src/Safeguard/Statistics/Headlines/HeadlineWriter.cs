using Safeguard.Statistics.Indicators;
using Safeguard.Statistics.Model;
using Safeguard.Statistics.Reading;

namespace Safeguard.Statistics.Headlines;

/// <summary>
/// Writes the top-line statistics for one period from a release's figures, in the charity's own style
/// ("74 Rule 35(1) reports, 35 Rule 35(2) reports and 2,473 Rule 35(3) reports were completed ..."). Nothing is typed
/// in: every total in a sentence is for the same reporting category (<see cref="HeadlineFigures.Totals"/>), a figure
/// that is missing from the release drops out of its sentence, a bound reads "at least", and a figure the release
/// holds without a number is said to be unreported, with its status ("suppressed", "not held"), never shown as one.
/// </summary>
internal static class HeadlineWriter
{
    /// <summary>The measures the headlines are written about; nothing else need be read to write them.</summary>
    public static readonly IReadOnlyList<string> Measures =
    [
        MeasureSlugs.Rule35Part1, MeasureSlugs.Rule35Part2, MeasureSlugs.Rule35Part3, MeasureSlugs.UseOfForceIncidents,
        MeasureSlugs.AcdtOpened, MeasureSlugs.AcdtConstantSupervision, MeasureSlugs.Rule40People, MeasureSlugs.Rule42People,
        MeasureSlugs.PeopleDetained,
    ];

    /// <summary>The period the headlines are about: the latest whole year with a headline figure, else the latest period.</summary>
    public static Period? HeadlinePeriod(IEnumerable<ObservationRow> rows) =>
        HeadlinePeriod(rows.Where(r => r.Breakdown.Length == 0).Select(r => Period.FromKey(r.PeriodKey)));

    /// <summary>The same choice among the periods of whole-population figures: the latest whole year, else the latest period.</summary>
    public static Period? HeadlinePeriod(IEnumerable<Period> wholePopulationPeriods)
    {
        var periods = wholePopulationPeriods.Distinct().ToList();
        return periods.Where(p => p.Kind == PeriodKind.Year).MaxBy(p => p.End)
            ?? periods.OrderBy(p => p.End).ThenBy(p => p.Start).LastOrDefault();
    }

    /// <summary>The headlines for a period, in the order the charity gives them.</summary>
    public static IReadOnlyList<Headline> Write(IReadOnlyList<ObservationRow> rows, Period period)
    {
        var figures = new HeadlineFigures(rows, period);
        var headlines = new List<Headline>();
        void Add(string? text, string theme)
        {
            if (text is not null)
            {
                headlines.Add(new(FigureText.SentenceCase(text), theme));
            }
        }
        Add(Rule35(figures), "rule-35");
        Add(UseOfForce(figures), "use-of-force");
        Add(Acdt(figures), "self-harm-and-acdt");
        Add(Segregation(figures), "segregation");
        Add(Gap(figures.Gap()), "self-harm-and-acdt");
        Add(PeopleDetained(figures, period), "detention");
        return headlines;
    }

    /// <summary>The safeguard-gap sentence on its own, for the chart's caption and other pages.</summary>
    public static string? Gap(SafeguardGap? gap)
    {
        if (gap is null || !gap.AcdtsOpened.HasValue || !gap.SuicideRiskReports.HasValue)
        {
            return null;
        }
        var acdts = Join([Counted(gap.AcdtsOpened, "ACDT", "ACDTs"), .. Held(gap.ConstantSupervisionAcdts, "constant supervision ACDT", "constant supervision ACDTs")]);
        var reports = Join([.. Held(gap.Rule35Part1Reports, "Rule 35(1) report", "Rule 35(1) reports"), .. Held(gap.Rule35Part2Reports, "Rule 35(2) report", "Rule 35(2) reports")]);
        var fewer = gap.SuicideRiskReports.Value < gap.AcdtsOpened.Value;
        var per100 = FigureText.Ratio(gap.ReportsPer100Acdts.Value, gap.ReportsPer100Acdts.Status);
        return $"While {acdts} {WasWere(gap.AcdtsOpened)} opened in {gap.Period.Label}, {(fewer ? "only " : "")}{reports} {WasWere(gap.SuicideRiskReports)} completed in detention: "
            + $"{per100} {(gap.ReportsPer100Acdts.Value == 1 ? "report" : "reports")} for every 100 ACDTs opened.";
    }

    private static string? Rule35(HeadlineFigures figures)
    {
        var totals = figures.Totals(MeasureSlugs.Rule35Part1, MeasureSlugs.Rule35Part2, MeasureSlugs.Rule35Part3);
        List<string> parts =
        [
            .. Held(totals.GetValueOrNull(MeasureSlugs.Rule35Part1), "Rule 35(1) report", "Rule 35(1) reports"),
            .. Held(totals.GetValueOrNull(MeasureSlugs.Rule35Part2), "Rule 35(2) report", "Rule 35(2) reports"),
            .. Held(totals.GetValueOrNull(MeasureSlugs.Rule35Part3), "Rule 35(3) report", "Rule 35(3) reports"),
        ];
        if (parts.Count == 0)
        {
            return null;
        }
        var single = parts.Count == 1 && IsOne(totals.Values.Single());
        return $"{Join(parts)} {(single ? "was" : "were")} completed for people in detention.";
    }

    private static string? UseOfForce(HeadlineFigures figures)
    {
        var centres = figures.ByCentre(MeasureSlugs.UseOfForceIncidents);
        if (centres.Count == 0)
        {
            return null;
        }
        var first = $"{Counted(centres[0].Figure, "use of force incident", "use of force incidents")} at {centres[0].Place}";
        var rest = centres.Skip(1).Select(c => $"{Amount(c.Figure)} at {c.Place}");
        return $"There {(IsOne(centres[0].Figure) ? "was" : "were")} {Join([first, .. rest])}.";
    }

    private static string? Acdt(HeadlineFigures figures)
    {
        var totals = figures.Totals(MeasureSlugs.AcdtOpened, MeasureSlugs.AcdtConstantSupervision);
        List<string> parts =
        [
            .. Held(totals.GetValueOrNull(MeasureSlugs.AcdtOpened), "ACDT", "ACDTs"),
            .. Held(totals.GetValueOrNull(MeasureSlugs.AcdtConstantSupervision), "constant supervision ACDT", "constant supervision ACDTs"),
        ];
        if (parts.Count == 0)
        {
            return null;
        }
        var single = parts.Count == 1 && IsOne(totals.Values.Single());
        return $"{Join(parts)} {(single ? "was" : "were")} opened.";
    }

    private static string? Segregation(HeadlineFigures figures)
    {
        var totals = figures.Totals(MeasureSlugs.Rule40People, MeasureSlugs.Rule42People);
        var rule40 = totals.GetValueOrNull(MeasureSlugs.Rule40People);
        var rule42 = totals.GetValueOrNull(MeasureSlugs.Rule42People);
        if (rule40 is null && rule42 is null)
        {
            return null;
        }
        if (rule40 is { } r40 && rule42 is { } r42)
        {
            return $"{People(r40)} held in segregation under Rule 40 and {Amount(r42)} under Rule 42.";
        }
        var (only, rule) = rule40 is { } r ? (r, "40") : (rule42!.Value, "42");
        return $"{People(only)} held in segregation under Rule {rule}.";
    }

    private static string? PeopleDetained(HeadlineFigures figures, Period period) =>
        figures.Totals(MeasureSlugs.PeopleDetained).GetValueOrNull(MeasureSlugs.PeopleDetained) is { } people
            ? $"{Amount(people)} {(IsOne(people) ? "man, woman or child was" : "men, women and children were")} held in detention in {period.Label}."
            : null;

    private static string People(Figure figure) => $"{Amount(figure)} {(IsOne(figure) ? "person was" : "people were")}";

    /// <summary>"1,292 ACDTs", "at least 25 reports", or "an unreported number of reports (suppressed)".</summary>
    private static string Counted(Figure figure, string singular, string plural) =>
        figure.HasValue ? $"{Amount(figure)} {(IsOne(figure) ? singular : plural)}" : $"an unreported number of {plural} ({figure.Status.Label()})";

    /// <summary>The figure counted, when the release holds it: nothing to say when it does not.</summary>
    private static IEnumerable<string> Held(Figure? figure, string singular, string plural) =>
        figure is { } held ? [Counted(held, singular, plural)] : [];

    private static string Amount(Figure figure) =>
        figure.HasValue ? FigureText.Count(figure.Value, figure.Status) : $"an unreported number ({figure.Status.Label()})";

    private static Figure? GetValueOrNull(this IReadOnlyDictionary<string, Figure> totals, string measure) =>
        totals.TryGetValue(measure, out var figure) ? figure : null;

    private static string WasWere(Figure figure) => IsOne(figure) ? "was" : "were";

    private static bool IsOne(Figure? figure) => figure is { HasValue: true, Value: 1, Status: ObservationStatus.Exact };

    /// <summary>"a", "a and b", "a, b and c" (the charity writes no serial comma).</summary>
    private static string Join(List<string> parts) => parts.Count switch
    {
        0 => "",
        1 => parts[0],
        _ => $"{string.Join(", ", parts.Take(parts.Count - 1))} and {parts[^1]}",
    };
}
