using System.Buffers.Text;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Safeguard.Platform.Web;

namespace Safeguard.Accounts.Passkeys;

/// <summary>How signing in with a passkey ended.</summary>
internal enum PasskeySignInOutcome
{
    SignedIn,

    /// <summary>No passkey sign-in was under way in this browser, or it took longer than five minutes.</summary>
    NotUnderWay,

    /// <summary>The passkey is not one any account holds (removed, or made for another site).</summary>
    UnknownPasskey,

    /// <summary>The passkey is known but its answer was refused: no user verification, a bad signature, a replayed counter.</summary>
    NotAccepted,

    LockedOut,

    /// <summary>The account is deactivated (or its e-mail address was never confirmed).</summary>
    NotAllowed,
}

/// <summary>What became of a passkey sign-in; the account and the passkey's reference when they are known.</summary>
internal sealed record PasskeySignInResult(PasskeySignInOutcome Outcome, string? AccountId = null, string? Reference = null)
{
    /// <summary>The audit trail's words for it: the passkey's reference (never its id or key) and what happened.</summary>
    public string AuditDetail => $"{Reference ?? "passkey"}: " + Outcome switch
    {
        PasskeySignInOutcome.SignedIn => "signed in, user verified",
        PasskeySignInOutcome.NotUnderWay => "no passkey sign-in under way",
        PasskeySignInOutcome.UnknownPasskey => "unknown passkey",
        PasskeySignInOutcome.LockedOut => "locked out",
        PasskeySignInOutcome.NotAllowed => "not allowed (deactivated or not confirmed)",
        _ => "refused (not user-verified, bad signature or repeated counter)",
    };
}

/// <summary>
/// Staff passkeys (WebAuthn, through Identity's passkey support): adding one while signed in with two factors,
/// listing and removing them, and signing in with one alone. A passkey signs in on its own because user verification
/// is required (<see cref="Configure"/>): the device holds the key and asks for the person's PIN, fingerprint or face
/// before using it, so it is a multi-factor cryptographic authenticator (NIST SP 800-63B 5.1.9), and the session gets
/// <c>amr=mfa</c> as a code does, with <c>amr=pop</c> (proof of possession of a key, RFC 8176) saying how.
/// The ceremony's state is kept by Identity in the second-factor cookie, for five minutes, and used once.
/// </summary>
internal sealed class StaffPasskeys(SignInManager<StaffAccount> signIn)
{
    /// <summary>The <c>amr</c> value (RFC 8176) a passkey sign-in adds beside <see cref="StaffPolicies.MultiFactor"/>.</summary>
    public const string ProofOfPossession = "pop";

    /// <summary>The longest name a person may give a passkey.</summary>
    public const int NameMaximumLength = 50;

    private UserManager<StaffAccount> Users => signIn.UserManager;

    /// <summary>Identity's passkey settings for staff accounts.</summary>
    public static void Configure(IdentityPasskeyOptions passkeys)
    {
        // Only a passkey that checks it is the person counts as two factors; Identity then refuses an answer without
        // the user-verified flag, at registration and at every sign-in.
        passkeys.UserVerificationRequirement = "required";
        // Discoverable credentials: the device offers the account, so signing in needs no e-mail address first.
        passkeys.ResidentKeyRequirement = "required";
        passkeys.ValidateOrigin = IsThisApplication;
    }

