using System.Net;
using Microsoft.EntityFrameworkCore;
using Waishi.Tests.Api;
using Waishi.Tests.Support;
using Waishi.Web.Features.Agreements;
using Waishi.Web.Platform.Ewp;
using static Waishi.Tests.Features.Agreements.LifecycleData;

namespace Waishi.Tests.Features.Agreements;

/// <summary>Quota use (places, used, remaining per year), and mobilities recorded by hand on the
/// pages and through the API.</summary>
public sealed class AgreementQuotaTests
{
    [Fact]
    public void Quota_use_counts_mobilities_per_partner_direction_kind_and_year()
    {
        var partner = Guid.NewGuid();
        var other = Guid.NewGuid();
        AgreementQuota Quota(int first, int last, int places, MobilityDirection direction = MobilityDirection.Outgoing) => new()
        {
            PartnerId = partner, Direction = direction, Kind = MobilityKind.StudentStudies, FirstYear = first, LastYear = last, PlacesPerYear = places,
        };
        var rows = QuotaUse.Compute(
            [Quota(2026, 2027, 2), Quota(2027, 2027, 1), Quota(2026, 2026, 4, MobilityDirection.Incoming)],
            [
                (partner, MobilityDirection.Outgoing, MobilityKind.StudentStudies, 2026, 3),
                (partner, MobilityDirection.Outgoing, MobilityKind.StudentStudies, 2027, 1),
                (partner, MobilityDirection.Incoming, MobilityKind.StudentStudies, 2026, 4),
                (partner, MobilityDirection.Outgoing, MobilityKind.StaffTeacher, 2026, 1),
                (other, MobilityDirection.Outgoing, MobilityKind.StudentStudies, 2026, 1),
            ],
            id => (id == partner ? "Partner" : "Other", null));

        QuotaUseRow Row(Guid p, MobilityDirection d, MobilityKind k, int year) =>
            Assert.Single(rows, r => r.PartnerId == p && r.Direction == d && r.Kind == k && r.Year == year);
        var over = Row(partner, MobilityDirection.Outgoing, MobilityKind.StudentStudies, 2026);
        Assert.Equal((2, 3, -1, true), (over.Places, over.Used, over.Remaining, over.OverQuota));
        // Two quota rows covering one year add up.
        var both = Row(partner, MobilityDirection.Outgoing, MobilityKind.StudentStudies, 2027);
        Assert.Equal((3, 1, 2, false), (both.Places, both.Used, both.Remaining, both.OverQuota));
        var full = Row(partner, MobilityDirection.Incoming, MobilityKind.StudentStudies, 2026);
        Assert.Equal((4, 4, 0, false), (full.Places, full.Used, full.Remaining, full.OverQuota));
        // Mobilities that no quota covers are over quota.
        Assert.True(Row(partner, MobilityDirection.Outgoing, MobilityKind.StaffTeacher, 2026).OverQuota);
        Assert.Equal(-1, Row(other, MobilityDirection.Outgoing, MobilityKind.StudentStudies, 2026).Remaining);
        Assert.Equal(5, rows.Count);
        Assert.Equal("2026/2027", over.AcademicYear);
    }

