using System.CommandLine;
using Microsoft.AspNetCore.Identity;
using Safeguard.Accounts.Contracts;
using Safeguard.Accounts.Invitations;
using Safeguard.Audit.Contracts;
using Safeguard.Platform;

namespace Safeguard.Accounts;

/// <summary>
/// <c>users add-admin EMAIL</c>: the first administrator (and any later one made from the server's terminal). The
/// command prints a one-time link instead of e-mailing it: whoever runs it is at the server and hands the link over.
/// </summary>
internal static class AccountsCommands
{
    /// <summary>Exit code when the account could not be made.</summary>
    public const int Refused = 1;

    public static IEnumerable<Command> Create(Func<ParseResult, CancellationToken, Task<IHost>> open)
    {
        var email = new Argument<string>("EMAIL") { Description = "The administrator's e-mail address; it is also how they sign in." };
        var name = new Option<string?>("--name") { Description = "How colleagues will see them (default: the part of the address before @)." };
        var addAdmin = new Command("add-admin", "Create an administrator account and print a one-time link to set its passphrase and authenticator app.")
        {
            email, name,
        };
        addAdmin.SetAction(async (result, cancellationToken) =>
        {
            var address = result.GetValue(email)!.Trim();
            if (!System.Net.Mail.MailAddress.TryCreate(address, out var parsed) || parsed.Address != address)
            {
                await result.Errors().WriteLineAsync("error: give an e-mail address in the right form, like name@example.org.");
                return Refused;
            }
            using var host = await open(result, cancellationToken);
            await using var scope = host.Services.CreateAsyncScope();
            var services = scope.ServiceProvider;
            var configuration = services.GetRequiredService<IConfiguration>();
            var invitation = await services.GetRequiredService<InvitationService>().InviteAsync(
                address, result.GetValue(name) ?? address.Split('@')[0], [StaffRoles.Administrator], "system", services.GetRequiredService<PublicAddress>().Of(null), sendEmail: false, cancellationToken);
            if (invitation.Problem is not null)
            {
                await result.Errors().WriteLineAsync($"error: {invitation.Problem}");
                return Refused;
            }
            await AccountsAudit.RecordAsync(services, "system", AuditAction.Create, invitation.Account!.Id, "command line", "administrator created with users add-admin", cancellationToken);
            var hours = configuration.GetValue(SafeguardSettings.InvitationHours, 72);
            result.Output().WriteLine($"Created administrator {address}. Give them this link; it works once, within {hours} hours:");
            result.Output().WriteLine(invitation.Link);
            return 0;
        });

        var listCommand = new Command("list", "List staff accounts with their roles and state.");
        listCommand.SetAction(async (result, cancellationToken) =>
        {
            using var host = await open(result, cancellationToken);
            await using var scope = host.Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffAccount>>();
            foreach (var account in users.Users.OrderBy(a => a.Email).ToList())
            {
                var roles = await users.GetRolesAsync(account);
                result.Output().WriteLine($"{account.Email}\t{string.Join(",", roles.Order(StringComparer.Ordinal))}\t{Admin.UsersModel.StateOf(account)}");
            }
            return 0;
        });

        yield return new Command("users", "Manage staff accounts from the server: add-admin, list.") { addAdmin, listCommand };
    }
}
