using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Identity;

namespace Waishi.Web.Features.DueDiligence.Profiles;

/// <summary>What the pages and the API share when they write a profile: loading it with its
/// children, moving the screening stamp, and the reviewer's name and today's date.</summary>
public sealed class ProfileWriter(AppDbContext db, TimeProvider clock, IScreeningInvalidation invalidation)
{
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(clock.GetUtcNow().UtcDateTime, Zone));

    public Task<InstitutionProfile?> LoadAsync(Guid id, CancellationToken ct) =>
        db.Set<InstitutionProfile>().Include(p => p.Addresses).Include(p => p.Sources).FirstOrDefaultAsync(p => p.Id == id, ct);

    public InstitutionProfile New() => new() { CreatedUtc = clock.GetUtcNow().UtcDateTime, RiskLevel = RiskLevel.Unrated };

    public static string ReviewerOf(ClaimsPrincipal user) => user.FindFirstValue(WaishiClaims.DisplayName) ?? user.Identity?.Name ?? "";

    /// <summary>Whether the partner exists in this tenant (the query filter keeps other tenants' out).</summary>
    public async Task<bool> PartnerExistsAsync(Guid? partnerId, CancellationToken ct) =>
        partnerId is not { } id || await db.Set<Partners.Partner>().AnyAsync(p => p.Id == id, ct);

    /// <summary>Saves; when <paramref name="screeningChanged"/> the tenant's stamp moves in the same save.
    /// Returns the stale-edit error instead of throwing.</summary>
    public async Task<FieldError?> SaveAsync(InstitutionProfile profile, bool screeningChanged, CancellationToken ct)
    {
        DueDiligenceStamp? stamp = null;
        if (screeningChanged)
        {
            stamp = await DueDiligenceStamps.BumpAsync(db, profile.TenantId == Guid.Empty ? (db.Tenant.TenantId ?? Guid.Empty) : profile.TenantId, clock, ct);
        }
        if (await db.TrySaveAsync(ct) is { } stale)
        {
            return stale;
        }
        if (stamp is not null)
        {
            await invalidation.ChangedAsync(stamp.TenantId, stamp.Value, ct);
        }
        return null;
    }
}
