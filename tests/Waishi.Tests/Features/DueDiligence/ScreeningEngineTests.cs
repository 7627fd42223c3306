using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Waishi.Web;
using Waishi.Web.Features.DueDiligence.Screening;

namespace Waishi.Tests.Features.DueDiligence;

/// <summary>Each rule of the screening engine on a small hand-made index.</summary>
public sealed class ScreeningEngineTests
{
    private static readonly DateOnly Today = new(2026, 12, 1);

    private static ScreeningEntry Entry(string primary, string? country = "CN", params ScreeningName[] names) =>
        new(ScreeningSourceKind.Profile, Guid.NewGuid(), primary, names, country);

    private static readonly ScreeningEntry Nudt = Entry("National University of Defense Technology", "CN",
        new ScreeningName("中国人民解放军国防科技大学", "zh"), new ScreeningName("NUDT", IsAcronym: true));
    private static readonly ScreeningEntry Hit = Entry("Harbin Institute of Technology", "CN",
        new ScreeningName("哈尔滨工业大学", "zh"), new ScreeningName("HIT", IsAcronym: true));
    private static readonly ScreeningEntry Heu = Entry("Harbin Engineering University", "CN",
        new ScreeningName("哈尔滨工程大学", "zh"));
    private static readonly ScreeningEntry Ustc = Entry("University of Science and Technology of China", "CN",
        new ScreeningName("中国科学技术大学", "zh"));
    private static readonly ScreeningEntry Beihang = Entry("Beihang University", "CN",
        new ScreeningName("Beijing University of Aeronautics and Astronautics"), new ScreeningName("北京航空航天大学", "zh"));
    private static readonly ScreeningEntry Bit = Entry("Beijing Institute of Technology", "CN", new ScreeningName("北京理工大学", "zh"));
    private static readonly ScreeningEntry Acme = Entry("Acme Research Labs", "US", new ScreeningName("ARL", IsAcronym: true));

    private static ScreeningIndex Index(params ScreeningEntry[] more) =>
        ScreeningIndex.Build(new[] { Nudt, Hit, Heu, Ustc, Beihang, Bit, Acme }.Concat(more));

    private static ScreeningEntry Best(IReadOnlyList<ScreeningCandidate> candidates) => candidates[0].Entry;

    private static ScreeningCandidate Best(ScreeningIndex index, string name, string? country = null)
    {
        var candidates = index.Screen(name, country, Today);
        Assert.NotEmpty(candidates);
        return candidates[0];
    }

    [Theory]
    [InlineData("harbin institute of technology")]
    [InlineData("HARBIN   INSTITUTE OF TECHNOLOGY.")]
    [InlineData(" Harbin-Institute of Technology, ")]
    public void Case_punctuation_and_spacing_do_not_matter(string name)
    {
        var best = Best(Index(), name);
        Assert.Same(Hit, best.Entry);
        Assert.Equal(1.0, best.Score);
        Assert.Equal(ScreeningMatchKind.Exact, best.How);
        Assert.Contains("Harbin Institute of Technology", best.Explanation);
    }

    [Theory]
    [InlineData("Harbin Inst. of Tech.")]
    [InlineData("Natl. Univ. of Defense Tech.")]
    [InlineData("Univ. of Sci. & Tech. of China")]
    [InlineData("Beijing Univ. of Aeronautics & Astronautics")]
    public void Abbreviations_are_expanded(string name)
    {
        var best = Best(Index(), name);
        Assert.True(best.IsHit);
        Assert.Equal(ScreeningMatchKind.AbbreviationExpanded, best.How);
    }

    [Fact]
    public void Word_order_matches_and_says_so()
    {
        var best = Best(Index(), "Institute of Technology, Harbin");
        Assert.Same(Hit, best.Entry);
        Assert.True(best.IsHit);
        Assert.True(best.Score < 1.0);
        Assert.Equal(ScreeningMatchKind.WordOrder, best.How);
    }

    [Theory]
    [InlineData("Harbin Institue of Technology", 1)]
    [InlineData("Harbin Institute of Tecnhology", 1)]
    [InlineData("Harbin Insitute of Techology", 2)]
    public void Small_typos_match_with_their_distance(string name, int distance)
    {
        var best = Best(Index(), name);
        Assert.Same(Hit, best.Entry);
        Assert.True(best.IsHit);
        Assert.Equal(ScreeningMatchKind.Typo, best.How);
        Assert.Equal(distance, best.EditDistance);
    }

