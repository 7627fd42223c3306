using System.Net.Http.Json;
using System.Text.Json;
using Waishi.Tests.Support;
using Waishi.Web.Features.Agreements;
using Waishi.Web.Features.Partners;

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
}
