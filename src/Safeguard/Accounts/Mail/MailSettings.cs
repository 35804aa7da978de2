using MailKit.Security;
using Safeguard.Platform;

namespace Safeguard.Accounts.Mail;

/// <summary>How e-mail leaves Safeguard: to an SMTP server, or (development and tests) as .eml files in a folder.</summary>
internal sealed record MailSettings(string? PickupFolder, string? SmtpHost, int SmtpPort, SecureSocketOptions Security, string? Username, string? Password, string From)
{
    public static MailSettings Read(IConfiguration configuration)
    {
        var security = configuration[SafeguardSettings.MailSmtpSecurity] switch
        {
            null or "" or "StartTls" => SecureSocketOptions.StartTls,
            "SslOnConnect" => SecureSocketOptions.SslOnConnect,
            "None" => SecureSocketOptions.None,
            var other => throw new InvalidOperationException(
                $"{SafeguardSettings.MailSmtpSecurity} is '{other}'; use StartTls, SslOnConnect or None."),
        };
        return new(
            Blank(configuration[SafeguardSettings.MailPickupFolder]),
            Blank(configuration[SafeguardSettings.MailSmtpHost]),
            configuration.GetValue(SafeguardSettings.MailSmtpPort, 587),
            security,
            Blank(configuration[SafeguardSettings.MailSmtpUsername]),
            Blank(configuration[SafeguardSettings.MailSmtpPassword]),
            Blank(configuration[SafeguardSettings.MailFrom]) ?? "safeguard@localhost");
    }

    /// <summary>Whether messages can leave the outbox at all.</summary>
    public bool CanSend => PickupFolder is not null || SmtpHost is not null;

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
