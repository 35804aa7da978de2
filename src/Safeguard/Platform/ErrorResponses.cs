namespace Safeguard.Platform;

/// <summary>
/// One error shape per audience: ProblemDetails (JSON) for the API and the machine twins of pages (.json, .csv,
/// .xlsx), and a plain HTML page for people. Never a stack trace, never a blank 500.
/// </summary>
internal static class ErrorResponses
{
    public static void UseErrorResponses(this WebApplication app)
    {
        app.UseWhen(IsForMachines, machines =>
        {
            machines.UseExceptionHandler();
            machines.UseStatusCodePages();
        });
        app.UseWhen(context => !IsForMachines(context), people =>
        {
            people.UseExceptionHandler("/system/error/500");
            people.UseStatusCodePagesWithReExecute("/system/error/{0}");
        });
    }

    /// <summary>Requests answered in JSON or a data file rather than an HTML page.</summary>
    public static bool IsForMachines(HttpContext context)
    {
        var path = context.Request.Path;
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
