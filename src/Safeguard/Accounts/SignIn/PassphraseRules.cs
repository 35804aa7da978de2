using Microsoft.AspNetCore.Identity;

namespace Safeguard.Accounts.SignIn;

/// <summary>
/// Length over composition (NIST SP 800-63B, NCSC): at least 12 characters, any characters, no rules about digits or
/// symbols; refused if it is one of the passphrases people choose most, or contains the person's e-mail name or
/// "safeguard". Identity checks the length; this checks the rest.
/// </summary>
internal sealed class PassphraseRules : IPasswordValidator<StaffAccount>
{
    public const int MinimumLength = 12;
    public const int MaximumLength = 256;

    // Frequent choices of 12 characters or more in published breach corpora, lower-cased.
    private static readonly HashSet<string> Common = new(StringComparer.Ordinal)
    {
        "123456789012", "1234567890123", "12345678901234", "123456789123", "111111111111", "000000000000",
        "password1234", "password12345", "password123456", "passwordpassword", "password123!", "password1234!",
        "qwertyuiop12", "qwertyuiop123", "qwertyuiopasdfghjkl", "qwerty123456", "1q2w3e4r5t6y", "1qaz2wsx3edc",
        "iloveyou1234", "abcdefghijkl", "abc123456789", "letmein12345", "welcome12345", "welcome123456",
        "changeme1234", "administrator", "administrator1", "trustno1trustno1", "football1234", "liverpool123",
        "manchesterunited", "chelsea12345", "arsenal12345", "sunshine1234", "princess1234", "monkey123456",
        "correcthorsebatterystaple", "correct horse battery staple", "aaaaaaaaaaaa", "zaq12wsxcde3", "asdfghjkl123",
        "passw0rd1234", "p@ssw0rd1234", "p@ssword1234", "summer2024!!", "winter2024!!", "spring2025!!",
    };

    public Task<IdentityResult> ValidateAsync(UserManager<StaffAccount> manager, StaffAccount user, string? password)
    {
        var errors = new List<IdentityError>();
        var text = password ?? "";
        var lower = text.ToLowerInvariant();
        if (text.Length > MaximumLength)
        {
            errors.Add(new() { Code = "PassphraseTooLong", Description = $"Your passphrase must be {MaximumLength} characters or fewer." });
        }
        if (Common.Contains(lower) || lower.Distinct().Count() <= 2)
        {
            errors.Add(new() { Code = "PassphraseCommon", Description = "Your passphrase is one that many people use. Choose another: three or four unrelated words work well." });
        }
        var name = user.Email?.Split('@')[0].ToLowerInvariant();
        if ((name is { Length: >= 4 } && lower.Contains(name, StringComparison.Ordinal)) || lower.Contains("safeguard", StringComparison.Ordinal))
        {
            errors.Add(new() { Code = "PassphraseGuessable", Description = "Your passphrase must not contain your e-mail name or the word Safeguard." });
        }
        return Task.FromResult(errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]));
    }
}

/// <summary>Identity's messages, reworded to say what to do.</summary>
internal sealed class StaffIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) =>
        new() { Code = nameof(PasswordTooShort), Description = $"Your passphrase must be at least {length} characters long. Three or four unrelated words work well." };

    public override IdentityError DuplicateEmail(string email) =>
        new() { Code = nameof(DuplicateEmail), Description = "There is already an account for this e-mail address." };

    public override IdentityError DuplicateUserName(string userName) =>
        new() { Code = nameof(DuplicateUserName), Description = "There is already an account for this e-mail address." };

    public override IdentityError InvalidEmail(string? email) =>
        new() { Code = nameof(InvalidEmail), Description = "Enter an e-mail address in the right form, like name@example.org." };
}
