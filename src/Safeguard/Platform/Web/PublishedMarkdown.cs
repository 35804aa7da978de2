using Ganss.Xss;
using Markdig;

namespace Safeguard.Platform.Web;

/// <summary>
/// Markdown written by staff and published to anyone (an APPG meeting's summary, a news post) as HTML for its pages:
/// raw HTML in it is not passed through (Markdig's DisableHtml) and what Markdig writes is sanitised again, keeping paragraphs,
/// emphasis, lists, quotes and links, and dropping scripts, styles and event handlers.
/// </summary>
public static class PublishedMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().Build();

    private static readonly HtmlSanitizer Sanitizer = new();

    /// <summary>The Markdown as sanitised HTML, safe to write into a page as it is.</summary>
    public static string ToHtml(string markdown) => Sanitizer.Sanitize(Markdown.ToHtml(markdown, Pipeline));
}
