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
    public string? Name { get; set; }

    [BindProperty]
    public string? DateOfBirth { get; set; }

    [BindProperty]
    public string? Nationality { get; set; }

    [BindProperty]
    public string? Languages { get; set; }

    [BindProperty]
    public string? HomeOfficeReference { get; set; }

    [BindProperty]
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
        var name = ModelState.Text(nameof(Name), Name, "Enter the client's name", 200, "The name");
        var born = ModelState.Date(nameof(DateOfBirth), DateOfBirth, null, "the date of birth", Today);
        var nationality = ModelState.Text(nameof(Nationality), Nationality, null, 100, "The nationality");
        var languages = ModelState.Text(nameof(Languages), Languages, null, 200, "The languages");
        var reference = ModelState.Text(nameof(HomeOfficeReference), HomeOfficeReference, null, 40, "The Home Office reference");
        var contact = ModelState.Text(nameof(Contact), Contact, null, 1000, "The contact details");
        var tags = ModelState.Tags(nameof(Tags), Tags);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        await book.UpdateIdentityAsync(Opened, new ClientIdentity(name!, born, nationality, languages, reference, contact), tags, cancellationToken);
        return BackToCase("client");
    }
}
