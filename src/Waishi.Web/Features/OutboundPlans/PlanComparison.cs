using Microsoft.EntityFrameworkCore;
using Waishi.Web.Features.Organisation;
using Waishi.Web.Features.Trips;
using Waishi.Web.Platform.Data;

namespace Waishi.Web.Features.OutboundPlans;

/// <summary>
/// Plan versus actual for a year: per unit, the planned trips, people, countries and budget
/// against the trips filed (every state of <see cref="Trip.Live"/>) and approved, by departure
/// year; with the plan lines no live trip links to and the live trips that link to no line of the
/// unit's plan for that year.
/// </summary>
public static class PlanComparison
{
    public sealed record Figures(int Trips, int People, int Countries, decimal Budget);

    public sealed record TripRef(Guid Id, string? Number, string Title, TripState State, DateOnly? DepartureDate, int People, decimal Budget, Guid? PlanItemId);

    public sealed record LineRef(Guid Id, string Purpose, string Countries, int People, int Month, decimal Budget);

    public sealed record UnitRow(Guid UnitId, string UnitZh, string UnitEn, PlanState? PlanState, Guid? PlanId,
        Figures Planned, Figures Filed, Figures Approved, IReadOnlyList<LineRef> LinesWithoutTrip, IReadOnlyList<TripRef> TripsOutsidePlan)
    {
        public string Unit(bool chinese) => chinese ? UnitZh : UnitEn;
    }

    public sealed record Result(int Year, IReadOnlyList<UnitRow> Units, Figures Planned, Figures Filed, Figures Approved, int LinesWithoutTrip, int TripsOutsidePlan);

    /// <summary>The comparison for the units the user may see (or one of them), units with neither plan nor trips left out.</summary>
    public static async Task<Result> ComputeAsync(AppDbContext db, PlanAccess access, int year, Guid? unit, CancellationToken ct)
    {
        var plans = await access.Visible(db).AsNoTracking().Include(p => p.Lines)
            .Where(p => p.Year == year && (unit == null || p.UnitId == unit)).ToListAsync(ct);
        var from = new DateOnly(year, 1, 1);
        var until = new DateOnly(year + 1, 1, 1);
        var trips = db.Set<Trip>().AsNoTracking()
            .Where(t => Trip.Live.Contains(t.State) && t.DepartureDate >= from && t.DepartureDate < until);
        if (unit is { } one)
        {
            trips = trips.Where(t => t.UnitId == one);
        }
        else if (!access.SeesAll)
        {
            var units = access.Units.ToList();
            trips = trips.Where(t => units.Contains(t.UnitId));
        }
        var tripRows = await trips.Include(t => t.Destinations).Include(t => t.Members).Include(t => t.Budget).ToListAsync(ct);
        var lineIds = plans.SelectMany(p => p.Lines).Select(l => l.Id).ToList();
        // A line counts as carried out by any live trip, whatever year it departs in.
        var linkedLines = (await db.Set<Trip>().AsNoTracking()
            .Where(t => Trip.Live.Contains(t.State) && t.PlanItemId != null && lineIds.Contains(t.PlanItemId.Value))
            .Select(t => t.PlanItemId!.Value).ToListAsync(ct)).ToHashSet();
        var unitIds = plans.Select(p => p.UnitId).Concat(tripRows.Select(t => t.UnitId)).Distinct().ToList();
        var orgUnits = await db.Set<OrgUnit>().AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToListAsync(ct);
        var order = UnitTree.Order(orgUnits);

        var rows = new List<UnitRow>();
        foreach (var node in order)
        {
            var plan = plans.FirstOrDefault(p => p.UnitId == node.Unit.Id);
            var lines = plan?.Lines.OrderBy(l => l.SortOrder).ToList() ?? [];
            var own = lines.Select(l => l.Id).ToHashSet();
            var unitTrips = tripRows.Where(t => t.UnitId == node.Unit.Id).OrderBy(t => t.DepartureDate).ToList();
            rows.Add(new UnitRow(node.Unit.Id, node.Unit.NameZh, node.Unit.NameEn, plan?.State, plan?.Id,
                Planned(lines), Actual(unitTrips), Actual([.. unitTrips.Where(t => t.State == TripState.Approved)]),
                [.. lines.Where(l => !linkedLines.Contains(l.Id)).Select(Ref)],
                [.. unitTrips.Where(t => t.PlanItemId is not { } line || !own.Contains(line)).Select(Ref)]));
        }
        var allLines = plans.SelectMany(p => p.Lines).ToList();
        return new Result(year, rows, Planned(allLines), Actual(tripRows), Actual([.. tripRows.Where(t => t.State == TripState.Approved)]),
            rows.Sum(r => r.LinesWithoutTrip.Count), rows.Sum(r => r.TripsOutsidePlan.Count));
    }

    private static Figures Planned(IReadOnlyCollection<OutboundPlanLine> lines) =>
        new(lines.Count, lines.Sum(l => l.People), lines.SelectMany(l => l.CountryCodes).Distinct().Count(), lines.Sum(l => l.Budget));

    private static Figures Actual(IReadOnlyCollection<Trip> trips) =>
        new(trips.Count, trips.Sum(Travellers), trips.SelectMany(t => t.Destinations).Select(d => d.CountryCode).Distinct().Count(),
            trips.Sum(t => t.Budget.Sum(b => b.Amount)));

    private static int Travellers(Trip trip) => trip.Members.Select(m => m.StaffMemberId).Distinct().Count();

    private static LineRef Ref(OutboundPlanLine l) => new(l.Id, l.Purpose, l.Countries, l.People, l.Month, l.Budget);

    private static TripRef Ref(Trip t) =>
        new(t.Id, t.Number, t.Title, t.State, t.DepartureDate, Travellers(t), t.Budget.Sum(b => b.Amount), t.PlanItemId);
}
