using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing.Template;

namespace Safeguard.Platform;

/// <summary>
/// An upload form's size limit, applied before anything is read: a request that says it is larger is sent back to the
/// form (the same address and query with <c>tooLarge=true</c> added, which shows the message), its body never read; one that does
/// not say (chunked) is cut off by the server at the limit. Used by every page that takes a file.
/// </summary>
public static class UploadSizeLimit
{
    /// <summary>The form's multipart overhead and its other fields, allowed on top of the largest file.</summary>
    public const long FormAllowance = 64 * 1024;

    /// <summary>
    /// Limits POSTs to the form at <paramref name="uploadForm"/>, its page's route as the page declares it
    /// (<c>/staff/cases/{caseNumber}/documents</c>), to a file of <paramref name="maxFileBytes"/> and the form around it.
    /// </summary>
    public static void UseUploadSizeLimit(this WebApplication app, string uploadForm, long maxFileBytes)
    {
        var limit = maxFileBytes + FormAllowance;
        // Matched as routing matches the page: whatever the capitals, with or without a trailing slash, so that every
        // address that reaches the form is limited here, rather than by the server's own limit, which says nothing useful.
        var form = new TemplateMatcher(TemplateParser.Parse(uploadForm), []);
        app.Use((context, next) =>
        {
            if (!HttpMethods.IsPost(context.Request.Method) || !form.TryMatch(context.Request.Path, []))
            {
                return next(context);
            }
            if (context.Request.ContentLength > limit)
            {
                // 303: the browser asks for the form again with GET, which shows the message.
                context.Response.StatusCode = StatusCodes.Status303SeeOther;
                context.Response.Headers.Location = context.Request.PathBase + context.Request.Path + context.Request.QueryString.Add("tooLarge", "true");
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
