using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Tenancy;

namespace Waishi.Web.Platform.Auditing;

public enum AuditProblemKind
{
    /// <summary>An entry's content no longer matches its hash, or it does not follow the entry before it.</summary>
    Tampered,
    /// <summary>A sequence number is missing from the chain.</summary>
    Missing,
    /// <summary>A live row differs from the after-state of its last entry.</summary>
    RowChanged,
    /// <summary>A row exists that no entry created.</summary>
    RowUnrecorded,
    /// <summary>A row is gone although its last entry is not a delete.</summary>
    RowRemoved,
}

/// <summary>One finding. <see cref="Template"/> is English with {0}-style placeholders and the key of
/// its translation; <see cref="Message"/> is the English text.</summary>
public sealed record AuditProblem(AuditProblemKind Kind, long? Sequence, string? EntityType, string? EntityId,
    IReadOnlyList<string> Fields, string Template, params object[] Arguments)
{
    public string Message => string.Format(System.Globalization.CultureInfo.InvariantCulture, Template, Arguments);
}

public sealed record AuditVerification(long Entries, int RowsChecked, IReadOnlyList<AuditProblem> Problems)
{
    public bool IsIntact => Problems.Count == 0;
}

/// <summary>
/// Checks the audit log: walks the hash chain in sequence order and names the first entry that was
/// altered or is missing, then compares every live audited row with the after-state of its last
/// entry, naming rows changed, added or removed behind the application's back.
/// </summary>
public sealed class AuditVerifier(AppDbContext db, TenantContext tenant)
{
    private sealed record LastEntry(long Sequence, AuditAction Action, string? After, Guid? TenantId);

    /// <param name="rowsOfTenant">Only compare rows of this tenant (an auditor sees only their own);
    /// null compares every row. The chain is always walked whole: it is one chain.</param>
    public async Task<AuditVerification> VerifyAsync(Guid? rowsOfTenant = null, CancellationToken ct = default)
    {
        using var system = tenant.AsSystem();
        var problems = new List<AuditProblem>();
        var last = new Dictionary<(string Type, string Id), LastEntry>();

        long expected = 1;
        var previous = AuditChain.Genesis;
        var chainBroken = false;
        await foreach (var entry in db.Set<AuditEntry>().AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(ct))
        {
            last[(entry.EntityType, entry.EntityId)] = new LastEntry(entry.Sequence, entry.Action, entry.After, entry.TenantId);
            if (!chainBroken)
            {
                // An auditor of one tenant is not told which record of another tenant is involved.
                var describe = rowsOfTenant is null || entry.TenantId == rowsOfTenant;
                var problem = CheckLink(entry, expected, previous, describe);
                if (problem is not null)
                {
                    problems.Add(problem);
                    chainBroken = true; // everything after the first break follows from it
                }
            }
            expected = entry.Sequence + 1;
            previous = entry.Hash;
        }

        var rows = 0;
        foreach (var type in AuditedTypes())
        {
            rows += await CompareRowsAsync(type, last, rowsOfTenant, problems, ct);
        }
        return new AuditVerification(expected - 1, rows, problems);
    }

    private static AuditProblem? CheckLink(AuditEntry entry, long expected, string previous, bool describe)
    {
        if (entry.Sequence != expected)
        {
            return entry.Sequence - 1 == expected
                ? new AuditProblem(AuditProblemKind.Missing, expected, null, null, [],
                    "Audit chain broken: entry {0} is missing (deleted); the chain jumps to entry {1}.", expected, entry.Sequence)
                : new AuditProblem(AuditProblemKind.Missing, expected, null, null, [],
                    "Audit chain broken: entries {0} to {1} are missing (deleted); the chain jumps to entry {2}.", expected, entry.Sequence - 1, entry.Sequence);
        }
        if (AuditChain.ComputeHash(entry) != entry.Hash)
        {
            return describe
                ? new AuditProblem(AuditProblemKind.Tampered, entry.Sequence, entry.EntityType, entry.EntityId, [],
                    "Audit chain broken: entry {0} ({1} of {2} {3}) was altered; its content does not match its hash.",
                    entry.Sequence, entry.Action.ToString(), entry.EntityType, entry.EntityId)
                : new AuditProblem(AuditProblemKind.Tampered, entry.Sequence, null, null, [],
                    "Audit chain broken: entry {0} was altered; its content does not match its hash.", entry.Sequence);
        }
        if (entry.PreviousHash != previous)
        {
            return describe
                ? new AuditProblem(AuditProblemKind.Tampered, entry.Sequence, entry.EntityType, entry.EntityId, [],
                    "Audit chain broken: entry {0} ({1} of {2} {3}) does not follow entry {4}; an entry before it was altered or replaced.",
                    entry.Sequence, entry.Action.ToString(), entry.EntityType, entry.EntityId, entry.Sequence - 1)
                : new AuditProblem(AuditProblemKind.Tampered, entry.Sequence, null, null, [],
                    "Audit chain broken: entry {0} does not follow entry {1}; an entry before it was altered or replaced.",
                    entry.Sequence, entry.Sequence - 1);
        }
        return null;
    }