    [Fact]
    public void A_typo_is_never_read_into_another_real_place_or_word()
    {
        var index = Index(Entry("Hebei University", "CN"));
        Assert.DoesNotContain(index.Screen("Hubei University", null, Today), c => c.IsHit);
        Assert.DoesNotContain(index.Screen("Harbin Normal University", null, Today), c => c.IsHit);
    }

    [Theory]
    [InlineData("The Harbin Institute of Technology")]
    [InlineData("Harbin Institute Technology")]
    [InlineData("PLA National University of Defense Technology")]
    [InlineData("Chinese People's Liberation Army National University of Defense Technology")]
    public void Filler_words_are_dropped(string name)
    {
        var best = Best(Index(), name);
        Assert.True(best.IsHit, $"{best.Score}");
        Assert.Equal(1.0, best.Score);
    }

    [Fact]
    public void Of_China_may_be_added_to_the_name_of_a_Chinese_entry_only()
    {
        var renmin = Entry("Renmin University", "CN");
        var index = ScreeningIndex.Build([renmin, Entry("Hanseo University", "KR")]);
        var best = Best(index, "Renmin University of China");
        Assert.Same(renmin, best.Entry);
        Assert.True(best.IsHit);
        Assert.DoesNotContain(index.Screen("Hanseo University of China", null, Today), c => c.IsHit);
    }

    [Theory]
    [InlineData("Hebei University of Technology")]
    [InlineData("Beijing University of Technology")]
    [InlineData("Harbin Normal University")]
    [InlineData("Beijing Normal University")]
    public void A_missing_or_extra_word_is_not_a_hit(string name)
    {
        var index = Index(Entry("Hebei University", "CN"));
        Assert.DoesNotContain(index.Screen(name, null, Today), c => c.IsHit);
    }

    [Theory]
    [InlineData("哈爾濱工業大學")]
    [InlineData("哈尔滨工业大学")]
    public void Chinese_names_match_in_simplified_and_traditional_characters(string name)
    {
        var best = Best(Index(), name);
        Assert.Same(Hit, best.Entry);
        Assert.Equal(1.0, best.Score);
        Assert.Equal(name == "哈尔滨工业大学" ? ScreeningMatchKind.Exact : ScreeningMatchKind.TraditionalSimplified, best.How);
    }

    [Fact]
    public void A_traditional_entry_matches_a_simplified_name()
    {
        var index = ScreeningIndex.Build([Entry("National Tsing Hua University", "TW", new ScreeningName("國立清華大學", "zh"))]);
        var best = Best(index, "国立清华大学");
        Assert.Equal(ScreeningMatchKind.TraditionalSimplified, best.How);
        Assert.DoesNotContain(index.Screen("清华大学", null, Today), c => c.IsHit);
    }

    [Fact]
    public void Chinese_names_match_without_the_PLA_prefix()
    {
        var best = Best(Index(), "国防科技大学");
        Assert.Same(Nudt, best.Entry);
        Assert.True(best.IsHit);
    }

    [Fact]
    public void Mixed_English_and_Chinese_names_use_both()
    {
        Assert.Same(Nudt, Best(Index(), "NUDT Changsha (国防科技大学)").Entry);
    }

    [Fact]
    public void Acronyms_match_only_when_the_country_agrees()
    {
        var index = Index();
        var best = Best(index, "NUDT", "CN");
        Assert.Same(Nudt, best.Entry);
        Assert.Equal(ScreeningMatchKind.Acronym, best.How);
        Assert.True(best.IsHit);
        Assert.Contains("CN", best.Explanation);
        Assert.Empty(index.Screen("NUDT", null, Today));
        Assert.Empty(index.Screen("NUDT", "US", Today));
        Assert.Empty(index.Screen("ARL", "CN", Today));
        Assert.Same(Acme, Best(index, "ARL", "us").Entry);
    }

