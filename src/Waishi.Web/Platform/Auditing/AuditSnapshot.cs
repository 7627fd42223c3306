using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Waishi.Web.Platform.Auditing;

/// <summary>
/// Writes a row's values as a canonical JSON object: properties in ordinal order, every value as a
/// string in a form that survives a round trip through either database (dates to the microsecond,
/// decimals without trailing zeros). The verifier writes live rows the same way and compares.
/// </summary>
public static class AuditSnapshot
{
    public const string Redacted = "***";

    public static string TypeName(Type type) => type.Name;

    public static string KeyOf(EntityEntry entry) =>
        string.Join("|", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => Format(entry.Property(p.Name).CurrentValue)));

    internal static string Write(IEnumerable<PropertyEntry> properties, Func<PropertyEntry, object?> value)
    {
        var values = properties
            .Where(p => !p.Metadata.IsShadowProperty())
            .Select(p => (p.Metadata.Name, Value: IsRedacted(p.Metadata.PropertyInfo) ? Redacted : Format(value(p))));
        return Write(values);
    }

    public static string Write(IEnumerable<(string Name, string? Value)> values)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            foreach (var (name, v) in values.OrderBy(x => x.Name, StringComparer.Ordinal))
            {
                if (v is null)
                {
                    json.WriteNull(name);
                }
                else
                {
                    json.WriteString(name, v);
                }
            }
            json.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    public static bool IsRedacted(PropertyInfo? property) =>
        property is not null && (property.GetCustomAttribute<Data.AuditRedactedAttribute>() is not null
            || property.Name is "PasswordHash" or "SecurityStamp" or "ConcurrencyStamp");

    public static string? Format(object? value) => value switch
    {
        null => null,
        string s => s,
        DateTime d => d.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff", CultureInfo.InvariantCulture),
        DateTimeOffset d => d.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        TimeOnly t => t.ToString("HH:mm:ss.ffffff", CultureInfo.InvariantCulture),
        decimal m => m.ToString("G29", CultureInfo.InvariantCulture),
        double f => f.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        Guid g => g.ToString("D"),
        Enum e => e.ToString(),
        byte[] bytes => Convert.ToBase64String(bytes),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
