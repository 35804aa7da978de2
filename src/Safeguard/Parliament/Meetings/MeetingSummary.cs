using Ganss.Xss;
using Markdig;

namespace Safeguard.Parliament.Meetings;

/// <summary>
/// A meeting's Markdown summary as HTML for its pages: written by staff but published to anyone, so raw HTML in it is
/// not passed through (Markdig's DisableHtml) and what Markdig writes is sanitised again, keeping paragraphs,
/// emphasis, lists, quotes and links, and dropping scripts, styles and event handlers.
/// </summary>
internal static class MeetingSummary
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().Build();

    private static readonly HtmlSanitizer Sanitizer = new();

    public static string ToHtml(string markdown) => Sanitizer.Sanitize(Markdown.ToHtml(markdown, Pipeline));
}
