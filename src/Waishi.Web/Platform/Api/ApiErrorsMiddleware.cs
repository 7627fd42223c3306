using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Waishi.Web.Platform.Api;

/// <summary>
/// Keeps every answer under /api a problem document: a body that is not JSON or does not fit the
/// expected shape becomes a 400 naming the problem, a lost optimistic-concurrency race or a
/// constraint clash a 409, and a bare status (401, 403, 404, 405) gets a problem body instead of
/// the HTML error page.
/// </summary>
public sealed class ApiErrorsMiddleware(RequestDelegate next)
{
    private sealed record Failure(int Status, string Title, string? Detail, object[] Arguments);

    public async Task InvokeAsync(HttpContext context, IProblemDetailsService problems, IStringLocalizer<SharedResource> t)
    {
        if (!context.Request.Path.StartsWithSegments("/api"))
        {
            await next(context);
            return;
        }
        if (context.Features.Get<IStatusCodePagesFeature>() is { } pages)
        {
            pages.Enabled = false;
        }
        Failure? failure = null;
        try
        {
            await next(context);
        }
        catch (BadHttpRequestException e) when (!context.Response.HasStarted)
        {
            failure = e.InnerException is JsonException json
                ? new(e.StatusCode, "The request could not be read.", "The body is not valid JSON for this request: {0}", [json.Message])
                : e.StatusCode == StatusCodes.Status415UnsupportedMediaType
                    ? new(e.StatusCode, "The request could not be read.", "Send the body as application/json.", [])
                    : new(e.StatusCode, "The request could not be read.", "{0}", [e.Message]);
        }
        catch (DbUpdateConcurrencyException) when (!context.Response.HasStarted)
        {
            failure = new(StatusCodes.Status409Conflict, "Conflict.", ApiProblems.ChangedBySomeoneElse, []);
        }
        catch (DbUpdateException) when (!context.Response.HasStarted)
        {
            // A constraint the checks before saving could not see, e.g. two clients creating the
            // same staff number at once: nothing was written.
            failure = new(StatusCodes.Status409Conflict, "Conflict.", "The change clashes with another record saved at the same time (for example the same number). Load the data again and retry.", []);
        }
        var status = context.Response.StatusCode;
        if (failure is null && !context.Response.HasStarted && status >= 400
            && context.Response.ContentLength is null && context.Response.ContentType is null)
        {
            failure = new(status, Title(status), null, []);
        }
        if (failure is null)
        {
            return;
        }

        // The culture chosen for this request was set further in and does not flow back out here.
        if (context.Features.Get<IRequestCultureFeature>()?.RequestCulture is { } culture)
        {
            CultureInfo.CurrentCulture = culture.Culture;
            CultureInfo.CurrentUICulture = culture.UICulture;
        }
        context.Response.Clear();
        context.Response.StatusCode = failure.Status;
        if (failure.Status == StatusCodes.Status401Unauthorized)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
        }
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = failure.Status,
                Title = t[failure.Title].Value,
                Detail = failure.Detail is null ? null : t[failure.Detail, failure.Arguments].Value,
            },
        });
    }

    private static string Title(int status) => status switch
    {
        StatusCodes.Status401Unauthorized => "Sign in or send a personal access token: Authorization: Bearer wsh_…",
        StatusCodes.Status403Forbidden => "Your roles do not allow this.",
        StatusCodes.Status404NotFound => "Not found.",
        StatusCodes.Status405MethodNotAllowed => "This address does not accept that method.",
        _ => "The request failed.",
    };
}
