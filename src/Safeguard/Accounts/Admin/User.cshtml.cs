using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Accounts.Contracts;
using Safeguard.Accounts.Invitations;
using Safeguard.Accounts.Passkeys;
using Safeguard.Audit.Contracts;
using Safeguard.Platform;

namespace Safeguard.Accounts.Admin;

/// <summary>
/// One account: change its roles, send a new invitation (which also resets a lost passphrase, authenticator or passkey),
/// or deactivate it. An administrator cannot deactivate themselves or take away their own administrator role,
/// so there is always someone who can manage accounts.
/// </summary>
internal sealed class UserModel(UserManager<StaffAccount> users, InvitationService invitations, StaffPasskeys passkeys, PublicAddress site, TimeProvider clock) : PageModel
{
    public StaffAccount Account { get; private set; } = null!;

    public IReadOnlyList<string> CurrentRoles { get; private set; } = [];

    [BindProperty]
    public List<string> Roles { get; set; } = [];

    public bool IsSelf { get; private set; }

    /// <summary>How many passkeys the account has.</summary>
    public int PasskeyCount { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        Roles = [.. CurrentRoles];
        return Page();
    }

    public async Task<IActionResult> OnPostRolesAsync(string id)
    {
        if (!await LoadAsync(id) || !Account.IsActive)
        {
            return NotFound();
        }
        Roles = [.. Roles.Where(StaffRoles.All.Contains).Distinct()];
        if (IsSelf && !Roles.Contains(StaffRoles.Administrator))
        {
            ModelState.AddModelError("role-" + StaffRoles.All[0], "You cannot take away your own administrator role. Ask another administrator to do it.");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var removed = CurrentRoles.Except(Roles).ToList();
        var added = Roles.Except(CurrentRoles).ToList();
        if (removed.Count > 0)
        {
            await users.RemoveFromRolesAsync(Account, removed);
        }
        if (added.Count > 0)
        {
            await users.AddToRolesAsync(Account, added);
        }
        if (removed.Count + added.Count > 0)
        {
            await AccountsAudit.RecordAsync(HttpContext, AuditAction.RoleChange, Account.Id,
                $"roles added: {(added.Count == 0 ? "none" : string.Join(", ", added))}; removed: {(removed.Count == 0 ? "none" : string.Join(", ", removed))}");
        }
        return LocalRedirect(AccountsPaths.Users + "?done=roles");
    }

    public async Task<IActionResult> OnPostReinviteAsync(string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id) || !Account.IsActive || IsSelf)
        {
            return NotFound();
        }
        // A new invitation replaces every way of signing in: the passphrase and the authenticator are set again when
        // it is accepted, and passkeys added again afterwards. The old passphrase goes now: with the second factor off,
        // whoever knew it could otherwise sign in and set up an authenticator of their own before the invitation is used.
        if (await users.HasPasswordAsync(Account))
        {
            await users.RemovePasswordAsync(Account);
        }
        await users.SetTwoFactorEnabledAsync(Account, false);
        await users.ResetAuthenticatorKeyAsync(Account);
        var removed = await passkeys.RemoveAllAsync(Account);
        await users.UpdateSecurityStampAsync(Account);
        var actor = users.GetUserId(User)!;
        await invitations.ReissueAsync(Account, actor, site.Of(Request), sendEmail: true, cancellationToken);
        await AccountsAudit.RecordAsync(HttpContext, AuditAction.Update, Account.Id, $"new invitation sent; passphrase and second factor reset; passkeys removed: {removed}");
        return LocalRedirect(AccountsPaths.Users + "?done=reinvited");
    }

    public async Task<IActionResult> OnPostDeactivateAsync(string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id) || !Account.IsActive || IsSelf)
        {
            return NotFound();
        }
        Account.DeactivatedAt = clock.GetUtcNow();
        await users.SetLockoutEndDateAsync(Account, DateTimeOffset.MaxValue);
        await users.UpdateSecurityStampAsync(Account);
        await invitations.RevokeAsync(Account, cancellationToken);
        await AccountsAudit.RecordAsync(HttpContext, AuditAction.Update, Account.Id, "deactivated");
        return LocalRedirect(AccountsPaths.Users + "?done=deactivated");
    }

    private async Task<bool> LoadAsync(string id)
    {
        if (await users.FindByIdAsync(id) is not { } account)
        {
            return false;
        }
        Account = account;
        CurrentRoles = [.. StaffRoles.All.Intersect(await users.GetRolesAsync(account))];
        IsSelf = users.GetUserId(User) == account.Id;
        PasskeyCount = (await passkeys.ListAsync(account)).Count;
        return true;
    }
}
