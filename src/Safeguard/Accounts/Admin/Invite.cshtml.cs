using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Accounts.Contracts;
using Safeguard.Accounts.Invitations;
using Safeguard.Audit.Contracts;
using Safeguard.Platform;

namespace Safeguard.Accounts.Admin;

/// <summary>Inviting a member of staff: an account with roles, and an e-mail with a link to set it up.</summary>
internal sealed class InviteModel(InvitationService invitations, PublicAddress site, IConfiguration configuration) : PageModel
{
    [BindProperty]
    public string? DisplayName { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public List<string> Roles { get; set; } = [];

    /// <summary>How long the link works, as configured (<see cref="SafeguardSettings.InvitationHours"/>).</summary>
    public int InvitationHours => configuration.GetValue(SafeguardSettings.InvitationHours, 72);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(DisplayName))
        {
            ModelState.AddModelError(nameof(DisplayName), "Enter the person's name");
        }
        else if (DisplayName.Length > 200)
        {
            ModelState.AddModelError(nameof(DisplayName), "The name must be 200 characters or fewer");
        }
        if (string.IsNullOrWhiteSpace(Email))
        {
            ModelState.AddModelError(nameof(Email), "Enter the person's e-mail address");
        }
        else if (!System.Net.Mail.MailAddress.TryCreate(Email.Trim(), out var parsed) || parsed.Address != Email.Trim() || Email.Length > 256)
        {
            ModelState.AddModelError(nameof(Email), "Enter an e-mail address in the right form, like name@example.org");
        }
        Roles = [.. Roles.Where(StaffRoles.All.Contains).Distinct()];
        if (Roles.Count == 0)
        {
            ModelState.AddModelError("role-" + StaffRoles.All[0], "Choose at least one role");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var actor = User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)!.Value;
        var result = await invitations.InviteAsync(Email!, DisplayName!, Roles, actor, site.Of(Request), sendEmail: true, cancellationToken);
        if (result.Problem is not null)
        {
            ModelState.AddModelError(nameof(Email), result.Problem);
            return Page();
        }
        await AccountsAudit.RecordAsync(HttpContext, AuditAction.Create, result.Account!.Id, $"invited with roles {string.Join(", ", Roles)}");
        return LocalRedirect(AccountsPaths.Users + "?done=invited");
    }
}
