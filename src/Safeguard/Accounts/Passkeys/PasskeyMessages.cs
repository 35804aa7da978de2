namespace Safeguard.Accounts.Passkeys;

/// <summary>What the sign-in and passkeys pages say when a passkey could not be used or added, in the person's words.</summary>
internal static class PasskeyMessages
{
    private const string OrPassphrase = "or sign in with your e-mail address and passphrase.";

    /// <summary>
    /// The browser's side failed (<paramref name="failure"/> is the name of its error, or null when the browser sent
    /// nothing): cancelled, timed out, no passkey for this site on the device, or no passkeys at all.
    /// </summary>
    public static string SignInNotFinished(string? failure) => failure switch
    {
        "NotAllowedError" or "AbortError" or null =>
            $"Signing in with a passkey did not finish: it was cancelled or took too long, or this device has no passkey for Safeguard or could not check it is you. Try again, {OrPassphrase}",
        _ => $"Your browser could not use a passkey on this page. Try again or use another browser, {OrPassphrase}",
    };

    /// <summary>What the sign-in page says about each way the server refused a passkey.</summary>
    public static string SignInRefused(PasskeySignInOutcome outcome) => outcome switch
    {
        PasskeySignInOutcome.NotUnderWay => "Signing in with a passkey took too long. Try again.",
        PasskeySignInOutcome.UnknownPasskey =>
            $"Safeguard does not know this passkey: it may have been removed from your account. Use another passkey, {OrPassphrase}",
        PasskeySignInOutcome.LockedOut => "This account is locked for 15 minutes after 5 wrong tries. Try again later.",
        PasskeySignInOutcome.NotAllowed => "This account cannot sign in. Ask an administrator.",
        _ => $"Safeguard could not accept this passkey. It must ask for your PIN, fingerprint or face each time you use it: check that your device does, then try again, {OrPassphrase}",
    };

    /// <summary>Adding a passkey failed on the browser's side, or the server refused the answer (<paramref name="failure"/> null).</summary>
    public static string NotAdded(string? failure) => failure switch
    {
        "NotAllowedError" or "AbortError" => "Adding the passkey did not finish: it was cancelled or took too long. Try again.",
        "InvalidStateError" => "This device already holds a passkey for your Safeguard account. Use another device or security key.",
        null => "The passkey was not added. It must ask for your PIN, fingerprint or face each time you use it: check that your device does, then try again.",
        _ => "Your browser could not add a passkey on this page. Try again or use another browser.",
    };
}
