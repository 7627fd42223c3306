using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Waishi.Tests.Support;
using Waishi.Web.Features.Agreements;
using Waishi.Web.Features.Partners;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Tenancy;

namespace Waishi.Tests.Features.PartnerStats;

/// <summary>The authority sees the city: counts per institution and per country, never the names of the institutions' records;
/// an institution sees only its own.</summary>
public sealed class CityStatisticsTests
{
    private static async Task SeedTwoInstitutionsAsync(AppFactory app)
    {
        var cqu = new StatsData(app, "CQU");
        var tokyo = await cqu.PartnerAsync("Secret Tokyo Partner", "JP");
        var paris = await cqu.PartnerAsync("Secret Paris Partner", "FR");
        await cqu.AgreementAsync("Secret CQU agreement", AgreementState.Active, AgreementType.StudentExchange, tokyo, paris);
        await cqu.AgreementAsync("Secret CQU draft", AgreementState.Draft, AgreementType.StudentExchange, tokyo);

        var cqupt = new StatsData(app, "CQUPT");
        var osaka = await cqupt.PartnerAsync("Secret Osaka Partner", "JP", PartnerType.Company);
        await cqupt.AgreementAsync("Secret CQUPT agreement", AgreementState.Expiring, AgreementType.ResearchCooperation, osaka);
    }

    [Fact]
    public async Task The_authority_sees_counts_of_every_institution_and_no_record_names()
    {
        await using var app = await AppFactory.CreateAsync();
        await SeedTwoInstitutionsAsync(app);
        var fao = await app.SignInAsync("cqfao.fao-analyst");
        var html = await fao.GetStringAsync("/Partners/Statistics");

        Assert.Equal((2, 2), PartnerStatisticsTests.Row(html, "country", "JP"));
        Assert.Equal((1, 1), PartnerStatisticsTests.Row(html, "country", "FR"));
        Assert.Contains("Chongqing University of Posts and Telecommunications", html);
        Assert.Contains("3 partner(s) in 2 countries or regions; 2 agreement(s) in force.", html);
        Assert.DoesNotContain("Secret", html);

        var cquId = await new StatsData(app, "CQU").TenantIdAsync();
        var cquptId = await new StatsData(app, "CQUPT").TenantIdAsync();
        Assert.Equal((2, 1), PartnerStatisticsTests.Row(html, "institution", cquId.ToString()));
        Assert.Equal((1, 1), PartnerStatisticsTests.Row(html, "institution", cquptId.ToString()));

        var csv = await fao.GetStringAsync("/Partners/Statistics?handler=Export&format=csv&by=institution");
        Assert.Contains("Chongqing University,2,2,1,66.7", csv);
        Assert.Contains("Chongqing University of Posts and Telecommunications,1,1,1,33.3", csv);
        Assert.DoesNotContain("Secret", csv);

        var companies = await fao.GetStringAsync("/Partners/Statistics?PartnerType=Company");
        Assert.Equal((1, 1), PartnerStatisticsTests.Row(companies, "country", "JP"));
        Assert.Null(PartnerStatisticsTests.Row(companies, "country", "FR"));

        var api = await fao.GetStringAsync("/api/v1/partner-statistics");
        Assert.DoesNotContain("Secret", api);
        var dto = JsonDocument.Parse(api).RootElement;
        Assert.Equal(3, dto.GetProperty("partners").GetInt32());
        Assert.Equal(2, dto.GetProperty("agreementsInForce").GetInt32());
        Assert.Contains(dto.GetProperty("byInstitution").EnumerateArray(), l => l.GetProperty("nameEn").GetString() == "Chongqing University" && l.GetProperty("partners").GetInt32() == 2);
    }

