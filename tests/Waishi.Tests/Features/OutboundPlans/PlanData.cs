using Microsoft.EntityFrameworkCore;
using Waishi.Tests.Features.Trips;
using Waishi.Tests.Support;
using Waishi.Web.Features.OutboundPlans;
using Waishi.Web.Features.Trips;

namespace Waishi.Tests.Features.OutboundPlans;

/// <summary>Plans and trips written straight into the database, and the plan form's fields.</summary>
public static class PlanData
{
    public static OutboundPlanLine Line(TripPeople people, string purpose, string countries, int persons, int month, decimal budget) =>
        new() { TenantId = people.TenantId, Purpose = purpose, Countries = countries, People = persons, Month = month, Budget = budget };

    public static async Task<OutboundPlan> AddPlanAsync(AppFactory app, TripPeople people, int year, PlanState state, params OutboundPlanLine[] lines)
    {
        var plan = new OutboundPlan { TenantId = people.TenantId, Year = year, UnitId = people.UnitId, State = state, CreatedUtc = DateTime.UtcNow };
        for (var i = 0; i < lines.Length; i++)
        {
            lines[i].PlanId = plan.Id;
            lines[i].SortOrder = i;
            plan.Lines.Add(lines[i]);
        }
        await app.WithDbAsync(async db =>
        {
            db.Add(plan);
            await db.SaveChangesAsync();
        });
        return plan;
    }

    public static async Task<Trip> AddTripAsync(AppFactory app, TripBuilder builder)
    {
        var trip = builder.Build();
        await app.WithDbAsync(async db =>
        {
            db.Add(trip);
            await db.SaveChangesAsync();
        });
        return trip;
    }

    public static TripBuilder InState(this TripBuilder builder, TripState state, Guid? planLine = null) =>
        builder.Change(t =>
        {
            t.State = state;
            t.SubmittedUtc = state == TripState.Draft ? null : DateTime.UtcNow;
            t.ApprovedUtc = state == TripState.Approved ? DateTime.UtcNow : null;
            t.PlanItemId = planLine;
        });

    public static Task<List<OutboundPlan>> PlansAsync(AppFactory app) =>
        app.WithDbAsync(db => db.Set<OutboundPlan>().Include(p => p.Lines).ToListAsync());

    /// <summary>The plan form with the given lines: (purpose, countries, people, month, budget).</summary>
    public static Dictionary<string, string> Form(int year, Guid unit, params (string Purpose, string Countries, int People, int Month, decimal Budget)[] lines)
    {
        var fields = new Dictionary<string, string> { ["Action"] = "save", ["Form.Year"] = year.ToString(), ["Form.UnitId"] = unit.ToString(), ["Form.Version"] = "0" };
        for (var i = 0; i < lines.Length; i++)
        {
            fields[$"Form.Lines[{i}].Purpose"] = lines[i].Purpose;
            fields[$"Form.Lines[{i}].Countries"] = lines[i].Countries;
            fields[$"Form.Lines[{i}].People"] = lines[i].People.ToString();
            fields[$"Form.Lines[{i}].Month"] = lines[i].Month.ToString();
            fields[$"Form.Lines[{i}].Budget"] = lines[i].Budget.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        return fields;
    }
}
