using System.Net;
using System.Text.RegularExpressions;
using Waishi.Tests.Support;
using Waishi.Web.Features.Agreements;
using Waishi.Web.Features.Partners;

namespace Waishi.Tests.Features.PartnerStats;

/// <summary>The statistics page: partners and agreements in force by country and continent, its filters and exports.</summary>
public sealed partial class PartnerStatisticsTests
{
    private const string Officer = "cqu.officer-global";

    /// <summary>The partners and agreements-in-force cells of the row <paramref name="key"/> of a table, or null when the row is absent.</summary>
    public static (int Partners, int Agreements)? Row(string html, string kind, string key)
    {
        var m = Regex.Match(html, $"data-testid=\"{kind}-row\" data-key=\"{Regex.Escape(key)}\">.*?data-field=\"partners\">([\\d,]+)<.*?data-field=\"agreements\">([\\d,]+)<",
            RegexOptions.Singleline);
        return m.Success ? (int.Parse(m.Groups[1].Value.Replace(",", "")), int.Parse(m.Groups[2].Value.Replace(",", ""))) : null;
    }

    /// <summary>Two Japanese, one German, one British and one Hong Kong partner; agreements in every kind of state.</summary>
    private static async Task<(Guid Tokyo, Guid Kyoto, Guid Munich, Guid Oxford, Guid Hku)> SeedAsync(StatsData data)
    {
        var tokyo = await data.PartnerAsync("University of Tokyo", "JP");
        var kyoto = await data.PartnerAsync("Kyoto Institute", "JP", PartnerType.ResearchInstitute);
        var munich = await data.PartnerAsync("TU Munich", "DE");
        var oxford = await data.PartnerAsync("University of Oxford", "GB");
        var hku = await data.PartnerAsync("University of Hong Kong", "HK");
        await data.AgreementAsync("Tokyo exchange", AgreementState.Active, AgreementType.StudentExchange, tokyo);
        await data.AgreementAsync("Tokyo and Kyoto MoU", AgreementState.Expiring, AgreementType.FrameworkMou, tokyo, kyoto);
        await data.AgreementAsync("Munich and Oxford research", AgreementState.Active, AgreementType.ResearchCooperation, munich, oxford);
        await data.AgreementAsync("HKU exchange", AgreementState.Active, AgreementType.StudentExchange, hku);
        // Not in force: none of these counts.
        await data.AgreementAsync("Tokyo draft", AgreementState.Draft, AgreementType.StudentExchange, tokyo);
        await data.AgreementAsync("Kyoto expired", AgreementState.Expired, AgreementType.StudentExchange, kyoto);
        await data.AgreementAsync("Munich terminated", AgreementState.Terminated, AgreementType.StaffExchange, munich);
        await data.AgreementAsync("Oxford in review", AgreementState.InReview, AgreementType.JointDegree, oxford);
        await data.AgreementAsync("Oxford renewed", AgreementState.Renewed, AgreementType.JointDegree, oxford);
        await data.AgreementAsync("HKU approved for signing", AgreementState.ApprovedForSigning, AgreementType.SummerSchool, hku);
        return (tokyo, kyoto, munich, oxford, hku);
    }