    [Fact]
    public async Task An_institution_sees_only_its_own_figures()
    {
        await using var app = await AppFactory.CreateAsync();
        await SeedTwoInstitutionsAsync(app);
        var cqupt = await app.SignInAsync("cqupt.officer-global");
        var html = await cqupt.GetStringAsync("/Partners/Statistics");
        Assert.Equal((1, 1), PartnerStatisticsTests.Row(html, "country", "JP"));
        Assert.Null(PartnerStatisticsTests.Row(html, "country", "FR"));
        Assert.DoesNotContain("data-testid=\"institution-row\"", html);
        Assert.DoesNotContain("Chongqing University,", await cqupt.GetStringAsync("/Partners/Statistics?handler=Export&format=csv&by=institution"));

        var dto = await cqupt.GetFromJsonAsync<JsonElement>("/api/v1/partner-statistics?agreementType=ResearchCooperation");
        Assert.Equal(1, dto.GetProperty("partners").GetInt32());
        Assert.Empty(dto.GetProperty("byInstitution").EnumerateArray());
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, (await cqupt.GetAsync("/api/v1/partner-statistics?region=Mars")).StatusCode);
    }

    private static Task<string?> StampAsync(AppFactory app, Guid tenantId) => app.WithDbAsync(db => db.Set<ChangeStamp>()
        .Where(s => s.TenantId == tenantId && s.Area == ChangeStamps.Partners).Select(s => (string?)s.Stamp.ToString()).SingleOrDefaultAsync());

    [Fact]
    public async Task The_city_figures_are_computed_once_per_stamp_and_follow_every_saved_change()
    {
        await using var app = await AppFactory.CreateAsync();
        await SeedTwoInstitutionsAsync(app);
        var cquId = await new StatsData(app, "CQU").TenantIdAsync();
        var cquptId = await new StatsData(app, "CQUPT").TenantIdAsync();
        var fao = await app.SignInAsync("cqfao.fao-analyst");
        Assert.Contains("3 partner(s) in 2 countries or regions; 2 agreement(s) in force.", await fao.GetStringAsync("/Partners/Statistics"));

        // A write past the context's save (no stamp) is not seen: the figures are kept, not counted again.
        await app.WithDbAsync(db => db.Set<Partner>().Where(p => p.NameEn == "Secret Paris Partner")
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.CountryCode, "DE")));
        var kept = await fao.GetStringAsync("/Partners/Statistics");
        Assert.Equal((1, 1), PartnerStatisticsTests.Row(kept, "country", "FR"));
        Assert.Null(PartnerStatisticsTests.Row(kept, "country", "DE"));

        // A partner saved through the form stamps its institution: the city is counted again.
        var before = await StampAsync(app, cquptId);
        var officer = await app.SignInAsync("cqupt.officer-global");
        var saved = await officer.PostFormAsync("/Partners/Create", "/Partners/Create", new()
        {
            ["Form.NameEn"] = "University of Cape Town", ["Form.CountryCode"] = "ZA", ["Form.Type"] = "University",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.NotEqual(before, await StampAsync(app, cquptId));
        var html = await fao.GetStringAsync("/Partners/Statistics");
        Assert.Contains("4 partner(s) in 3 countries or regions; 2 agreement(s) in force.", html);
        Assert.Equal((1, 0), PartnerStatisticsTests.Row(html, "country", "ZA"));
        Assert.Equal((1, 1), PartnerStatisticsTests.Row(html, "country", "DE"));
        Assert.Equal((2, 1), PartnerStatisticsTests.Row(html, "institution", cquptId.ToString()));

        // An agreement that leaves force, in another institution, and the filtered and API views.
        await app.WithDbAsync(async db =>
        {
            var agreement = await db.Set<Agreement>().SingleAsync(a => a.Title == "Secret CQU agreement");
            agreement.State = AgreementState.Terminated;
            await db.SaveChangesAsync();
        });
        Assert.Contains("4 partner(s) in 3 countries or regions; 1 agreement(s) in force.", await fao.GetStringAsync("/Partners/Statistics"));
        var api = await fao.GetFromJsonAsync<JsonElement>("/api/v1/partner-statistics");
        Assert.Equal(1, api.GetProperty("agreementsInForce").GetInt32());
        Assert.Equal(4, api.GetProperty("partners").GetInt32());

        // An institution made inactive leaves the city's figures (the tenant list is part of the key).
        await app.WithDbAsync(async db =>
        {
            var tenant = await db.Set<Tenant>().SingleAsync(t => t.Id == cquId);
            tenant.IsActive = false;
            await db.SaveChangesAsync();
        });
        Assert.Contains("2 partner(s) in 2 countries or regions; 1 agreement(s) in force.", await fao.GetStringAsync("/Partners/Statistics"));
    }

    [Fact]
    public async Task A_stamp_is_written_with_the_change_and_rolled_back_with_it()
    {
        await using var app = await AppFactory.CreateAsync();
        var data = new StatsData(app, "CQU");
        var tenantId = await data.TenantIdAsync();
        Assert.Null(await StampAsync(app, tenantId));
        var partner = await data.PartnerAsync("University of Tokyo", "JP");
        var first = await StampAsync(app, tenantId);
        Assert.NotNull(first);

        await app.WithDbAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var row = await db.Set<Partner>().SingleAsync(p => p.Id == partner);
            row.CountryCode = "KR";
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        });
        Assert.Equal(first, await StampAsync(app, tenantId));

        // Rows that the statistics do not count leave the stamp alone.
        await app.WithDbAsync(async db =>
        {
            var tenant = await db.Set<Tenant>().SingleAsync(t => t.Id == tenantId);
            tenant.NameEn = "Chongqing University (renamed)";
            await db.SaveChangesAsync();
        });
        Assert.Equal(first, await StampAsync(app, tenantId));

        await app.WithDbAsync(async db =>
        {
            db.Remove(await db.Set<Partner>().SingleAsync(p => p.Id == partner));
            await db.SaveChangesAsync();
        });
        Assert.NotEqual(first, await StampAsync(app, tenantId));
    }
}
