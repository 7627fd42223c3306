using Microsoft.AspNetCore.Http.Extensions;

namespace Waishi.Web.Platform.Web;

/// <summary>The query string of a list page's filters (for page links and exports): empty values
/// are left out, dates written yyyy-MM-dd, no leading "?".</summary>
public static class ListQuery
{
    public static string Of(params (string Key, object? Value)[] pairs)
    {
        var query = new QueryBuilder();
        foreach (var (key, value) in pairs)
        {
            var text = value switch
            {
                null => null,
                DateOnly date => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                bool flag => flag ? "true" : null,
                _ => value.ToString(),
            };
            if (!string.IsNullOrEmpty(text))
            {
                query.Add(key, text);
            }
        }
        return query.ToQueryString().Value?.TrimStart('?') ?? "";
    }
}
