using System.Diagnostics;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Safeguard.Accounts;
using Safeguard.Accounts.Contracts;
using Safeguard.Accounts.SignIn;
using Safeguard.Platform;

namespace Safeguard.Host;

/// <summary>A demonstration account's way in: a one-time link that signs it straight in.</summary>
/// <param name="Role">The role the account holds.</param>
/// <param name="Email">The account's (made-up) address.</param>
/// <param name="Link">The one-time sign-in link (<see cref="DemonstrationSignIns"/>).</param>
internal sealed record DemonstrationSignIn(string Role, string Email, string Link);

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
        await output.WriteLineAsync($"Demonstration accounts (this machine only), one of each role. Each link signs you straight in as that role, once, within {DemonstrationSignIns.Lifetime.TotalMinutes:0} minutes; start serve again for new links.");
        foreach (var account in accounts)
        {
            await output.WriteLineAsync($"  {account.Role}: {account.Link}");
        }
    }

    /// <summary>
    /// The demonstration administrator and an account of every other role, each made now if missing, with a new one-time
    /// link that signs it in; nothing at all unless the server is in demonstration mode (the demonstration data on, the
    /// embedded database, every address in <paramref name="listening"/> on loopback), which the link checks again when
    /// it is used.
    /// </summary>
    public static async Task<IReadOnlyList<DemonstrationSignIn>> DemonstrationAccountsAsync(
        IServiceProvider services, IReadOnlyCollection<string> listening, string staffAddress, CancellationToken cancellationToken)
    {
        var links = services.GetRequiredService<DemonstrationSignIns>();
        if (!links.InDemonstrationMode(listening))
        {
            return [];
        }
        var users = services.GetRequiredService<UserManager<StaffAccount>>();
        var accounts = new List<DemonstrationSignIn>();
        foreach (var role in StaffRoles.All)
        {
            var email = $"{role}@{DemonstrationDomain}";
            if (await users.FindByEmailAsync(email) is not { } account)
            {
                account = new StaffAccount
                {
                    UserName = email,
                    Email = email,
                    EmailConfirmed = true,
                    DisplayName = $"Demonstration {role.Replace('-', ' ')}",
                    CreatedAt = services.GetRequiredService<TimeProvider>().GetUtcNow(),
                    LockoutEnabled = true,
                };
                var made = await users.CreateAsync(account);
                if (made.Succeeded)
                {
                    made = await users.AddToRoleAsync(account, role);
                }
                if (!made.Succeeded)
                {
                    throw new InvalidOperationException($"The demonstration {role} could not be made: {string.Join(" ", made.Errors.Select(e => e.Description))}");
                }
                await AccountsAudit.RecordAsync(services, "system", Audit.Contracts.AuditAction.Create, account.Id, "command line", $"demonstration {role} created by serve", cancellationToken);
            }
            accounts.Add(new DemonstrationSignIn(role, email, await links.IssueAsync(account, staffAddress)));
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
