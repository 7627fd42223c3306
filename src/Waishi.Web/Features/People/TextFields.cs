namespace Waishi.Web.Features.People;

/// <summary>How typed or posted text becomes a stored value.</summary>
public static class TextFields
{
    /// <summary>An optional text field: blank is null, anything else is trimmed.</summary>
    public static string? Optional(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
