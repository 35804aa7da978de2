using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Safeguard.BrowserTests;

/// <summary>axe-core scans against WCAG 2.2 A and AA, shared by the page scans and the journeys.</summary>
internal static class Accessibility
{
    /// <summary>
    /// The pages axe has passed in this run, by address, viewport width and markup: the journeys pass through the same
    /// pages (signing in, above all), and axe, most of a journey's work, says the same of the same page at the same width.
    /// </summary>
    private static readonly ConcurrentDictionary<string, bool> Passed = new(StringComparer.Ordinal);

    /// <summary>
    /// The page as axe reads it: its address, viewport width and markup, without the values of hidden inputs (an
    /// antiforgery token differs on every response, and axe reads no hidden input).
    /// </summary>
    private const string PageAsScanned = """
        () => {
          const copy = document.documentElement.cloneNode(true);
          copy.querySelectorAll('input[type=hidden]').forEach(input => input.removeAttribute('value'));
          return `${location.pathname}${location.search}\n${window.innerWidth}\n${copy.outerHTML}`;
        }
        """;

    public static async Task AssertNoViolationsAsync(IPage page)
    {
        var scanned = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(await page.EvaluateAsync<string>(PageAsScanned))));
        if (Passed.ContainsKey(scanned))
        {
            return;
        }
        var violations = await ScanAsync(page);
        if (violations.Count > 0)
        {
            Assert.Fail(Describe(page.Url, violations));
        }
        Passed.TryAdd(scanned, true);
    }

    /// <summary>axe at the usual width, then WCAG 1.4.10 (reflow): at 320 CSS pixels nothing but a table scrolls sideways.</summary>
    public static async Task AssertAccessibleAndReflowsAsync(IPage page)
    {
        await AssertNoViolationsAsync(page);
        var usual = page.ViewportSize;
        await page.SetViewportSizeAsync(320, 640);
        try
        {
            var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            if (width > 320)
            {
                // Name the innermost elements that stick out, so the failure says what to fix.
                var wide = await page.EvaluateAsync<string[]>("""
                    () => [...document.querySelectorAll('body *')]
                      .filter(e => e.getBoundingClientRect().right > 320 && !e.closest('.table-scroll') && ![...e.children].some(c => c.getBoundingClientRect().right > 320))
                      .slice(0, 5).map(e => e.outerHTML.slice(0, 160))
                    """);
                Assert.Fail($"{page.Url} is {width}px wide at a 320px viewport, so a reader who zooms to 400% must scroll sideways. Too wide: {string.Join(" | ", wide)}");
            }
            await AssertNoViolationsAsync(page);
        }
        finally
        {
            if (usual is not null)
            {
                await page.SetViewportSizeAsync(usual.Width, usual.Height);
            }
        }
    }

    public static async Task<IReadOnlyList<AxeResultItem>> ScanAsync(IPage page)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
            // Only violations are read: axe then details no passing element, which is most of its work on a long page.
            ResultTypes = [ResultType.Violations],
        });
        return result.Violations;
    }

    public static string Describe(string url, IEnumerable<AxeResultItem> violations)
    {
        var message = new StringBuilder($"axe found accessibility violations on {url}:").AppendLine();
        foreach (var violation in violations)
        {
            message.AppendLine(CultureInfo.InvariantCulture, $"- {violation.Id} ({violation.Impact}): {violation.Help} <{violation.HelpUrl}>");
            foreach (var node in violation.Nodes)
            {
                message.AppendLine(CultureInfo.InvariantCulture, $"    element {node.Target}: {node.Html}");
                foreach (var check in node.Any.Concat(node.All).Concat(node.None))
                {
                    message.AppendLine(CultureInfo.InvariantCulture, $"      {check.Message}");
                }
            }
        }
        return message.ToString();
    }
}
