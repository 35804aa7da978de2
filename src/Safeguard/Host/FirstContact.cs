using System.Diagnostics;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Safeguard.Accounts;
using Safeguard.Accounts.Contracts;
using Safeguard.Accounts.Invitations;
using Safeguard.Platform;

namespace Safeguard.Host;

/// <summary>A demonstration account's way in: a one-time link to set it up, or, once it is, the address it signs in with.</summary>
/// <param name="Role">The role the account holds.</param>
/// <param name="Email">The account's (made-up) address, which it signs in with.</param>
/// <param name="Link">The one-time link to set its passphrase and authenticator app; null once it has them.</param>
internal sealed record DemonstrationSignIn(string Role, string Email, string? Link);

/// <summary>
/// What a newcomer who ran <c>./safeguard serve</c> on their own machine needs to reach the staff pages: HTTPS with
/// the development certificate beside the default address, the staff address printed, and, with the demonstration
/// data, an account of each role to try them with. Never on a server others reach or one on PostgreSQL
/// (<see cref="ServeAddresses.OnOwnMachine"/>): demonstration accounts there would be accounts anyone could take.
/// </summary>
internal static class FirstContact
{
    /// <summary>The domain of the demonstration accounts' addresses: reserved, so no e-mail is ever delivered there.</summary>
    public const string DemonstrationDomain = "demonstration.invalid";

    /// <summary>
    /// Before the server starts: where serve adds HTTPS (<see cref="ServeAddresses.AddedHttps"/>), makes sure the
    /// development certificate exists (<c>dotnet dev-certs https</c>), then listens on every address; without the
    /// certificate it listens as configured and says why the staff pages cannot be reached.
    /// </summary>
    public static async Task ListenAsync(WebApplication app, TextWriter output, CancellationToken cancellationToken)
    {
        if (!ServesOnKestrel(app) || ServeAddresses.AddedHttps(app.Configuration) is null)
        {
            return;
        }
        if (await CreateDevelopmentCertificateAsync(cancellationToken) is { } problem)
        {
            await output.WriteLineAsync($"The staff pages need HTTPS, but the development certificate could not be made ({problem}). Run `dotnet dev-certs https`, then start again.");
            return;
        }
        foreach (var address in ServeAddresses.Of(app.Configuration))
        {
            app.Urls.Add(address);
        }
    }

    /// <summary>
    /// Once the server listens: the staff address and, with the demonstration data on one's own machine, a link for
    /// each demonstration account.
    /// </summary>
    public static async Task AnnounceAsync(WebApplication app, TextWriter output, CancellationToken cancellationToken)
    {
        if (!ServesOnKestrel(app))
        {
            return;
        }
        var listening = app.Urls.Select(PublicAddress.Openable).ToList();
        if (listening.FirstOrDefault(a => a.StartsWith("https:", StringComparison.OrdinalIgnoreCase)) is not { } https)
        {
            await output.WriteLineAsync("The staff pages need HTTPS: listen on an https:// address too (docs/deployment.md).");
            return;
        }
        await output.WriteLineAsync($"Staff pages: {https}/staff");
        await using var scope = app.Services.CreateAsyncScope();
        var accounts = await DemonstrationAccountsAsync(scope.ServiceProvider, listening, https, cancellationToken);
        if (accounts.Count == 0)
        {
            return;
        }
        await output.WriteLineAsync("Demonstration accounts (this machine only), one of each role. Each link works once: it sets the account's passphrase and authenticator app.");
        foreach (var account in accounts)
        {
            await output.WriteLineAsync(account.Link is { } link ? $"  {account.Role}: {link}" : $"  {account.Role}: sign in as {account.Email}");
        }
    }

    /// <summary>
    /// The demonstration administrator and an account of every other role, each made now if missing, with a new one-time
    /// link to set it up (or none once it has its passphrase); nothing at all unless the demonstration data is on and
    /// Safeguard runs on one's own machine (the embedded database, every address in <paramref name="listening"/> on
    /// loopback).
    /// </summary>
    public static async Task<IReadOnlyList<DemonstrationSignIn>> DemonstrationAccountsAsync(
        IServiceProvider services, IReadOnlyCollection<string> listening, string staffAddress, CancellationToken cancellationToken)
    {
        var configuration = services.GetRequiredService<IConfiguration>();
        if (!configuration.GetValue(SafeguardSettings.DemonstrationData, true) || !ServeAddresses.OnOwnMachine(configuration, listening))
        {
            return [];
        }
        var users = services.GetRequiredService<UserManager<StaffAccount>>();
        var invitations = services.GetRequiredService<InvitationService>();
        var accounts = new List<DemonstrationSignIn>();
        foreach (var role in StaffRoles.All)
        {
            var email = $"{role}@{DemonstrationDomain}";
            string? link;
            if (await users.FindByEmailAsync(email) is not { } account)
            {
                var invited = await invitations.InviteAsync(email, $"Demonstration {role.Replace('-', ' ')}", [role], "system", staffAddress, sendEmail: false, cancellationToken);
                link = invited.Link ?? throw new InvalidOperationException($"The demonstration {role} could not be made: {invited.Problem}");
                await AccountsAudit.RecordAsync(services, "system", Audit.Contracts.AuditAction.Create, invited.Account!.Id, "command line", $"demonstration {role} created by serve", cancellationToken);
            }
            else
            {
                link = await users.HasPasswordAsync(account) ? null : await invitations.ReissueAsync(account, "system", staffAddress, sendEmail: false, cancellationToken);
            }
            accounts.Add(new DemonstrationSignIn(role, email, link));
        }
        return accounts;
    }

    /// <summary>
    /// Whether the application serves on Kestrel, at real addresses: a test host serves in memory, listens nowhere,
    /// and its database is a test's, where demonstration accounts have no place.
    /// </summary>
    private static bool ServesOnKestrel(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().GetType().Assembly == typeof(KestrelServerOptions).Assembly;

    /// <summary>Runs <c>dotnet dev-certs https</c>, which makes the certificate if it is missing; null once it exists, else what went wrong.</summary>
    private static async Task<string?> CreateDevelopmentCertificateAsync(CancellationToken cancellationToken)
    {
        // Safeguard runs on the dotnet host (./safeguard runs `dotnet Safeguard.dll`), whose SDK has dev-certs.
        var dotnet = Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? Environment.ProcessPath! : "dotnet";
        try
        {
            using var process = Process.Start(new ProcessStartInfo(dotnet, ["dev-certs", "https"]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var errors = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            return process.ExitCode == 0 ? null : $"dotnet dev-certs https: {(await errors).Trim()} {(await output).Trim()}".Trim();
        }
        catch (System.ComponentModel.Win32Exception missing)
        {
            return $"the .NET SDK's dotnet was not found: {missing.Message}";
        }
    }
}
