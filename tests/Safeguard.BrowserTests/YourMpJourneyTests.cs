using System.Text.RegularExpressions;
using Bogus;
using Microsoft.Playwright;

namespace Safeguard.BrowserTests;

/// <summary>
/// A person finds their MP by postcode on the demonstration data (GU11 1AB, Aldershot, whose MP is not in the
/// group), starts the letter, puts it into their own words and copies it, in a real Chromium at 1280 and 320 pixels.
/// </summary>
public sealed class YourMpJourneyTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData(1280)]
    [InlineData(320)]
    public async Task YourMp_PostcodeOfAnMpOutsideTheGroup_LetterEditedAndCopied(int width)
    {
        await using var context = await fixture.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = 800 },
            Permissions = ["clipboard-read", "clipboard-write"],
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/parliament/your-mp");
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByLabel("Postcode").FillAsync(" gu111ab");
        await page.GetByRole(AriaRole.Button, new() { Name = "Find your MP" }).ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/parliament/your-mp\?postcode="));
        (await page.Locator("main").InnerTextAsync()).ShouldContain("Alex Baker is not a member of the All-Party Parliamentary Group on Immigration Detention.");
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Write to Alex Baker" }).ClickAsync();
        var letter = page.GetByLabel("Your letter");
        (await letter.InputValueAsync()).ShouldStartWith("Dear Alex Baker,");
        var name = new Faker("en_GB") { Random = new Randomizer(320 + width) }.Name.FullName();
        await letter.FillAsync((await letter.InputValueAsync()).Replace("[Your name]", name, StringComparison.Ordinal));
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Copy the letter" }).ClickAsync();
        await page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Letter copied" }).WaitForAsync();
        (await page.EvaluateAsync<string>("() => navigator.clipboard.readText()")).ShouldContain($"Yours sincerely,\n{name}");
        var mailto = await page.GetByRole(AriaRole.Link, new() { Name = "Open it in your e-mail" }).GetAttributeAsync("href");
        mailto.ShouldStartWith("mailto:alex.baker.mp@parliament.uk?subject=");
        mailto.ShouldContain(Uri.EscapeDataString(name), Case.Sensitive, "the link follows the letter as it is edited");
        var pageWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        pageWidth.ShouldBeLessThanOrEqualTo(width, "the letter's page must not scroll sideways");
    }
}
