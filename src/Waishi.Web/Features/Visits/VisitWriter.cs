using Microsoft.EntityFrameworkCore;
using Waishi.Web.Features.Organisation;
using Waishi.Web.Features.People;
using Waishi.Web.Features.Partners;
using Waishi.Web.Platform.Data;

namespace Waishi.Web.Features.Visits;

/// <summary>Applies a form or API input to a visit and checks it as a draft or as a submission;
/// the caller saves, then screens (<see cref="ScreenAsync"/>) and submits through <see cref="VisitApproval"/>.</summary>
public sealed class VisitWriter(AppDbContext db, TimeProvider clock, VisitApproval approval)
{
    public async Task<List<FieldError>> ApplyAsync(Visit visit, VisitInput input, VisitAccess access, bool submit, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        var previousUnit = visit.UnitId;
        input.ApplyTo(visit);
        if (db.Entry(visit).State != EntityState.Detached)
        {
            // New rows of a tracked visit carry their keys already, so EF would take them for
            // existing rows to update: they are added explicitly.
            db.AddRange([.. visit.Members, .. visit.Agenda, .. visit.Agenda.SelectMany(a => a.Attendees), .. visit.Budget, .. visit.Gifts]);
        }
        if (input.UnitId is not { } unitId)
        {
            errors.Add(new(nameof(Visit.UnitId), "Choose the host unit."));
        }
        else if (unitId != previousUnit && !await access.HostUnits(db).AnyAsync(u => u.Id == unitId, ct))
        {
            errors.Add(new(nameof(Visit.UnitId), "You can file visits only for your own unit or the units you are secretary or head of: choose the host unit from the list."));
        }
        errors.AddRange(await VisitRules.ValidateAsync(db, visit, submit, VisitsSetup.Today(clock), ct));
        return errors;
    }

    /// <summary>Runs the submission checks on a saved visit as it stands.</summary>
    public Task<List<FieldError>> CheckSubmissionAsync(Visit visit, CancellationToken ct) =>
        VisitRules.ValidateAsync(db, visit, submit: true, VisitsSetup.Today(clock), ct);

    /// <summary>Screens a saved visit's delegation (its reviews are saved apart from the visit).</summary>
    public Task<bool> ScreenAsync(Visit visit, CancellationToken ct) => approval.ScreenAsync(visit, ct);

    public static Task<Visit?> LoadAsync(IQueryable<Visit> visible, Guid id, CancellationToken ct) =>
        visible.Include(v => v.Members).Include(v => v.Agenda).ThenInclude(a => a.Attendees).Include(v => v.Budget).Include(v => v.Gifts)
            .AsSplitQuery().FirstOrDefaultAsync(v => v.Id == id, ct);

    /// <summary>Staff members who may host or attend, by staff number.</summary>
    public Task<List<StaffMember>> StaffChoicesAsync(CancellationToken ct) =>
        db.Set<StaffMember>().AsNoTracking().Where(s => s.IsActive).OrderBy(s => s.StaffNumber).ToListAsync(ct);

    public Task<List<Partner>> PartnerChoicesAsync(CancellationToken ct) =>
        db.Set<Partner>().AsNoTracking().OrderBy(p => p.NameEn).Take(2000).ToListAsync(ct);

    public Task<List<OrgUnit>> UnitChoicesAsync(VisitAccess access, CancellationToken ct) =>
        access.HostUnits(db).OrderBy(u => u.SortOrder).ThenBy(u => u.Code).ToListAsync(ct);
}
