using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Safeguard.Accounts.Contracts;
using Safeguard.Foi.Requests;
using Safeguard.Platform.Web.Forms;

namespace Safeguard.Foi.Staff;

/// <summary>
/// The form of a request's details, shared by the new request and its details pages: references, authority, subject,
/// text, channel, dates sent, received and acknowledged, series and period, and its owner.
/// </summary>
internal abstract class RequestFormModel(FoiRequestBook book, StaffDirectory staff) : FoiFormModel
{
    [BindProperty] public string? Reference { get; set; }
    [BindProperty] public string? Authority { get; set; } = "Home Office";
    [BindProperty] public string? AuthorityReference { get; set; }
    [BindProperty] public string? Subject { get; set; }
    [BindProperty] public string? Text { get; set; }
    [BindProperty] public string? Channel { get; set; } = nameof(FoiChannel.Email);
    [BindProperty] public string? SentOn { get; set; }
    [BindProperty] public string? ReceivedOn { get; set; }
    [BindProperty] public string? AcknowledgedOn { get; set; }
    [BindProperty] public string? SeriesId { get; set; }
    [BindProperty] public string? PeriodStart { get; set; }
    [BindProperty] public string? PeriodEnd { get; set; }
    [BindProperty] public string? OwnerId { get; set; }

    /// <summary>The fields in the order of the form, for a refusal that names a field of the request.</summary>
    public static IReadOnlyList<string> Fields { get; } =
    [
        nameof(Reference), nameof(Authority), nameof(AuthorityReference), nameof(Subject), nameof(Text), nameof(Channel), nameof(SentOn),
        nameof(ReceivedOn), nameof(AcknowledgedOn), nameof(SeriesId), nameof(PeriodStart), nameof(PeriodEnd), nameof(OwnerId),
    ];

    public IReadOnlyList<FoiSeries> AllSeries { get; private set; } = [];

    /// <summary>Who can own a request: the FOI team's active members.</summary>
    public IReadOnlyList<StaffContact> Owners { get; private set; } = [];

    protected FoiRequestBook Book => book;

    protected async Task LoadChoicesAsync(CancellationToken cancellationToken)
    {
        AllSeries = await book.AllSeriesAsync(cancellationToken);
        Owners = await staff.InRolesAsync(StaffRoles.Foi);
    }

    protected void Fill(FoiRequest request)
    {
        Reference = request.Reference;
        Authority = request.Authority;
        AuthorityReference = request.AuthorityReference;
        Subject = request.Subject;
        Text = request.Text;
        Channel = request.Channel.ToString();
        SentOn = FormDates.Value(request.SentOn);
        ReceivedOn = FormDates.Value(request.ReceivedOn);
        AcknowledgedOn = FormDates.Value(request.AcknowledgedOn);
        SeriesId = request.SeriesId?.ToString(CultureInfo.InvariantCulture);
        PeriodStart = FormDates.Value(request.PeriodStart);
        PeriodEnd = FormDates.Value(request.PeriodEnd);
        OwnerId = request.OwnerId;
    }

    /// <summary>Checks the form and, when it can be read, writes it onto <paramref name="request"/>.</summary>
    protected bool TryApply(FoiRequest request)
    {
        Required(nameof(Reference), Reference, "Enter our reference for the request, for example MJ-FOI-2026-014");
        CheckLength(nameof(Reference), Reference?.Trim(), 60, "Our reference");
        Required(nameof(Authority), Authority, "Enter the public authority the request goes to, for example Home Office");
        CheckLength(nameof(Authority), Authority?.Trim(), 200, "The authority");
        CheckLength(nameof(AuthorityReference), AuthorityReference?.Trim(), 60, "The authority’s reference");
        Required(nameof(Subject), Subject, "Enter what the request asks about, in a line");
        CheckLength(nameof(Subject), Subject?.Trim(), 300, "The subject");
        CheckLength(nameof(Text), Text, 20_000, "The text of the request");
        var channel = ModelState.Choice<FoiChannel>(nameof(Channel), Channel, "Choose how the request is sent");
        var sent = ReadDate(nameof(SentOn), SentOn, "the date sent");
        var received = ReadDate(nameof(ReceivedOn), ReceivedOn, "the date received");
        var acknowledged = ReadDate(nameof(AcknowledgedOn), AcknowledgedOn, "the date acknowledged");
        var start = ReadDate(nameof(PeriodStart), PeriodStart, "the first day of the period");
        var end = ReadDate(nameof(PeriodEnd), PeriodEnd, "the last day of the period");
        int? series = null;
        if (!string.IsNullOrEmpty(SeriesId))
        {
            series = AllSeries.FirstOrDefault(s => s.Id.ToString(CultureInfo.InvariantCulture) == SeriesId)?.Id;
            if (series is null)
            {
                ModelState.AddModelError(nameof(SeriesId), "Choose a series from the list, or none");
            }
        }
        if (Owners.All(o => o.Id != OwnerId))
        {
            ModelState.AddModelError(nameof(OwnerId), "Choose who owns the request: they get its reminders");
        }
        void WriteDates(FoiRequest onto)
        {
            onto.SentOn = sent;
            // By e-mail or a web form a request arrives the day it is sent; by post it is given.
            onto.ReceivedOn = received ?? (channel is FoiChannel.Post ? null : sent);
            onto.AcknowledgedOn = acknowledged;
            onto.PeriodStart = start;
            onto.PeriodEnd = end;
        }
        if (!ModelState.IsValid)
        {
            // The dates that could be read, against the book's rules too, so that one round trip says it all.
            ModelState.AddRefusal(book.ProblemsOf(Saved ?? request, WriteDates, [.. Fields.Where(field => ModelState.ErrorFor(field) is not null)]), Fields, nameof(Reference));
            return false;
        }
        request.Reference = Reference!.Trim();
        request.Authority = Authority!.Trim();
        request.AuthorityReference = AuthorityReference?.Trim() is { Length: > 0 } theirs ? theirs : null;
        request.Subject = Subject!.Trim();
        request.Text = Text?.Trim() ?? "";
        request.Channel = channel!.Value;
        WriteDates(request);
        request.SeriesId = series;
        request.OwnerId = OwnerId;
        return true;
    }

    /// <summary>The request as saved, when the form changes one: the dates read are checked against the rest of it.</summary>
    protected virtual FoiRequest? Saved => null;

    /// <summary>Shows a refusal of the book by its fields.</summary>
    protected void Refused(FoiRequestException refused) => ModelState.AddRefusal(refused.Problems, Fields, nameof(Reference));

    private void Required(string field, string? value, string message)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            ModelState.AddModelError(field, message);
        }
    }
}
