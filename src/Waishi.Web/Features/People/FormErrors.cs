using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using Waishi.Web.Platform.Data;

namespace Waishi.Web.Features.People;

/// <summary>Turns rule violations into messages next to the fields of a form, in the reader's language.</summary>
public static class FormErrors
{
    public const string StaleEdit =
        "This record was changed by someone else while you were editing it. Your changes were not saved: reload the page to see the current values, then make your changes again.";

    public static void AddAll(this ModelStateDictionary state, string prefix, IEnumerable<FieldError> errors, IStringLocalizer t)
    {
        foreach (var error in errors)
        {
            state.AddModelError(string.IsNullOrEmpty(error.Field) ? "" : $"{prefix}.{error.Field}", Localize(error, t));
        }
    }

    /// <summary>The message with its arguments; English labels among the arguments are translated too.</summary>
    public static string Localize(FieldError error, IStringLocalizer t) =>
        t[error.Message, [.. error.Arguments.Select(a => a is string s ? (object)t[s].Value : a)]].Value;
}
