using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Waishi.Web.Platform.Data;

namespace Waishi.Web.Platform.Auditing;

/// <summary>Appends entries to the hash chain. The caller holds a transaction; the chain is
/// locked for its duration so that two writers never fork it.</summary>
internal static class AuditChain
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    public static async Task<List<AuditEntry>> AppendAsync(AppDbContext db, List<CapturedChange> changes, CancellationToken ct)
    {
        if (db.IsPostgres)
        {
            // One writer of the chain at a time; released at commit or rollback.
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(7346201)", ct);
        }
        // On SQLite the transaction began IMMEDIATE, which already excludes other writers.

        var last = await db.Set<AuditEntry>().AsNoTracking()
            .OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Hash })
            .FirstOrDefaultAsync(ct);
        var sequence = last?.Sequence ?? 0;
        var previous = last?.Hash ?? Genesis;
        var now = Truncate(db.Clock.GetUtcNow().UtcDateTime);

        var added = new List<AuditEntry>(changes.Count);
        foreach (var change in changes)
        {
            var entry = new AuditEntry
            {
                Sequence = ++sequence,
                TenantId = change.TenantId,
                UserId = db.Actor.UserId,
                UserName = db.Actor.Name,
                AtUtc = now,
                EntityType = change.EntityType,
                EntityId = change.EntityId,
                Action = change.Action,
                Before = change.Before,
                After = change.After,
                PreviousHash = previous,
                Hash = "",
            };
            entry.Hash = ComputeHash(entry);
            previous = entry.Hash;
            db.Add(entry);
            added.Add(entry);
        }
        return added;
    }

    /// <summary>Both databases keep at least microseconds; milliseconds keep the hash stable everywhere.</summary>
    public static DateTime Truncate(DateTime utc) =>
        new(utc.Ticks - utc.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);

    public static string ComputeHash(AuditEntry e)
    {
        var text = string.Join('\n',
            e.PreviousHash,
            e.Sequence.ToString(CultureInfo.InvariantCulture),
            e.TenantId?.ToString("D") ?? "",
            e.UserId?.ToString("D") ?? "",
            e.UserName ?? "",
            e.AtUtc.ToString("yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture),
            e.EntityType,
            e.EntityId,
            e.Action.ToString(),
            e.Before ?? "",
            e.After ?? "");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
