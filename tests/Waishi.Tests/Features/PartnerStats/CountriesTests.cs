using System.Globalization;
using System.Xml.Linq;
using Waishi.Tests.Platform;
using Waishi.Web.Features.Agreements;
using Waishi.Web.Features.PartnerStats;

namespace Waishi.Tests.Features.PartnerStats;

/// <summary>The country table: every code the runtime knows has a continent and both names; its labels are translated.</summary>
public sealed class CountriesTests
{
    [Fact]
    public void Every_country_code_the_runtime_knows_has_a_continent_and_two_names()
    {
        var known = CultureInfo.GetCultures(CultureTypes.SpecificCultures)
            .Select(c => { try { return new RegionInfo(c.Name).TwoLetterISORegionName; } catch (ArgumentException) { return null; } })
            .Where(code => code is { Length: 2 } && code.All(char.IsAsciiLetterUpper))
            .Distinct().ToList();
        Assert.NotEmpty(known);
        Assert.All(known, code => Assert.True(Countries.Find(code) is not null, $"{code} has no continent"));
        Assert.Equal(253, Countries.All.Select(c => c.Code).Distinct().Count());
        Assert.All(Countries.All, c => Assert.False(string.IsNullOrWhiteSpace(c.NameEn) || string.IsNullOrWhiteSpace(c.NameZh), c.Code));
        Assert.Equal(Enum.GetValues<Continent>().Length, Countries.All.Select(c => c.Continent).Distinct().Count());
        Assert.Equal(Continent.Asia, Countries.ContinentOf("jp"));
        Assert.Equal(Continent.Europe, Countries.ContinentOf("DE"));
        Assert.Equal(Continent.SouthAmerica, Countries.ContinentOf("BR"));
        Assert.Equal(Continent.Oceania, Countries.ContinentOf("NZ"));
        Assert.Equal(Continent.NorthAmerica, Countries.ContinentOf("MX"));
        Assert.Equal(Continent.Africa, Countries.ContinentOf("EG"));
        Assert.Equal(Continent.Antarctica, Countries.ContinentOf("AQ"));
        Assert.Null(Countries.ContinentOf("XX"));
        Assert.Equal("中国台湾", Countries.Name("TW", chinese: true));
        Assert.Equal("Macao, China", Countries.Name("MO", chinese: false));
    }

    [Fact]
    public void The_labels_the_statistics_and_history_use_have_chinese()
    {
        var resx = XDocument.Load(Path.Combine(LocalizationKeys.WebProject, "Resources", "SharedResource.zh-CN.resx"));
        var translated = resx.Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet(StringComparer.Ordinal);
        var labels = Enum.GetValues<Continent>().Select(Countries.Label)
            .Concat([Countries.UnknownContinent])
            .Concat(Enum.GetValues<AgreementType>().Select(Waishi.Web.Features.Agreements.AgreementLabels.Of))
            .Concat(Enum.GetValues<AgreementState>().Select(Waishi.Web.Features.Agreements.AgreementLabels.Of))
            .Concat(["Agreement", "Trip", "Created", "Signed", "Terminated", "Expires", "Expiry date", "Filed", "Trip dates"]);
        Assert.All(labels, label => Assert.Contains(label, translated));
    }
}
