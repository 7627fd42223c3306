using Microsoft.EntityFrameworkCore;
using Waishi.Web.Features.Organisation;
using Waishi.Web.Features.Partners;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Identity;

namespace Waishi.Web.Features.Conferences;

/// <summary>
/// Checks an input (its shape, that every id it names is a row of the tenant, and the lead-time
/// rule of the policy) and applies it to an application, replacing its co-organisers and expected
/// countries. The caller saves.
/// </summary>
public static class ConferenceWriter
{
    public static async Task<List<FieldError>> ApplyAsync(AppDbContext db, Conference c, ConferenceInput input, DateOnly today, CancellationToken ct)
    {
        var errors = input.Validate();
        if (input.UnitId is { } unit && !await db.Set<OrgUnit>().AnyAsync(u => u.Id == unit, ct))
        {
            errors.Add(new(nameof(ConferenceInput.UnitId), "Choose the organising unit from the list."));
        }
        if (input.OfficerUserId is { } officer && !await OfficerChoices(db).AnyAsync(u => u.Id == officer, ct))
        {
            errors.Add(new(nameof(ConferenceInput.OfficerUserId), "Choose the responsible officer from the list of global relations officers, or leave it empty."));
        }
        var rows = input.CoOrganisers ?? [];
        var partnerIds = rows.Select(r => r.PartnerId).OfType<Guid>().Distinct().ToList();
        var partners = await db.Set<Partner>().AsNoTracking().Where(p => partnerIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i].PartnerId is { } id && !partners.ContainsKey(id))
            {
                errors.Add(new($"{nameof(ConferenceInput.CoOrganisers)}[{i}].{nameof(ConferenceInput.CoOrganiserRow.PartnerId)}",
                    "Choose the partner from the list, or type the co-organiser's name instead."));
            }
        }
        if (errors.Count > 0)
        {
            return errors;
        }

        c.TitleEn = input.TitleEn!.Trim();
        c.TitleZh = ConferenceInput.Clean(input.TitleZh);
        c.StartDate = input.StartDate!.Value;
        c.EndDate = input.EndDate!.Value;
        c.Venue = input.Venue!.Trim();
        c.City = input.City!.Trim();
        c.UnitId = input.UnitId!.Value;
        c.OfficerUserId = input.OfficerUserId;
        c.ExpectedParticipants = input.ExpectedParticipants!.Value;
        c.ExpectedForeign = input.ExpectedForeign!.Value;
        c.Topics = ConferenceInput.Clean(input.Topics);
        c.SensitiveTopics = input.SensitiveTopics;
        c.BudgetTotal = input.BudgetTotal;
        c.BudgetCurrency = input.BudgetCurrency;
        c.BudgetNote = ConferenceInput.Clean(input.BudgetNote);
        c.ForeignNgo = input.ForeignNgo;
        c.NgoName = input.ForeignNgo ? ConferenceInput.Clean(input.NgoName) : null;
        c.NgoFilingNote = input.ForeignNgo ? ConferenceInput.Clean(input.NgoFilingNote) : null;
        c.LateJustification = ConferenceInput.Clean(input.LateJustification);

        var policy = await ConferencePolicy.LoadAsync(db, ct);
        if (ConferenceRules.LeadTime(c, policy, today) is { } late)
        {
            errors.Add(late);
            return errors;
        }
        ConferenceRules.Stamp(c, policy, today);

        var tracked = db.Entry(c).State != EntityState.Detached;
        var oldRows = c.CoOrganisers.ToList();
        var oldCountries = c.Countries.Where(x => !x.Actual).ToList();
        if (tracked)
        {
            db.RemoveRange(oldRows);
            db.RemoveRange(oldCountries);
        }
        c.CoOrganisers = [.. rows.Select((r, i) => new ConferenceCoOrganiser
        {
            ConferenceId = c.Id, PartnerId = r.PartnerId,
            Name = r.PartnerId is { } p ? partners[p].NameEn : r.Name!.Trim(), SortOrder = i,
        })];
        c.Countries =
        [
            .. c.Countries.Where(x => x.Actual),
            .. (input.Countries ?? []).Select((r, i) => new ConferenceCountry
            {
                ConferenceId = c.Id, CountryCode = r.CountryCode!, Count = r.Count!.Value, SortOrder = i,
            }),
        ];
        if (tracked)
        {
            db.AddRange(c.CoOrganisers);
            db.AddRange(c.Countries.Where(x => !x.Actual));
            db.Entry(c).Property(x => x.Version).IsModified = true;
        }
        return errors;
    }

    /// <summary>Users of the tenant who may be the responsible officer: global relations officers.</summary>
    public static IQueryable<AppUser> OfficerChoices(AppDbContext db) =>
        db.Users.Where(u => !u.IsDisabled && db.Set<RoleAssignment>().Any(r => r.UserId == u.Id && r.Role == Roles.OfficerGlobal));

    /// <summary>Loads an application with its rows.</summary>
    public static async Task<Conference?> LoadAsync(AppDbContext db, Guid id, bool tracking, CancellationToken ct)
    {
        var query = db.Set<Conference>().Include(c => c.CoOrganisers).Include(c => c.Countries).AsSplitQuery();
        return await (tracking ? query : query.AsNoTracking()).SingleOrDefaultAsync(c => c.Id == id, ct);
    }

    /// <summary>Removes a loaded draft with its documents (loaded without their bytes).</summary>
    public static async Task RemoveAsync(AppDbContext db, Conference c, CancellationToken ct)
    {
        var documents = await db.Set<ConferenceDocument>().Where(d => d.ConferenceId == c.Id)
            .Select(d => new ConferenceDocument { Id = d.Id, TenantId = d.TenantId, Version = d.Version, ConferenceId = d.ConferenceId, Kind = d.Kind,
                FileName = d.FileName, ContentType = d.ContentType, Size = d.Size, UploadedUtc = d.UploadedUtc, UploadedByUserId = d.UploadedByUserId })
            .ToListAsync(ct);
        db.RemoveRange(documents);
        db.Remove(c);
    }
}
