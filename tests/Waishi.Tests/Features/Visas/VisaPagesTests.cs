using System.Net;
using Microsoft.EntityFrameworkCore;
using Waishi.Tests.Features.Trips;
using Waishi.Tests.Support;
using Waishi.Web.Features.Visas;

namespace Waishi.Tests.Features.Visas;

public sealed class VisaPagesTests
{
    private static Dictionary<string, string> Form(Guid trip, Guid person, string country, string status, string? applied, string? decided = null,
        long version = 0) => new()
    {
        ["Form.TripId"] = trip.ToString(), ["Form.StaffMemberId"] = person.ToString(), ["Form.CountryCode"] = country, ["Form.Status"] = status,
        ["Form.VisaType"] = "Schengen C", ["Form.AppliedOn"] = applied ?? "", ["Form.DecidedOn"] = decided ?? "", ["Form.Result"] = "",
        ["Form.Notes"] = "Embassy appointment booked", ["Form.Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    [Fact]
    public async Task The_exit_officer_records_a_visa_from_the_trips_visa_section_and_a_refused_form_keeps_what_was_typed()
    {
        await using var app = await AppFactory.CreateAsync();
        var people = await TripPeople.LoadAsync(app);
        var trip = await VisaData.TripAsync(app, people, 20, "Berlin and Tokyo", people.OtherUnit[0]);
        var officer = await app.SignInAsync("cqu.officer-exit");

        // The section lists a row to record per member and country.
        var section = await officer.GetStringAsync($"/Visas/Trip/{trip.Id}");
        Assert.Contains($"data-missing=\"{people.OtherUnit[0].Id}:DE\"", section);
        Assert.Contains($"data-missing=\"{people.Applicant.Id}:JP\"", section);

        var page = $"/Visas/Edit?tripId={trip.Id}";
        var refused = await officer.PostFormAsync(page, "/Visas/Edit", Form(trip.Id, people.OtherUnit[0].Id, "DE", "Granted", TripForms.Today.AddDays(-5).ToString("yyyy-MM-dd")));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("A visa that is Granted needs the date of the decision.", html);
        Assert.Contains("value=\"Schengen C\"", html);
        Assert.Contains("Embassy appointment booked", html);
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<Visa>().CountAsync()));

        var saved = await officer.PostFormAsync(page, "/Visas/Edit",
            Form(trip.Id, people.OtherUnit[0].Id, "DE", "Granted", TripForms.Today.AddDays(-5).ToString("yyyy-MM-dd"), TripForms.Today.ToString("yyyy-MM-dd")));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal($"/Visas/Trip/{trip.Id}", saved.Headers.Location!.ToString());
        var visa = await app.WithDbAsync(db => db.Set<Visa>().SingleAsync());
        Assert.Equal(VisaStatus.Granted, visa.Status);
        Assert.Equal("Schengen C", visa.VisaType);
        Assert.DoesNotContain($"data-missing=\"{people.OtherUnit[0].Id}:DE\"", await officer.GetStringAsync($"/Visas/Trip/{trip.Id}"));

        // An edit from an old version is refused with the stale-edit notice.
        var edit = $"/Visas/Edit/{visa.Id}";
        Assert.Equal(HttpStatusCode.Redirect, (await officer.PostFormAsync(edit, edit, Form(trip.Id, people.OtherUnit[0].Id, "DE", "Applied",
            TripForms.Today.AddDays(-5).ToString("yyyy-MM-dd"), version: 1))).StatusCode);
        var stale = await officer.PostFormAsync(edit, edit, Form(trip.Id, people.OtherUnit[0].Id, "DE", "Refused",
            TripForms.Today.AddDays(-5).ToString("yyyy-MM-dd"), TripForms.Today.ToString("yyyy-MM-dd"), version: 1));
        Assert.Contains("This record was changed by someone else while you were editing it.", await stale.Content.ReadAsStringAsync());
        Assert.Equal(VisaStatus.Applied, (await app.WithDbAsync(db => db.Set<Visa>().SingleAsync())).Status);

        // Deleted from its form, only from the current version.
        Assert.Contains($"formaction=\"/Visas/Edit/{visa.Id}?handler=Delete\"", await officer.GetStringAsync(edit));
        var staleDelete = await officer.PostFormAsync(edit, edit + "?handler=Delete", new() { ["Form.Version"] = "1" });
        Assert.Contains("This record was changed by someone else while you were editing it.", await staleDelete.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await officer.PostFormAsync(edit, edit + "?handler=Delete", new() { ["Form.Version"] = "2" })).StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<Visa>().CountAsync()));
    }

    [Fact]
    public async Task A_colleague_who_is_not_on_the_trip_cannot_edit_its_visas()
    {
        await using var app = await AppFactory.CreateAsync();
        var people = await TripPeople.LoadAsync(app);
        var trip = await VisaData.TripAsync(app, people, 20);
        var director = await app.SignInAsync("cqu.director");
        Assert.Equal(HttpStatusCode.OK, (await director.GetAsync($"/Visas/Trip/{trip.Id}")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await director.GetAsync($"/Visas/Edit?tripId={trip.Id}")).StatusCode);
        var stranger = await app.SignInAsync("cqupt.applicant");
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/Visas/Trip/{trip.Id}")).StatusCode);
    }

    [Fact]
    public async Task The_pending_list_shows_visas_still_open_for_departures_within_30_days_and_the_list_filters_and_exports()
    {
        await using var app = await AppFactory.CreateAsync();
        var people = await TripPeople.LoadAsync(app);
        var soon = await VisaData.TripAsync(app, people, 10, "Soon trip");
        var later = await VisaData.TripAsync(app, people, 45, "Later trip");
        await VisaData.VisaAsync(app, soon, people.Applicant.Id, "JP", VisaStatus.ToApply, "Soon to apply");
        await VisaData.VisaAsync(app, soon, people.Applicant.Id, "DE", VisaStatus.Granted, "Soon granted");
        await VisaData.VisaAsync(app, later, people.Applicant.Id, "JP", VisaStatus.Applied, "Later applied");
        var officer = await app.SignInAsync("cqu.officer-exit");

        var pending = await officer.GetStringAsync("/Visas?Pending=true");
        Assert.Contains("Soon to apply", pending);
        Assert.DoesNotContain("Soon granted", pending);
        Assert.DoesNotContain("Later applied", pending);
        Assert.Contains("1 visa(s)", pending);

        Assert.Contains("3 visa(s)", await officer.GetStringAsync("/Visas"));
        Assert.Contains("2 visa(s)", await officer.GetStringAsync("/Visas?Country=JP"));
        Assert.Contains("1 visa(s)", await officer.GetStringAsync("/Visas?Status=Granted"));
        Assert.Contains("1 visa(s)", await officer.GetStringAsync("/Visas?Q=later"));
        Assert.Contains("3 visa(s)", await officer.GetStringAsync($"/Visas?Person={people.Applicant.Id}&Unit={people.UnitId}"));
        Assert.Contains("0 visa(s)", await officer.GetStringAsync($"/Visas?Unit={people.OtherUnit[0].UnitId}"));
        Assert.Contains("1 visa(s)", await officer.GetStringAsync($"/Visas?From={TripForms.Today.AddDays(30):yyyy-MM-dd}"));
        Assert.Contains("2 visa(s)", await officer.GetStringAsync($"/Visas?To={TripForms.Today.AddDays(30):yyyy-MM-dd}"));

        var csv = await officer.GetAsync("/Visas?handler=Export&format=csv&Pending=true");
        var rows = Sheets.Csv(await csv.Content.ReadAsByteArrayAsync());
        Assert.Equal(2, rows.Count);
        Assert.Contains("Soon to apply", rows[1]);
        Assert.Contains("To apply", rows[1]);
        var xlsx = await officer.GetAsync("/Visas?handler=Export&format=xlsx");
        Assert.Equal(4, Sheets.Xlsx(await xlsx.Content.ReadAsByteArrayAsync()).Count);
    }
}
