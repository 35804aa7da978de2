using Safeguard.Platform.Web;

namespace Safeguard.Tests.Platform;

/// <summary>Markdown published to anyone (a meeting's summary, a news post) keeps its formatting and loses anything that could run in a reader's browser.</summary>
public sealed class PublishedMarkdownTests
{
    [Fact]
    public void ToHtml_Markdown_KeepsParagraphsEmphasisListsAndLinks()
    {
        PublishedMarkdown.ToHtml("Members asked about:\n\n* **time limits**\n* [the Bill](https://bills.parliament.uk/bills/3929)")
            .ShouldBe("<p>Members asked about:</p>\n<ul>\n<li><strong>time limits</strong></li>\n<li><a href=\"https://bills.parliament.uk/bills/3929\">the Bill</a></li>\n</ul>\n");
    }

    [Theory]
    [InlineData("<script>alert(1)</script>", "<script")]
    [InlineData("<img src=x onerror=alert(1)>", "<img")]
    [InlineData("[click](javascript:alert(1))", "javascript:")]
    [InlineData("<a href=\"https://example.org\" onclick=\"alert(1)\">x</a>", "<a ")]
    public void ToHtml_HtmlOrAScriptAddress_IsNotPassedThrough(string markdown, string absent) =>
        PublishedMarkdown.ToHtml(markdown).ShouldNotContain(absent, Case.Insensitive);
}
