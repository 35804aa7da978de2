using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Safeguard.Host;
using Safeguard.Platform;
using Safeguard.Tests.Accounts;
using Safeguard.Tests.Backup;
using Safeguard.Tests.Encryption;
using Safeguard.Tests.Http;

namespace Safeguard.Tests.Nodes;

/// <summary>
/// Two nodes of <c>safeguard serve</c>, real processes of the built application, on one fresh PostgreSQL database with
/// one shared key file, as docs/deployment.md sets them up (behind nothing: each listens on its own HTTPS port, with a
/// certificate made for the test, as the staff pages are HTTPS only). Started once for a test class, without
/// demonstration data, and killed when it is done, whatever happened. Beside them, <see cref="Services"/>: the same
/// application built in this process and never started (no server, no background work), through which a test
/// prepares what it needs in the database (accounts, templates, uploads) as another node would.
/// </summary>
public sealed class TwoNodes : IAsyncLifetime
{
    private readonly string database = $"safeguard_nodes_{Guid.NewGuid():N}";
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("safeguard-nodes-");
    private readonly List<SafeguardNode> nodes = [];
    private readonly string certificatePassword = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
    private X509Certificate2? certificate;
    private WebApplication? services;

    /// <summary>The first node.</summary>
    public SafeguardNode A => nodes[0];

    /// <summary>The second node.</summary>
    public SafeguardNode B => nodes[1];

    /// <summary>The application's services on the shared database, in this process.</summary>
    public IServiceProvider Services => services!.Services;

    /// <summary>The nodes' database.</summary>
    public string ConnectionString => new NpgsqlConnectionStringBuilder(PostgresPortalFactory.Server) { Database = database }.ConnectionString;

    /// <summary>The folder both nodes write e-mails into (<c>Safeguard:Mail:PickupFolder</c>), to count what was sent.</summary>
    public string MailFolder => Path.Combine(folder.FullName, "mail");

    private string KeyFile => Path.Combine(folder.FullName, "encryption-keys.json");

    private string CertificateFile => Path.Combine(folder.FullName, "node.pfx");

    /// <summary>What every process (the nodes and commands) is given, as an operator's unit files would give it.</summary>
    private Dictionary<string, string> Environment => new()
    {
        ["ConnectionStrings__Default"] = ConnectionString,
        ["Safeguard__Encryption__KeyFile"] = KeyFile,
        ["Safeguard__MigrateOnStart"] = "false",
        ["Safeguard__DemonstrationData"] = "false",
        ["Safeguard__Mail__PickupFolder"] = MailFolder,
        ["Kestrel__Certificates__Default__Path"] = CertificateFile,
        ["Kestrel__Certificates__Default__Password"] = certificatePassword,
        ["Logging__LogLevel__Default"] = "Warning",
    };

