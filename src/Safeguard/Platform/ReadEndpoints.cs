namespace Safeguard.Platform;

/// <summary>
/// Public reads answer HEAD as they answer GET (the server sends the headers without the body), as link checkers,
/// download managers and caches expect; <c>MapGet</c> alone would answer HEAD with 405.
/// </summary>
public static class ReadEndpoints
{
    /// <summary>The methods of a read: GET and HEAD.</summary>
    public static readonly string[] Methods = [HttpMethods.Get, HttpMethods.Head];

    /// <summary>Maps a read at <paramref name="pattern"/> for GET and HEAD.</summary>
    public static RouteHandlerBuilder MapRead(this IEndpointRouteBuilder endpoints, string pattern, Delegate handler) =>
        endpoints.MapMethods(pattern, Methods, handler);
}
