using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Safeguard.Casework.Access;
using Safeguard.Platform.Web;
using Safeguard.Platform.Web.Forms;

namespace Safeguard.Casework.Cases;

/// <summary>The client's identifying details (each stored encrypted) and the tags that put them in cohorts.</summary>
[Authorize(Policy = StaffPolicies.CaseData)]
internal sealed class DetailsModel(CaseAccess access, CaseReading reading, CaseBook book, TimeProvider time) : CasePageModel(access, time)
{
    [BindProperty]
    [Required(ErrorMessage = "Enter the client's name")]
    [TextLength(200, "The name")]
    public string? Name { get; set; }

    [BindProperty]
    [PastDate("the date of birth")]
    public string? DateOfBirth { get; set; }

    [BindProperty]
    [TextLength(100, "The nationality")]
    public string? Nationality { get; set; }

    [BindProperty]
    [TextLength(200, "The languages")]
    public string? Languages { get; set; }

    [BindProperty]
    [TextLength(40, "The Home Office reference")]
    public string? HomeOfficeReference { get; set; }

    [BindProperty]
    [TextLength(1000, "The contact details")]
    public string? Contact { get; set; }

    [BindProperty]
    public string? Tags { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await OpenAsync("details form", cancellationToken))
        {
            return NotFound();
        }
        var view = await reading.ReadAsync(Opened, cancellationToken);
        (Name, DateOfBirth, Nationality, Languages, HomeOfficeReference, Contact) = (view.Identity.Name, FormDates.Value(view.Identity.DateOfBirth),
            view.Identity.Nationality, view.Identity.Languages, view.Identity.HomeOfficeReference, view.Identity.Contact);
        Tags = string.Join(", ", view.Tags);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await OpenAsync(null, cancellationToken))
        {
            return NotFound();
        }
        var tags = ModelState.Tags(nameof(Tags), Tags);
        if (Typed() is not { } identity)
        {
            return Page();
        }
        await book.UpdateIdentityAsync(Opened, identity, tags, cancellationToken);
        return BackToCase("client");
    }

    /// <summary>The details as typed, once every field has passed its rules (the tags as well); null until then.</summary>
    private ClientIdentity? Typed() =>
        ModelState.IsValid && FormText.Read(Name) is { } name
            ? new ClientIdentity(name, FormDates.Parse(DateOfBirth), FormText.Read(Nationality), FormText.Read(Languages), FormText.Read(HomeOfficeReference), FormText.Read(Contact))
            : null;
}
