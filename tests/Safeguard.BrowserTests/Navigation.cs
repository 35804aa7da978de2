using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Safeguard.BrowserTests;

/// <summary>
/// Waiting for the page a click leads to. Playwright's own <c>WaitForURLAsync</c> waits for the "load" event as its
/// driver reports it, and on this busy two-core machine that wait occasionally missed a page that had loaded (the
/// failure's log showed the network gone idle, which comes after "load", but never "load" itself). So the address is
/// polled, and then the page itself is asked whether it has finished loading; a page that really does not finish
/// fails with what its document says.
/// </summary>
internal static class Navigation
{
    private const float Timeout = 30_000;

    /// <summary>
    /// Waits until the address matches <paramref name="glob"/> (the part of Playwright's globs the journeys use:
    /// <c>**</c> any characters, <c>*</c> any but <c>/</c>, everything else literal; not <c>{a,b}</c> or escapes) and the document has loaded.
    /// </summary>
    public static Task WaitForPageAsync(this IPage page, string glob) => page.WaitForPageAsync(FromGlob(glob));

    /// <summary>Waits until the address matches <paramref name="address"/> and the document has loaded.</summary>
    public static async Task WaitForPageAsync(this IPage page, Regex address)
    {
        await Assertions.Expect(page).ToHaveURLAsync(address, new() { Timeout = Timeout });
        // Asked from here, not by a script polling in the page, which would not run where JavaScript is off.
        var deadline = DateTime.UtcNow.AddMilliseconds(Timeout);
        string state;
        while ((state = await page.EvaluateAsync<string>("() => document.readyState")) != "complete")
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{page.Url} was reached but had not finished loading after {Timeout / 1000:0} s: its document is '{state}'.");
            }
            await Task.Delay(100);
        }
    }

    private static Regex FromGlob(string glob) =>
        new("^" + Regex.Escape(glob).Replace(@"\*\*", ".*", StringComparison.Ordinal).Replace(@"\*", "[^/]*", StringComparison.Ordinal) + "$");
}
