using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Accounts.Contracts;
using Safeguard.Foi.Requests;
using Safeguard.Platform.Web.Forms;

namespace Safeguard.Foi.Staff;

/// <summary>
/// The form of a request's details, shared by the new request and its details pages: references, authority, subject,
/// text, channel, dates sent, received and acknowledged, series and period, and its owner.
/// </summary>
internal abstract class RequestFormModel(FoiRequestBook book, StaffDirectory staff) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Enter our reference for the request, for example MJ-FOI-2026-014")]
    [TextLength(60, "Our reference")]
    public string? Reference { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Enter the public authority the request goes to, for example Home Office")]
    [TextLength(200, "The authority")]
    public string? Authority { get; set; } = "Home Office";

    [BindProperty]
    [TextLength(60, "The authority’s reference")]
    public string? AuthorityReference { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Enter what the request asks about, in a line")]
    [TextLength(300, "The subject")]
    public string? Subject { get; set; }

    [BindProperty]
    [TextLength(20_000, "The text of the request")]
    public string? Text { get; set; }

    [BindProperty]
    [Choice<FoiChannel>("Choose how the request is sent")]
    public string? Channel { get; set; } = nameof(FoiChannel.Email);

    [BindProperty]
    [Date("the date sent")]
    public string? SentOn { get; set; }

    [BindProperty]
    [Date("the date received")]
    public string? ReceivedOn { get; set; }

    [BindProperty]
    [Date("the date acknowledged")]
    public string? AcknowledgedOn { get; set; }

    /// <summary>One of <see cref="AllSeries"/> or none, checked by <see cref="TryApply"/> once they are loaded.</summary>
    [BindProperty]
    public string? SeriesId { get; set; }

    [BindProperty]
    [Date("the first day of the period")]
    public string? PeriodStart { get; set; }

    [BindProperty]
    [Date("the last day of the period")]
    public string? PeriodEnd { get; set; }

    /// <summary>One of <see cref="Owners"/>, checked by <see cref="TryApply"/> once they are loaded.</summary>
    [BindProperty]
    public string? OwnerId { get; set; }

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
        var channel = FormChoices.Read<FoiChannel>(Channel);
        var sent = FormDates.Parse(SentOn);
        var received = FormDates.Parse(ReceivedOn);
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
            onto.AcknowledgedOn = FormDates.Parse(AcknowledgedOn);
            onto.PeriodStart = FormDates.Parse(PeriodStart);
            onto.PeriodEnd = FormDates.Parse(PeriodEnd);
        }
        if (!ModelState.IsValid || FormText.Read(Reference) is not { } reference || FormText.Read(Authority) is not { } authority
            || FormText.Read(Subject) is not { } subject || channel is not { } sentBy)
        {
            // The dates that could be read, against the book's rules too, so that one round trip says it all.
            ModelState.AddRefusal(book.ProblemsOf(Saved ?? request, WriteDates, [.. Fields.Where(field => ModelState.ErrorFor(field) is not null)]), Fields, nameof(Reference));
            return false;
        }
        request.Reference = reference;
        request.Authority = authority;
        request.AuthorityReference = FormText.Read(AuthorityReference);
        request.Subject = subject;
        request.Text = FormText.Read(Text) ?? "";
        request.Channel = sentBy;
        WriteDates(request);
        request.SeriesId = series;
        request.OwnerId = OwnerId;
        return true;
    }

    /// <summary>The request as saved, when the form changes one: the dates read are checked against the rest of it.</summary>
    protected virtual FoiRequest? Saved => null;

    /// <summary>Shows a refusal of the book by its fields.</summary>
    protected void Refused(FoiRequestException refused) => ModelState.AddRefusal(refused.Problems, Fields, nameof(Reference));
}