    [Fact]
    public async Task Countries_and_continents_count_partners_and_only_agreements_in_force()
    {
        await using var app = await AppFactory.CreateAsync();
        await SeedAsync(new StatsData(app));
        var client = await app.SignInAsync(Officer);
        var html = await client.GetStringAsync("/Partners/Statistics");

        Assert.Equal((2, 2), Row(html, "country", "JP"));
        Assert.Equal((1, 1), Row(html, "country", "DE"));
        Assert.Equal((1, 1), Row(html, "country", "GB"));
        Assert.Equal((1, 1), Row(html, "country", "HK"));
        // The Munich and Oxford agreement counts once in Europe; Asia has the three Japanese and Hong Kong agreements.
        Assert.Equal((2, 1), Row(html, "continent", "Europe"));
        Assert.Equal((3, 3), Row(html, "continent", "Asia"));
        Assert.Null(Row(html, "continent", "Africa"));
        Assert.Contains("5 partner(s) in 4 countries or regions; 4 agreement(s) in force.", html);
        Assert.Contains("Japan", html);
        Assert.Contains("Hong Kong, China", html);
        Assert.Contains("id=\"partner-map\"", html);
        Assert.Contains("&quot;JP&quot;:2", html);
        // The map's library comes from npm through the build and is served with the page's script.
        foreach (var asset in new[] { "/lib/jsvectormap/jsvectormap.min.js", "/lib/jsvectormap/maps/world.js", "/lib/jsvectormap/jsvectormap.min.css", "/js/partner-map.js" })
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(asset)).StatusCode);
        }

        var chinese = await (await app.SignInAsync(Officer, culture: "zh-CN")).GetStringAsync("/Partners/Statistics");
        Assert.Contains("日本", chinese);
        Assert.Contains("中国香港", chinese);
        Assert.Contains("欧洲", chinese);
    }

    [Fact]
    public async Task Filters_narrow_partners_and_agreements()
    {
        await using var app = await AppFactory.CreateAsync();
        await SeedAsync(new StatsData(app));
        var client = await app.SignInAsync(Officer);

        var hongKong = await client.GetStringAsync("/Partners/Statistics?Region=HongKong");
        Assert.Equal((1, 1), Row(hongKong, "country", "HK"));
        Assert.Null(Row(hongKong, "country", "JP"));

        var institutes = await client.GetStringAsync("/Partners/Statistics?PartnerType=ResearchInstitute");
        Assert.Equal((1, 1), Row(institutes, "country", "JP"));
        Assert.Null(Row(institutes, "country", "DE"));

        // Only partners with a student exchange in force, and only those agreements.
        var exchanges = await client.GetStringAsync("/Partners/Statistics?AgreementType=StudentExchange");
        Assert.Equal((1, 1), Row(exchanges, "country", "JP"));
        Assert.Equal((1, 1), Row(exchanges, "country", "HK"));
        Assert.Null(Row(exchanges, "country", "DE"));
        Assert.Contains("2 partner(s) in 2 countries or regions; 2 agreement(s) in force.", exchanges);

        var none = await client.GetStringAsync("/Partners/Statistics?AgreementType=SummerSchool");
        Assert.Contains("No partners match the filters.", none);
    }

    [Fact]
    public async Task Exports_hold_the_table_in_csv_and_excel()
    {
        await using var app = await AppFactory.CreateAsync();
        await SeedAsync(new StatsData(app));
        var client = await app.SignInAsync(Officer);

        var csv = await client.GetStringAsync("/Partners/Statistics?handler=Export&format=csv&by=country");
        var lines = csv.TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("Code,Country or region,Partners,Countries,Agreements in force,Share of partners (%)", lines[0]);
        Assert.Contains("JP,Japan,2,1,2,40.0", lines);
        Assert.Contains("HK,\"Hong Kong, China\",1,1,1,20.0", lines);
        Assert.Contains(",Total,5,4,4,100.0", lines);

        var continents = await client.GetStringAsync("/Partners/Statistics?handler=Export&format=csv&by=continent&Region=Foreign");
        Assert.Contains("Europe,2,2,1,50.0", continents);
        Assert.Contains("Asia,2,1,2,50.0", continents);

        var xlsx = await client.GetAsync("/Partners/Statistics?handler=Export&format=xlsx&by=country");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);
        var bytes = await xlsx.Content.ReadAsByteArrayAsync();
        var sheet = Waishi.Web.Platform.Export.TabularReader.Read(new MemoryStream(bytes), "statistics.xlsx");
        var japan = Assert.Single(sheet.Rows, r => r["Code"] == "JP");
        Assert.Equal("2", japan["Partners"]);
        Assert.Equal("2", japan["Agreements in force"]);
    }

    [Fact]
    public async Task The_home_page_shows_the_institutions_figure_and_follows_a_new_partner()
    {
        await using var app = await AppFactory.CreateAsync();
        var data = new StatsData(app);
        await SeedAsync(data);
        var client = await app.SignInAsync(Officer);
        var home = await client.GetStringAsync("/");
        Assert.Contains("5 partner(s) in 4 countries or regions; 4 agreement(s) in force.", home);
        Assert.Contains("href=\"/Partners/Statistics\"", home);

        var saved = await client.PostFormAsync("/Partners/Create", "/Partners/Create", new()
        {
            ["Form.NameEn"] = "University of Cape Town", ["Form.CountryCode"] = "ZA", ["Form.Type"] = "University",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("6 partner(s) in 5 countries or regions; 4 agreement(s) in force.", await client.GetStringAsync("/"));

        // Applicants are not the office: no figure.
        Assert.DoesNotContain("data-testid=\"partner-figure\"", await (await app.SignInAsync("cqu.applicant")).GetStringAsync("/"));
        // Another institution sees its own (none).
        Assert.Contains("0 partner(s) in 0 countries or regions; 0 agreement(s) in force.",
            await (await app.SignInAsync("cqupt.officer-global")).GetStringAsync("/"));
    }

    [Fact]
    public async Task Only_the_office_auditors_and_the_authority_open_the_statistics()
    {
        await using var app = await AppFactory.CreateAsync();
        Assert.Equal(HttpStatusCode.OK, (await (await app.SignInAsync("cqu.auditor")).GetAsync("/Partners/Statistics")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await app.SignInAsync("cqfao.fao-analyst")).GetAsync("/Partners/Statistics")).StatusCode);
        var denied = await (await app.SignInAsync("cqu.applicant")).GetAsync("/Partners/Statistics");
        Assert.NotEqual(HttpStatusCode.OK, denied.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignInAsync("cqu.applicant")).GetAsync("/api/v1/partner-statistics")).StatusCode);
    }
}
