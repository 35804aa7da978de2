using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;

namespace Safeguard.Platform.Backup;

/// <summary>
/// <c>pg_dump</c> and <c>pg_restore</c>: found on PATH, else in <c>/usr/lib/postgresql/*/bin</c> (highest version
/// first), and only used if at least as new as the server, which pg_dump requires. They connect with the settings of
/// the configured connection string passed as libpq environment variables, so the password is never on a command
/// line (where any user of the machine could read it) and never printed.
/// </summary>
public sealed partial class PostgresTools
{
    private PostgresTools(string folder, Version version)
    {
        Folder = folder;
        Version = version;
    }

    /// <summary>The folder holding both programs.</summary>
    public string Folder { get; }

    /// <summary>Their version (<c>pg_dump --version</c>).</summary>
    public Version Version { get; }

    /// <summary>Finds pg_dump and pg_restore at least as new as the server (major version <paramref name="serverMajor"/>).</summary>
    public static async Task<PostgresTools> FindAsync(int serverMajor, string serverVersion, CancellationToken cancellationToken)
    {
        var found = new List<PostgresTools>();
        foreach (var folder in CandidateFolders())
        {
            if (await VersionOfAsync(folder, cancellationToken) is { } version)
            {
                if (version.Major >= serverMajor)
                {
                    return new PostgresTools(folder, version);
                }
                found.Add(new PostgresTools(folder, version));
            }
        }
        if (found.Count == 0)
        {
            throw new BackupRefusedException(string.Create(CultureInfo.InvariantCulture,
                $"pg_dump and pg_restore were not found (looked on PATH and in /usr/lib/postgresql/*/bin). Install the PostgreSQL client programs, version {serverMajor} or later (on Debian: apt-get install postgresql-client-{serverMajor}), then try again."));
        }
        throw new BackupRefusedException(string.Create(CultureInfo.InvariantCulture,
            $"The PostgreSQL server is version {serverVersion}, but the pg_dump found is older ({string.Join("; ", found.Select(f => $"{f.Version} in {f.Folder}"))}); pg_dump cannot read a newer server. Install the client programs of version {serverMajor} or later (on Debian: apt-get install postgresql-client-{serverMajor}), then try again."));
    }

    /// <summary>
    /// Runs <paramref name="program"/> (pg_dump or pg_restore) connected to <paramref name="connectionString"/>'s database.
    /// Its error output is passed on without DETAIL and CONTEXT lines, which can quote a row's values.
    /// </summary>
    public async Task RunAsync(string program, string connectionString, IEnumerable<string> arguments, string failure, CancellationToken cancellationToken)
    {
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(Path.Combine(Folder, program))
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        // The database as a conninfo string, so a name holding '=' is not read as connection settings; no password in it.
        start.ArgumentList.Add($"--dbname=dbname={ConnInfoValue(settings.Database ?? "")}");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        ConnectionEnvironment(start, settings);

        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception notStarted)
        {
            throw new BackupRefusedException($"{start.FileName} could not be started: {notStarted.Message}", notStarted);
        }
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        var said = Shown(await errors + await output);
        if (process.ExitCode != 0)
        {
            throw new BackupRefusedException(string.Create(CultureInfo.InvariantCulture,
                $"{failure} {program} ended with exit code {process.ExitCode}{(said.Length > 0 ? ":" + System.Environment.NewLine + said : ".")}"));
        }
    }

    /// <summary>libpq's settings from the connection string; PGPASSWORD only if the string has a password.</summary>
    private static void ConnectionEnvironment(ProcessStartInfo start, NpgsqlConnectionStringBuilder settings)
    {
        Set(start, "PGHOST", settings.Host);
        Set(start, "PGPORT", settings.Port.ToString(CultureInfo.InvariantCulture));
        Set(start, "PGUSER", settings.Username);
        Set(start, "PGPASSWORD", settings.Password);
        Set(start, "PGAPPNAME", "safeguard-backup");
        Set(start, "PGCONNECT_TIMEOUT", settings.Timeout.ToString(CultureInfo.InvariantCulture));
        Set(start, "PGSSLMODE", settings.SslMode switch
        {
            SslMode.Disable => "disable",
            SslMode.Allow => "allow",
            SslMode.Prefer => "prefer",
            SslMode.Require => "require",
            SslMode.VerifyCA => "verify-ca",
            SslMode.VerifyFull => "verify-full",
            _ => null,
        });
        // The tools' messages in English, as this program's are, whatever the server's locale.
        start.Environment["LC_MESSAGES"] = "C";
        start.Environment["PGOPTIONS"] = "-c lc_messages=C";
    }

    private static void Set(ProcessStartInfo start, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            start.Environment[name] = value;
        }
    }

    private static string Shown(string said)
    {
        var lines = said.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => !DetailLine().IsMatch(line))
            .Select(line => "  " + line);
        return string.Join(System.Environment.NewLine, lines);
    }

    [GeneratedRegex(@"^(\S+:\s+)?(DETAIL|CONTEXT|HINT|LINE \d+|QUERY|COPY)\b|^\s*\^\s*$")]
    private static partial Regex DetailLine();

    /// <summary>A value for a libpq conninfo string: single-quoted, with quotes and backslashes escaped.</summary>
    private static string ConnInfoValue(string value) =>
        "'" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'";

    private static IEnumerable<string> CandidateFolders()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var folder in (System.Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            if (HasBoth(folder) && seen.Add(Path.GetFullPath(folder)))
            {
                yield return folder;
            }
        }
        const string debian = "/usr/lib/postgresql";
        if (!Directory.Exists(debian))
        {
            yield break;
        }
        var installed = Directory.EnumerateDirectories(debian)
            .Select(d => (Folder: Path.Combine(d, "bin"), Major: int.TryParse(Path.GetFileName(d), NumberStyles.None, CultureInfo.InvariantCulture, out var major) ? major : -1))
            .Where(d => d.Major >= 0 && HasBoth(d.Folder))
            .OrderByDescending(d => d.Major);
        foreach (var (folder, _) in installed)
        {
            if (seen.Add(folder))
            {
                yield return folder;
            }
        }
    }

    private static bool HasBoth(string folder) =>
        File.Exists(Path.Combine(folder, "pg_dump")) && File.Exists(Path.Combine(folder, "pg_restore"));

    private static async Task<Version?> VersionOfAsync(string folder, CancellationToken cancellationToken)
    {
        try
        {
            var start = new ProcessStartInfo(Path.Combine(folder, "pg_dump"), "--version") { RedirectStandardOutput = true, RedirectStandardError = true };
            using var process = Process.Start(start)!;
            var output = await process.StandardOutput.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            var match = VersionNumber().Match(output);
            return process.ExitCode == 0 && match.Success
                ? new Version(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), match.Groups[2].Success ? int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture) : 0)
                : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    [GeneratedRegex(@"\(PostgreSQL\)\s+(\d+)(?:\.(\d+))?")]
    private static partial Regex VersionNumber();
}
