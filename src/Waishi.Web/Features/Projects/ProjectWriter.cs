using Microsoft.EntityFrameworkCore;
using Waishi.Web.Features.Agreements;
using Waishi.Web.Features.Organisation;
using Waishi.Web.Features.Partners;
using Waishi.Web.Features.People;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Identity;

namespace Waishi.Web.Features.Projects;

/// <summary>
/// Checks an input (its shape, then that every id it names is a row of the tenant) and applies it to
/// a project, replacing its partners and investigators. The caller saves.
/// </summary>
public static class ProjectWriter
{
    /// <summary>Roles whose holders may be the responsible officer of a project.</summary>
    public static readonly string[] OfficerRoles = [Roles.OfficerGlobal, Roles.OfficerHmt, Roles.Director];

    public static async Task<List<FieldError>> ApplyAsync(AppDbContext db, CooperationProject project, ProjectInput input, CancellationToken ct)
    {
        var errors = input.Validate();
        var partnerIds = input.PartnerIds ?? [];
        var known = await db.Set<Partner>().Where(p => partnerIds.Contains(p.Id)).Select(p => p.Id).ToListAsync(ct);
        if (known.Count != partnerIds.Count)
        {
            errors.Add(new(nameof(ProjectInput.PartnerIds), "Choose the partners from the list of partner institutions."));
        }
        if (input.UnitId is { } unit && !await db.Set<OrgUnit>().AnyAsync(u => u.Id == unit, ct))
        {
            errors.Add(new(nameof(ProjectInput.UnitId), "Choose our unit from the list."));
        }
        if (input.AgreementId is { } agreement && !await db.Set<Agreement>().AnyAsync(a => a.Id == agreement, ct))
        {
            errors.Add(new(nameof(ProjectInput.AgreementId), "Choose the agreement from the list, or leave it empty."));
        }
        if (input.OfficerUserId is { } officer && !await OfficerChoices(db).AnyAsync(u => u.Id == officer, ct))
        {
            errors.Add(new(nameof(ProjectInput.OfficerUserId), "Choose the responsible officer from the list of the office's staff."));
        }
        var rows = input.Investigators ?? [];
        var staffIds = rows.Where(r => r.Side == InvestigatorSide.Ours && r.StaffMemberId is not null).Select(r => r.StaffMemberId!.Value).Distinct().ToList();
        var staff = await db.Set<StaffMember>().Where(s => staffIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i].Side == InvestigatorSide.Ours && rows[i].StaffMemberId is { } id && !staff.ContainsKey(id))
            {
                errors.Add(new($"{nameof(ProjectInput.Investigators)}[{i}].{nameof(ProjectInput.InvestigatorRow.StaffMemberId)}",
                    "Choose the member of staff from the list, or type the name instead."));
            }
        }
        if (errors.Count > 0)
        {
            return errors;
        }

        project.Kind = input.Kind!.Value;
        project.TitleEn = input.TitleEn!.Trim();
        project.TitleZh = ProjectInput.Clean(input.TitleZh);
        project.UnitId = input.UnitId;
        project.FundingSource = ProjectInput.Clean(input.FundingSource);
        project.Amount = input.Amount;
        project.Currency = input.Currency;
        project.StartOn = input.StartOn!.Value;
        project.EndOn = input.EndOn;
        project.Status = input.Status!.Value;
        project.Summary = ProjectInput.Clean(input.Summary);
        project.Notes = ProjectInput.Clean(input.Notes);
        project.OfficerUserId = input.OfficerUserId;
        project.AgreementId = input.AgreementId;

        // The child rows are replaced; new rows carry their keys already, so they are added explicitly.
        var tracked = db.Entry(project).State != EntityState.Detached;
        if (tracked)
        {
            db.RemoveRange(project.Partners);
            db.RemoveRange(project.Investigators);
        }
        project.Partners = [.. partnerIds.Select((id, i) => new ProjectPartner { ProjectId = project.Id, PartnerId = id, SortOrder = i })];
        project.Investigators = [.. rows.Select((r, i) => new ProjectInvestigator
        {
            ProjectId = project.Id,
            Side = r.Side!.Value,
            StaffMemberId = r.Side == InvestigatorSide.Ours ? r.StaffMemberId : null,
            Name = ProjectInput.Clean(r.Name) ?? (r.StaffMemberId is { } s && staff.TryGetValue(s, out var member) ? member.NameZh : ""),
            Title = ProjectInput.Clean(r.Title),
            Email = ProjectInput.Clean(r.Email),
            PartnerId = r.Side == InvestigatorSide.Partner ? r.PartnerId : null,
            SortOrder = i,
        })];
        if (tracked)
        {
            db.AddRange(project.Partners);
            db.AddRange(project.Investigators);
            // A change of the partners or investigators alone is an edit of the project too.
            db.Entry(project).Property(p => p.Version).IsModified = true;
        }
        return errors;
    }

    /// <summary>Users of the tenant who may be the responsible officer.</summary>
    public static IQueryable<AppUser> OfficerChoices(AppDbContext db) =>
        db.Users.Where(u => !u.IsDisabled && db.Set<RoleAssignment>().Any(r => r.UserId == u.Id && OfficerRoles.Contains(r.Role)));
}
