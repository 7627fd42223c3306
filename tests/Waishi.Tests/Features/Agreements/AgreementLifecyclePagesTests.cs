using System.Net;
using Microsoft.EntityFrameworkCore;
using Waishi.Tests.Support;
using Waishi.Web.Features.Agreements;
using static Waishi.Tests.Features.Agreements.LifecycleData;

namespace Waishi.Tests.Features.Agreements;

/// <summary>The expiring page (what ends within the months asked, with export) and the agreement policy page.</summary>
public sealed class AgreementLifecyclePagesTests
{
    [Fact]
    public async Task The_expiring_page_lists_and_exports_what_expires_within_six_months_soonest_first()
    {
        await using var app = await AppFactory.CreateAsync();
        var tenant = await TenantAsync(app);
        var partner = await PartnerAsync(app, tenant, "Expiry Partner University");
        var officer = await UserIdAsync(app, "cqu.officer-global");
        await AgreementAsync(app, tenant, [partner], Today.AddDays(150), a => a.OfficerUserId = officer, "Later in window");
        await AgreementAsync(app, tenant, [partner], Today.AddDays(20), a => a.AutoRenew = true, "Soon in window");
        await AgreementAsync(app, tenant, [partner], Today.AddMonths(6).AddDays(5), title: "Beyond six months");
        await AgreementAsync(app, tenant, [partner], Today.AddDays(30), a => a.State = AgreementState.Terminated, "Terminated one");
        await AgreementAsync(app, tenant, [partner], Today.AddDays(-1), a => a.State = AgreementState.Expired, "Already expired");
        var client = await app.SignInAsync("cqu.officer-hmt");

        var html = await client.GetStringAsync("/Agreements/Expiring");
        Assert.Contains("Soon in window", html);
        Assert.Contains("Later in window", html);
        Assert.True(html.IndexOf("Soon in window", StringComparison.Ordinal) < html.IndexOf("Later in window", StringComparison.Ordinal));
        Assert.Contains("Expiry Partner University", html);
        Assert.Contains(">20</td>", html);
        Assert.DoesNotContain("Beyond six months", html);
        Assert.DoesNotContain("Terminated one", html);
        Assert.DoesNotContain("Already expired", html);

        var csv = await (await client.GetAsync("/Agreements/Expiring?handler=Export&format=csv")).Content.ReadAsStringAsync();
        Assert.Contains("Soon in window", csv);
        Assert.Contains("Later in window", csv);
        Assert.DoesNotContain("Beyond six months", csv);
        var xlsx = await client.GetAsync("/Agreements/Expiring?handler=Export&format=xlsx");
        Assert.Equal(Waishi.Web.Platform.Export.ListExport.XlsxType, xlsx.Content.Headers.ContentType!.ToString());

        Assert.Contains("Beyond six months", await client.GetStringAsync("/Agreements/Expiring?Months=12"));
        var byOfficer = await client.GetStringAsync($"/Agreements/Expiring?Officer={officer}");
        Assert.Contains("Later in window", byOfficer);
        Assert.DoesNotContain("Soon in window", byOfficer);
        Assert.Contains("Choose from 1 to 24 months", await client.GetStringAsync("/Agreements/Expiring?Months=40"));
    }

    [Fact]
    public async Task The_expiring_page_shows_only_the_own_tenants_agreements_and_not_to_applicants()
    {
        await using var app = await AppFactory.CreateAsync();
        var b = await TenantAsync(app, CrossTenant.TenantB);
        await AgreementAsync(app, b, [await PartnerAsync(app, b)], Today.AddDays(20), title: "Other tenant agreement");

        var officer = await app.SignInAsync("cqu.officer-global");
        Assert.DoesNotContain("Other tenant agreement", await officer.GetStringAsync("/Agreements/Expiring"));
        var applicant = await app.SignInAsync("cqu.applicant");
        Assert.NotEqual(HttpStatusCode.OK, (await applicant.GetAsync("/Agreements/Expiring")).StatusCode);
    }

