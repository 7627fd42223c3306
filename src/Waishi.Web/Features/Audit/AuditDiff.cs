using Waishi.Web.Platform.Auditing;

namespace Waishi.Web.Features.Audit;

/// <summary>One field of an audit entry: its value before and after the change.</summary>
public sealed record FieldChange(string Field, string? Before, string? After);

public static class AuditDiff
{
    /// <summary>
    /// The fields an entry changed: on update only those whose value differs; on create every
    /// field with its first value; on delete every field with its last value.
    /// </summary>
    public static List<FieldChange> Of(AuditEntry entry)
    {
        var before = AuditVerifier.Values(entry.Before);
        var after = AuditVerifier.Values(entry.After);
        return before.Keys.Union(after.Keys)
            .Select(k => new FieldChange(k, before.GetValueOrDefault(k), after.GetValueOrDefault(k)))
            .Where(c => entry.Action != AuditAction.Update || c.Before != c.After)
            .OrderBy(c => c.Field, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The changes on one line, for the CSV export.</summary>
    public static string Describe(AuditEntry entry) => string.Join("; ", Of(entry).Select(c => entry.Action switch
    {
        AuditAction.Create => $"{c.Field}={c.After}",
        AuditAction.Delete => $"{c.Field}={c.Before}",
        _ => $"{c.Field}: {c.Before} -> {c.After}",
    }));
}