    /// <summary>
    /// The browser's origin must be this application's own, as the request reached it (HTTPS, behind a trusted proxy
    /// too), rather than whatever the request's Origin header says; a ceremony in a frame of another site is refused.
    /// </summary>
    private static ValueTask<bool> IsThisApplication(PasskeyOriginValidationContext context)
    {
        var request = context.HttpContext.Request;
        return ValueTask.FromResult(!context.CrossOrigin && request.IsHttps
            && string.Equals(context.Origin, $"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Starts a sign-in: the options (JSON) for <c>navigator.credentials.get</c>, for any account's passkey.</summary>
    public Task<string> RequestOptionsAsync() => signIn.MakePasskeyRequestOptionsAsync(null);

    /// <summary>
    /// Finishes a sign-in with the browser's answer. On success the passkey's counter is saved and this browser is
    /// signed in with both factors; Identity's own <c>PasskeySignInAsync</c> would give only <c>amr=pwd</c>.
    /// </summary>
    public async Task<PasskeySignInResult> SignInAsync(string credentialJson)
    {
        PasskeyAssertionResult<StaffAccount> assertion;
        try
        {
            assertion = await signIn.PerformPasskeyAssertionAsync(credentialJson);
        }
        catch (InvalidOperationException)
        {
            // Identity throws when no ceremony state is in this browser's cookie: never asked for, or expired.
            return new(PasskeySignInOutcome.NotUnderWay);
        }
        if (!assertion.Succeeded)
        {
            return CredentialId(credentialJson) is { } id && await Users.FindByPasskeyIdAsync(id) is { } holder
                ? new(PasskeySignInOutcome.NotAccepted, holder.Id, Reference(id))
                : new(PasskeySignInOutcome.UnknownPasskey);
        }
        var account = assertion.User;
        var passkey = assertion.Passkey;
        var reference = Reference(passkey.CredentialId);
        // Registration already demanded user verification; a passkey stored without it never counts as two factors.
        if (!passkey.IsUserVerified)
        {
            return new(PasskeySignInOutcome.NotAccepted, account.Id, reference);
        }
        if (!await signIn.CanSignInAsync(account))
        {
            return new(PasskeySignInOutcome.NotAllowed, account.Id, reference);
        }
        if (await Users.IsLockedOutAsync(account))
        {
            return new(PasskeySignInOutcome.LockedOut, account.Id, reference);
        }
        if (!(await Users.AddOrUpdatePasskeyAsync(account, passkey)).Succeeded)
        {
            return new(PasskeySignInOutcome.NotAccepted, account.Id, reference);
        }
        await Users.ResetAccessFailedCountAsync(account);
        await signIn.SignInWithClaimsAsync(account, isPersistent: false,
            [new Claim(StaffPolicies.AuthenticationMethods, ProofOfPossession), new Claim(StaffPolicies.AuthenticationMethods, StaffPolicies.MultiFactor)]);
        return new(PasskeySignInOutcome.SignedIn, account.Id, reference);
    }

    /// <summary>Starts adding a passkey to <paramref name="account"/>: the options (JSON) for <c>navigator.credentials.create</c>.</summary>
    public Task<string> CreationOptionsAsync(StaffAccount account) =>
        signIn.MakePasskeyCreationOptionsAsync(new PasskeyUserEntity { Id = account.Id, Name = account.Email!, DisplayName = account.DisplayName });

    /// <summary>
    /// Finishes adding a passkey with the browser's answer; returns its reference, or null when the answer was
    /// refused (not user-verified, already registered, no ceremony under way, or one begun for another account).
    /// </summary>
    public async Task<string?> AddAsync(StaffAccount account, string name, string credentialJson)
    {
        PasskeyAttestationResult attestation;
        try
        {
            attestation = await signIn.PerformPasskeyAttestationAsync(credentialJson);
        }
        catch (InvalidOperationException)
        {
            return null;
        }
        if (!attestation.Succeeded || attestation.UserEntity.Id != account.Id || !attestation.Passkey.IsUserVerified)
        {
            return null;
        }
        attestation.Passkey.Name = name;
        return (await Users.AddOrUpdatePasskeyAsync(account, attestation.Passkey)).Succeeded ? Reference(attestation.Passkey.CredentialId) : null;
    }

    /// <summary>The account's passkeys, oldest first.</summary>
    public async Task<IReadOnlyList<UserPasskeyInfo>> ListAsync(StaffAccount account) =>
        [.. (await Users.GetPasskeysAsync(account)).OrderBy(p => p.CreatedAt)];

    /// <summary>One of the account's passkeys by its address form (<see cref="AddressOf"/>), or null: never another account's.</summary>
    public async Task<UserPasskeyInfo?> FindAsync(StaffAccount account, string? address) =>
        address is { Length: > 0 and <= 1400 } && Base64Url.IsValid(address)
            ? await Users.GetPasskeyAsync(account, Base64Url.DecodeFromChars(address))
            : null;

    /// <summary>
    /// Removes one of the account's passkeys and ends the account's other sessions (one may have been signed in with
    /// it); this browser's session goes on, with its factors and start time.
    /// </summary>
    public async Task RemoveAsync(StaffAccount account, UserPasskeyInfo passkey, ClaimsPrincipal current)
    {
        await Users.RemovePasskeyAsync(account, passkey.CredentialId);
        await Users.UpdateSecurityStampAsync(account);
        await signIn.SignInWithClaimsAsync(account, isPersistent: false, current.FindAll(StaffPolicies.AuthenticationMethods).Select(c => new Claim(c.Type, c.Value)));
    }

    /// <summary>Removes every passkey of the account (a new invitation resets all its ways of signing in); returns how many.</summary>
    public async Task<int> RemoveAllAsync(StaffAccount account)
    {
        var all = await Users.GetPasskeysAsync(account);
        foreach (var passkey in all)
        {
            await Users.RemovePasskeyAsync(account, passkey.CredentialId);
        }
        return all.Count;
    }

    /// <summary>How a passkey is named in addresses: its credential id, base64url.</summary>
    public static string AddressOf(UserPasskeyInfo passkey) => Base64Url.EncodeToString(passkey.CredentialId);

    /// <summary>
    /// How the audit trail names a passkey: the first 16 hex digits of its credential id's SHA-256, enough to tell
    /// an account's passkeys apart and to follow one from adding to use to removal, without the id itself.
    /// </summary>
    public static string Reference(byte[] credentialId) => "passkey " + Convert.ToHexStringLower(SHA256.HashData(credentialId))[..16];

    /// <summary>The credential id a browser's answer names, if it is readable at all.</summary>
    private static byte[]? CredentialId(string credentialJson)
    {
        try
        {
            using var json = JsonDocument.Parse(credentialJson);
            return json.RootElement.ValueKind == JsonValueKind.Object
                && json.RootElement.TryGetProperty("id", out var id) && id.GetString() is { Length: > 0 and <= 1400 } text && Base64Url.IsValid(text)
                ? Base64Url.DecodeFromChars(text)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
