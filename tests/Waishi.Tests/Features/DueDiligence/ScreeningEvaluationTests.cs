using Waishi.Web.Features.DueDiligence.Screening;
using Xunit.Abstractions;

namespace Waishi.Tests.Features.DueDiligence;

/// <summary>
/// Quality of the screening engine on the evaluation set against the 159 ASPI entries: precision
/// and recall at <see cref="ScreeningIndex.HitThreshold"/>.
/// </summary>
public sealed class ScreeningEvaluationTests(ITestOutputHelper output)
{
    private static readonly DateOnly Today = new(2026, 12, 1);
    private static readonly Lazy<List<ScreeningEntry>> Aspi = new(() => ScreeningAspiReader.Read(ScreeningAspiReader.DefaultPath));

    [Fact]
    public void Reader_reads_every_institution_with_its_aliases_and_Chinese_name()
    {
        var entries = Aspi.Value;
        Assert.Equal(159, entries.Count);
        var nudt = Assert.Single(entries, e => e.PrimaryName == "National University of Defense Technology");
        Assert.Equal("CN", nudt.CountryCode);
        Assert.Contains(nudt.Names, n => n.Text == "中国人民解放军国防科技大学" && n.Language == "zh");
        Assert.Contains(nudt.Names, n => n.Text == "NUDT" && n.IsAcronym);
    }

    [Fact]
    public void Every_hand_written_variant_names_an_entry_of_the_file()
    {
        var names = Aspi.Value.Select(e => e.PrimaryName).ToHashSet();
        Assert.All(ScreeningEvaluationSet.HandWrittenPositives(), c => Assert.Contains(c.Expected!, names));
    }

    [Fact]
    public void Precision_and_recall_at_the_threshold()
    {
        var index = ScreeningIndex.Build(Aspi.Value);
        var positives = ScreeningEvaluationSet.GeneratedPositives(Aspi.Value).Concat(ScreeningEvaluationSet.HandWrittenPositives()).ToList();
        var negatives = ScreeningEvaluationSet.Negatives();
        Assert.True(positives.Count >= 600, $"{positives.Count} positives");
        Assert.True(negatives.Count >= 300, $"{negatives.Count} negatives");

        int truePositives = 0, falsePositives = 0, falseNegatives = 0;
        var failures = new List<string>();
        foreach (var c in positives)
        {
            var hits = index.Screen(c.Name, c.Country, Today).Where(h => h.IsHit).ToList();
            var mine = hits.FirstOrDefault(h => h.Entry.PrimaryName == c.Expected);
            if (mine is not null && mine.Score >= hits[0].Score) truePositives++;
            else
            {
                falseNegatives++;
                if (hits.Count > 0) falsePositives++;
                failures.Add($"MISSED [{c.Rule}] {c.Name} → {c.Expected}; got {Describe(index, c)}");
            }
        }
        foreach (var c in negatives)
        {
            var hits = index.Screen(c.Name, c.Country, Today).Where(h => h.IsHit).ToList();
            if (hits.Count == 0) continue;
            falsePositives++;
            failures.Add($"FALSE HIT {c.Name} → {hits[0].Entry.PrimaryName} ({hits[0].Score:0.000}, {hits[0].Explanation})");
        }
        var precision = (double)truePositives / Math.Max(1, truePositives + falsePositives);
        var recall = (double)truePositives / positives.Count;
        output.WriteLine($"threshold {ScreeningIndex.HitThreshold}: {positives.Count} names that must match, {negatives.Count} that must not");
        output.WriteLine($"precision {precision:0.0000}  recall {recall:0.0000}  (TP {truePositives}, FP {falsePositives}, FN {falseNegatives})");
        foreach (var rule in positives.GroupBy(p => p.Rule))
            output.WriteLine($"  {rule.Key}: {rule.Count()}");
        foreach (var f in failures) output.WriteLine(f);
        Assert.True(recall >= 0.97, $"recall {recall:0.0000}");
        Assert.True(precision >= 0.95, $"precision {precision:0.0000}");
    }

    private static string Describe(ScreeningIndex index, EvaluationCase c)
    {
        var all = index.Screen(c.Name, c.Country, Today);
        return all.Count == 0 ? "nothing" : string.Join("; ", all.Take(2).Select(h => $"{h.Entry.PrimaryName} {h.Score:0.000} {h.How}"));
    }

    [Theory]
    [InlineData("Harbin Engineering University", "Harbin Engineering University")]
    [InlineData("Harbin Institute of Technology", "Harbin Institute of Technology")]
    [InlineData("哈尔滨工程大学", "Harbin Engineering University")]
    [InlineData("Beijing Institute of Technology", "Beijing Institute of Technology")]
    [InlineData("Nanjing Normal University", "Nanjing Normal University")]
    [InlineData("Nanjing University", "Nanjing University")]
    [InlineData("Henan University of Science and Technology", "Henan University of Science and Technology")]
    [InlineData("Hunan University of Science and Technology", "Hunan University of Science and Technology")]
    [InlineData("Xidian University", "Xidian University")]
    [InlineData("University of Electronic Science and Technology of China", "University of Electronic Science and Technology of China")]
    public void Near_names_that_are_both_listed_resolve_to_their_own_entry(string name, string expected)
    {
        var index = ScreeningIndex.Build(Aspi.Value);
        var best = index.Screen(name, null, Today)[0];
        Assert.Equal(expected, best.Entry.PrimaryName);
        Assert.Equal(1.0, best.Score);
    }

    [Theory]
    [InlineData("Harbin Institute of Technology", "Harbin Institute of Technology")]
    [InlineData("哈尔滨工业大学", "Harbin Institute of Technology")]
    [InlineData("Harbin Engineering University", "Harbin Engineering University")]
    [InlineData("Beijing Institute of Technology", "Beijing Institute of Technology")]
    [InlineData("Nanjing University", "Nanjing University")]
    [InlineData("Nanjing Normal University", "Nanjing Normal University")]
    [InlineData("Xidian University", "Xidian University")]
    [InlineData("Hebei University", "Hebei University")]
    [InlineData("Xi'an Technological University", "Xi'an Technological University")]
    public void A_near_name_is_not_a_hit_when_its_own_entry_is_not_listed(string name, string removed)
    {
        var index = ScreeningIndex.Build(Aspi.Value.Where(e => e.PrimaryName != removed));
        var hits = index.Screen(name, null, Today).Where(h => h.IsHit).ToList();
        Assert.True(hits.Count == 0, $"{name} hit {string.Join(", ", hits.Select(h => h.Entry.PrimaryName + " " + h.Score))}");
    }
}
