using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Waishi.Tests.Api;
using Waishi.Tests.Support;
using Waishi.Web.Features.People;
using Waishi.Web.Features.Trips;
using Waishi.Web.Platform.Tenancy;

namespace Waishi.Tests.Features.Trips;

public sealed class TripPagesTests
{
    private static Task<List<Trip>> TripsAsync(AppFactory app) =>
        app.WithDbAsync(db => db.Set<Trip>().Include(t => t.Members).Include(t => t.Itinerary).Include(t => t.Budget).ToListAsync());

    [Fact]
    public async Task The_person_filter_lists_the_staff_up_to_its_limit_and_past_it_asks_for_the_search_box()
    {
        await using var app = await AppFactory.CreateAsync();
        var cqu = await app.WithDbAsync(db => db.Set<Tenant>().Where(t => t.Code == "CQU").Select(t => t.Id).SingleAsync());
        var staff = await app.WithDbAsync(db => db.Set<StaffMember>().CountAsync(s => s.TenantId == cqu));
        var client = await app.SignInAsync("cqu.officer-exit");
        static int Listed(string html)
        {
            var start = html.IndexOf("id=\"Person\"", StringComparison.Ordinal);
            return Regex.Matches(html[start..html.IndexOf("</select>", start, StringComparison.Ordinal)], "<option value=\"[0-9a-f-]{36}\"").Count;
        }
        const string hint = "Search for a person by name or staff number in the search box.";

        // Up to the limit every member of staff is offered.
        await AddStaffAsync(IndexModel.MaxPeopleListed - staff);
        var page = await client.GetStringAsync("/Trips");
        Assert.Equal(IndexModel.MaxPeopleListed, Listed(page));
        Assert.DoesNotContain(hint, page);

        // One more and the list gives way to the search box.
        await AddStaffAsync(1);
        page = await client.GetStringAsync("/Trips");
        Assert.Equal(0, Listed(page));
        Assert.Contains(hint, page);

        Task AddStaffAsync(int count) => app.WithDbAsync(async db =>
        {
            var start = await db.Set<StaffMember>().CountAsync();
            for (var i = 0; i < count; i++)
            {
                db.Add(new StaffMember { TenantId = cqu, StaffNumber = $"P{start + i:D6}", NameZh = $"员工{start + i}" });
            }
            await db.SaveChangesAsync();
        });
    }

    [Fact]
    public async Task An_applicant_submits_a_complete_trip_and_sees_it()
    {
        await using var app = await AppFactory.CreateAsync();
        var people = await TripPeople.LoadAsync(app);
        var client = await app.SignInAsync("cqu.applicant");

        var response = await TripForms.PostAsync(client, "/Trips/Create", TripForms.Complete(people.Applicant.Id, TripForms.Today.AddDays(45)));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var trip = Assert.Single(await TripsAsync(app));
        Assert.Equal(TripState.Submitted, trip.State);
        Assert.Equal(people.UnitId, trip.UnitId);
        Assert.Equal(people.ApplicantUserId, trip.FiledByUserId);
        Assert.Equal(5, trip.Itinerary.Count);
        Assert.Equal(8000.50m, Assert.Single(trip.Budget).Amount);
        var details = await client.GetStringAsync(response.Headers.Location!.ToString());
        Assert.Contains("Robotics conference", details);
        Assert.Contains("In review", details);
        Assert.Contains("Robotics conference", await client.GetStringAsync("/Trips?Mine=true"));
    }

