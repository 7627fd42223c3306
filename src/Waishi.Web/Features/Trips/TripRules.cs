using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Waishi.Web.Features.People;
using Waishi.Web.Platform.Data;

namespace Waishi.Web.Features.Trips;

/// <summary>
/// What makes a trip application valid. A draft only needs a sound shape (a title, real people,
/// valid codes and amounts, dates in order); a submission must also be complete and pass the
/// tenant's policy checks. Each message names the rule and the value that broke it. Fields are
/// property paths of <see cref="Trip"/> ("Members[1].StaffMemberId").
/// </summary>
public static partial class TripRules
{
    [GeneratedRegex(@"^[A-Z]{2}$")]
    private static partial Regex CountryPattern();

    public static async Task<List<FieldError>> ValidateDraftAsync(AppDbContext db, Trip trip, CancellationToken ct = default)
    {
        var errors = new List<FieldError>();
        await ShapeAsync(db, trip, errors, ct);
        return errors;
    }

    public static async Task<List<FieldError>> ValidateSubmissionAsync(
        AppDbContext db, Trip trip, TripPolicy policy, DateOnly today, IEnumerable<ITripEligibility> eligibility, CancellationToken ct = default)
    {
        var errors = new List<FieldError>();
        var members = await ShapeAsync(db, trip, errors, ct);
        Complete(trip, errors);
        foreach (var (member, i) in trip.Members.Select((m, i) => (m, i)))
        {
            if (members.GetValueOrDefault(member.StaffMemberId) is { IsActive: false } person)
            {
                errors.Add(new($"Members[{i}].StaffMemberId", "{0} is no longer active in the staff directory and cannot travel.", person.NameZh));
            }
        }
        if (trip.DepartureDate is { } departure && trip.ReturnDate is { } ret && ret >= departure)
        {
            Itinerary(trip, departure, ret, errors);
            Limits(trip, policy, errors);
            LeadTime(trip, policy, today, departure, errors);
            await TripsPerYearAsync(db, trip, policy, departure.Year, members, errors, ct);
        }
        foreach (var check in eligibility)
        {
            errors.AddRange(await check.CheckAsync(trip, [.. members.Values], policy, ct));
        }
        return errors;
    }

    /// <summary>
    /// Checks on an amendment of an approved trip: <paramref name="proposed"/> carries the trip with
    /// the new dates, destinations and members. Its shape, the delegation, the limits of its type
    /// and the other modules' checks apply; the lead time does not (an amendment is late by nature),
    /// nor does the itinerary, which stays the plan it was approved with.
    /// </summary>
    public static async Task<List<FieldError>> ValidateAmendmentAsync(
        AppDbContext db, Trip proposed, TripPolicy policy, IEnumerable<ITripEligibility> eligibility, CancellationToken ct = default)
    {
        var errors = new List<FieldError>();
        var members = await ShapeAsync(db, proposed, errors, ct);
        Complete(proposed, errors, itinerary: false);
        foreach (var (member, i) in proposed.Members.Select((m, i) => (m, i)))
        {
            if (members.GetValueOrDefault(member.StaffMemberId) is { IsActive: false } person)
            {
                errors.Add(new($"Members[{i}].StaffMemberId", "{0} is no longer active in the staff directory and cannot travel.", person.NameZh));
            }
        }
        if (proposed.DepartureDate is { } departure && proposed.ReturnDate is { } ret && ret >= departure)
        {
            Limits(proposed, policy, errors);
        }
        foreach (var check in eligibility)
        {
            errors.AddRange(await check.CheckAsync(proposed, [.. members.Values], policy, ct));
        }
        return errors;
    }

    /// <summary>Checks every draft must pass; returns the delegation's staff members that exist.</summary>
    private static async Task<Dictionary<Guid, StaffMember>> ShapeAsync(AppDbContext db, Trip trip, List<FieldError> errors, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(trip.Title))
        {
            errors.Add(new(nameof(Trip.Title), "Enter a title for the trip."));
        }
        if (!Enum.IsDefined(trip.Type))
        {
            errors.Add(new(nameof(Trip.Type), "Choose a trip type from the list."));
        }
        Length(errors, nameof(Trip.Title), trip.Title, 200, "Title");
        Length(errors, nameof(Trip.Purpose), trip.Purpose, 2000, "Purpose");
        Length(errors, nameof(Trip.Tasks), trip.Tasks, 4000, "Tasks");
        Length(errors, nameof(Trip.InvitingOrganisation), trip.InvitingOrganisation, 300, "Inviting organisation");
        Length(errors, nameof(Trip.FundingSource), trip.FundingSource, 200, "Funding source");
        Length(errors, nameof(Trip.LateJustification), trip.LateJustification, 2000, "Justification");
        if (trip.DepartureDate is { } d && trip.ReturnDate is { } r && r < d)
        {
            errors.Add(new(nameof(Trip.ReturnDate), "The return date {0} is before the departure date {1}: return on or after departure.", Day(r), Day(d)));
        }
        if (!await db.Set<StaffMember>().AnyAsync(s => s.Id == trip.ApplicantId, ct))
        {
            errors.Add(new(nameof(Trip.ApplicantId), "The applicant does not exist: choose one from the staff directory."));
        }

