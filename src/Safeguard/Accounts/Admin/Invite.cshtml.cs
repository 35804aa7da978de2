using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Accounts.Contracts;
using Safeguard.Accounts.Invitations;
using Safeguard.Audit.Contracts;
using Safeguard.Platform;
using Safeguard.Platform.Web.Forms;

namespace Safeguard.Accounts.Admin;

/// <summary>Inviting a member of staff: an account with roles, and an e-mail with a link to set it up.</summary>
internal sealed class InviteModel(InvitationService invitations, PublicAddress site, IConfiguration configuration) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Enter the person's name")]
    [TextLength(200, "The name")]
    public string? DisplayName { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Enter the person's e-mail address")]
    [MailAddress(ErrorMessage = "Enter an e-mail address in the right form, like name@example.org")]
    public string? Email { get; set; }

    [BindProperty]
    public List<string> Roles { get; set; } = [];

    /// <summary>How long the link works, as configured (<see cref="SafeguardSettings.InvitationHours"/>).</summary>
    public int InvitationHours => configuration.GetValue(SafeguardSettings.InvitationHours, 72);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Roles = [.. Roles.Where(StaffRoles.All.Contains).Distinct()];
        if (Roles.Count == 0)
        {
            ModelState.AddModelError("role-" + StaffRoles.All[0], "Choose at least one role");
        }
        if (!ModelState.IsValid || FormText.Read(Email) is not { } email || FormText.Read(DisplayName) is not { } name)
        {
            return Page();
        }
        var actor = User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)!.Value;
        var result = await invitations.InviteAsync(email, name, Roles, actor, site.Of(Request), sendEmail: true, cancellationToken);
        if (result.Problem is not null)
        {
            ModelState.AddModelError(nameof(Email), result.Problem);
            return Page();
        }
        await AccountsAudit.RecordAsync(HttpContext, AuditAction.Create, result.Account!.Id, $"invited with roles {string.Join(", ", Roles)}");
        return LocalRedirect(AccountsPaths.Users + "?done=invited");
    }
}
