using System.Security.Claims;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Waishi.Web.Features.Home;
using Waishi.Web.Platform.Identity;
using Waishi.Web.Platform.Web;

namespace Waishi.Tests.Platform;

/// <summary>
/// The English keys the code hands to the localizers, read from the source of the web project,
/// and the zh-CN translations in the resx.
/// </summary>
public static partial class LocalizationKeys
{
    private const string Literal = "\"((?:[^\"\\\\]|\\\\.)*)\"";

    /// <summary>T["…"], L["…"], Localizer["…"] (also with format arguments); never a concatenation.</summary>
    [GeneratedRegex(@"\b(?:T|L|t|Localizer|localizer|_localizer)\[\s*" + Literal + @"\s*[\],]")]
    private static partial Regex LocalizerCall();

    [GeneratedRegex(@"\bDisplay\(\s*Name\s*=\s*" + Literal + "|\\bErrorMessage\\s*=\\s*" + Literal)]
    private static partial Regex Annotation();

    /// <summary>The message of a FieldError: new(field, "…") or new FieldError(field, "…").</summary>
    [GeneratedRegex(@"\bnew(?:\s+FieldError)?\(\s*(?:nameof\([^()]*\)|""[^""]*""|\w+)\s*,\s*" + Literal)]
    private static partial Regex FieldErrorMessage();

    /// <summary>Field labels handed to the shared checks of PeopleRules, which put them into messages.</summary>
    [GeneratedRegex(@"\b(?:Number|Length)\(errors,[^;]*?" + Literal + @"\)\s*;")]
    private static partial Regex RuleLabel();

    /// <summary>Cards built in page models: new Card("key", "Title", "Text", …).</summary>
    [GeneratedRegex(@"\bnew(?:\s+Card)?\(\s*""[^""]*""\s*,\s*" + Literal + @"\s*,\s*" + Literal + @"\s*,\s*""/")]
    private static partial Regex CardText();

    public static string RepositoryRoot { get; } = FindRoot();

    public static string WebProject => Path.Combine(RepositoryRoot, "src", "Waishi.Web");

    /// <summary>Every key with the files that use it.</summary>
    public static SortedDictionary<string, SortedSet<string>> All()
    {
        var keys = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var file in SourceFiles())
        {
            foreach (var key in InFile(file))
            {
                Add(keys, key, Path.GetRelativePath(RepositoryRoot, file));
            }
        }
        foreach (var item in Navigation.Modules)
        {
            Add(keys, item.Text, "Navigation.Modules");
        }
        var everyRole = new ClaimsPrincipal(new ClaimsIdentity(
            Roles.Institution.Concat(Roles.Authority).Distinct().Select(r => new Claim(WaishiClaims.Role, r)), "test"));
        foreach (var card in HomeCards.For(everyRole))
        {
            Add(keys, card.Title, "HomeCards");
            Add(keys, card.Text, "HomeCards");
        }
        foreach (var role in Roles.Institution.Concat(Roles.Authority).Distinct())
        {
            Add(keys, "role:" + role, "Roles");
        }
        return keys;
    }

    /// <summary>The keys one source file (a page, a layout, a model) passes to the localizers.</summary>
    public static IEnumerable<string> InFile(string file)
    {
        var text = File.ReadAllText(file);
        foreach (Match m in LocalizerCall().Matches(text))
        {
            yield return Unescape(m.Groups[1].Value);
        }
        foreach (Match m in Annotation().Matches(text))
        {
            yield return Unescape(m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value);
        }
        if (text.Contains("FieldError", StringComparison.Ordinal) || text.Contains("errors.Add(", StringComparison.Ordinal))
        {
            foreach (Match m in FieldErrorMessage().Matches(text))
            {
                yield return Unescape(m.Groups[1].Value);
            }
            foreach (Match m in RuleLabel().Matches(text))
            {
                yield return Unescape(m.Groups[1].Value);
            }
        }
        foreach (Match m in CardText().Matches(text))
        {
            yield return Unescape(m.Groups[1].Value);
            yield return Unescape(m.Groups[2].Value);
        }
    }

    /// <summary>English key to Chinese text, from Resources/SharedResource.zh-CN.resx.</summary>
    public static Dictionary<string, string> Chinese()
    {
        var resx = XDocument.Load(Path.Combine(WebProject, "Resources", "SharedResource.zh-CN.resx"));
        return resx.Root!.Elements("data").ToDictionary(
            d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "", StringComparer.Ordinal);
    }

    private static IEnumerable<string> SourceFiles()
    {
        foreach (var folder in new[] { "Features", "Platform" })
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(WebProject, folder), "*.*", SearchOption.AllDirectories))
            {
                if (file.EndsWith(".cs", StringComparison.Ordinal) || file.EndsWith(".cshtml", StringComparison.Ordinal))
                {
                    yield return file;
                }
            }
        }
    }

    private static void Add(SortedDictionary<string, SortedSet<string>> keys, string key, string where)
    {
        if (string.IsNullOrWhiteSpace(key))
        {
            return;
        }
        if (!keys.TryGetValue(key, out var places))
        {
            keys[key] = places = new SortedSet<string>(StringComparer.Ordinal);
        }
        places.Add(where);
    }

    private static string Unescape(string literal) => literal.Replace("\\\"", "\"").Replace("\\\\", "\\");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Waishi.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("The repository root (Waishi.slnx) is not above the test binaries.");
    }
}