        var ids = trip.Members.Select(m => m.StaffMemberId).Distinct().ToList();
        var people = await db.Set<StaffMember>().AsNoTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
        var seen = new HashSet<Guid>();
        foreach (var (member, i) in trip.Members.Select((m, i) => (m, i)))
        {
            var field = $"Members[{i}].StaffMemberId";
            if (!people.TryGetValue(member.StaffMemberId, out var person))
            {
                errors.Add(new(field, "Delegation row {0}: the person is not in the staff directory; choose one from the list.", i + 1));
            }
            else if (!seen.Add(member.StaffMemberId))
            {
                errors.Add(new(field, "{0} is listed twice in the delegation: remove the second row.", person.NameZh));
            }
            if (!Enum.IsDefined(member.Role))
            {
                errors.Add(new($"Members[{i}].Role", "Delegation row {0}: choose a role from the list.", i + 1));
            }
        }
        foreach (var (destination, i) in trip.Destinations.Select((x, i) => (x, i)))
        {
            if (!CountryPattern().IsMatch(destination.CountryCode ?? ""))
            {
                errors.Add(new($"Destinations[{i}].CountryCode", "Destination {0}: \"{1}\" is not a country code; use two capital letters such as JP, DE or HK.", i + 1, destination.CountryCode ?? ""));
            }
            if (string.IsNullOrWhiteSpace(destination.City))
            {
                errors.Add(new($"Destinations[{i}].City", "Destination {0}: enter the city.", i + 1));
            }
            Length(errors, $"Destinations[{i}].City", destination.City, 100, "City");
        }
        foreach (var (day, i) in trip.Itinerary.Select((x, i) => (x, i)))
        {
            if (string.IsNullOrWhiteSpace(day.City) || string.IsNullOrWhiteSpace(day.Activity))
            {
                errors.Add(new($"Itinerary[{i}].Activity", "Itinerary day {0}: enter both the city and the activity.", i + 1));
            }
            Length(errors, $"Itinerary[{i}].City", day.City, 100, "City");
            Length(errors, $"Itinerary[{i}].Activity", day.Activity, 500, "Activity");
        }
        foreach (var (line, i) in trip.Budget.Select((x, i) => (x, i)))
        {
            if (line.Amount <= 0)
            {
                errors.Add(new($"Budget[{i}].Amount", "Budget line {0}: the amount must be more than 0 CNY; it is {1}.", i + 1, line.Amount));
            }
            if (!Enum.IsDefined(line.Category))
            {
                errors.Add(new($"Budget[{i}].Category", "Budget line {0}: choose a category from the list.", i + 1));
            }
            Length(errors, $"Budget[{i}].Note", line.Note, 200, "Note");
        }
        return people;
    }

    /// <summary>What a submission must contain.</summary>
    private static void Complete(Trip trip, List<FieldError> errors, bool itinerary = true)
    {
        if (string.IsNullOrWhiteSpace(trip.Purpose))
        {
            errors.Add(new(nameof(Trip.Purpose), "Enter the purpose of the trip."));
        }
        if (string.IsNullOrWhiteSpace(trip.InvitingOrganisation))
        {
            errors.Add(new(nameof(Trip.InvitingOrganisation), "Enter the inviting organisation."));
        }
        if (string.IsNullOrWhiteSpace(trip.FundingSource))
        {
            errors.Add(new(nameof(Trip.FundingSource), "Enter the funding source."));
        }
        if (trip.DepartureDate is null)
        {
            errors.Add(new(nameof(Trip.DepartureDate), "Enter the departure date."));
        }
        if (trip.ReturnDate is null)
        {
            errors.Add(new(nameof(Trip.ReturnDate), "Enter the return date."));
        }
        if (trip.Members.Count == 0)
        {
            errors.Add(new(nameof(Trip.Members), "Add the members of the delegation."));
        }
        else
        {
            var leaders = trip.Members.Count(m => m.Role == DelegationRole.Leader);
            if (leaders != 1)
            {
                errors.Add(new(nameof(Trip.Members), "A delegation has exactly one leader; this one has {0}.", leaders));
            }
            if (trip.Members.All(m => m.StaffMemberId != trip.ApplicantId))
            {
                errors.Add(new(nameof(Trip.Members), "The applicant must be a member of the delegation: add a row for them."));
            }
        }
        if (trip.Destinations.Count == 0)
        {
            errors.Add(new(nameof(Trip.Destinations), "Add at least one destination."));
        }
        if (itinerary && trip.Itinerary.Count == 0)
        {
            errors.Add(new(nameof(Trip.Itinerary), "Add the day-by-day itinerary."));
        }
    }

    private static void Itinerary(Trip trip, DateOnly departure, DateOnly ret, List<FieldError> errors)
    {
        foreach (var (day, i) in trip.Itinerary.Select((x, i) => (x, i)))
        {
            if (day.Date < departure || day.Date > ret)
            {
                errors.Add(new($"Itinerary[{i}].Date", "Itinerary day {0}: {1} is outside the trip ({2} to {3}).", i + 1, Day(day.Date), Day(departure), Day(ret)));
            }
        }
        if (trip.Itinerary.Count > 0)
        {
            var covered = trip.Itinerary.Select(d => d.Date).ToHashSet();
            var missing = Enumerable.Range(0, ret.DayNumber - departure.DayNumber + 1)
                .Select(departure.AddDays).Where(d => !covered.Contains(d)).ToList();
            if (missing.Count > 0)
            {
                errors.Add(new(nameof(Trip.Itinerary), "The itinerary has no entry for {0}: plan every day from departure to return.",
                    string.Join(", ", missing.Take(5).Select(Day))));
            }
        }
        var cities = trip.Itinerary.Select(d => d.City?.Trim()).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var (destination, i) in trip.Destinations.Select((x, i) => (x, i)))
        {
            if (!string.IsNullOrWhiteSpace(destination.City) && !cities.Contains(destination.City.Trim()))
            {
                errors.Add(new($"Destinations[{i}].City", "Destination {0} ({1}) does not appear in the itinerary: add the days spent there.", i + 1, destination.City));
            }
        }
    }

    private static void Limits(Trip trip, TripPolicy policy, List<FieldError> errors)
    {
        var limit = policy.LimitFor(trip.Type);
        var countries = trip.Destinations.Select(d => d.CountryCode).Distinct().Count();
        if (countries > limit.MaxCountries)
        {
            errors.Add(new(nameof(Trip.Destinations), "A trip of type {0} may visit at most {1} countries or regions; this one visits {2}.",
                TripLabels.Of(trip.Type), limit.MaxCountries, countries));
        }
        if (trip.Days is { } days && days > limit.MaxDays)
        {
            errors.Add(new(nameof(Trip.ReturnDate), "A trip of type {0} may last at most {1} days; this one lasts {2} days.",
                TripLabels.Of(trip.Type), limit.MaxDays, days));
        }
        string[]? only = trip.Type switch
        {
            TripType.HongKongMacao => ["HK", "MO"],
            TripType.Taiwan => ["TW"],
            _ => null,
        };
        foreach (var (destination, i) in trip.Destinations.Select((x, i) => (x, i)))
        {
            if (only is not null && !only.Contains(destination.CountryCode))
            {
                errors.Add(new($"Destinations[{i}].CountryCode", "A trip of type {0} can only go to {1}; destination {2} is {3}.",
                    TripLabels.Of(trip.Type), string.Join(", ", only), i + 1, destination.CountryCode));
            }
            else if (only is null && destination.CountryCode is "HK" or "MO" or "TW")
            {
                errors.Add(new($"Destinations[{i}].CountryCode", "Trips to Hong Kong, Macao or Taiwan are filed as their own trip type; destination {0} is {1}.",
                    i + 1, destination.CountryCode));
            }
        }
    }

    private static void LeadTime(Trip trip, TripPolicy policy, DateOnly today, DateOnly departure, List<FieldError> errors)
    {
        var ahead = departure.DayNumber - today.DayNumber;
        if (ahead < 0)
        {
            errors.Add(new(nameof(Trip.DepartureDate), "The departure date {0} has already passed.", Day(departure)));
        }
        else if (ahead < policy.LeadTimeDays && string.IsNullOrWhiteSpace(trip.LateJustification))
        {
            errors.Add(new(nameof(Trip.LateJustification), "Applications must be filed at least {0} days before departure; this one is {1} days before. Give a justification.",
                policy.LeadTimeDays, ahead));
        }
    }

    /// <summary>Other submitted trips of each member that depart in the same year count against the limit.</summary>
    private static async Task TripsPerYearAsync(AppDbContext db, Trip trip, TripPolicy policy, int year, Dictionary<Guid, StaffMember> members,
        List<FieldError> errors, CancellationToken ct)
    {
        var ids = members.Keys.ToList();
        var start = new DateOnly(year, 1, 1);
        var end = new DateOnly(year + 1, 1, 1);
        var counts = await (
                from m in db.Set<TripMember>()
                join t in db.Set<Trip>() on m.TripId equals t.Id
                where ids.Contains(m.StaffMemberId) && t.Id != trip.Id && Trip.Live.Contains(t.State)
                    && t.DepartureDate >= start && t.DepartureDate < end
                select new { m.StaffMemberId, t.Id })
            .Distinct()
            .ToListAsync(ct);
        foreach (var (member, i) in trip.Members.Select((m, i) => (m, i)))
        {
            var count = counts.Count(c => c.StaffMemberId == member.StaffMemberId);
            if (members.TryGetValue(member.StaffMemberId, out var person) && count >= policy.TripsPerPersonPerYear)
            {
                errors.Add(new($"Members[{i}].StaffMemberId", "{0} already has {1} submitted trip(s) departing in {2}; the limit is {3} per person per year.",
                    person.NameZh, count, year, policy.TripsPerPersonPerYear));
            }
        }
    }

    private static void Length(List<FieldError> errors, string field, string? value, int max, string label)
    {
        if (value is not null && value.Length > max)
        {
            errors.Add(new(field, "{0} is too long: at most {1} characters.", label, max));
        }
    }

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
