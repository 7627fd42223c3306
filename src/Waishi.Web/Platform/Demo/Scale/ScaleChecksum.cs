using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Tenancy;

namespace Waishi.Web.Platform.Demo.Scale;

/// <summary>
/// A content checksum of every table of the model: each row written as the audit log writes it
/// (values in a form that is the same on SQLite and PostgreSQL), rows sorted, tables in name order.
/// Two databases generated from one seed have the same checksum, whichever database they are on.
/// Reads whole tables: meant for the small scale.
/// </summary>
public sealed class ScaleChecksum(AppDbContext db, TenantContext tenant)
{
    public async Task<IReadOnlyDictionary<string, string>> TablesAsync(CancellationToken ct = default)
    {
        using var system = tenant.AsSystem();
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var type in db.Model.GetEntityTypes().Where(t => !t.IsOwned() && t.BaseType is null && t.GetTableName() is not null && !t.HasSharedClrType
            // Change stamps are random by design (ADR 11), so they are left out of what the seed decides.
            && t.ClrType != typeof(ChangeStamp)))
        {
            var table = BulkTable.For(db, type.ClrType);
            var rows = (IQueryable<object>)typeof(ScaleChecksum).GetMethod(nameof(Rows), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!
                .MakeGenericMethod(type.ClrType).Invoke(this, [])!;
            var lines = new List<string>();
            foreach (var row in await rows.ToListAsync(ct))
            {
                lines.Add(table.Snapshot(row, redact: false));
            }
            lines.Sort(StringComparer.Ordinal);
            var text = string.Join('\n', lines);
            result[table.Table] = $"{lines.Count}:{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))}";
        }
        return result;
    }

    public async Task<string> TotalAsync(CancellationToken ct = default)
    {
        var tables = await TablesAsync(ct);
        var text = string.Join('\n', tables.Select(t => $"{t.Key}={t.Value}"));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    private IQueryable<object> Rows<T>() where T : class => db.Set<T>().AsNoTracking();
}
