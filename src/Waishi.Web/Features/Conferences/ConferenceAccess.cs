using System.Security.Claims;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Identity;

namespace Waishi.Web.Features.Conferences;

/// <summary>
/// Who sees and edits which applications. Global relations officers, directors, leaders, tenant
/// admins and auditors see every application of the tenant; unit heads and secretaries those of
/// their units; everyone those they filed. Drafts and returned applications are edited by their
/// filer, a secretary of the organising unit or a global relations officer; the summary of an
/// approved conference by the same people.
/// </summary>
public sealed record ConferenceAccess(ClaimsPrincipal User, Guid UserId, IReadOnlyList<Guid> Units)
{
    public bool SeesAll => User.HasAnyRole(Roles.OfficerGlobal, Roles.Director, Roles.Leader, Roles.TenantAdmin, Roles.Auditor);

    public static ConferenceAccess For(ClaimsPrincipal user) =>
        new(user, user.GetUserId() ?? Guid.Empty,
            [.. user.UnitsFor(Roles.UnitSecretary).Concat(user.UnitsFor(Roles.UnitHead)).Distinct()]);

    public IQueryable<Conference> Visible(AppDbContext db)
    {
        var all = db.Set<Conference>();
        if (SeesAll)
        {
            return all;
        }
        var units = Units.ToList();
        var me = UserId;
        return all.Where(c => c.FiledByUserId == me || units.Contains(c.UnitId));
    }

    public bool Sees(Conference c) => SeesAll || c.FiledByUserId == UserId || Units.Contains(c.UnitId);

    private bool Keeps(Conference c) =>
        c.FiledByUserId == UserId || User.HasRole(Roles.OfficerGlobal) || User.UnitsFor(Roles.UnitSecretary).Contains(c.UnitId);

    public bool CanEdit(Conference c) => c.State is ConferenceState.Draft or ConferenceState.Returned && Keeps(c);

    public bool CanDelete(Conference c) => c.State == ConferenceState.Draft && Keeps(c);

    /// <summary>The summary is recorded once the conference is approved and has begun.</summary>
    public bool CanSummarise(Conference c, DateOnly today) => c.State == ConferenceState.Approved && c.StartDate <= today && Keeps(c);

    /// <summary>Who may file: anyone who uses the module except auditors.</summary>
    public bool CanFile => !User.HasRole(Roles.Auditor) || User.HasAnyRole(Roles.Applicant, Roles.UnitSecretary, Roles.OfficerGlobal);
}