    [Fact]
    public void Acronyms_are_derived_from_the_initials()
    {
        var index = ScreeningIndex.Build([Entry("National University of Defense Technology", "CN"), Entry("University of Science and Technology of China", "CN")]);
        var best = Best(index, "NUDT", "CN");
        Assert.Equal("National University of Defense Technology", best.Entry.PrimaryName);
        Assert.Equal(ScreeningMatchKind.Acronym, best.How);
        Assert.True(best.IsHit);
        Assert.Equal("University of Science and Technology of China", Best(index, "USTC", "CN").Entry.PrimaryName);
        Assert.Empty(index.Screen("USTC", "GB", Today));
        // A word that is spelt like an acronym in lower case is not one.
        Assert.Empty(index.Screen("nudt", null, Today));
    }

    [Theory]
    [InlineData("Harbin Institute of Technology, Shenzhen", "Shenzhen")]
    [InlineData("Harbin Institute of Technology (Weihai)", "Weihai")]
    [InlineData("Harbin Institute of Technology at Weihai", "Weihai")]
    [InlineData("Harbin Institute of Technology Shenzhen", "Shenzhen")]
    [InlineData("Harbin Institute of Technology Weihai Campus", "Weihai Campus")]
    [InlineData("Weihai Campus of Harbin Institute of Technology", "Weihai")]
    [InlineData("哈尔滨工业大学（深圳）", "深圳")]
    [InlineData("哈尔滨工业大学(威海)", "威海")]
    [InlineData("哈尔滨工业大学威海校区", "威海校区")]
    [InlineData("哈爾濱工業大學（深圳）", "深圳")]
    public void A_campus_or_branch_is_a_hit_that_names_its_parent(string name, string branch)
    {
        var best = Best(Index(), name);
        Assert.Same(Hit, best.Entry);
        Assert.True(best.IsHit);
        Assert.Equal(ScreeningMatchKind.CampusOrBranch, best.How);
        Assert.Equal(branch, best.Branch);
        Assert.StartsWith("campus/branch of Harbin Institute of Technology", best.Explanation);
    }

    [Theory]
    [InlineData("Harbin Engineering University, Shenzhen")]
    [InlineData("哈尔滨工程大学（青岛）")]
    public void A_campus_of_a_near_name_goes_to_that_name(string name)
    {
        var best = Best(Index(), name);
        Assert.Same(Heu, best.Entry);
        Assert.DoesNotContain(Index().Screen(name, null, Today), c => c.IsHit && c.Entry == Hit);
    }

    [Fact]
    public void A_Chinese_name_that_only_starts_with_a_short_alias_is_no_branch()
    {
        var cetc = Entry("China Electronics Corporation", "CN", new ScreeningName("中国电子", "zh"), new ScreeningName("中国电子信息产业集团有限公司", "zh"));
        var institute = Entry("China Electronics Technology Group Corporation", "CN", new ScreeningName("中国电子科技集团公司", "zh"));
        var index = ScreeningIndex.Build([cetc, institute]);
        Assert.DoesNotContain(index.Screen("中国电子学会", null, Today), c => c.IsHit);
        var branch = Best(index, "中国电子科技集团公司第十四研究所");
        Assert.Same(institute, branch.Entry);
        Assert.Equal(ScreeningMatchKind.CampusOrBranch, branch.How);
        Assert.Equal("第十四研究所", branch.Branch);
    }

    [Fact]
    public void A_trailing_word_that_is_not_a_place_is_no_campus()
    {
        var index = ScreeningIndex.Build([Entry("Tianjin University", "CN")]);
        Assert.DoesNotContain(index.Screen("Tianjin University of Commerce", null, Today), c => c.IsHit);
        Assert.DoesNotContain(index.Screen("Tianjin University Commerce", null, Today), c => c.IsHit);
    }

