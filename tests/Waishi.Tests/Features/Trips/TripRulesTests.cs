using Microsoft.EntityFrameworkCore;
using Waishi.Tests.Support;
using Waishi.Web.Features.People;
using Waishi.Web.Features.Trips;
using Waishi.Web.Platform.Data;

namespace Waishi.Tests.Features.Trips;

public sealed class TripRulesTests
{
    private static readonly DateOnly Today = new(2027, 3, 1);

    private static async Task<List<FieldError>> SubmitErrorsAsync(AppFactory app, Trip trip, TripPolicy? policy = null) =>
        await app.WithDbAsync(db => TripRules.ValidateSubmissionAsync(db, trip, policy ?? TripPolicy.Defaults(), Today, []));

    [Fact]
    public async Task A_complete_trip_within_the_policy_passes_every_check()
    {
        await using var app = await AppFactory.CreateAsync();
        var people = await TripPeople.LoadAsync(app);
        var trip = new TripBuilder(people, Today).With(people.Colleagues[0], DelegationRole.Interpreter).Build();

        Assert.Empty(await SubmitErrorsAsync(app, trip));
    }

    [Fact]
    public async Task A_late_application_names_the_lead_time_and_needs_a_justification()
    {
        await using var app = await AppFactory.CreateAsync();
        var people = await TripPeople.LoadAsync(app);
        var trip = new TripBuilder(people, Today).Departing(Today.AddDays(12), 3).Build();

        var error = Assert.Single(await SubmitErrorsAsync(app, trip));
        Assert.Equal(nameof(Trip.LateJustification), error.Field);
        Assert.Equal("Applications must be filed at least {0} days before departure; this one is {1} days before. Give a justification.", error.Message);
        Assert.Equal([30, 12], error.Arguments);

        trip.LateJustification = "The invitation arrived late.";
        Assert.Empty(await SubmitErrorsAsync(app, trip));
    }

    [Fact]
    public async Task Dates_out_of_order_and_itinerary_days_outside_the_trip_are_refused()
    {
        await using var app = await AppFactory.CreateAsync();
        var people = await TripPeople.LoadAsync(app);
        var backwards = new TripBuilder(people, Today).Change(t => t.ReturnDate = t.DepartureDate!.Value.AddDays(-2)).Build();
        Assert.Contains(await app.WithDbAsync(db => TripRules.ValidateDraftAsync(db, backwards)),
            e => e.Field == nameof(Trip.ReturnDate) && e.Message.StartsWith("The return date {0} is before the departure date {1}", StringComparison.Ordinal));

        var outside = new TripBuilder(people, Today).Build();
        outside.Itinerary[4].Date = outside.ReturnDate!.Value.AddDays(3);
        var errors = await SubmitErrorsAsync(app, outside);
        Assert.Contains(errors, e => e.Field == "Itinerary[4].Date" && e.Message.StartsWith("Itinerary day {0}: {1} is outside the trip", StringComparison.Ordinal));
        // The last day is no longer planned either.
        Assert.Contains(errors, e => e.Field == nameof(Trip.Itinerary) && (string)e.Arguments[0] == outside.ReturnDate!.Value.ToString("yyyy-MM-dd"));
    }

    [Fact]
    public async Task Every_destination_must_appear_in_the_itinerary()
    {
        await using var app = await AppFactory.CreateAsync();
        var people = await TripPeople.LoadAsync(app);
        var trip = new TripBuilder(people, Today).To("JP", "Osaka").Build();

        var error = Assert.Single(await SubmitErrorsAsync(app, trip));
        Assert.Equal("Destinations[1].City", error.Field);
        Assert.Equal("Osaka", error.Arguments[1]);
    }

