using System.Globalization;
using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Safeguard.BrowserTests;

/// <summary>axe-core scans against WCAG 2.2 A and AA, shared by the page scans and the journeys.</summary>
internal static class Accessibility
{
    public static async Task AssertNoViolationsAsync(IPage page)
    {
        var violations = await ScanAsync(page);
        if (violations.Count > 0)
        {
            Assert.Fail(Describe(page.Url, violations));
        }
    }

    public static async Task<IReadOnlyList<AxeResultItem>> ScanAsync(IPage page)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
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
