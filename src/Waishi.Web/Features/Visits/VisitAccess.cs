using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Waishi.Web.Features.Organisation;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Identity;

namespace Waishi.Web.Features.Visits;

/// <summary>
/// Who sees and edits which visits. Global relations officers, directors, leaders and security
/// officers see every visit of the tenant; unit heads and secretaries the visits their units host;
/// everyone the visits they filed, look after as host contact or attend an agenda item of. Drafts
/// and returned requests are edited by the filer, the host unit's secretary or a global relations
/// officer.
/// </summary>
public sealed record VisitAccess(ClaimsPrincipal User, Guid UserId, Guid? StaffId, Guid? StaffUnitId, IReadOnlyList<Guid> Units)
{
    public bool SeesAll => User.HasAnyRole(Roles.OfficerGlobal, Roles.Director, Roles.Leader, Roles.SecurityOfficer);

    public bool IsOfficer => User.HasRole(Roles.OfficerGlobal);

    public static async Task<VisitAccess> ForAsync(AppDbContext db, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var userId = user.GetUserId() ?? Guid.Empty;
        var staffId = await StaffOf.UserAsync(db, user, userId, ct);
        var staffUnit = staffId is { } s
            ? await db.Set<People.StaffMember>().Where(m => m.Id == s).Select(m => m.UnitId).FirstOrDefaultAsync(ct)
            : null;
        var units = user.UnitsFor(Roles.UnitSecretary).Concat(user.UnitsFor(Roles.UnitHead)).Distinct().ToList();
        return new VisitAccess(user, userId, staffId, staffUnit, units);
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
        return visits.Where(v => units.Contains(v.UnitId) || v.FiledByUserId == userId || (staffId != null && v.HostContactId == staffId)
            || db.Set<VisitAgendaItem>().Any(a => a.VisitId == v.Id
                && db.Set<VisitAgendaAttendee>().Any(x => x.AgendaItemId == a.Id && x.StaffMemberId == staffId)));
    }

    public bool CanEdit(Visit visit) =>
        visit.IsEditable
        && (visit.FiledByUserId == UserId || IsOfficer || User.UnitsFor(Roles.UnitSecretary).Contains(visit.UnitId));

    /// <summary>A returned request is withdrawn, an approved visit that has not begun is cancelled,
    /// by the filer, the host unit's secretary or a global relations officer.</summary>
    public bool CanWithdraw(Visit visit) => visit.State == VisitState.Returned && CanAct(visit);

    public bool CanCancel(Visit visit, DateOnly today) =>
        visit.State == VisitState.Approved && (visit.ArrivalDate is null || visit.ArrivalDate > today) && CanAct(visit);

    private bool CanAct(Visit visit) =>
        visit.FiledByUserId == UserId || IsOfficer || User.UnitsFor(Roles.UnitSecretary).Contains(visit.UnitId);

    /// <summary>The units this user may file a visit for: any for a global relations officer,
    /// otherwise the units she is secretary or head of, and her own unit.</summary>
    public IQueryable<OrgUnit> HostUnits(AppDbContext db)
    {
        var all = db.Set<OrgUnit>().AsNoTracking();
        if (IsOfficer)
        {
            return all;
        }
        var units = Units.ToList();
        var own = StaffUnitId;
        return all.Where(u => units.Contains(u.Id) || u.Id == own);
    }
}