    [Fact]
    public async Task Country_and_day_limits_follow_the_trip_type_and_the_tenant_policy()
    {
        await using var app = await AppFactory.CreateAsync();
        var people = await TripPeople.LoadAsync(app);
        var hongKong = new TripBuilder(people, Today).OfType(TripType.HongKongMacao)
            .Change(t => t.Destinations[0].CountryCode = "HK").Departing(Today.AddDays(60), 6).Build();
        var error = Assert.Single(await SubmitErrorsAsync(app, hongKong));
        Assert.Equal("A trip of type {0} may last at most {1} days; this one lasts {2} days.", error.Message);
        Assert.Equal(["Hong Kong/Macao", 5, 6], error.Arguments);

        var tour = new TripBuilder(people, Today).To("DE", "Berlin").To("FR", "Paris").To("IT", "Rome")
            .Change(t => { for (var i = 0; i < 4; i++) { t.Itinerary[i].City = t.Destinations[i].City; } }).Build();
        error = Assert.Single(await SubmitErrorsAsync(app, tour));
        Assert.Equal(nameof(Trip.Destinations), error.Field);
        Assert.Equal(["Conference", 3, 4], error.Arguments);

        var generous = TripPolicy.Defaults();
        generous.LimitFor(TripType.Conference).MaxCountries = 4;
        Assert.Empty(await SubmitErrorsAsync(app, tour, generous));

        var taiwanAsConference = new TripBuilder(people, Today).Change(t => t.Destinations[0].CountryCode = "TW").Build();
        Assert.Contains(await SubmitErrorsAsync(app, taiwanAsConference), e => e.Field == "Destinations[0].CountryCode");
    }

    [Fact]
    public async Task Members_must_exist_be_active_and_appear_once()
    {
        await using var app = await AppFactory.CreateAsync();
        var people = await TripPeople.LoadAsync(app);
        var retired = people.Colleagues[1];
        await app.WithDbAsync(async db =>
        {
            var row = await db.Set<StaffMember>().SingleAsync(s => s.Id == retired.Id);
            row.IsActive = false;
            await db.SaveChangesAsync();
        });
        var trip = new TripBuilder(people, Today).With(people.Colleagues[0]).With(people.Colleagues[0]).With(retired).Build();
        trip.Members.Add(new TripMember { StaffMemberId = Guid.NewGuid(), Role = DelegationRole.Member });

        var errors = await SubmitErrorsAsync(app, trip);
        Assert.Contains(errors, e => e.Field == "Members[2].StaffMemberId" && e.Message.StartsWith("{0} is listed twice", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Field == "Members[3].StaffMemberId" && e.Message.StartsWith("{0} is no longer active", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Field == "Members[4].StaffMemberId" && e.Message.Contains("not in the staff directory", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_delegation_has_one_leader_and_includes_the_applicant()
    {
        await using var app = await AppFactory.CreateAsync();
        var people = await TripPeople.LoadAsync(app);
        var trip = new TripBuilder(people, Today).With(people.Colleagues[0], DelegationRole.Leader).Build();
        trip.Members.RemoveAt(0);
        trip.Members[0].Role = DelegationRole.Member;

        var errors = await SubmitErrorsAsync(app, trip);
        Assert.Contains(errors, e => e.Message == "A delegation has exactly one leader; this one has {0}." && (int)e.Arguments[0] == 0);
        Assert.Contains(errors, e => e.Message.StartsWith("The applicant must be a member", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Budget_amounts_must_be_positive()
    {
        await using var app = await AppFactory.CreateAsync();
        var people = await TripPeople.LoadAsync(app);
        var trip = new TripBuilder(people, Today).Change(t => t.Budget[0].Amount = -5m).Build();

        var error = Assert.Single(await app.WithDbAsync(db => TripRules.ValidateDraftAsync(db, trip)));
        Assert.Equal("Budget[0].Amount", error.Field);
        Assert.Equal(-5m, error.Arguments[1]);
    }

    [Fact]
    public async Task Submitted_trips_of_the_departure_year_count_against_the_per_person_limit()
    {
        await using var app = await AppFactory.CreateAsync();
        var people = await TripPeople.LoadAsync(app);
        await app.WithDbAsync(async db =>
        {
            // Two submitted trips in 2027 and a draft, which does not count.
            db.Add(new TripBuilder(people, Today).Submitted().Build());
            db.Add(new TripBuilder(people, Today).Departing(new DateOnly(2027, 9, 1), 3).Submitted().Build());
            db.Add(new TripBuilder(people, Today).Departing(new DateOnly(2027, 10, 1), 3).Build());
            await db.SaveChangesAsync();
        });

        var third = new TripBuilder(people, Today).Departing(new DateOnly(2027, 11, 2), 3).Build();
        var error = Assert.Single(await SubmitErrorsAsync(app, third));
        Assert.Equal("Members[0].StaffMemberId", error.Field);
        Assert.Equal([people.Applicant.NameZh, 2, 2027, 2], error.Arguments);

        var nextYear = new TripBuilder(people, Today).Departing(new DateOnly(2028, 1, 10), 3).Build();
        Assert.Empty(await SubmitErrorsAsync(app, nextYear));
    }
}
