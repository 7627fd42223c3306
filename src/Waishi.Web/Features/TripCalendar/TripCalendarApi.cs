using System.Globalization;
using Waishi.Web.Platform.Api;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Identity;

namespace Waishi.Web.Features.TripCalendar;

/// <summary>/api/v1/trip-calendar: who is abroad between two dates, as on the calendar page.</summary>
public static class TripCalendarApi
{
    public const int MaxDays = 400;

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGroup("/trip-calendar").WithTags("Trip calendar").RequireAuthorization(Policies.TripCalendar)
            .MapGet("/", ListAsync).WithName("ListTripCalendar").Produces<IReadOnlyList<CalendarEntry>>().ProducesValidationProblem()
            .WithSummary("Approved trips and trips in publicity abroad on any day from ?from= to ?to= (yyyy-MM-dd, at most 400 days; default this month), optionally ?unitId= and ?personId=.");
    }

    private static async Task<IResult> ListAsync(HttpRequest request, HttpContext http, AppDbContext db, TimeProvider clock, ApiProblems problems, CancellationToken ct)
    {
        var query = new ApiQuery(request);
        var today = Trips.TripsSetup.Today(clock);
        var from = Date(query, "from") ?? new DateOnly(today.Year, today.Month, 1);
        var to = Date(query, "to") ?? from.AddMonths(1).AddDays(-1);
        var unit = query.Id("unitId");
        var person = query.Id("personId");
        if (query.Errors.Count == 0 && (to < from || to.DayNumber - from.DayNumber > MaxDays))
        {
            query.Errors.Add(new("to", "{0} must be on or after {1} and at most {2} days later.", "to", "from", MaxDays));
        }
        if (query.Errors.Count > 0)
        {
            return problems.Validation(query.Errors);
        }
        return TypedResults.Ok(await CalendarTrips.LoadAsync(db, http.User, from, to, unit, person, ct));
    }

    private static DateOnly? Date(ApiQuery query, string name)
    {
        var raw = query.Text(name);
        if (raw is null)
        {
            return null;
        }
        if (DateOnly.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }
        query.Errors.Add(new(name, "{0} must be a date written as yyyy-MM-dd.", name));
        return null;
    }
}
