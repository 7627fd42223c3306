using System.Net;
using Microsoft.EntityFrameworkCore;
using Waishi.Tests.Api;
using Waishi.Tests.Features.Ror;
using Waishi.Tests.Features.Trips;
using Waishi.Tests.Support;
using Waishi.Web.Features.Partners;
using Waishi.Web.Features.Ror;
using Waishi.Web.Features.Trips;
using Waishi.Web.Platform.Auditing;

namespace Waishi.Tests.Features.Partners;

public sealed class PartnersApiTests
{
    private static object Body(string nameEn, string country = "GB", string? rorId = null, bool createAnyway = false, string? nameZh = null) =>
        new { nameEn, nameZh, countryCode = country, type = "University", rorId, createAnyway, city = "Oxford" };

    private static async Task<Guid> CreateAsync(HttpClient client, object body)
    {
        var response = await client.PostJsonAsync("/api/v1/partners", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.JsonAsync()).GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task A_partner_is_created_with_its_region_derived_from_the_country_and_found_by_any_name()
    {
        await using var app = await AppFactory.CreateAsync();
        var client = await app.SignInAsync("cqu.officer-hmt");
        var id = await CreateAsync(client, new { nameEn = "The University of Hong Kong", nameZh = "香港大学", acronyms = "HKU", countryCode = "hk", type = "University", rorId = "https://ror.org/02zhqgq86" });

        var partner = await (await client.GetAsync($"/api/v1/partners/{id}")).JsonAsync();
        Assert.Equal("HongKong", partner.GetProperty("region").GetString());
        Assert.Equal("HK", partner.GetProperty("countryCode").GetString());
        Assert.Equal("02zhqgq86", partner.GetProperty("rorId").GetString());

        foreach (var q in new[] { "hku", "香港大学", "university of hong kong", "UNIVERSITY-of  Hong Kong" })
        {
            var found = await (await client.GetAsync($"/api/v1/partners?q={Uri.EscapeDataString(q)}&region=HongKong")).JsonAsync();
            Assert.Contains(found.GetProperty("items").EnumerateArray(), p => p.GetProperty("id").GetGuid() == id);
        }
        var foreign = await (await client.GetAsync("/api/v1/partners?region=Foreign&q=hku")).JsonAsync();
        Assert.Equal(0, foreign.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Validation_names_the_field_and_the_fix()
    {
        await using var app = await AppFactory.CreateAsync();
        var client = await app.SignInAsync("cqu.officer-global");
        var response = await client.PostJsonAsync("/api/v1/partners", new { nameEn = "", countryCode = "Britain", type = "University", rorId = "ror", website = "ftp://x" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        Assert.Contains("English name", errors.GetProperty("nameEn")[0].GetString());
        Assert.Contains("two-letter", errors.GetProperty("countryCode")[0].GetString());
        Assert.Contains("ror.org", errors.GetProperty("rorId")[0].GetString());
        Assert.Contains("https://", errors.GetProperty("website")[0].GetString());
    }

    [Fact]
    public async Task The_same_ror_id_or_a_normalised_name_is_offered_as_a_duplicate_until_create_anyway()
    {
        await using var app = await AppFactory.CreateAsync();
        var client = await app.SignInAsync("cqu.officer-global");
        var first = await CreateAsync(client, Body("Université de Genève", "CH", "01swzsf04"));

        // Same ROR id under another name.
        var byRor = await client.PostJsonAsync("/api/v1/partners", Body("University of Geneva", "CH", "https://ror.org/01swzsf04"));
        Assert.Equal(HttpStatusCode.Conflict, byRor.StatusCode);
        var problem = await byRor.JsonAsync();
        Assert.Contains("This may be Université de Genève", problem.GetProperty("detail").GetString());
        var dup = problem.GetProperty("duplicates")[0];
        Assert.Equal(first, dup.GetProperty("id").GetGuid());
        Assert.Equal(PartnerDuplicates.SameRorId, dup.GetProperty("reason").GetString());

        // Same name after normalisation (case, diacritics, punctuation, spacing, "The").
        var byName = await client.PostJsonAsync("/api/v1/partners", Body("THE  universite de geneve!", "CH"));
        Assert.Equal(HttpStatusCode.Conflict, byName.StatusCode);
        Assert.Equal(PartnerDuplicates.SameName, (await byName.JsonAsync()).GetProperty("duplicates")[0].GetProperty("reason").GetString());

        var check = await (await client.PostJsonAsync("/api/v1/partners/duplicates", Body("Universite de Geneve", "CH"))).JsonAsync();
        Assert.Equal(first, check.GetProperty("duplicates")[0].GetProperty("id").GetGuid());
        var none = await (await client.PostJsonAsync("/api/v1/partners/duplicates", Body("University of Zurich", "CH"))).JsonAsync();
        Assert.Equal(0, none.GetProperty("duplicates").GetArrayLength());

        Assert.Equal(1, await app.WithDbAsync(db => db.Set<Partner>().CountAsync()));
        await CreateAsync(client, Body("THE  universite de geneve!", "CH", createAnyway: true));
        Assert.Equal(2, await app.WithDbAsync(db => db.Set<Partner>().CountAsync()));

        // Editing a partner into another's name is caught too.
        var other = await CreateAsync(client, Body("University of Zurich", "CH"));
        var edit = await client.PutJsonAsync($"/api/v1/partners/{other}", new { nameEn = "Université de Genève", countryCode = "CH", type = "University", version = 1 });
        Assert.Equal(HttpStatusCode.Conflict, edit.StatusCode);
    }

    [Fact]
    public async Task Merging_moves_contacts_and_trips_removes_the_merged_partner_and_is_audited()
    {
        await using var app = await AppFactory.CreateAsync();
        var client = await app.SignInAsync("cqu.officer-global");
        var keep = await CreateAsync(client, Body("University of Oxford", rorId: "052gg0110"));
        var merged = await CreateAsync(client, Body("Oxford University", createAnyway: true, nameZh: "牛津大学"));
        foreach (var (owner, name) in new[] { (keep, "Alice"), (merged, "Bob"), (merged, "Carol") })
        {
            var added = await client.PostJsonAsync($"/api/v1/partners/{owner}/contacts", new { name, role = "Director", email = $"{name.ToLowerInvariant()}@ox.ac.uk" });
            Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        }
        var people = await TripPeople.LoadAsync(app);
        var trip = new TripBuilder(people, DateOnly.FromDateTime(DateTime.UtcNow)).Build();
        trip.PartnerId = merged;
        await app.WithDbAsync(async db => { db.Add(trip); await db.SaveChangesAsync(); });

        var deleteLinked = await client.DeleteAsync($"/api/v1/partners/{merged}");
        Assert.Equal(HttpStatusCode.Conflict, deleteLinked.StatusCode);

        var response = await client.PostJsonAsync($"/api/v1/partners/{keep}/merge", new { mergeId = merged, version = 1L });
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var result = await response.JsonAsync();
        Assert.Equal(3, result.GetProperty("movedRows").GetInt32());
        var partner = result.GetProperty("partner");
        Assert.Equal(["Alice", "Bob", "Carol"], partner.GetProperty("contacts").EnumerateArray().Select(c => c.GetProperty("name").GetString()!).Order());
        Assert.Equal("牛津大学", partner.GetProperty("nameZh").GetString());
        Assert.Contains("Oxford University", partner.GetProperty("formerNames").EnumerateArray().Select(n => n.GetString()));

        Assert.False(await app.WithDbAsync(db => db.Set<Partner>().AnyAsync(p => p.Id == merged)));
        Assert.Equal(keep, await app.WithDbAsync(db => db.Set<Trip>().Where(t => t.Id == trip.Id).Select(t => t.PartnerId).SingleAsync()));
        Assert.True(await app.WithDbAsync(db => db.Set<AuditEntry>().AnyAsync(a => a.EntityType == "Partner" && a.EntityId == merged.ToString() && a.Action == AuditAction.Delete)));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/partners/{merged}")).StatusCode);

        var stale = await client.PostJsonAsync($"/api/v1/partners/{keep}/merge", new { mergeId = merged });
        Assert.Equal(HttpStatusCode.NotFound, stale.StatusCode);
    }

    [Fact]
    public async Task Office_roles_read_partners_only_the_sections_edit_them()
    {
        await using var app = await AppFactory.CreateAsync();
        var officer = await app.SignInAsync("cqu.officer-global");
        var id = await CreateAsync(officer, Body("Kyoto University", "JP"));

        var exit = await app.SignInAsync("cqu.officer-exit");
        Assert.Equal(HttpStatusCode.OK, (await exit.GetAsync($"/api/v1/partners/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await exit.PostJsonAsync("/api/v1/partners", Body("Osaka University", "JP"))).StatusCode);
        var applicant = await app.SignInAsync("cqu.applicant");
        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.GetAsync("/api/v1/partners")).StatusCode);
    }

    [Fact]
    public async Task The_registry_is_read_by_every_tenant_and_its_import_status_only_by_the_authority_admin()
    {
        await using var app = await AppFactory.CreateAsync();
        await app.WithDbAsync(async db =>
        {
            await using var stream = RorDump.Stream("[" + RorDump.Record(1).ToJsonString() + "," + RorDump.Record(2).ToJsonString() + "]");
            await new RorImporter(db, TimeProvider.System).ImportAsync(stream, new RorImportFilter());
        });
        foreach (var user in new[] { "cqu.applicant", "cqupt.officer-exit", "cqfao.fao-officer" })
        {
            var client = await app.SignInAsync(user);
            var found = await (await client.GetAsync("/api/v1/ror?q=test+university+number+1&country=GB")).JsonAsync();
            Assert.Equal(RorDump.IdOf(1), found.GetProperty("items")[0].GetProperty("rorId").GetString());
            var one = await (await client.GetAsync($"/api/v1/ror/{Uri.EscapeDataString("https://ror.org/" + RorDump.IdOf(2))}")).JsonAsync();
            Assert.Equal(RorDump.NameOf(2), one.GetProperty("name").GetString());
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/ror/import/status")).StatusCode);
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignInAsync("cqu.tenant-admin")).GetAsync("/api/v1/ror/import/status")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await app.SignInAsync("cqfao.tenant-admin")).GetAsync("/api/v1/ror/import/status")).StatusCode);
    }

    [Fact]
    public async Task Another_tenants_partner_contacts_and_merge_answer_404()
    {
        await using var app = await AppFactory.CreateAsync();
        var other = await app.SignInAsync("cqupt.director");
        var theirs = await CreateAsync(other, Body("Imperial College London"));
        var contact = (await (await other.PostJsonAsync($"/api/v1/partners/{theirs}/contacts", new { name = "Dana" })).JsonAsync()).GetProperty("id").GetGuid();

        var client = await app.SignInAsync("cqu.officer-global");
        var mine = await CreateAsync(client, Body("Imperial College London"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.PutJsonAsync($"/api/v1/partners/{theirs}/contacts/{contact}", new { name = "Tampered" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PutJsonAsync($"/api/v1/partners/{mine}/contacts/{contact}", new { name = "Tampered" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync($"/api/v1/partners/{mine}/contacts/{contact}")).StatusCode);
        // Merging another tenant's partner into one's own finds nothing to merge.
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostJsonAsync($"/api/v1/partners/{mine}/merge", new { mergeId = theirs })).StatusCode);
        Assert.Equal("Dana", await app.WithDbAsync(db => db.Set<PartnerContact>().Where(c => c.Id == contact).Select(c => c.Name).SingleAsync()));
        Assert.True(await app.WithDbAsync(db => db.Set<Partner>().AnyAsync(p => p.Id == theirs)));
    }
}
