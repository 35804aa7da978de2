using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguard.Accounts.Contracts;
using Safeguard.Accounts.Data;
using Safeguard.Accounts.Mail;
using Safeguard.Audit.Contracts;

namespace Safeguard.Accounts.Admin;

/// <summary>
/// The e-mails the outbox gave up on after its last attempt (the mail server refused them or could not be reached for
/// hours), newest first, each with a way to send it again; sending again is recorded on the audit trail.
/// </summary>
internal sealed class MailModel(AccountsDbContext db, Outbox outbox) : PageModel
{
    public IReadOnlyList<OutboxMessage> GivenUp { get; private set; } = [];

    /// <summary>How many messages are waiting to be sent or tried again.</summary>
    public int Waiting { get; private set; }

    /// <summary>Whether a message was just sent again, for the banner.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Again { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        GivenUp = await db.OutboxMessages.AsNoTracking().Where(m => m.GaveUpAt != null && m.SentAt == null).OrderByDescending(m => m.Id).ToListAsync(cancellationToken);
        Waiting = await db.OutboxMessages.CountAsync(m => m.SentAt == null && m.GaveUpAt == null, cancellationToken);
    }

    public async Task<IActionResult> OnPostSendAgainAsync(int id, CancellationToken cancellationToken)
    {
        if (!await outbox.SendAgainAsync(id, cancellationToken))
        {
            return NotFound();
        }
        await AccountsAudit.RecordAsync(HttpContext, AuditAction.Update, AccountsAudit.OutboxRecordType, id.ToString(CultureInfo.InvariantCulture), "sent again after the outbox gave up on it");
        return LocalRedirect(AccountsPaths.Mail + "?again=true");
    }
}
