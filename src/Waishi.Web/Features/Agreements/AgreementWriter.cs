using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Waishi.Web.Features.Organisation;
using Waishi.Web.Features.Partners;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Identity;

namespace Waishi.Web.Features.Agreements;

/// <summary>A partner as the form's party lists show it.</summary>
public sealed record PartnerChoice(Guid Id, string NameEn, string? NameZh, string CountryCode, PartnerRegion Region)
{
    public string Label(bool chinese) => $"{(chinese && NameZh is not null ? NameZh : NameEn)} ({CountryCode})";
}

public sealed record UserChoice(Guid Id, string DisplayName);

/// <summary>
/// Applies a form or API input to an agreement: checks its shape, that the partners, the signing
/// unit and the officer are the tenant's, and that the user keeps agreements with these partners.
/// The caller saves.
/// </summary>
public sealed class AgreementWriter(AppDbContext db)
{
    public async Task<List<FieldError>> ApplyAsync(Agreement agreement, AgreementInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        var errors = input.Validate();
        var ids = input.Parties.Select(p => p.PartnerId!.Value).Distinct().ToList();
        var partners = await db.Set<Partner>().AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new { p.Id, p.Region }).ToDictionaryAsync(p => p.Id, p => p.Region, ct);
        for (var i = 0; i < input.Parties.Count; i++)
        {
            if (!partners.ContainsKey(input.Parties[i].PartnerId!.Value))
            {
                errors.Add(new($"Parties[{i}].PartnerId", "Party {0}: there is no such partner; choose one from the list.", i + 1));
            }
        }
        if (input.SigningUnitId is { } unitId && !await db.Set<OrgUnit>().AnyAsync(u => u.Id == unitId && u.IsActive, ct))
        {
            errors.Add(new(nameof(AgreementInput.SigningUnitId), "Choose the signing unit from the list of the organisation's units."));
        }
        if (input.OfficerUserId is { } officerId && !await Officers().AnyAsync(u => u.Id == officerId, ct))
        {
            errors.Add(new(nameof(AgreementInput.OfficerUserId), "Choose the responsible officer among the office's officers and directors."));
        }
        if (partners.Count > 0 && !AgreementAccess.MayManage(user, [.. partners.Values.Distinct()]))
        {
            errors.Add(new("Parties[0].PartnerId", AgreementAccess.NotYoursMessage));
        }
        if (errors.Count > 0)
        {
            return errors;
        }
        input.ApplyTo(agreement);
        if (db.Entry(agreement).State != EntityState.Detached)
        {
            // New rows of a tracked agreement carry their keys already, so EF would take them for
            // existing rows to update: they are added explicitly, and the agreement's version moves
            // even when only rows changed.
            db.AddRange([.. agreement.Parties, .. agreement.Signatories, .. agreement.Quotas]);
            db.Entry(agreement).Property(a => a.Title).IsModified = true;
        }
        return errors;
    }

    /// <summary>Loads an agreement with its rows, tracked.</summary>
    public static Task<Agreement?> LoadAsync(AppDbContext db, Guid id, CancellationToken ct) =>
        db.Set<Agreement>().Include(a => a.Parties).Include(a => a.Signatories).Include(a => a.Quotas)
            .AsSplitQuery().FirstOrDefaultAsync(a => a.Id == id, ct);

    /// <summary>Users who may be responsible for an agreement: the office's officers and directors.</summary>
    public IQueryable<AppUser> Officers()
    {
        string[] roles = [.. Roles.Officers, Roles.Director];
        var holders = db.Set<RoleAssignment>().Where(r => roles.Contains(r.Role)).Select(r => r.UserId);
        return db.Users.Where(u => !u.IsDisabled && holders.Contains(u.Id));
    }

    public Task<List<UserChoice>> OfficerChoicesAsync(CancellationToken ct) =>
        Officers().OrderBy(u => u.DisplayName).Select(u => new UserChoice(u.Id, u.DisplayName)).ToListAsync(ct);

    public Task<List<OrgUnit>> UnitChoicesAsync(CancellationToken ct) =>
        db.Set<OrgUnit>().AsNoTracking().Where(u => u.IsActive).OrderBy(u => u.SortOrder).ThenBy(u => u.Code).ToListAsync(ct);

    /// <summary>Partners matching <paramref name="search"/> (any name, normalised; all when empty), at most
    /// <paramref name="take"/>, plus the ones already chosen.</summary>
    public async Task<List<PartnerChoice>> PartnerChoicesAsync(string? search, IEnumerable<Guid> chosen, int take, CancellationToken ct)
    {
        var keep = chosen.ToList();
        var found = await new PartnerFilter { Q = search }.Apply(db).Take(take)
            .Select(p => new PartnerChoice(p.Id, p.NameEn, p.NameZh, p.CountryCode, p.Region)).ToListAsync(ct);
        var missing = keep.Except(found.Select(p => p.Id)).ToList();
        if (missing.Count > 0)
        {
            found.AddRange(await db.Set<Partner>().AsNoTracking().Where(p => missing.Contains(p.Id))
                .Select(p => new PartnerChoice(p.Id, p.NameEn, p.NameZh, p.CountryCode, p.Region)).ToListAsync(ct));
        }
        return [.. found.OrderBy(p => p.NameEn, StringComparer.OrdinalIgnoreCase)];
    }
}
