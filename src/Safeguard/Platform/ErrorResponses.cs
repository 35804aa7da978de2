namespace Safeguard.Platform;

/// <summary>
/// One error mechanism for every request: exceptions and empty error statuses are re-executed to
/// <c>/system/error/{status}</c>, which answers people with an HTML page and programs (the API, and the .json,
/// .csv and .xlsx twins of pages) with ProblemDetails. Never a stack trace, never a blank 500.
/// </summary>
internal static class ErrorResponses
{
    /// <summary>Where errors are re-executed; the status follows as the last segment.</summary>
    public const string ErrorPath = "/system/error";

    public static void UseErrorResponses(this WebApplication app)
    {
        app.UseExceptionHandler($"{ErrorPath}/500");
        app.UseStatusCodePagesWithReExecute($"{ErrorPath}/{{0}}");
    }

    /// <summary>Whether a path is answered in JSON or a data file rather than an HTML page.</summary>
    public static bool IsForMachines(PathString path)
    {
        if (path.StartsWithSegments("/api") || path.StartsWithSegments("/openapi"))
        {
            return true;
        }
        var value = path.Value ?? "";
        return value.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
            || value.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)
            || value.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase);
    }
}
