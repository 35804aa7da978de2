namespace Safeguard.Platform;

/// <summary>Configuration keys of the platform, each documented in docs/configuration.md.</summary>
public static class SafeguardSettings
{
    /// <summary>Load the demonstration data on start (default true).</summary>
    public const string DemonstrationData = "Safeguard:DemonstrationData";

    /// <summary>Migrate the database on start (default true).</summary>
    public const string MigrateOnStart = "Safeguard:MigrateOnStart";

    /// <summary>The organisation credited as the source of the statistics.</summary>
    public const string Publisher = "Safeguard:Publisher";

    /// <summary>Public address of the site, for links that leave the page (citations, e-mails, calendar feeds); without it, see <see cref="PublicAddress"/>.</summary>
    public const string PublicBaseUrl = "Safeguard:PublicBaseUrl";

    /// <summary>Seconds that pages showing the latest release may be cached (default 60).</summary>
    public const string LatestCacheSeconds = "Safeguard:LatestCacheSeconds";

    /// <summary>The largest file an import accepts, in bytes (default 52428800, 50 MB).</summary>
    public const string ImportMaxFileBytes = "Safeguard:Imports:MaxFileBytes";

    /// <summary>The most bytes a zip-based workbook may expand to (default 268435456, 256 MB); more is refused as a zip bomb.</summary>
    public const string ImportMaxDecompressedBytes = "Safeguard:Imports:MaxDecompressedBytes";

    /// <summary>The most rows with content per sheet (default 1000000).</summary>
    public const string ImportMaxRows = "Safeguard:Imports:MaxRows";

    /// <summary>The most non-empty cells per file (default 20000000).</summary>
    public const string ImportMaxCells = "Safeguard:Imports:MaxCells";

    /// <summary>Folder of the Home Office detention tables the demonstration data imports (default ../shared/data/home-office, if present).</summary>
    public const string DemonstrationHomeOfficeFolder = "Safeguard:HomeOfficeDemonstrationFolder";

    /// <summary>Folder of the register files the Parliament demonstration data imports (default ../shared/data/parliament, if present).</summary>
    public const string DemonstrationParliamentFolder = "Safeguard:ParliamentDemonstrationFolder";

    /// <summary>Answers of /parliament/your-mp (postcode look-ups and letters) allowed per minute from one address (default 30).</summary>
    public const string ParliamentLookupsPerMinute = "Safeguard:Parliament:LookupsPerMinute";

    /// <summary>The largest document that can be attached to an APPG meeting, in bytes (default 20 MB).</summary>
    public const string ParliamentMaxDocumentBytes = "Safeguard:Parliament:MaxDocumentBytes";

    /// <summary>Rows per page of the figures tables on release, theme and place pages (default 200).</summary>
    public const string FiguresPerPage = "Safeguard:FiguresPerPage";

    /// <summary>Minutes of inactivity after which a staff session ends (default 20).</summary>
    public const string SessionIdleMinutes = "Safeguard:Accounts:IdleMinutes";

    /// <summary>Hours after signing in after which a staff session ends however active (default 8).</summary>
    public const string SessionAbsoluteHours = "Safeguard:Accounts:AbsoluteHours";

    /// <summary>Hours an invitation link stays valid (default 72).</summary>
    public const string InvitationHours = "Safeguard:Accounts:InvitationHours";

    /// <summary>Sign-in attempts (form submissions) allowed per minute from one address (default 10).</summary>
    public const string SignInAttemptsPerMinute = "Safeguard:Accounts:SignInAttemptsPerMinute";

    /// <summary>Folder where e-mails are written as .eml files instead of being sent (development and tests).</summary>
    public const string MailPickupFolder = "Safeguard:Mail:PickupFolder";

    /// <summary>SMTP server that sends e-mail; without it (and without a pickup folder) messages wait in the outbox.</summary>
    public const string MailSmtpHost = "Safeguard:Mail:SmtpHost";

    /// <summary>SMTP port (default 587).</summary>
    public const string MailSmtpPort = "Safeguard:Mail:SmtpPort";

    /// <summary>SMTP connection security: StartTls (default), SslOnConnect, or None (a relay on the same machine only).</summary>
    public const string MailSmtpSecurity = "Safeguard:Mail:SmtpSecurity";

    /// <summary>SMTP user name, if the server wants one.</summary>
    public const string MailSmtpUsername = "Safeguard:Mail:SmtpUsername";

    /// <summary>SMTP password; give it through the environment or a secret store, never in appsettings.json.</summary>
    public const string MailSmtpPassword = "Safeguard:Mail:SmtpPassword";

    /// <summary>The From address of e-mails Safeguard sends.</summary>
    public const string MailFrom = "Safeguard:Mail:From";

    /// <summary>The largest FOI answer document that can be attached to a request, in bytes (default 20971520, 20 MB).</summary>
    public const string FoiMaxDocumentBytes = "Safeguard:Foi:MaxDocumentBytes";

    /// <summary>How many working days before an FOI deadline its owner is reminded (default 5).</summary>
    public const string FoiReminderWorkingDays = "Safeguard:Foi:ReminderWorkingDays";

    /// <summary>The hour of the day (0 to 23, server time) at which FOI reminders are queued (default 7).</summary>
    public const string FoiReminderHour = "Safeguard:Foi:ReminderHour";

    /// <summary>
    /// Addresses or networks of reverse proxies whose X-Forwarded-For and X-Forwarded-Proto headers are believed
    /// (comma-separated); with none, the headers are ignored.
    /// </summary>
    public const string TrustedProxies = "Safeguard:TrustedProxies";

    /// <summary>Days after which an awaited Home Office response (a decision on a report, a rule 35 response, a second opinion) is overdue (default 14).</summary>
    public const string CaseworkOverdueAfterDays = "Safeguard:Casework:OverdueAfterDays";

    /// <summary>The smallest count that cohort figures show; smaller counts, and counts that would reveal them, are suppressed (default 5).</summary>
    public const string CaseworkSuppressionThreshold = "Safeguard:Casework:SuppressionThreshold";

    /// <summary>How many days a cohort whose figures were shown is remembered and compared with each new one, so that subtraction between nested cohorts reveals no small number (default 365).</summary>
    public const string CaseworkDifferencingDays = "Safeguard:Casework:DifferencingDays";

    /// <summary>How many remembered cohorts, the most recently shown first, each new cohort is compared with (default 1000).</summary>
    public const string CaseworkDifferencingCohorts = "Safeguard:Casework:DifferencingCohorts";

    /// <summary>The largest document (medico-legal report, letter) a case accepts, in bytes (default 20971520, 20 MB).</summary>
    public const string CaseworkMaxDocumentBytes = "Safeguard:Casework:MaxDocumentBytes";

    /// <summary>Referral form submissions allowed per hour from one address (default 10).</summary>
    public const string CaseworkReferralsPerHour = "Safeguard:Casework:ReferralsPerHour";

    /// <summary>Whether the demonstration data includes casework's synthetic clients (default true).</summary>
    public const string CaseworkDemonstrationData = "Safeguard:Casework:DemonstrationData";

    /// <summary>The encryption key file (default keys/encryption-keys.json in the data folder); see docs/encryption.md.</summary>
    public const string EncryptionKeyFile = "Safeguard:Encryption:KeyFile";

    /// <summary>The encryption key ring itself, as JSON, instead of a key file (for containers); see docs/encryption.md.</summary>
    public const string EncryptionKeyRing = "Safeguard:Encryption:KeyRing";
}
