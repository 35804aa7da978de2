using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Safeguard.Site.News;

/// <summary>A published post as schema.org <c>NewsArticle</c> data (JSON-LD), for search engines and link previews.</summary>
internal static class NewsArticleData
{
    public static string JsonLd(NewsPost post, string address)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("@context", "https://schema.org");
            json.WriteString("@type", "NewsArticle");
            json.WriteString("headline", post.Title);
            json.WriteString("description", post.Summary);
            json.WriteString("datePublished", Moment(post.PublishAtUtc!.Value));
            json.WriteString("dateModified", Moment(post.UpdatedAtUtc));
            json.WriteStartObject("author");
            json.WriteString("@type", "Organization");
            json.WriteString("name", post.Author);
            json.WriteEndObject();
            json.WriteString("mainEntityOfPage", address);
            json.WriteEndObject();
        }
        // The default encoder escapes <, > and &, so the data cannot close the script element it sits in.
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>A UTC moment in ISO 8601, as schema.org and Open Graph ask.</summary>
    public static string Moment(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
