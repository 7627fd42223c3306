using System.Text.Json;
using Microsoft.Extensions.Localization;
using Waishi.Web.Platform.Data;

namespace Waishi.Web.Platform.Api;

/// <summary>
/// The answers of the JSON API when something is wrong, all as RFC 9457 problem details. Messages
/// are localised with the shared resource (English text is the key), like the pages.
/// </summary>
public sealed class ApiProblems(IStringLocalizer<SharedResource> t)
{
    public const string ChangedBySomeoneElse =
        "This record was changed by someone else after you loaded it. Load it again and repeat your change.";

    /// <summary>400 with an <c>errors</c> object keyed by the field (camelCase, as in the JSON body).</summary>
    public IResult Validation(IEnumerable<FieldError> errors) =>
        TypedResults.ValidationProblem(
            errors.GroupBy(e => JsonNamingPolicy.CamelCase.ConvertName(e.Field))
                .ToDictionary(g => g.Key, g => g.Select(Message).ToArray()),
            title: t["The request has invalid values."]);

    public IResult Validation(string field, string message, params object[] arguments) =>
        Validation([new FieldError(field, message, arguments)]);

    public IResult NotFound() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: t["Not found."],
            detail: t["There is no such record, or it belongs to another organisation."]);

    /// <summary>409: the request was built on an old version of the record.</summary>
    public IResult Stale() =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: t["Conflict."], detail: t[ChangedBySomeoneElse]);

    /// <summary>409 with a reason, e.g. a unit that still has sub-units cannot be deleted.</summary>
    public IResult Conflict(string reason, params object[] arguments) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: t["Conflict."], detail: t[reason, arguments]);

    public string Message(FieldError error) =>
        t[error.Message, [.. error.Arguments.Select(a => a is string s ? t[s].Value : a)]];
}