    [Fact]
    public async Task The_expiring_and_mobility_pages_speak_Chinese()
    {
        await using var app = await AppFactory.CreateAsync();
        var tenant = await TenantAsync(app);
        var partner = await PartnerAsync(app, tenant);
        var agreement = await AgreementAsync(app, tenant, [partner], Today.AddDays(40));
        await QuotaAsync(app, agreement, partner, MobilityDirection.Outgoing, Waishi.Web.Platform.Ewp.MobilityKind.StudentStudies, 2026, 2026, 0);
        await MobilityAsync(app, agreement, partner, MobilityDirection.Outgoing, Waishi.Web.Platform.Ewp.MobilityKind.StudentStudies, 2026);
        var client = await app.SignInAsync("cqu.officer-global", culture: "zh-CN");

        var expiring = await client.GetStringAsync("/Agreements/Expiring");
        Assert.Contains("即将到期的协议", expiring);
        Assert.Contains("剩余天数", expiring);
        Assert.DoesNotContain("Days left", expiring);
        var mobilities = await client.GetStringAsync($"/Agreements/Mobilities?Filter.AgreementId={agreement.Id}");
        Assert.Contains("名额使用情况", mobilities);
        Assert.Contains("超出名额", mobilities);
        Assert.Contains("学生学习", mobilities);
        Assert.DoesNotContain("Quota use", mobilities);
    }

    private static Dictionary<string, string> PolicyFields(string reminders, int expiringDays = 120, long version = 0, string hei = "cqu.edu.cn") => new()
    {
        ["Form.EwpHeiId"] = hei, ["Form.ExpiringDays"] = expiringDays.ToString(), ["Form.ReminderDays"] = reminders,
        ["Form.DormantYears"] = "3", ["Form.Version"] = version.ToString(),
    };

    [Fact]
    public async Task The_director_sets_the_policy_with_checks_and_another_tenants_policy_stays()
    {
        await using var app = await AppFactory.CreateAsync();
        var a = await TenantAsync(app, CrossTenant.TenantA);
        var b = await TenantAsync(app, CrossTenant.TenantB);
        await SetPolicyAsync(app, b, p => p.ExpiringDays = 45);
        var director = await app.SignInAsync("cqu.director");

        var page = await director.GetStringAsync("/Agreements/Policy");
        Assert.Contains("value=\"180\"", page);
        Assert.DoesNotContain("value=\"45\"", page);

        var bad = await director.PostFormAsync("/Agreements/Policy", "/Agreements/Policy", PolicyFields("180, ninety", 0, hei: "not a domain"));
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var html = await bad.Content.ReadAsStringAsync();
        Assert.Contains("separated by commas, such as 180,90,30", html);
        Assert.Contains("must be between 1 and 730", html);
        Assert.Contains("internet domain", html);
        Assert.Contains("180, ninety", html);

        var ok = await director.PostFormAsync("/Agreements/Policy", "/Agreements/Policy", PolicyFields("30, 120,60"));
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var saved = await app.WithDbAsync(db => db.Set<AgreementPolicy>().AsNoTracking().SingleAsync(p => p.TenantId == a));
        Assert.Equal((120, "120,60,30", 3, "cqu.edu.cn"), (saved.ExpiringDays, saved.ReminderDays, saved.DormantYears, saved.EwpHeiId));
        Assert.Equal(45, await app.WithDbAsync(db => db.Set<AgreementPolicy>().Where(p => p.TenantId == b).Select(p => p.ExpiringDays).SingleAsync()));

        var stale = await director.PostFormAsync("/Agreements/Policy", "/Agreements/Policy", PolicyFields("90", 100, version: 0));
        Assert.Contains("changed by someone else", await stale.Content.ReadAsStringAsync());

        var officer = await app.SignInAsync("cqu.officer-global");
        Assert.NotEqual(HttpStatusCode.OK, (await officer.GetAsync("/Agreements/Policy")).StatusCode);
    }
}
