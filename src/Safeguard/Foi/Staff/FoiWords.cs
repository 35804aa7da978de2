using System.Globalization;
using Safeguard.Foi.Requests;
using Safeguard.Platform.Web.Forms;

namespace Safeguard.Foi.Staff;

/// <summary>The words and tag colours the FOI pages use for states, outcomes and channels.</summary>
internal static class FoiWords
{
    public static IReadOnlyList<Choice> Channels { get; } =
    [
        new(nameof(FoiChannel.Email), "E-mail"),
        new(nameof(FoiChannel.WebForm), "The authority's web form"),
        new(nameof(FoiChannel.WhatDoTheyKnow), "WhatDoTheyKnow"),
        new(nameof(FoiChannel.Post), "Post", "The authority receives it a few days after it is sent: give the date received"),
    ];

    public static IReadOnlyList<Choice> Outcomes { get; } =
    [
        new(nameof(FoiOutcome.AnsweredInFull), "Answered in full"),
        new(nameof(FoiOutcome.AnsweredInPart), "Answered in part", "Some information given, some withheld under exemptions"),
        new(nameof(FoiOutcome.Refused), "Refused", "Give the exemptions cited below"),
        new(nameof(FoiOutcome.NotHeld), "Information not held"),
        new(nameof(FoiOutcome.NoAnswer), "No answer", "The authority never answered; the request stays overdue until it does"),
    ];

    public static IReadOnlyList<Choice> ReviewOutcomes { get; } =
    [
        new(nameof(FoiReviewOutcome.Upheld), "Upheld", "The first answer stands"),
        new(nameof(FoiReviewOutcome.ChangedInPart), "Changed in part", "Some of what was withheld is released, or part of the answer changes"),
        new(nameof(FoiReviewOutcome.Overturned), "Overturned", "The first answer is set aside and what was asked for is released"),
    ];

    public static string Channel(FoiChannel channel) => Channels.First(c => c.Value == channel.ToString()).Label;

    public static string Outcome(FoiOutcome outcome) => Outcomes.First(o => o.Value == outcome.ToString()).Label;

    public static string ReviewOutcome(FoiReviewOutcome outcome) => ReviewOutcomes.First(o => o.Value == outcome.ToString()).Label;

    /// <summary>The tag's colour modifier: red for late or unknown, blue while waiting, green once answered.</summary>
    public static string TagClass(FoiState state) => state switch
    {
        FoiState.Overdue or FoiState.VeryOverdue or FoiState.Unknown => "tag tag--red",
        FoiState.Refused or FoiState.WithCommissioner or FoiState.AtTribunal or FoiState.InInternalReview => "tag tag--orange",
        FoiState.Answered => "tag tag--green",
        FoiState.Draft or FoiState.Closed => "tag tag--grey",
        _ => "tag tag--blue",
    };

    /// <summary>"3 working days late", "1 working day late".</summary>
    public static string Late(int workingDays) =>
        string.Create(CultureInfo.InvariantCulture, $"{workingDays} working day{(workingDays == 1 ? "" : "s")} late");

    /// <summary>"January to June 2026", "1 March to 15 April 2026", or null without a period.</summary>
    public static string? Period(FoiRequest request)
    {
        if (request.PeriodStart is not { } start || request.PeriodEnd is not { } end)
        {
            return request.PeriodStart is { } only ? $"from {FormDates.Show(only)}" : request.PeriodEnd is { } until ? $"until {FormDates.Show(until)}" : null;
        }
        var wholeMonths = start.Day == 1 && end.Day == DateTime.DaysInMonth(end.Year, end.Month);
        var from = wholeMonths ? start.ToString(start.Year == end.Year ? "MMMM" : "MMMM yyyy", CultureInfo.InvariantCulture)
            : start.ToString(start.Year == end.Year ? "d MMMM" : "d MMMM yyyy", CultureInfo.InvariantCulture);
        var to = end.ToString(wholeMonths ? "MMMM yyyy" : "d MMMM yyyy", CultureInfo.InvariantCulture);
        return wholeMonths && start.Month == end.Month && start.Year == end.Year ? to : $"{from} to {to}";
    }
}
