namespace Safeguard.Tests.Http;

/// <summary>
/// HEAD as link checkers, download managers and caches send it: the answer GET gives, headers and all, without the body.
/// </summary>
public static class HeadRequests
{
    /// <summary>
    /// Headers that may differ: the moment of answering and the cache's age, and the body's framing, which a server
    /// may leave out of a HEAD response (RFC 9110, 9.3.2) as it sends no body.
    /// </summary>
    private static readonly string[] MayDiffer = ["Date", "Age", "Content-Length", "Transfer-Encoding"];

    /// <summary>Sends GET then HEAD to <paramref name="path"/>; HEAD must have GET's status and headers and no body.</summary>
    public static async Task ShouldAnswerAsGetDoesAsync(HttpClient client, string path, CancellationToken cancellationToken)
    {
        using var get = await client.GetAsync(path, cancellationToken);
        using var request = new HttpRequestMessage(HttpMethod.Head, path);
        using var head = await client.SendAsync(request, cancellationToken);

        head.StatusCode.ShouldBe(get.StatusCode, $"HEAD {path}");
        Headers(head).ShouldBe(Headers(get), $"HEAD {path}");
        (await head.Content.ReadAsByteArrayAsync(cancellationToken)).ShouldBeEmpty($"HEAD {path}");
    }

    /// <summary>The response's headers, less those that may differ.</summary>
    private static List<string> Headers(HttpResponseMessage response) =>
        [.. response.Headers.Concat<KeyValuePair<string, IEnumerable<string>>>(response.Content.Headers)
            .Where(h => !MayDiffer.Contains(h.Key, StringComparer.OrdinalIgnoreCase))
            .Select(h => $"{h.Key}: {string.Join(", ", h.Value)}")
            .Order(StringComparer.Ordinal)];
}
