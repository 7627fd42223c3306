using System.Net;
using Microsoft.EntityFrameworkCore;
using Waishi.Tests.Support;
using Waishi.Web.Features.DueDiligence.Profiles;
using Waishi.Web.Features.Partners;
using Waishi.Web.Platform.Auditing;

namespace Waishi.Tests.Features.DueDiligence;

/// <summary>The profile pages: the form keeps what was typed and names the fix, the risk level needs a
/// rationale and a source and lands in the audit log, the list filters and exports, and who may do what.</summary>
public sealed class ProfilePagesTests
{
    private static bool Refused(HttpResponseMessage r) =>
        r.StatusCode == HttpStatusCode.Forbidden
        || (r.StatusCode == HttpStatusCode.Redirect && r.Headers.Location!.OriginalString.Contains("Denied", StringComparison.Ordinal));

    [Fact]
    public async Task A_failed_form_keeps_what_was_typed_and_a_saved_profile_links_its_partner()
    {
        await using var app = await AppFactory.CreateAsync();
        var partnerId = await app.WithDbAsync(async db =>
        {
            var tenant = await ProfileData.TenantAsync(app);
            var partner = new Partner { TenantId = tenant, NameEn = "Harbin Institute of Technology", CountryCode = "CN" };
            partner.Index();
            db.Add(partner);
            await db.SaveChangesAsync();
            return partner.Id;
        });
        var client = await app.SignInAsync(ProfileData.Officer);
        var fields = new Dictionary<string, string>
        {
            ["Form.NameEn"] = "Harbin Institute of Technology", ["Form.NameZh"] = "哈尔滨工业大学", ["Form.Aliases"] = "HIT\nHarbin Gongye Daxue",
            ["Form.CountryCode"] = "China", ["Form.Categories"] = "SevenSons", ["Form.Addresses"] = "92 West Dazhi Street, Harbin | north | 126.6",
            ["Form.PartnerId"] = partnerId.ToString(),
        };
        var refused = await client.PostFormAsync("/DueDiligence/Profiles/Create", "/DueDiligence/Profiles/Create", fields);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("two-letter ISO code", html);
        Assert.Contains("Address line 1", html);
        Assert.Contains("value=\"哈尔滨工业大学\"", html);
        Assert.Contains("Harbin Gongye Daxue", html);

        fields["Form.CountryCode"] = "cn";
        fields["Form.Addresses"] = "92 West Dazhi Street, Harbin | 45.75 | 126.63";
        var saved = await client.PostFormAsync("/DueDiligence/Profiles/Create", "/DueDiligence/Profiles/Create", fields);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var details = await client.GetStringAsync(saved.Headers.Location!.OriginalString);
        Assert.Contains("哈尔滨工业大学", details);
        Assert.Contains("45.75", details);
        Assert.Contains($"/Partners/Details/{partnerId}", details);
        Assert.Contains("Unrated", details);

        Assert.Contains("data-testid=\"profile-row\"", await client.GetStringAsync("/DueDiligence/Profiles?Q=哈尔滨工业大学&Category=SevenSons&Linked=true"));
        Assert.DoesNotContain("data-testid=\"profile-row\"", await client.GetStringAsync("/DueDiligence/Profiles?Linked=false"));
        Assert.DoesNotContain("data-testid=\"profile-row\"", await client.GetStringAsync("/DueDiligence/Profiles?Category=Military"));
        Assert.Contains("Harbin Institute of Technology", await client.GetStringAsync("/DueDiligence/Profiles?handler=Export&format=csv&Risk=Unrated"));
    }