    private IEnumerable<IEntityType> AuditedTypes() => db.Model.GetEntityTypes()
        .Where(t => !t.IsOwned() && t.BaseType is null && t.GetTableName() is not null
            && !t.HasSharedClrType && AuditCapture.IsAudited(t.ClrType))
        .OrderBy(t => t.ClrType.Name, StringComparer.Ordinal);

    private async Task<int> CompareRowsAsync(IEntityType type, Dictionary<(string Type, string Id), LastEntry> last,
        Guid? rowsOfTenant, List<AuditProblem> problems, CancellationToken ct)
    {
        var name = AuditSnapshot.TypeName(type.ClrType);
        var owned = typeof(ITenantOwned).IsAssignableFrom(type.ClrType);
        var seen = new HashSet<string>();
        var count = 0;
        var rows = (IQueryable<object>)typeof(AuditVerifier).GetMethod(nameof(Rows), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!
            .MakeGenericMethod(type.ClrType).Invoke(this, [])!;
        foreach (var row in await rows.ToListAsync(ct))
        {
            if (rowsOfTenant is { } t && !(owned ? ((ITenantOwned)row).TenantId == t : row is Tenant own && own.Id == t))
            {
                continue;
            }
            count++;
            var entry = db.Entry(row);
            var id = AuditSnapshot.KeyOf(entry);
            seen.Add(id);
            if (!last.TryGetValue((name, id), out var recorded) || recorded.Action == AuditAction.Delete)
            {
                problems.Add(new AuditProblem(AuditProblemKind.RowUnrecorded, recorded?.Sequence, name, id, [],
                    "{0} {1} exists but the audit log has no entry that created it: it was inserted behind the application's back.", name, id));
                continue;
            }
            var live = AuditSnapshot.Write(entry.Properties, p => p.CurrentValue);
            if (live != recorded.After)
            {
                var fields = DifferingFields(recorded.After, live);
                problems.Add(new AuditProblem(AuditProblemKind.RowChanged, recorded.Sequence, name, id, fields,
                    "{0} {1} was changed behind the application's back: {2} differ(s) from audit entry {3}.", name, id, string.Join(", ", fields), recorded.Sequence));
            }
        }
        foreach (var ((entityType, id), recorded) in last)
        {
            if (entityType == name && recorded.Action != AuditAction.Delete && !seen.Contains(id)
                && (rowsOfTenant is null || (owned ? recorded.TenantId == rowsOfTenant : id == rowsOfTenant.Value.ToString("D"))))
            {
                problems.Add(new AuditProblem(AuditProblemKind.RowRemoved, recorded.Sequence, name, id, [],
                    "{0} {1} is gone but its last audit entry ({2}) is not a delete: it was deleted behind the application's back.", name, id, recorded.Sequence));
            }
        }
        return count;
    }

    private IQueryable<object> Rows<T>() where T : class => db.Set<T>().AsNoTracking();

    /// <summary>Names of the fields whose values differ between two snapshots.</summary>
    public static List<string> DifferingFields(string? before, string? after)
    {
        var a = Values(before);
        var b = Values(after);
        return a.Keys.Union(b.Keys).Where(k => a.GetValueOrDefault(k) != b.GetValueOrDefault(k))
            .OrderBy(k => k, StringComparer.Ordinal).ToList();
    }

    public static Dictionary<string, string?> Values(string? snapshot)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(snapshot))
        {
            return values;
        }
        using var json = JsonDocument.Parse(snapshot);
        foreach (var p in json.RootElement.EnumerateObject())
        {
            values[p.Name] = p.Value.ValueKind == JsonValueKind.Null ? null : p.Value.ToString();
        }
        return values;
    }
}
