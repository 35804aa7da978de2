using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace Safeguard.Accounts.SignIn;

/// <summary>
/// Time-based one-time passwords (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits), as every authenticator app makes
/// them. Identity's own provider accepts a code again within its window; this one remembers the last time step
/// accepted for each account and refuses that step and any earlier one, so an overheard code cannot be replayed.
/// </summary>
internal sealed class AuthenticatorCodes(TimeProvider clock) : IUserTwoFactorTokenProvider<StaffAccount>
{
    /// <summary>The provider's name in Identity's options.</summary>
    public const string ProviderName = "SafeguardAuthenticator";

    private const int StepSeconds = 30;

    public Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<StaffAccount> manager, StaffAccount user) =>
        manager.GetAuthenticatorKeyAsync(user).ContinueWith(key => !string.IsNullOrEmpty(key.Result), TaskScheduler.Default);

    /// <summary>Codes come from the person's app, never from the server.</summary>
    public Task<string> GenerateAsync(string purpose, UserManager<StaffAccount> manager, StaffAccount user) => Task.FromResult("");

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<StaffAccount> manager, StaffAccount user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key) || Match(Base32.Decode(key), token, clock.GetUtcNow()) is not { } step)
        {
            return false;
        }
        if (user.LastAuthenticatorTimeStep is { } last && step <= last)
        {
            return false;
        }
        user.LastAuthenticatorTimeStep = step;
        var saved = await manager.UpdateAsync(user);
        return saved.Succeeded;
    }

    /// <summary>The time step (one before, this one, one after, for clocks that drift) whose code equals <paramref name="code"/>.</summary>
    public static long? Match(byte[] key, string code, DateTimeOffset now)
    {
        code = code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (code.Length != 6 || !int.TryParse(code, NumberStyles.None, CultureInfo.InvariantCulture, out var expected))
        {
            return null;
        }
        var current = now.ToUnixTimeSeconds() / StepSeconds;
        long? found = null;
        // Every candidate is computed so the time taken does not say which step matched.
        for (var step = current - 1; step <= current + 1; step++)
        {
            if (CryptographicOperations.FixedTimeEquals(BitConverter.GetBytes(Code(key, step)), BitConverter.GetBytes(expected)))
            {
                found ??= step;
            }
        }
        return found;
    }

    /// <summary>The 6-digit code of a time step.</summary>
    public static int Code(byte[] key, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        Span<byte> hash = stackalloc byte[20];
#pragma warning disable CA5350 // RFC 6238 and every authenticator app use HMAC-SHA1; its use as a MAC is not weakened by SHA-1 collisions.
        HMACSHA1.HashData(key, counter, hash);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return binary % 1_000_000;
    }
}

/// <summary>RFC 4648 base 32, the form authenticator keys are shown and stored in.</summary>
internal static class Base32
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    public static byte[] Decode(string text)
    {
        text = text.Replace(" ", "", StringComparison.Ordinal).TrimEnd('=').ToUpperInvariant();
        var output = new byte[text.Length * 5 / 8];
        int buffer = 0, bits = 0, index = 0;
        foreach (var c in text)
        {
            var value = Alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0)
            {
                throw new FormatException("The authenticator key is not base 32.");
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                output[index++] = (byte)(buffer >> (bits - 8));
                bits -= 8;
            }
        }
        return output;
    }
}
