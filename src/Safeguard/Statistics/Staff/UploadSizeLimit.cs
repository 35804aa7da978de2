using Microsoft.AspNetCore.Http.Features;
using Safeguard.Statistics.Importing.Files;

namespace Safeguard.Statistics.Staff;

/// <summary>
/// The upload form's size limit (<c>Safeguard:Imports:MaxFileBytes</c>, plus a little for the other fields), applied
/// before anything is read: a request that says it is larger is sent back to the form with a message, its body never
/// read; one that does not say (chunked) is cut off by the server at the limit.
/// </summary>
internal static class UploadSizeLimit
{
    public static void UseUploadSizeLimit(this WebApplication app)
    {
        var limit = app.Services.GetRequiredService<ImportLimits>().MaxFileBytes + NewImportModel.FormAllowance;
        app.Use((context, next) =>
        {
            if (!HttpMethods.IsPost(context.Request.Method) || !context.Request.Path.Equals(StatisticsStaffPaths.NewImport, StringComparison.Ordinal))
            {
                return next(context);
            }
            if (context.Request.ContentLength > limit)
            {
                // 303: the browser asks for the form again with GET, which shows the message.
                context.Response.StatusCode = StatusCodes.Status303SeeOther;
                context.Response.Headers.Location = StatisticsStaffPaths.NewImport + "?tooLarge=true";
                context.Response.Headers.Connection = "close";
                return Task.CompletedTask;
            }
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } body)
            {
                body.MaxRequestBodySize = limit;
            }
            if (context.Features.Get<IFormFeature>() is null)
            {
                context.Features.Set<IFormFeature>(new FormFeature(context.Request, new FormOptions { MultipartBodyLengthLimit = limit }));
            }
            return next(context);
        });
    }
}