    [Fact]
    public async Task A_late_submission_is_refused_with_the_rule_and_keeps_what_was_typed_but_a_draft_saves()
    {
        await using var app = await AppFactory.CreateAsync();
        var people = await TripPeople.LoadAsync(app);
        var client = await app.SignInAsync("cqu.applicant");
        var fields = TripForms.Complete(people.Applicant.Id, TripForms.Today.AddDays(12), title: "Urgent workshop");

        var response = await TripForms.PostAsync(client, "/Trips/Create", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Applications must be filed at least 30 days before departure; this one is 12 days before. Give a justification.", html);
        Assert.Contains("value=\"Urgent workshop\"", html);
        Assert.Contains("value=\"University of Tokyo\"", html);
        Assert.Empty(await TripsAsync(app));

        fields["Action"] = "draft";
        Assert.Equal(HttpStatusCode.Redirect, (await TripForms.PostAsync(client, "/Trips/Create", fields)).StatusCode);
        Assert.Equal(TripState.Draft, Assert.Single(await TripsAsync(app)).State);
    }

    [Fact]
    public async Task The_add_row_button_adds_a_row_and_keeps_the_form()
    {
        await using var app = await AppFactory.CreateAsync();
        var people = await TripPeople.LoadAsync(app);
        var client = await app.SignInAsync("cqu.applicant");
        var fields = TripForms.Complete(people.Applicant.Id, TripForms.Today.AddDays(40), action: "add:Destinations", title: "Two cities");

        var html = await (await TripForms.PostAsync(client, "/Trips/Create", fields)).Content.ReadAsStringAsync();

        Assert.Contains("name=\"Form.Destinations[1].City\"", html);
        Assert.Contains("value=\"Two cities\"", html);
        Assert.Empty(await TripsAsync(app));
    }

    [Fact]
    public async Task A_unit_secretary_files_for_members_of_her_unit_only()
    {
        await using var app = await AppFactory.CreateAsync();
        var people = await TripPeople.LoadAsync(app);
        var client = await app.SignInAsync("cqu.unit-secretary");

        var colleague = people.Colleagues[^1];
        var ok = await TripForms.PostAsync(client, "/Trips/Create", TripForms.Complete(colleague.Id, TripForms.Today.AddDays(50), "draft"));
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        Assert.Equal(colleague.Id, Assert.Single(await TripsAsync(app)).ApplicantId);

        var outsider = people.OtherUnit[0];
        var refused = await TripForms.PostAsync(client, "/Trips/Create", TripForms.Complete(outsider.Id, TripForms.Today.AddDays(50), "draft"));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("You can file only for yourself or for a member of your unit", await refused.Content.ReadAsStringAsync());
        Assert.Single(await TripsAsync(app));
    }

    [Fact]
    public async Task Each_role_sees_only_the_trips_it_may_see()
    {
        await using var app = await AppFactory.CreateAsync();
        var people = await TripPeople.LoadAsync(app);
        var colleague = people.Colleagues[^1];
        var trip = new TripBuilder(people, TripForms.Today).Change(t => t.Title = "Colleague's trip").Build();
        trip.ApplicantId = colleague.Id;
        trip.Members[0].StaffMemberId = colleague.Id;
        trip.FiledByUserId = await app.WithDbAsync(db => db.Set<Waishi.Web.Platform.Identity.AppUser>().Where(u => u.UserName == "cqu.officer-exit").Select(u => u.Id).SingleAsync());
        await app.WithDbAsync(async db => { db.Add(trip); await db.SaveChangesAsync(); });

        var applicant = await app.SignInAsync("cqu.applicant");
        Assert.DoesNotContain("Colleague&#x27;s trip", await applicant.GetStringAsync("/Trips"));
        Assert.DoesNotContain("Colleague's trip", await applicant.GetStringAsync("/Trips"));
        Assert.Equal(HttpStatusCode.NotFound, (await applicant.GetAsync($"/Trips/Details/{trip.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await applicant.GetAsync($"/Trips/Edit/{trip.Id}")).StatusCode);

        foreach (var user in new[] { "cqu.unit-head", "cqu.unit-secretary", "cqu.officer-exit", "cqu.director" })
        {
            var client = await app.SignInAsync(user);
            Assert.Contains($"data-trip=\"{trip.Id}\"", await client.GetStringAsync("/Trips"));
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/Trips/Details/{trip.Id}")).StatusCode);
        }
        var otherUnitHead = await app.SignInAsync("cqu.officer-global");
        Assert.Equal(HttpStatusCode.NotFound, (await otherUnitHead.GetAsync($"/Trips/Details/{trip.Id}")).StatusCode);
        var otherTenant = await app.SignInAsync("cqupt.officer-exit");
        Assert.Equal(HttpStatusCode.NotFound, (await otherTenant.GetAsync($"/Trips/Details/{trip.Id}")).StatusCode);
        var student = await app.SignInAsync("cqu.student");
        Assert.NotEqual(HttpStatusCode.OK, (await student.GetAsync("/Trips")).StatusCode);
    }

    [Fact]
    public async Task A_stale_edit_changes_nothing()
    {
        await using var app = await AppFactory.CreateAsync();
        var people = await TripPeople.LoadAsync(app);
        var trip = new TripBuilder(people, TripForms.Today).Build();
        await app.WithDbAsync(async db => { db.Add(trip); await db.SaveChangesAsync(); });
        var client = await app.SignInAsync("cqu.applicant");
        var url = $"/Trips/Edit/{trip.Id}";

        var fields = TripForms.Complete(people.Applicant.Id, trip.DepartureDate!.Value, "draft", title: "First edit");
        fields["Form.Version"] = "1";
        var first = await TripForms.PostAsync(client, url, fields);
        Assert.True(first.StatusCode == HttpStatusCode.Redirect, await first.Content.ReadAsStringAsync());

        fields["Form.Title"] = "Second edit from an old page";
        var stale = await TripForms.PostAsync(client, url, fields);
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("changed by someone else", await stale.Content.ReadAsStringAsync());
        var saved = Assert.Single(await TripsAsync(app));
        Assert.Equal("First edit", saved.Title);
        Assert.Equal(2, saved.Version);
    }

    [Fact]
    public async Task The_list_filters_by_country_and_state_and_exports()
    {
        await using var app = await AppFactory.CreateAsync();
        var people = await TripPeople.LoadAsync(app);
        var japan = new TripBuilder(people, TripForms.Today).Change(t => t.Title = "Japan trip").Submitted().Build();
        var germany = new TripBuilder(people, TripForms.Today).Change(t => { t.Title = "Germany trip"; t.Destinations[0].CountryCode = "DE"; }).Build();
        await app.WithDbAsync(async db => { db.AddRange(japan, germany); await db.SaveChangesAsync(); });
        var client = await app.SignInAsync("cqu.officer-exit");

        var byCountry = await client.GetStringAsync("/Trips?Country=de");
        Assert.Contains("Germany trip", byCountry);
        Assert.DoesNotContain("Japan trip", byCountry);
        var submitted = await client.GetStringAsync("/Trips?State=Submitted");
        Assert.Contains("Japan trip", submitted);
        Assert.DoesNotContain("Germany trip", submitted);
        var csv = await client.GetStringAsync("/Trips?handler=Export&format=csv&State=Draft");
        Assert.Contains("Germany trip", csv);
        Assert.DoesNotContain("Japan trip", csv);
    }

    [Fact]
    public async Task A_broad_filter_is_counted_up_to_the_cap_in_the_list_and_the_API()
    {
        await using var app = await AppFactory.CreateAsync(new Dictionary<string, string?> { ["Lists:CountCap"] = "2" });
        var people = await TripPeople.LoadAsync(app);
        var iceland = Enumerable.Range(1, 3).Select(i => new TripBuilder(people, TripForms.Today)
            .Change(t => { t.Title = $"Iceland trip {i}"; t.Destinations[0].CountryCode = "IS"; }).Build()).ToList();
        var malta = new TripBuilder(people, TripForms.Today).Change(t => { t.Title = "Malta trip"; t.Destinations[0].CountryCode = "MT"; }).Build();
        await app.WithDbAsync(async db => { db.AddRange([.. iceland, malta]); await db.SaveChangesAsync(); });
        Assert.Equal(3, await app.WithDbAsync(db => db.Set<Trip>().CountAsync(t => t.Destinations.Any(d => d.CountryCode == "IS"))));
        var client = await app.SignInAsync("cqu.officer-exit");

        var broad = await client.GetStringAsync("/Trips?Country=IS");
        Assert.Contains("More than 2 trips: narrow the filters to count them.", broad);
        Assert.Equal(3, iceland.Count(t => broad.Contains(t.Title)));
        var narrow = await client.GetStringAsync("/Trips?Country=MT");
        Assert.Contains("1 trip(s)", narrow);
        Assert.DoesNotContain("More than", narrow);

        var api = await (await client.GetAsync("/api/v1/trips?country=IS")).JsonAsync();
        Assert.Equal(2, api.GetProperty("total").GetInt32());
        Assert.True(api.GetProperty("totalCapped").GetBoolean());
        Assert.Equal(3, api.GetProperty("items").GetArrayLength());
        var exact = await (await client.GetAsync("/api/v1/trips?country=MT")).JsonAsync();
        Assert.Equal(1, exact.GetProperty("total").GetInt32());
        Assert.False(exact.GetProperty("totalCapped").GetBoolean());
    }

    [Fact]
    public async Task The_export_names_the_destinations_and_applicant_of_every_trip_past_the_first_thousand()
    {
        await using var app = await AppFactory.CreateAsync();
        var people = await TripPeople.LoadAsync(app);
        var trips = Enumerable.Range(1, 1005).Select(i => new TripBuilder(people, TripForms.Today)
            .Change(t => { t.Title = $"Export trip {i:0000}"; t.Destinations[0].CountryCode = "IS"; t.Destinations[0].City = "Reykjavik"; }).Build()).ToList();
        await app.WithDbAsync(async db => { db.AddRange(trips); await db.SaveChangesAsync(); });
        var client = await app.SignInAsync("cqu.officer-exit");

        var lines = (await client.GetStringAsync("/Trips?handler=Export&format=csv&Country=IS"))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.Contains("Export trip ")).ToList();

        Assert.Equal(1005, lines.Count);
        Assert.All(lines, l => Assert.Contains("Reykjavik (IS)", l));
        Assert.All(lines, l => Assert.Contains(string.IsNullOrEmpty(people.Applicant.NameEn) ? people.Applicant.NameZh : people.Applicant.NameEn, l));
    }

    [Fact]
    public async Task The_trip_form_and_list_are_in_Chinese_for_a_Chinese_reader()
    {
        await using var app = await AppFactory.CreateAsync();
        var client = await app.SignInAsync("cqu.applicant", culture: "zh-CN");

        var form = await client.GetStringAsync("/Trips/Create");
        Assert.Contains("保存草稿", form);
        Assert.Contains("国际会议", form);
        Assert.DoesNotContain("Save draft", form);
        Assert.DoesNotContain(">Conference<", form);
        var list = await client.GetStringAsync("/Trips");
        Assert.Contains("因公出访", list);
        Assert.DoesNotContain("Only my trips", list);
    }

    [Fact]
    public async Task A_draft_links_a_line_of_the_units_plan_and_an_unknown_line_is_named_not_refused_by_the_database()
    {
        await using var app = await AppFactory.CreateAsync();
        var people = await TripPeople.LoadAsync(app);
        var departure = TripForms.Today.AddDays(45);
        var lineId = await app.WithDbAsync(async db =>
        {
            var plan = new Waishi.Web.Features.OutboundPlans.OutboundPlan { TenantId = people.TenantId, UnitId = people.UnitId, Year = departure.Year };
            db.Add(plan);
            var line = new Waishi.Web.Features.OutboundPlans.OutboundPlanLine
            {
                TenantId = people.TenantId, PlanId = plan.Id, Purpose = "Robotics conferences", Countries = "JP", People = 2, Month = departure.Month, Budget = 20000m,
            };
            db.Add(line);
            await db.SaveChangesAsync();
            return line.Id;
        });
        var client = await app.SignInAsync("cqu.applicant");
        Assert.Contains("Robotics conferences", await client.GetStringAsync("/Trips/Create"));

        var unknown = TripForms.Complete(people.Applicant.Id, departure, "draft");
        unknown["Form.PlanItemId"] = Guid.NewGuid().ToString();
        var refused = await TripForms.PostAsync(client, "/Trips/Create", unknown);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Choose a line of your unit&#x27;s annual outbound plan, or none.", await refused.Content.ReadAsStringAsync());

        var linked = TripForms.Complete(people.Applicant.Id, departure, "draft");
        linked["Form.PlanItemId"] = lineId.ToString();
        var saved = await TripForms.PostAsync(client, "/Trips/Create", linked);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(lineId, Assert.Single(await TripsAsync(app)).PlanItemId);
        Assert.Contains($"{departure.Year}-{departure.Month} · Robotics conferences", await client.GetStringAsync(saved.Headers.Location!.ToString()));
    }
}
