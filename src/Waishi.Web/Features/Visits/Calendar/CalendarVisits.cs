using Microsoft.EntityFrameworkCore;
using Waishi.Web.Features.Organisation;
using Waishi.Web.Features.Visits.Letters;
using Waishi.Web.Platform.Data;

namespace Waishi.Web.Features.Visits.Calendar;

public sealed record CalendarAgendaItem(Guid Id, DateOnly Date, TimeOnly? Start, TimeOnly? End, AgendaItemKind Kind, string? Venue, string Description);

/// <summary>A visit on the calendar with its programme.</summary>
public sealed record CalendarVisit(Guid VisitId, string? Number, string Title, VisitState State, DateOnly Arrival, DateOnly Departure,
    string UnitZh, string UnitEn, IReadOnlyList<string> Visitors, IReadOnlyList<CalendarAgendaItem> Agenda, DateTime StampUtc)
{
    public bool IsHereOn(DateOnly day) => day >= Arrival && day <= Departure;
    public string Unit(bool chinese) => chinese ? UnitZh : UnitEn;
}

/// <summary>The visits (in review, approved or closed) that overlap a date range, among those the user sees.</summary>
public static class CalendarVisits
{
    public static readonly VisitState[] Shown = [VisitState.InReview, VisitState.Approved, VisitState.Closed];

    public static async Task<List<CalendarVisit>> LoadAsync(AppDbContext db, VisitDocsAccess access, DateOnly from, DateOnly to, Guid? unit, CancellationToken ct)
    {
        var query = access.Visible(db).AsNoTracking()
            .Where(v => Shown.Contains(v.State) && v.ArrivalDate != null && v.DepartureDate != null && v.ArrivalDate <= to && v.DepartureDate >= from);
        if (unit is { } u)
        {
            query = query.Where(v => v.UnitId == u);
        }
        var visits = await query.Include(v => v.Members).Include(v => v.Agenda).AsSplitQuery()
            .OrderBy(v => v.ArrivalDate).ThenBy(v => v.Number).Take(1000).ToListAsync(ct);
        var unitIds = visits.Select(v => v.UnitId).Distinct().ToList();
        var units = await db.Set<OrgUnit>().AsNoTracking().Where(x => unitIds.Contains(x.Id)).ToDictionaryAsync(x => x.Id, ct);
        return [.. visits.Select(v => new CalendarVisit(v.Id, v.Number, v.Title, v.State, v.ArrivalDate!.Value, v.DepartureDate!.Value,
            units.GetValueOrDefault(v.UnitId)?.NameZh ?? "", units.GetValueOrDefault(v.UnitId)?.NameEn ?? "",
            [.. v.Members.OrderBy(m => m.SortOrder).Select(m => m.NameLatin)],
            [.. v.Agenda.OrderBy(a => a.Date).ThenBy(a => a.StartTime).ThenBy(a => a.SortOrder)
                .Select(a => new CalendarAgendaItem(a.Id, a.Date, a.StartTime, a.EndTime, a.Kind, a.Venue, a.Description))],
            v.DecidedUtc ?? v.SubmittedUtc ?? v.CreatedUtc))];
    }
}
