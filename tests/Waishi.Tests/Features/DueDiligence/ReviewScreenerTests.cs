using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Waishi.Tests.Api;
using Waishi.Web.Features.DueDiligence.Reviews;
using Waishi.Web.Features.DueDiligence.Screening;

namespace Waishi.Tests.Features.DueDiligence;

public sealed class ReviewScreenerTests
{
    private static async Task<Guid> CreatePartnerAsync(HttpClient client, object body)
    {
        var response = await client.PostJsonAsync("/api/v1/partners", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.JsonAsync()).GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task A_partner_named_as_a_variant_of_a_listed_entry_opens_a_review_that_closes_when_the_name_changes()
    {
        await using var app = await ReviewApp.CreateReviewAppAsync();
        var client = await app.SignInAsync("cqu.officer-global");
        var id = await CreatePartnerAsync(client, new { nameEn = "Harbin Inst. of Tech.", countryCode = "CN", type = "University" });

        var review = Assert.Single(await app.ReviewsAsync(id));
        Assert.Equal(ScreeningReviewState.Open, review.State);
        Assert.Equal(ScreeningSubjects.Partner, review.SubjectType);
        Assert.Equal(FakeEntries.Harbin, review.EntryId);
        Assert.Equal("Harbin Institute of Technology", review.EntryName);
        Assert.Equal("ASPI Unitracker", review.ListName);
        Assert.Equal(ScreeningMatchKind.AbbreviationExpanded, review.MatchKind);
        Assert.Contains("abbreviations expanded", review.Explanation);
        Assert.True(review.Score >= ScreeningIndex.HitThreshold);

        var edit = await client.PutJsonAsync($"/api/v1/partners/{id}", new { nameEn = "University of Geneva", countryCode = "CH", type = "University", version = 1 });
        Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        review = Assert.Single(await app.ReviewsAsync(id));
        Assert.Equal(ScreeningReviewState.NoLongerHit, review.State);
        Assert.Equal(Screener.ScreeningActor, review.DecidedBy);
    }

    [Fact]
    public async Task A_chinese_name_of_a_partner_is_screened_too_and_an_unrelated_partner_opens_nothing()
    {
        await using var app = await ReviewApp.CreateReviewAppAsync();
        var client = await app.SignInAsync("cqu.officer-global");
        var listed = await CreatePartnerAsync(client, new { nameEn = "Some Harbin College", nameZh = "哈尔滨工业大学", countryCode = "CN", type = "University" });
        var unrelated = await CreatePartnerAsync(client, new { nameEn = "University of Oxford", countryCode = "GB", type = "University" });

        Assert.Equal("哈尔滨工业大学", Assert.Single(await app.ReviewsAsync(listed)).ScreenedName);
        Assert.Empty(await app.ReviewsAsync(unrelated));
    }

    [Fact]
    public async Task A_remembered_false_positive_is_not_asked_again_and_a_true_match_needs_a_note()
    {
        await using var app = await ReviewApp.CreateReviewAppAsync();
        var client = await app.SignInAsync("cqu.officer-global");
        var first = await CreatePartnerAsync(client, new { nameEn = "Harbin Institute of Technology", countryCode = "CN", type = "University" });
        var review = Assert.Single(await app.ReviewsAsync(first));

        var refused = await app.AsAsync("CQU", "cqu.security-officer", sp => sp.GetRequiredService<ReviewDecisions>()
            .DecideAsync(review.Id, new ReviewDecisionInput(ScreeningReviewState.TrueMatch, " ", review.Version)));
        Assert.Equal(ReviewDecisionStatus.Invalid, refused.Status);
        Assert.Equal(ReviewDecisions.NoteRequired, Assert.Single(refused.Errors).Message);

        var done = await app.AsAsync("CQU", "cqu.security-officer", sp => sp.GetRequiredService<ReviewDecisions>()
            .DecideAsync(review.Id, new ReviewDecisionInput(ScreeningReviewState.FalsePositive, "A namesake", review.Version)));
        Assert.Equal(ReviewDecisionStatus.Done, done.Status);
        var decided = Assert.Single(await app.ReviewsAsync(first));
        Assert.Equal(ScreeningReviewState.FalsePositive, decided.State);
        Assert.Equal("cqu.security-officer", decided.DecidedBy);

        var second = await CreatePartnerAsync(client, new { nameEn = "HARBIN institute of technology", countryCode = "CN", type = "University", createAnyway = true });
        var remembered = Assert.Single(await app.ReviewsAsync(second));
        Assert.Equal(ScreeningReviewState.FalsePositive, remembered.State);
        Assert.True(remembered.Remembered);
        Assert.Equal("A namesake", remembered.Note);

        // Screening the first partner again asks nothing new either.
        var again = await client.PutJsonAsync($"/api/v1/partners/{first}", new { nameEn = "Harbin Institute of Technology", city = "Harbin", countryCode = "CN", type = "University", createAnyway = true, version = 1 });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(ScreeningReviewState.FalsePositive, Assert.Single(await app.ReviewsAsync(first)).State);
    }
}

public sealed class ReviewJobTests
{
    [Fact]
    public async Task The_screening_job_screens_existing_partners_again_when_the_entries_change_and_only_then()
    {
        await using var app = await ReviewApp.CreateReviewAppAsync();
        var client = await app.SignInAsync("cqu.officer-global");
        var response = await client.PostJsonAsync("/api/v1/partners", new { nameEn = "Beihang University", countryCode = "CN", type = "University" });
        var partner = (await response.JsonAsync()).GetProperty("id").GetGuid();
        Assert.Empty(await app.ReviewsAsync(partner));
        var tenant = await app.WithDbAsync(db => Waishi.Tests.Support.CrossTenant.TenantIdAsync(db, "CQU"));

        async Task<bool> RunAsync()
        {
            await using var scope = app.Services.CreateAsyncScope();
            return await ScreeningJob.RescreenAsync(scope.ServiceProvider, tenant, CancellationToken.None);
        }

        Assert.True(await RunAsync());
        Assert.False(await RunAsync());
        var beihang = Guid.CreateVersion7();
        app.Entries.Entries.Add(new ScreeningEntry(ScreeningSourceKind.WatchlistEntry, beihang, "Beihang University",
            [new("Beihang University"), new("北京航空航天大学", "zh")], "CN", ListName: "Entity List"));
        app.Entries.Stamp++;
        Assert.True(await RunAsync());
        var review = Assert.Single(await app.ReviewsAsync(partner));
        Assert.Equal(ScreeningReviewState.Open, review.State);
        Assert.Equal(beihang, review.EntryId);

        app.Entries.Entries.RemoveAll(e => e.Id == beihang);
        app.Entries.Stamp++;
        Assert.True(await RunAsync());
        Assert.Equal(ScreeningReviewState.NoLongerHit, Assert.Single(await app.ReviewsAsync(partner)).State);
    }
}
