using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Platform.Web.Forms;

namespace Safeguard.Parliament.Bills.Staff;

/// <summary>The form of a bill, new or changed: its title and its page on Parliament's site.</summary>
internal abstract class BillFormModel : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Enter the bill's title, for example Border Security, Asylum and Immigration Bill")]
    [TextLength(300, "The title")]
    public string? Title { get; set; }

    [BindProperty]
    [TextLength(500, "The address")]
    [Url(ErrorMessage = "Enter the bill's page on Parliament's site as a full web address, starting https://")]
    public string? ParliamentUrl { get; set; }

    /// <summary>The title, once ModelState is valid; null otherwise.</summary>
    protected string? ReadTitle() => ModelState.IsValid ? FormText.Read(Title) : null;
}
