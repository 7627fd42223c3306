using System.Net;
using Microsoft.EntityFrameworkCore;
using Waishi.Tests.Features.Trips;
using Waishi.Tests.Support;
using Waishi.Web.Features.Partners;
using Waishi.Web.Features.Visits;

namespace Waishi.Tests.Features.Visits;

public sealed class VisitPagesTests
{
    [Fact]
    public async Task A_submission_with_gaps_names_each_field_and_keeps_what_was_typed()
    {
        await using var app = await AppFactory.CreateAsync();
        var people = await TripPeople.LoadAsync(app);
        var client = await app.SignInAsync("cqu.applicant");
        var arrival = VisitForms.Today.AddDays(20);
        var fields = VisitForms.Complete(people.UnitId, arrival, title: "");
        fields["Form.Members[0].Nationality"] = "";
        fields["Form.Members[0].Organisation"] = "Universität Heidelberg";
        fields["Form.Agenda[0].Date"] = arrival.AddDays(9).ToString("yyyy-MM-dd");
        fields["Form.Gifts[0].Currency"] = "yuan";

        var response = await VisitForms.PostAsync(client, "/Visits/Create", fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Enter a title for the visit", html);
        Assert.Contains("Member 1: enter the nationality as a country code", html);
        Assert.Contains("Agenda item 1: " + arrival.AddDays(9).ToString("yyyy-MM-dd") + " is outside the visit", html);
        Assert.Contains("Gift 1: \"YUAN\" is not a currency code", html);
        Assert.Contains("value=\"Universität Heidelberg\"", html);
        Assert.Contains("value=\"Evelyn Welch\"", html);
        Assert.False(await app.WithDbAsync(db => db.Set<Visit>().AnyAsync()));
    }

    [Fact]
    public async Task Adding_a_row_keeps_the_typed_rows_and_a_draft_saves_rows_with_attending_staff()
    {
        await using var app = await AppFactory.CreateAsync();
        var people = await TripPeople.LoadAsync(app);
        var client = await app.SignInAsync("cqu.applicant");
        var fields = VisitForms.Complete(people.UnitId, VisitForms.Today.AddDays(20), action: "add:Members");
        var added = await VisitForms.PostAsync(client, "/Visits/Create", fields);
        var html = await added.Content.ReadAsStringAsync();
        Assert.Contains("name=\"Form.Members[1].NameLatin\"", html);
        Assert.Contains("value=\"Evelyn Welch\"", html);

        fields["Action"] = "draft";
        fields["Form.Agenda[0].Attendees"] = people.Colleagues[0].Id.ToString();
        fields["Form.Members[1].NameLatin"] = "Tom Sharp";
        fields["Form.Members[1].Nationality"] = "GB";
        fields["Form.Members[1].Organisation"] = "University of Bristol";
        var saved = await VisitForms.PostAsync(client, "/Visits/Create", fields);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var visit = await VisitForms.LoadAsync(app, fields["Form.Title"]);
        Assert.Equal(VisitState.Draft, visit.State);
        Assert.Null(visit.Number);
        Assert.Equal(["Evelyn Welch", "Tom Sharp"], visit.Members.OrderBy(m => m.SortOrder).Select(m => m.NameLatin));
        Assert.True(visit.Members.Single(m => m.NameLatin == "Evelyn Welch").IsLeader);
        var item = Assert.Single(visit.Agenda);
        Assert.Equal(new TimeOnly(9, 0), item.StartTime);
        Assert.Equal(people.Colleagues[0].Id, Assert.Single(item.Attendees).StaffMemberId);
        Assert.Equal(3000m, Assert.Single(visit.Budget).Amount);
        Assert.Equal(480m, Assert.Single(visit.Gifts).Value);

        // An attending colleague sees the visit; a stale edit is refused with the stale-edit message.
        var details = await client.GetStringAsync($"/Visits/Details/{visit.Id}");
        Assert.Contains("Meeting with the president", details);
        var edit = VisitForms.Complete(people.UnitId, VisitForms.Today.AddDays(20), action: "draft", title: "Renamed");
        edit["Form.Version"] = "0";
        var stale = await VisitForms.PostAsync(client, $"/Visits/Edit/{visit.Id}", edit);
        Assert.Contains("changed by someone else", await stale.Content.ReadAsStringAsync());
        edit["Form.Version"] = visit.Version.ToString();
        Assert.Equal(HttpStatusCode.Redirect, (await VisitForms.PostAsync(client, $"/Visits/Edit/{visit.Id}", edit)).StatusCode);
        var renamed = await VisitForms.LoadAsync(app, "Renamed");
        Assert.Single(renamed.Members);

        var deleted = await client.PostFormAsync($"/Visits/Details/{visit.Id}", $"/Visits/Details/{visit.Id}?handler=Delete",
            new() { ["version"] = renamed.Version.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Set<Visit>().AnyAsync()));
    }

    [Fact]
    public async Task The_list_filters_by_vip_level_partner_dates_and_text_and_exports()
    {
        await using var app = await AppFactory.CreateAsync();
        var people = await TripPeople.LoadAsync(app);
        var client = await app.SignInAsync("cqu.applicant");
        var partner = await app.WithDbAsync(async db =>
        {
            var p = new Partner { TenantId = people.TenantId, NameEn = "University of Bristol", CountryCode = "GB" };
            p.Index();
            db.Add(p);
            await db.SaveChangesAsync();
            return p.Id;
        });
        var first = VisitForms.Complete(people.UnitId, VisitForms.Today.AddDays(20), vip: "Important", action: "draft", title: "Bristol leaders");
        first["Form.PartnerId"] = partner.ToString();
        await VisitForms.FileAsync(app, client, first);
        await VisitForms.FileAsync(app, client, VisitForms.Complete(people.UnitId, VisitForms.Today.AddDays(60), action: "draft",
            title: "Lyon researchers", organisation: "Université de Lyon", nationality: "FR"));

        var important = await client.GetStringAsync("/Visits?Vip=Important");
        Assert.Contains("Bristol leaders", important);
        Assert.DoesNotContain("Lyon researchers", important);
        var byPartner = await client.GetStringAsync($"/Visits?Partner={partner}");
        Assert.Contains("Bristol leaders", byPartner);
        Assert.DoesNotContain("Lyon researchers", byPartner);
        var later = await client.GetStringAsync($"/Visits?From={VisitForms.Today.AddDays(40):yyyy-MM-dd}");
        Assert.Contains("Lyon researchers", later);
        Assert.DoesNotContain("Bristol leaders", later);
        var text = await client.GetStringAsync("/Visits?Q=lyon");
        Assert.Contains("Lyon researchers", text);
        Assert.DoesNotContain("Bristol leaders", text);

        var csv = await client.GetStringAsync("/Visits?handler=Export&format=csv&Vip=Important");
        Assert.Contains("Bristol leaders", csv);
        Assert.DoesNotContain("Lyon researchers", csv);
        var xlsx = await client.GetAsync("/Visits?handler=Export&format=xlsx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);

        // The partner's page lists the visit in its history.
        var officer = await app.SignInAsync("cqu.officer-global");
        Assert.Contains("Bristol leaders", await officer.GetStringAsync($"/Partners/Details/{partner}"));

        // Another unit's applicant sees neither.
        var stranger = await app.SignInAsync("cqu.student");
        Assert.NotEqual(HttpStatusCode.OK, (await stranger.GetAsync("/Visits")).StatusCode);
    }
}