    [Fact]
    public void Expired_and_future_list_entries_never_match()
    {
        var expired = new ScreeningEntry(ScreeningSourceKind.WatchlistEntry, Guid.NewGuid(), "Expired Institute of Physics", [], "CN",
            ValidFrom: new DateOnly(2020, 1, 1), ValidTo: new DateOnly(2026, 11, 30), ListName: "Old list");
        var future = new ScreeningEntry(ScreeningSourceKind.WatchlistEntry, Guid.NewGuid(), "Future Institute of Physics", [], "CN",
            ValidFrom: new DateOnly(2026, 12, 2));
        var current = new ScreeningEntry(ScreeningSourceKind.WatchlistEntry, Guid.NewGuid(), "Current Institute of Physics", [], "CN",
            ValidFrom: new DateOnly(2026, 12, 1), ValidTo: new DateOnly(2026, 12, 1));
        var index = ScreeningIndex.Build([expired, future, current]);
        Assert.DoesNotContain(index.Screen("Expired Institute of Physics", null, Today), c => c.Entry == expired);
        Assert.DoesNotContain(index.Screen("Future Institute of Physics", null, Today), c => c.Entry == future);
        Assert.Same(current, Best(index, "Current Institute of Physics").Entry);
        Assert.Same(expired, Best(index.Screen("Expired Institute of Physics", null, new DateOnly(2026, 11, 30))));
    }

    [Fact]
    public void Candidates_come_best_first_one_per_entry_with_scores_between_floor_and_one()
    {
        var candidates = Index().Screen("Harbin Institute of Technology", null, Today);
        Assert.Equal(candidates.OrderByDescending(c => c.Score), candidates);
        Assert.Equal(candidates.Count, candidates.Select(c => c.Entry).Distinct().Count());
        Assert.All(candidates, c => Assert.InRange(c.Score, ScreeningIndex.CandidateFloor, 1.0));
        Assert.Empty(Index().Screen("   ", null, Today));
        Assert.Empty(Index().Screen("Completely Unrelated Bakery", null, Today));
        var started = System.Diagnostics.Stopwatch.StartNew();
        Assert.Empty(Index().Screen(string.Concat(Enumerable.Repeat("Harbin, (Institute - at ", 2000)) + new string('x', 20000), null, Today));
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(2), $"{started.Elapsed}");
    }

    [Fact]
    public void The_cache_rebuilds_only_when_the_stamp_changes_and_per_tenant()
    {
        var cache = new ScreeningIndexCache();
        var tenant = Guid.NewGuid();
        var loads = 0;
        IReadOnlyList<ScreeningEntry> Load() { loads++; return [Hit]; }
        var first = cache.Get(tenant, 1, Load);
        Assert.Same(first, cache.Get(tenant, 1, Load));
        Assert.Equal(1, loads);
        var second = cache.Get(tenant, 2, Load);
        Assert.NotSame(first, second);
        Assert.Equal(2, loads);
        Assert.NotSame(second, cache.Get(Guid.NewGuid(), 2, Load));
        Assert.Equal(3, loads);
    }

    [Fact]
    public void The_character_table_comes_from_OpenCC()
    {
        Assert.True(ChineseScript.Default.Count > 3000);
    }

    [Fact]
    public void The_explanation_is_localised()
    {
        var factory = new ResourceManagerStringLocalizerFactory(
            Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance);
        var t = factory.Create(typeof(SharedResource));
        var best = Best(Index(), "哈尔滨工业大学（深圳）");
        var culture = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
            Assert.Equal("Harbin Institute of Technology的校区/分支机构（“深圳”，匹配“哈尔滨工业大学”）", best.Describe(t));
            CultureInfo.CurrentUICulture = new CultureInfo("en");
            Assert.Equal("Campus/branch of Harbin Institute of Technology (“深圳”, matched “哈尔滨工业大学”)", best.Describe(t));
        }
        finally { CultureInfo.CurrentUICulture = culture; }
    }

    [Fact]
    public void A_name_screened_with_another_country_stays_a_candidate_but_is_no_hit_and_says_why()
    {
        var neu = Entry("Northeastern University", "CN", new ScreeningName("东北大学", "zh"));
        var index = Index(neu);

        var inChina = index.Screen("Northeastern University", "CN", Today).First(c => c.Entry == neu);
        var unknown = index.Screen("Northeastern University", null, Today).First(c => c.Entry == neu);
        var inBoston = index.Screen("Northeastern University", "US", Today).First(c => c.Entry == neu);

        Assert.True(inChina.IsHit);
        Assert.True(unknown.IsHit);
        Assert.False(inBoston.IsHit);
        Assert.True(inBoston.CountryDiffers);
        Assert.Equal(ScreeningIndex.CountryMismatchFactor, inBoston.Score, 3);
        Assert.Contains("the listed country is CN", inBoston.Explanation);
        Assert.DoesNotContain("country", inChina.Explanation);
    }
}