    [Fact]
    public async Task The_risk_level_needs_a_rationale_and_a_source_and_its_change_is_in_the_audit_log()
    {
        await using var app = await AppFactory.CreateAsync();
        var tenant = await ProfileData.TenantAsync(app);
        await ProfileData.ImportAsync(app, tenant);
        var id = await app.WithDbAsync(db => db.Set<InstitutionProfile>().Where(p => p.TenantId == tenant && p.ExternalUuid == ProfileData.AcademyUuid).Select(p => p.Id).SingleAsync());
        var stamp = await app.WithDbAsync(db => db.Set<DueDiligenceStamp>().Where(s => s.TenantId == tenant).Select(s => s.Value).SingleAsync());
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<InstitutionProfile>().Where(p => p.Id == id).Select(p => p.Version).SingleAsync()));
        var client = await app.SignInAsync(ProfileData.Officer);
        var url = $"/DueDiligence/Profiles/Details/{id}";

        var refused = await client.PostFormAsync(url, url + "?handler=Risk", new() { ["Risk.Level"] = "VeryHigh", ["Risk.Version"] = "1", ["Risk.SourceId"] = "" });
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("rationale of the risk level", html);
        Assert.Contains("Name the source of the risk level", html);
        Assert.Equal(RiskLevel.Unrated, await app.WithDbAsync(db => db.Set<InstitutionProfile>().Where(p => p.Id == id).Select(p => p.RiskLevel).SingleAsync()));

        var saved = await client.PostFormAsync(url, url + "?handler=Risk", new()
        {
            ["Risk.Level"] = "VeryHigh", ["Risk.Version"] = "1", ["Risk.Rationale"] = "Leads military science for the whole PLA.",
            ["Risk.NewSourceTitle"] = "Reviewer's note", ["Risk.NewSourceUrl"] = "https://unitracker.aspi.org.au/universities/academy-of-military-science",
        });
        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, System.Text.RegularExpressions.Regex.Match(await saved.Content.ReadAsStringAsync(), "alert-danger[^>]*>(.*?)</div>|field-validation-error[^>]*>([^<]+)<", System.Text.RegularExpressions.RegexOptions.Singleline).Value);
        var profile = await app.WithDbAsync(db => db.Set<InstitutionProfile>().Include(p => p.Sources).SingleAsync(p => p.Id == id));
        Assert.Equal(RiskLevel.VeryHigh, profile.RiskLevel);
        Assert.Equal("Reviewer's note", profile.Sources.Single(s => s.Id == profile.RiskSourceId).Title);
        Assert.NotNull(profile.LastReviewedOn);
        Assert.False(string.IsNullOrEmpty(profile.ReviewerName));
        Assert.Contains("Leads military science", await client.GetStringAsync(url));

        var audit = await app.WithDbAsync(db => db.Set<AuditEntry>().Where(a => a.EntityType == nameof(InstitutionProfile) && a.EntityId == id.ToString()).ToListAsync());
        Assert.Contains(audit, a => a.After is not null && a.After.Contains("VeryHigh", StringComparison.Ordinal) && a.Before!.Contains("Unrated", StringComparison.Ordinal));
        Assert.True(await app.WithDbAsync(db => db.Set<DueDiligenceStamp>().Where(s => s.TenantId == tenant).Select(s => s.Value).SingleAsync()) > stamp);

        // A form made from the old version is told that someone else saved in between.
        var stale = await client.PostFormAsync(url, url + "?handler=Risk", new()
        {
            ["Risk.Level"] = "Low", ["Risk.Version"] = "1", ["Risk.Rationale"] = "x", ["Risk.SourceId"] = profile.RiskSourceId.ToString()!,
        });
        Assert.Contains("changed by someone else", await stale.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("cqu.security-officer", true, true)]
    [InlineData("cqu.director", true, true)]
    [InlineData("cqu.officer-global", true, false)]
    [InlineData("cqu.auditor", true, false)]
    [InlineData("cqu.applicant", false, false)]
    public async Task Security_officers_and_directors_keep_profiles_and_office_roles_read_them(string user, bool reads, bool edits)
    {
        await using var app = await AppFactory.CreateAsync();
        var client = await app.SignInAsync(user);
        var list = await client.GetAsync("/DueDiligence/Profiles");
        Assert.Equal(reads, list.StatusCode == HttpStatusCode.OK);
        if (reads)
        {
            var create = await client.GetAsync("/DueDiligence/Profiles/Create");
            Assert.Equal(edits, create.StatusCode == HttpStatusCode.OK);
            Assert.Equal(!edits, Refused(create));
            Assert.Equal(edits, (await client.GetAsync("/DueDiligence/Watchlists/Import/" + Guid.NewGuid())).StatusCode == HttpStatusCode.NotFound);
        }
        else
        {
            Assert.True(Refused(list));
        }
    }
}
