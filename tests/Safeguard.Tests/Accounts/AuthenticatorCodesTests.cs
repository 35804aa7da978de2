using System.Text;
using Safeguard.Accounts.SignIn;
using Safeguard.Tests.Shared;

namespace Safeguard.Tests.Accounts;

public sealed class AuthenticatorCodesTests
{
    // RFC 6238 appendix B, SHA-1 seed; the 8-digit values there end in these 6 digits.
    private static readonly byte[] Seed = Encoding.ASCII.GetBytes("12345678901234567890");

    [Theory]
    [InlineData(59, "287082")]
    [InlineData(1111111109, "081804")]
    [InlineData(1111111111, "050471")]
    [InlineData(1234567890, "005924")]
    [InlineData(2000000000, "279037")]
    public void Code_Rfc6238Vectors_MatchTheApplicationAndTheTestAuthenticator(long unixSeconds, string expected)
    {
        AuthenticatorCodes.Code(Seed, unixSeconds / 30).ToString("D6", System.Globalization.CultureInfo.InvariantCulture).ShouldBe(expected);
        Totp.Code(Totp.ToBase32(Seed), DateTimeOffset.FromUnixTimeSeconds(unixSeconds)).ShouldBe(expected);
    }

    [Fact]
    public void Match_CodeOfPreviousOrNextStep_IsAcceptedAndOthersAreNot()
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);
        var key = Totp.ToBase32(Seed);
        AuthenticatorCodes.Match(Seed, Totp.Code(key, now.AddSeconds(-30)), now).ShouldBe(now.ToUnixTimeSeconds() / 30 - 1);
        AuthenticatorCodes.Match(Seed, Totp.Code(key, now.AddSeconds(30)), now).ShouldBe(now.ToUnixTimeSeconds() / 30 + 1);
        AuthenticatorCodes.Match(Seed, Totp.Code(key, now.AddSeconds(90)), now).ShouldBeNull();
        AuthenticatorCodes.Match(Seed, "12345", now).ShouldBeNull();
        AuthenticatorCodes.Match(Seed, "abcdef", now).ShouldBeNull();
    }

    [Fact]
    public void Base32_DecodesWhatTheTestAuthenticatorEncodes()
    {
        Base32.Decode(Totp.ToBase32(Seed)).ShouldBe(Seed);
    }
}
