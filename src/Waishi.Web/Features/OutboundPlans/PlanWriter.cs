using Microsoft.EntityFrameworkCore;
using Waishi.Web.Features.Organisation;
using Waishi.Web.Features.Trips;
using Waishi.Web.Platform.Data;

namespace Waishi.Web.Features.OutboundPlans;

/// <summary>
/// Applies a plan form or API body to a plan: the shape rules, the unit the user may enter for, one
/// plan per unit and year, and lines that trips link to stay. Lines are matched by id so that an
/// edit keeps the links of the lines it changes.
/// </summary>
public sealed class PlanWriter(AppDbContext db)
{
    public async Task<List<FieldError>> ApplyAsync(OutboundPlan plan, PlanInput input, PlanAccess access, CancellationToken ct)
    {
        var isNew = db.Entry(plan).State == EntityState.Detached;
        if (!isNew)
        {
            // Year and unit are fixed once the plan exists: trips link to its lines by both.
            input.Year = plan.Year;
            input.UnitId = plan.UnitId;
        }
        var errors = PlanRules.Check(input);
        if (input.UnitId is { } unitId)
        {
            if (!await db.Set<OrgUnit>().AnyAsync(u => u.Id == unitId, ct))
            {
                errors.Add(new("UnitId", "Choose the unit whose plan this is."));
            }
            else if (!access.MayEnter(unitId))
            {
                errors.Add(new("UnitId", "You may enter plans only for your own unit."));
            }
            else if (isNew && await db.Set<OutboundPlan>().AnyAsync(p => p.UnitId == unitId && p.Year == input.Year, ct))
            {
                errors.Add(new("Year", "This unit already has a plan for {0}; open it from the list and change it there.", input.Year));
            }
        }
        var kept = input.Lines.Where(l => l.Id is not null).Select(l => l.Id!.Value).ToHashSet();
        var removed = plan.Lines.Where(l => !kept.Contains(l.Id)).Select(l => l.Id).ToList();
        if (removed.Count > 0)
        {
            var linked = await db.Set<Trip>().AsNoTracking().Where(t => t.PlanItemId != null && removed.Contains(t.PlanItemId.Value))
                .Select(t => new { t.Title, t.Number, t.PlanItemId }).ToListAsync(ct);
            foreach (var trip in linked)
            {
                var line = plan.Lines.First(l => l.Id == trip.PlanItemId);
                errors.Add(new("Lines", "The line \"{0}\" cannot be removed: the trip \"{1}\" is linked to it.", line.Purpose, trip.Number ?? trip.Title));
            }
        }
        if (errors.Count > 0)
        {
            return errors;
        }

        plan.Year = input.Year;
        plan.UnitId = input.UnitId!.Value;
        plan.Note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim();
        foreach (var line in plan.Lines.Where(l => removed.Contains(l.Id)).ToList())
        {
            plan.Lines.Remove(line);
            db.Remove(line);
        }
        for (var i = 0; i < input.Lines.Count; i++)
        {
            var source = input.Lines[i];
            var line = source.Id is { } id ? plan.Lines.FirstOrDefault(l => l.Id == id) : null;
            if (line is null)
            {
                line = new OutboundPlanLine { PlanId = plan.Id };
                plan.Lines.Add(line);
                db.Add(line);
            }
            line.Purpose = source.Purpose!.Trim();
            line.Countries = string.Join(",", OutboundPlanLine.Split(source.Countries));
            line.People = source.People;
            line.Month = source.Month;
            line.Budget = source.Budget;
            line.SortOrder = i;
        }
        return errors;
    }

    /// <summary>Saves a change of an existing plan made from <paramref name="version"/>; null or the stale-edit error.</summary>
    public async Task<FieldError?> SaveAsync(OutboundPlan plan, long version, CancellationToken ct)
    {
        // The plan row is always written, so that its version guards the lines too.
        db.ExpectVersion(plan, version);
        db.Entry(plan).Property(p => p.State).IsModified = true;
        return await db.TrySaveAsync(ct);
    }
}
