using System.Net;
using Microsoft.EntityFrameworkCore;
using Waishi.Tests.Api;
using Waishi.Web.Features.DueDiligence.Reviews;
using Waishi.Web.Platform.Auditing;

namespace Waishi.Tests.Features.DueDiligence;

public sealed class ReviewApiTests
{
    [Fact]
    public async Task Screening_a_name_returns_candidates_with_their_explanations()
    {
        await using var app = await ReviewApp.CreateReviewAppAsync();
        var officer = await app.SignInAsync("cqu.officer-global");
        var found = await (await officer.GetAsync($"/api/v1/screening?name={Uri.EscapeDataString("哈尔滨工业大学")}&country=cn")).JsonAsync();
        var first = found[0];
        Assert.Equal(FakeEntries.Harbin, first.GetProperty("entryId").GetGuid());
        Assert.True(first.GetProperty("isHit").GetBoolean());
        Assert.Contains("哈尔滨工业大学", first.GetProperty("explanation").GetString());

        var missing = await officer.GetAsync("/api/v1/screening?name=");
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        var applicant = await app.SignInAsync("cqu.applicant");
        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.GetAsync("/api/v1/screening?name=x")).StatusCode);
    }

    [Fact]
    public async Task Only_the_security_officer_and_the_director_list_and_decide_hits_and_decisions_are_audited()
    {
        await using var app = await ReviewApp.CreateReviewAppAsync();
        var officer = await app.SignInAsync("cqu.officer-global");
        var created = await officer.PostJsonAsync("/api/v1/partners", new { nameEn = "Natl. Univ. of Defense Technology", countryCode = "CN", type = "University" });
        var partner = (await created.JsonAsync()).GetProperty("id").GetGuid();

        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync("/api/v1/screening-reviews")).StatusCode);
        var security = await app.SignInAsync("cqu.security-officer");
        var list = await (await security.GetAsync($"/api/v1/screening-reviews?state=Open&subjectId={partner}")).JsonAsync();
        Assert.Equal(1, list.GetProperty("total").GetInt32());
        var review = list.GetProperty("items")[0];
        var id = review.GetProperty("id").GetGuid();
        Assert.Equal("National University of Defense Technology", review.GetProperty("entryName").GetString());
        Assert.False(string.IsNullOrEmpty(review.GetProperty("explanation").GetString()));

        var forbidden = await officer.PostJsonAsync($"/api/v1/screening-reviews/{id}/decision", new { outcome = "FalsePositive", version = 1 });
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        var noNote = await security.PostJsonAsync($"/api/v1/screening-reviews/{id}/decision", new { outcome = "TrueMatch", version = 1 });
        Assert.Equal(HttpStatusCode.BadRequest, noNote.StatusCode);
        Assert.Contains("needs a note", await noNote.Content.ReadAsStringAsync());
        var stale = await security.PostJsonAsync($"/api/v1/screening-reviews/{id}/decision", new { outcome = "TrueMatch", note = "Same institution", version = 7 });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        var director = await app.SignInAsync("cqu.director");
        var done = await director.PostJsonAsync($"/api/v1/screening-reviews/{id}/decision", new { outcome = "TrueMatch", note = "Same institution, checked its website", version = 1 });
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        var body = await done.JsonAsync();
        Assert.Equal("TrueMatch", body.GetProperty("state").GetString());
        Assert.Equal("cqu.director", body.GetProperty("decidedBy").GetString());
        var again = await security.PostJsonAsync($"/api/v1/screening-reviews/{id}/decision", new { outcome = "FalsePositive", version = 2 });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        Assert.True(await app.WithDbAsync(db => db.Set<AuditEntry>().AnyAsync(a => a.EntityType == nameof(ScreeningReview) && a.EntityId == id.ToString() && a.Action == AuditAction.Update)));
        Assert.True(await app.WithDbAsync(db => db.Set<AuditEntry>().AnyAsync(a => a.EntityType == nameof(ScreeningDecision) && a.Action == AuditAction.Create)));
    }
}
