using System.Net;
using Microsoft.EntityFrameworkCore;
using Waishi.Tests.Features.Trips;
using Waishi.Tests.Support;
using Waishi.Web.Platform.Documents;

namespace Waishi.Tests.Platform.Documents;

/// <summary>The public check of a verification code at /Public/Verify, without signing in.</summary>
public sealed class VerifyPageTests
{
    private static async Task<(IssuedDocument Document, TripPeople People)> IssuedAsync(AppFactory app)
    {
        var (trip, people) = await ApprovalDocumentTests.ApprovedTripAsync(app);
        var client = await app.SignInAsync("cqu.applicant");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/Trips/{trip.Id}/ApprovalDocument")).StatusCode);
        return (await app.WithDbAsync(db => db.Set<IssuedDocument>().SingleAsync()), people);
    }

    [Fact]
    public async Task A_real_code_shows_the_document_as_valid_with_only_its_public_facts()
    {
        await using var app = await AppFactory.CreateAsync();
        var (document, people) = await IssuedAsync(app);
        var anonymous = app.NewClient();

        var response = await anonymous.GetAsync("/Public/Verify?code=" + VerificationCode.Format(document.Code).ToLowerInvariant());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"valid\"", html);
        Assert.Contains("Approval of an official trip abroad", html);
        Assert.Contains("2026-0042", html);
        Assert.Contains("Chongqing University", html);
        Assert.Contains(people.Applicant.NameZh, html);
        Assert.Contains(people.Colleagues[0].NameZh, html);
        // Nothing beyond what the document's identity needs: no purpose, inviting organisation, budget or sign-in data.
        Assert.DoesNotContain("出席国际机器人大会并作报告", html);
        Assert.DoesNotContain("University of Tokyo", html);
        Assert.DoesNotContain("8,000", html);
        Assert.DoesNotContain("Sign out", html);
    }

    [Fact]
    public async Task A_wrong_or_malformed_code_says_no_document_has_it()
    {
        await using var app = await AppFactory.CreateAsync();
        var (document, _) = await IssuedAsync(app);
        var anonymous = app.NewClient();
        var wrong = document.Code[0] == '7' ? "8" + document.Code[1..] : "7" + document.Code[1..];

        var unknown = await (await anonymous.GetAsync("/Public/Verify?code=" + wrong)).Content.ReadAsStringAsync();
        var malformed = await (await anonymous.GetAsync("/Public/Verify?code=hello")).Content.ReadAsStringAsync();

        Assert.Contains("No document has this verification code.", unknown);
        Assert.DoesNotContain("data-testid=\"document\"", unknown);
        Assert.DoesNotContain("2026-0042", unknown);
        Assert.Contains("This is not a verification code", malformed);
    }

    [Fact]
    public async Task The_page_asks_for_a_code_and_a_revoked_document_is_shown_as_no_longer_valid()
    {
        await using var app = await AppFactory.CreateAsync();
        var (document, _) = await IssuedAsync(app);
        await app.WithDbAsync(async db =>
        {
            var row = await db.Set<IssuedDocument>().SingleAsync();
            row.Revoked = true;
            row.RevokedUtc = DateTime.UtcNow;
            await db.SaveChangesAsync();
        });
        var anonymous = app.NewClient();

        var empty = await anonymous.GetAsync("/Public/Verify");
        var revoked = await (await anonymous.GetAsync("/Public/Verify?code=" + document.Code)).Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("name=\"code\"", await empty.Content.ReadAsStringAsync());
        Assert.Contains("data-testid=\"revoked\"", revoked);
        Assert.DoesNotContain("data-testid=\"valid\"", revoked);
    }

    [Fact]
    public async Task The_check_is_in_Chinese_for_a_Chinese_reader()
    {
        await using var app = await AppFactory.CreateAsync();
        var (document, _) = await IssuedAsync(app);
        var anonymous = app.NewClient("zh-CN");

        var html = await (await anonymous.GetAsync("/Public/Verify?code=" + document.Code)).Content.ReadAsStringAsync();

        Assert.Contains("该文件真实有效。", html);
        Assert.Contains("因公出国（境）任务批件", html);
        Assert.Contains("重庆大学", html);
    }
}
