using Microsoft.Extensions.Localization;

namespace Waishi.Web.Features.DueDiligence.Screening;

/// <summary>How a screened name met an entry.</summary>
public enum ScreeningMatchKind
{
    /// <summary>Equal after normalisation (case, accents, punctuation, spacing, filler words).</summary>
    Exact,
    /// <summary>Equal once abbreviations ("Univ.", "Tech.", "&amp;") were written out.</summary>
    AbbreviationExpanded,
    /// <summary>The same words in another order.</summary>
    WordOrder,
    /// <summary>Words within a small edit distance (scaled to the word length).</summary>
    Typo,
    /// <summary>The same Chinese name, traditional against simplified characters.</summary>
    TraditionalSimplified,
    /// <summary>An acronym of the entry, and the countries agree.</summary>
    Acronym,
    /// <summary>A campus or branch of the entry ("…, Shenzhen", "…（威海）").</summary>
    CampusOrBranch,
    /// <summary>Most words shared: some missing or extra.</summary>
    Partial,
}

/// <summary>
/// One entry a screened name may be: the score (0..1), whether it reaches
/// <see cref="ScreeningIndex.HitThreshold"/>, and why: which name or alias of the entry matched and how.
/// </summary>
public sealed record ScreeningCandidate(
    ScreeningEntry Entry,
    double Score,
    string MatchedName,
    ScreeningMatchKind How,
    int EditDistance = 0,
    string? Branch = null,
    bool CountryDiffers = false)
{
    /// <summary>At or above the hit threshold.</summary>
    public bool IsHit => Score >= ScreeningIndex.HitThreshold;

    /// <summary>An English explanation for logs and tools; pages show the localised one.</summary>
    public string Explanation => BaseExplanation + (CountryDiffers ? $", but the listed country is {Entry.CountryCode}" : "");

    private string BaseExplanation => How switch
    {
        ScreeningMatchKind.Exact => $"matches “{MatchedName}” exactly after normalisation",
        ScreeningMatchKind.AbbreviationExpanded => $"matches “{MatchedName}” with abbreviations expanded",
        ScreeningMatchKind.WordOrder => $"matches “{MatchedName}” in another word order",
        ScreeningMatchKind.Typo => $"matches “{MatchedName}” within typo distance {EditDistance}",
        ScreeningMatchKind.TraditionalSimplified => $"matches “{MatchedName}” in traditional/simplified characters",
        ScreeningMatchKind.Acronym => $"acronym of “{MatchedName}”, country {Entry.CountryCode} agrees",
        ScreeningMatchKind.CampusOrBranch => $"campus/branch of {Entry.PrimaryName} (“{Branch}”, matched “{MatchedName}”)",
        _ => $"shares most words with “{MatchedName}”",
    };

    /// <summary>The explanation in the reader's language, for pages and exports.</summary>
    public string Describe(IStringLocalizer t) =>
        DescribeMatch(t) + (CountryDiffers ? t[", but the listed country is {0}", Entry.CountryCode ?? ""].Value : "");

    private string DescribeMatch(IStringLocalizer t) => (How switch
    {
        ScreeningMatchKind.Exact => t["Matches “{0}” exactly after normalisation", MatchedName],
        ScreeningMatchKind.AbbreviationExpanded => t["Matches “{0}” with abbreviations expanded", MatchedName],
        ScreeningMatchKind.WordOrder => t["Matches “{0}” in another word order", MatchedName],
        ScreeningMatchKind.Typo => t["Matches “{0}” within typo distance {1}", MatchedName, EditDistance],
        ScreeningMatchKind.TraditionalSimplified => t["Matches “{0}” in traditional/simplified characters", MatchedName],
        ScreeningMatchKind.Acronym => t["Acronym of “{0}”, country {1} agrees", MatchedName, Entry.CountryCode ?? ""],
        ScreeningMatchKind.CampusOrBranch => t["Campus/branch of {0} (“{1}”, matched “{2}”)", Entry.PrimaryName, Branch ?? "", MatchedName],
        _ => t["Shares most words with “{0}”", MatchedName],
    }).Value;
}