    public async ValueTask InitializeAsync()
    {
        AppDomain.CurrentDomain.ProcessExit += KillNodes;
        Directory.CreateDirectory(MailFolder);
        await File.WriteAllTextAsync(KeyFile, TestKeyRings.NewJson());
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(KeyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        certificate = SelfSignedCertificate();
        await File.WriteAllBytesAsync(CertificateFile, certificate.Export(X509ContentType.Pfx, certificatePassword));
        await using (var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(PostgresPortalFactory.Server) { Database = "postgres" }.ConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", connection);
            await create.ExecuteNonQueryAsync();
        }
        // Migrated once, before the nodes start, as `safeguard migrate` is run once per deployment.
        services = SafeguardWebApplication.Create([.. Environment.Select(setting => $"--{setting.Key.Replace("__", ":", StringComparison.Ordinal)}={setting.Value}")]);
        await Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(demonstrationData: false, CancellationToken.None);
        nodes.Add(Start("A"));
        nodes.Add(Start("B"));
        await Task.WhenAll(nodes.Select(node => node.WaitUntilListeningAsync()));
    }

    /// <summary>
    /// A client of <paramref name="node"/> that follows no redirects; give two clients one cookie jar to carry a session
    /// from node to node, and <paramref name="from"/> (a loopback address) to be a client of an address of its own.
    /// </summary>
    public HttpClient ClientOf(SafeguardNode node, CookieContainer? cookies = null, IPAddress? from = null)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            CookieContainer = cookies ?? new CookieContainer(),
            SslOptions = { RemoteCertificateValidationCallback = (_, presented, _, _) => presented?.GetCertHashString() == certificate!.GetCertHashString() },
        };
        if (from is not null)
        {
            handler.ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
                try
                {
                    socket.Bind(new IPEndPoint(from, 0));
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            };
        }
        return new HttpClient(handler) { BaseAddress = node.Address };
    }

    /// <summary>A new member of staff with <paramref name="role"/>, signed in on node A, and a browser on node B carrying the same session.</summary>
    public async Task<(TestStaff Staff, StaffBrowser OnA, StaffBrowser OnB)> SignedInAsync(string role)
    {
        var staff = await StaffBrowser.CreateAsync(Services, TimeProvider.System, role);
        var cookies = new CookieContainer();
        var onA = new StaffBrowser(ClientOf(A, cookies), TimeProvider.System);
        await onA.SignInSuccessfullyAsync(staff);
        return (staff, onA, new StaffBrowser(ClientOf(B, cookies), TimeProvider.System));
    }

    /// <summary>Runs a <c>safeguard</c> command on the nodes' database, as a third process.</summary>
    public Task<(int ExitCode, string Output, string Errors)> RunAsync(params string[] arguments) =>
        SafeguardProcess.RunAsync(Path.Combine(folder.FullName, "command"), Environment, arguments);

    public async ValueTask DisposeAsync()
    {
        KillNodes(null, EventArgs.Empty);
        AppDomain.CurrentDomain.ProcessExit -= KillNodes;
        foreach (var node in nodes)
        {
            node.Dispose();
        }
        if (services is not null)
        {
            await services.DisposeAsync();
        }
        certificate?.Dispose();
        NpgsqlConnection.ClearAllPools();
        await using (var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(PostgresPortalFactory.Server) { Database = "postgres" }.ConnectionString))
        {
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
        folder.Delete(recursive: true);
    }

    private void KillNodes(object? sender, EventArgs e)
    {
        foreach (var node in nodes)
        {
            node.Kill();
        }
    }

    private SafeguardNode Start(string name)
    {
        var address = new Uri($"https://127.0.0.1:{FreePort()}");
        var data = Directory.CreateDirectory(Path.Combine(folder.FullName, name)).FullName;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "Safeguard.dll"), "serve", "--urls", address.ToString().TrimEnd('/') })
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["SAFEGUARD_DATA_DIR"] = data;
        foreach (var (setting, value) in Environment)
        {
            start.Environment[setting] = value;
        }
        return new SafeguardNode(name, address, Process.Start(start)!, (node, cookies) => ClientOf(node, cookies));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static X509Certificate2 SelfSignedCertificate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
    }
}

/// <summary>One running <c>safeguard serve</c> process: its address, and what it wrote, for a failing test's message.</summary>
public sealed class SafeguardNode : IDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();
    private readonly HttpClient probe;

    internal SafeguardNode(string name, Uri address, Process process, Func<SafeguardNode, CookieContainer?, HttpClient> clients)
    {
        Name = name;
        Address = address;
        this.process = process;
        process.OutputDataReceived += (_, line) => Record(line.Data);
        process.ErrorDataReceived += (_, line) => Record(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        probe = clients(this, null);
    }

    public string Name { get; }

    public Uri Address { get; }

    /// <summary>What the process wrote on standard output and error so far.</summary>
    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    /// <summary>Waits until the node answers HTTP (it has prepared nothing, so it starts in a few seconds).</summary>
    public async Task WaitUntilListeningAsync()
    {
        var giveUp = DateTime.UtcNow.AddSeconds(120);
        while (true)
        {
            process.HasExited.ShouldBeFalse($"node {Name} stopped: {Output}");
            try
            {
                await probe.GetAsync("/api/v1/themes");
                return;
            }
            catch (HttpRequestException)
            {
                DateTime.UtcNow.ShouldBeLessThan(giveUp, $"node {Name} did not start listening: {Output}");
                await Task.Delay(100);
            }
        }
    }

    internal void Kill()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
    }

    public void Dispose()
    {
        Kill();
        probe.Dispose();
        process.Dispose();
    }

    private void Record(string? line)
    {
        lock (output)
        {
            output.AppendLine(line);
        }
    }
}
