using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Identity;

namespace Waishi.Web.Features.Visits.Letters;

/// <summary>
/// Who sees and acts on a visit's letters, closure and calendar entries. The global relations
/// officers, directors, leaders and tenant admins see every visit of the tenant; unit secretaries
/// and heads the visits of their units; everyone the visits they filed or look after as host
/// contact. Letters are issued and revoked by the global relations officers and directors; the
/// closure is recorded by the host (filer, host contact, the unit's secretary or head) or a global
/// relations officer; summaries are published by the global relations officers and directors.
/// </summary>
public sealed record VisitDocsAccess(ClaimsPrincipal User, Guid UserId, Guid? StaffId, IReadOnlyList<Guid> Units)
{
    public static readonly string[] OfficeRoles = [Roles.OfficerGlobal, Roles.Director, Roles.Leader, Roles.TenantAdmin];
    public static readonly string[] LetterRoles = [Roles.OfficerGlobal, Roles.Director];
    public static readonly string[] TemplateRoles = [Roles.OfficerGlobal, Roles.TenantAdmin];

    public bool SeesAll => User.HasAnyRole(OfficeRoles);
    public bool CanIssueLetters => User.HasAnyRole(LetterRoles);
    public bool CanEditTemplate => User.HasAnyRole(TemplateRoles);
    public bool CanPublish => User.HasAnyRole(LetterRoles);

    public static async Task<VisitDocsAccess> ForAsync(AppDbContext db, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var userId = user.GetUserId() ?? Guid.Empty;
        var staffId = await StaffOf.UserAsync(db, user, userId, ct);
        var units = user.UnitsFor(Roles.UnitSecretary).Concat(user.UnitsFor(Roles.UnitHead)).Distinct().ToList();
        return new VisitDocsAccess(user, userId, staffId, units);
    }

    public IQueryable<Visit> Visible(AppDbContext db)
    {
        var visits = db.Set<Visit>();
        if (SeesAll)
        {
            return visits;
        }
        var units = Units.ToList();
        var userId = UserId;
        var staffId = StaffId;
        return visits.Where(v => units.Contains(v.UnitId) || v.FiledByUserId == userId || (staffId != null && v.HostContactId == staffId));
    }

    /// <summary>The host records what happened once the visit is approved (and corrects it after closing).</summary>
    public bool CanClose(Visit visit) =>
        visit.State is VisitState.Approved or VisitState.Closed
        && (visit.FiledByUserId == UserId || (StaffId != null && visit.HostContactId == StaffId)
            || Units.Contains(visit.UnitId) || User.HasRole(Roles.OfficerGlobal));
}
