using Safeguard.Parliament.Postcodes;

namespace Safeguard.Tests.Parliament;

public sealed class PostcodeTests
{
    [Theory]
    [InlineData("SW1A 1AA", "SW1A1AA", "SW1A 1AA")]
    [InlineData("  sw1a1aa ", "SW1A1AA", "SW1A 1AA")]
    [InlineData("GU11  1AA", "GU111AA", "GU11 1AA")]
    [InlineData("m1 1ae", "M11AE", "M1 1AE")]
    [InlineData("b33\t8th", "B338TH", "B33 8TH")]
    [InlineData("cr2 6xh", "CR26XH", "CR2 6XH")]
    [InlineData("W1A 0AX", "W1A0AX", "W1A 0AX")]
    public void TryRead_PostcodeInAnyCaseAndSpacing_GivesOneStoredFormAndItsDisplay(string typed, string key, string display)
    {
        Postcode.TryRead(typed, out var postcode).ShouldBeTrue();
        (postcode.Key, postcode.Display).ShouldBe((key, display));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("SW1A")]
    [InlineData("SW1A 1A")]
    [InlineData("1SW 1AA")]
    [InlineData("SW1A 1AAA")]
    [InlineData("SW1A-1AA")]
    [InlineData("<script>")]
    public void TryRead_NotAPostcode_IsRefused(string? typed) => Postcode.TryRead(typed, out _).ShouldBeFalse();

    [Theory]
    [InlineData("JE2 3NX", "Jersey")]
    [InlineData("gy1 1aa", "Guernsey")]
    [InlineData("IM1 1AF", "IsleOfMan")]
    [InlineData("GU11 1AA", null)]
    [InlineData("IP1 1AA", null)]
    public void CrownDependency_ByPostcodeArea(string typed, string? expected)
    {
        Postcode.TryRead(typed, out var postcode).ShouldBeTrue();
        postcode.CrownDependency?.ToString().ShouldBe(expected);
        (postcode.CrownDependency is null).ShouldBe(expected is null);
    }
}
