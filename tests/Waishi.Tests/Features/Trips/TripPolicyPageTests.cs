using System.Net;
using Microsoft.EntityFrameworkCore;
using Waishi.Tests.Support;
using Waishi.Web.Features.Trips;

namespace Waishi.Tests.Features.Trips;

public sealed class TripPolicyPageTests
{
    private static Dictionary<string, string> Fields(int leadTime, long version)
    {
        var fields = new Dictionary<string, string>
        {
            ["Form.LeadTimeDays"] = leadTime.ToString(), ["Form.TripsPerPersonPerYear"] = "2",
            ["Form.UnitLockOverdueDays"] = "30", ["Form.PublicityWorkingDays"] = "5", ["Form.ReportDueDays"] = "20",
            ["Form.DocumentReturnDays"] = "7", ["Form.Version"] = version.ToString(),
        };
        var i = 0;
        foreach (var type in Enum.GetValues<TripType>())
        {
            fields[$"Form.Limits[{i}].Type"] = type.ToString();
            fields[$"Form.Limits[{i}].MaxCountries"] = TripPolicy.DefaultLimit(type).Countries.ToString();
            fields[$"Form.Limits[{i}].MaxDays"] = TripPolicy.DefaultLimit(type).Days.ToString();
            i++;
        }
        return fields;
    }

    [Fact]
    public async Task The_tenant_admin_changes_the_lead_time_and_submissions_follow_it()
    {
        await using var app = await AppFactory.CreateAsync();
        var admin = await app.SignInAsync("cqu.tenant-admin");
        Assert.Contains("value=\"30\"", await admin.GetStringAsync("/Trips/Policy"));

        var saved = await admin.PostFormAsync("/Trips/Policy", "/Trips/Policy", Fields(10, 0));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var policy = await app.WithDbAsync(db => db.Set<TripPolicy>().Include(p => p.Limits).SingleAsync());
        Assert.Equal(10, policy.LeadTimeDays);
        Assert.Equal(Enum.GetValues<TripType>().Length, policy.Limits.Count);

        // Twelve days ahead is late by default but not under the tenant's ten days.
        var people = await TripPeople.LoadAsync(app);
        var applicant = await app.SignInAsync("cqu.applicant");
        var response = await TripForms.PostAsync(applicant, "/Trips/Create", TripForms.Complete(people.Applicant.Id, TripForms.Today.AddDays(12)));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        // A second save from the page read before the first is stale.
        var stale = await admin.PostFormAsync("/Trips/Policy", "/Trips/Policy", Fields(20, 0));
        Assert.Contains("changed by someone else", await stale.Content.ReadAsStringAsync());
        Assert.Equal(10, await app.WithDbAsync(db => db.Set<TripPolicy>().Select(p => p.LeadTimeDays).SingleAsync()));
    }

    [Fact]
    public async Task Out_of_range_values_are_refused_and_only_the_tenant_admin_may_edit()
    {
        await using var app = await AppFactory.CreateAsync();
        var admin = await app.SignInAsync("cqu.tenant-admin");
        var bad = await admin.PostFormAsync("/Trips/Policy", "/Trips/Policy", Fields(-1, 0));
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("Lead time (days) must be between 0 and 365; it is -1.", await bad.Content.ReadAsStringAsync());
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<TripPolicy>().CountAsync()));

        var officer = await app.SignInAsync("cqu.officer-exit");
        Assert.NotEqual(HttpStatusCode.OK, (await officer.GetAsync("/Trips/Policy")).StatusCode);
    }
}