    [Fact]
    public async Task The_api_records_a_mobility_and_the_quota_use_follows_to_over_quota()
    {
        await using var app = await AppFactory.CreateAsync();
        var tenant = await TenantAsync(app);
        var partner = await PartnerAsync(app, tenant, "University of Quotas", "配额大学");
        var agreement = await AgreementAsync(app, tenant, [partner]);
        await QuotaAsync(app, agreement, partner, MobilityDirection.Outgoing, MobilityKind.StudentStudies, 2026, 2027, 1);
        var client = await app.SignInAsync("cqu.officer-global");

        var body = new { partnerId = partner.Id, direction = "Outgoing", kind = "StudentStudies", year = 2026, personName = "王小明", startOn = "2026-09-01", endOn = "2027-01-31" };
        var first = await client.PostJsonAsync($"/api/v1/agreements/{agreement.Id}/mobilities", body);
        Assert.True(first.StatusCode == HttpStatusCode.Created, await first.Content.ReadAsStringAsync());
        var created = await first.JsonAsync();
        Assert.Equal("2026/2027", created.GetProperty("academicYear").GetString());

        var use = await (await client.GetAsync($"/api/v1/agreements/{agreement.Id}/quota-use")).JsonAsync();
        var y2026 = use.EnumerateArray().Single(r => r.GetProperty("year").GetInt32() == 2026);
        Assert.Equal((1, 1, 0), (y2026.GetProperty("places").GetInt32(), y2026.GetProperty("used").GetInt32(), y2026.GetProperty("remaining").GetInt32()));
        Assert.Equal("University of Quotas", y2026.GetProperty("partnerName").GetString());

        Assert.Equal(HttpStatusCode.Created, (await client.PostJsonAsync($"/api/v1/agreements/{agreement.Id}/mobilities", body with { personName = "李雷" })).StatusCode);
        use = await (await client.GetAsync($"/api/v1/agreements/{agreement.Id}/quota-use")).JsonAsync();
        y2026 = use.EnumerateArray().Single(r => r.GetProperty("year").GetInt32() == 2026);
        Assert.Equal(-1, y2026.GetProperty("remaining").GetInt32());
        Assert.True(y2026.GetProperty("overQuota").GetBoolean());
        Assert.Equal(1, use.EnumerateArray().Single(r => r.GetProperty("year").GetInt32() == 2027).GetProperty("remaining").GetInt32());

        var list = await (await client.GetAsync($"/api/v1/agreements/{agreement.Id}/mobilities?year=2026&direction=Outgoing")).JsonAsync();
        Assert.Equal(2, list.GetProperty("total").GetInt32());

        // Deleting names the version it saw; an old one is refused.
        var id = created.GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Conflict, (await client.DeleteAsync($"/api/v1/agreement-mobilities/{id}?version=99")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/agreement-mobilities/{id}?version={created.GetProperty("version").GetInt64()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync($"/api/v1/agreement-mobilities/{id}")).StatusCode);
        list = await (await client.GetAsync($"/api/v1/agreements/{agreement.Id}/mobilities")).JsonAsync();
        Assert.Equal(1, list.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task The_api_refuses_a_mobility_with_a_message_per_field()
    {
        await using var app = await AppFactory.CreateAsync();
        var tenant = await TenantAsync(app);
        var partner = await PartnerAsync(app, tenant);
        var stranger = await PartnerAsync(app, tenant, "Not A Party University");
        var agreement = await AgreementAsync(app, tenant, [partner]);
        var client = await app.SignInAsync("cqu.officer-global");

        var response = await client.PostJsonAsync($"/api/v1/agreements/{agreement.Id}/mobilities",
            new { partnerId = stranger.Id, direction = "Outgoing", year = 1990, personName = " ", startOn = "2026-09-01", endOn = "2026-08-01" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        Assert.Contains("parties", errors.GetProperty("partnerId")[0].GetString());
        Assert.Contains("kind of mobility", errors.GetProperty("kind")[0].GetString());
        Assert.Contains("2000 to 2100", errors.GetProperty("year")[0].GetString());
        Assert.Contains("name", errors.GetProperty("personName")[0].GetString());
        Assert.Contains("before the start date", errors.GetProperty("endOn")[0].GetString());
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<AgreementMobility>().CountAsync(m => m.AgreementId == agreement.Id)));
    }

    [Fact]
    public async Task Readers_may_not_record_and_another_tenants_agreement_is_not_found()
    {
        await using var app = await AppFactory.CreateAsync();
        var b = await TenantAsync(app, CrossTenant.TenantB);
        var partner = await PartnerAsync(app, b);
        var agreement = await AgreementAsync(app, b, [partner]);
        var body = new { partnerId = partner.Id, direction = "Outgoing", kind = "StudentStudies", year = 2026, personName = "X" };

        var auditor = await app.SignInAsync("cqupt.auditor");
        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync($"/api/v1/agreements/{agreement.Id}/quota-use")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.PostJsonAsync($"/api/v1/agreements/{agreement.Id}/mobilities", body)).StatusCode);

        var officerA = await app.SignInAsync("cqu.officer-global");
        Assert.Equal(HttpStatusCode.NotFound, (await officerA.GetAsync($"/api/v1/agreements/{agreement.Id}/quota-use")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await officerA.GetAsync($"/api/v1/agreements/{agreement.Id}/mobilities")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await officerA.PostJsonAsync($"/api/v1/agreements/{agreement.Id}/mobilities", body)).StatusCode);
        var mobility = await MobilityAsync(app, agreement, partner, MobilityDirection.Outgoing, MobilityKind.StudentStudies, 2026);
        Assert.Equal(HttpStatusCode.NotFound, (await officerA.DeleteAsync($"/api/v1/agreement-mobilities/{mobility.Id}")).StatusCode);
        Assert.True(await app.WithDbAsync(db => db.Set<AgreementMobility>().AnyAsync(m => m.Id == mobility.Id)));
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<AgreementMobility>().CountAsync(m => m.AgreementId == agreement.Id)));
    }

    [Fact]
    public async Task The_record_page_keeps_what_was_typed_and_names_the_field_then_records_and_wakes_a_dormant_agreement()
    {
        await using var app = await AppFactory.CreateAsync();
        var tenant = await TenantAsync(app);
        var partner = await PartnerAsync(app, tenant);
        var agreement = await AgreementAsync(app, tenant, [partner], change: a =>
        {
            a.EffectiveOn = Today.AddYears(-5);
            a.Dormant = true;
        });
        await QuotaAsync(app, agreement, partner, MobilityDirection.Incoming, MobilityKind.StaffTeacher, Today.Year - 1, Today.Year + 1, 1);
        var client = await app.SignInAsync("cqu.officer-global");
        var url = $"/Agreements/Mobilities/Record?agreementId={agreement.Id}";
        var fields = new Dictionary<string, string>
        {
            ["Form.PartnerId"] = partner.Id.ToString(), ["Form.Direction"] = "Incoming", ["Form.Kind"] = "StaffTeacher",
            ["Form.Year"] = Today.Year.ToString(), ["Form.PersonName"] = "", ["Form.Notes"] = "Visiting lecturer in spring",
            ["Form.StartOn"] = Today.ToString("yyyy-MM-dd"),
        };

        var bad = await client.PostFormAsync(url, url, fields);
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var html = await bad.Content.ReadAsStringAsync();
        Assert.Contains("Enter the name of the person who goes or comes.", html);
        Assert.Contains("Visiting lecturer in spring", html);

        fields["Form.PersonName"] = "Anna Schmidt";
        var ok = await client.PostFormAsync(url, url, fields);
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        Assert.False((await ReloadAsync(app, agreement.Id)).Dormant);

        var list = await client.GetStringAsync($"/Agreements/Mobilities?Filter.AgreementId={agreement.Id}");
        Assert.Contains("Anna Schmidt", list);
        Assert.Contains("data-testid=\"quota-use\"", list);
        Assert.DoesNotContain("data-testid=\"over-quota\"", list);

        fields["Form.PersonName"] = "Second Lecturer";
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync(url, url, fields)).StatusCode);
        list = await client.GetStringAsync($"/Agreements/Mobilities?Filter.AgreementId={agreement.Id}");
        Assert.Contains("data-testid=\"over-quota\"", list);
    }

    [Fact]
    public async Task An_agreement_not_in_force_takes_no_mobility()
    {
        await using var app = await AppFactory.CreateAsync();
        var tenant = await TenantAsync(app);
        var partner = await PartnerAsync(app, tenant);
        var agreement = await AgreementAsync(app, tenant, [partner], change: a => a.State = AgreementState.Expired);
        var client = await app.SignInAsync("cqu.officer-global");
        var url = $"/Agreements/Mobilities/Record?agreementId={agreement.Id}";

        var response = await client.PostFormAsync(url, url, new()
        {
            ["Form.PartnerId"] = partner.Id.ToString(), ["Form.Direction"] = "Outgoing", ["Form.Kind"] = "StudentStudies",
            ["Form.Year"] = "2026", ["Form.PersonName"] = "Too Late",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("only under an agreement in force", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<AgreementMobility>().CountAsync(m => m.AgreementId == agreement.Id)));
    }

    [Fact]
    public async Task The_mobility_list_filters_exports_and_deletes()
    {
        await using var app = await AppFactory.CreateAsync();
        var tenant = await TenantAsync(app);
        var partner = await PartnerAsync(app, tenant);
        var agreement = await AgreementAsync(app, tenant, [partner]);
        var kept = await MobilityAsync(app, agreement, partner, MobilityDirection.Outgoing, MobilityKind.StudentStudies, 2026, name: "Outgoing Student");
        await MobilityAsync(app, agreement, partner, MobilityDirection.Incoming, MobilityKind.StaffTraining, 2025, name: "Incoming Trainee");
        var client = await app.SignInAsync("cqu.officer-global");

        var outgoing = await client.GetStringAsync("/Agreements/Mobilities?Filter.Direction=Outgoing");
        Assert.Contains("Outgoing Student", outgoing);
        Assert.DoesNotContain("Incoming Trainee", outgoing);

        var csv = await client.GetAsync($"/Agreements/Mobilities?handler=Export&format=csv&Filter.AgreementId={agreement.Id}&Filter.Year=2025");
        var text = await csv.Content.ReadAsStringAsync();
        Assert.Contains("Incoming Trainee", text);
        Assert.DoesNotContain("Outgoing Student", text);
        var xlsx = await client.GetAsync($"/Agreements/Mobilities?handler=Export&format=xlsx&Filter.AgreementId={agreement.Id}");
        Assert.Equal(Waishi.Web.Platform.Export.ListExport.XlsxType, xlsx.Content.Headers.ContentType!.ToString());

        var delete = $"/Agreements/Mobilities/Delete/{kept.Id}";
        var response = await client.PostFormAsync(delete, delete, new() { ["Version"] = kept.Version.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Set<AgreementMobility>().AnyAsync(m => m.Id == kept.Id)));
    }
}
