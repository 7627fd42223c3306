using System.Text.RegularExpressions;

namespace Waishi.Tests.Security;

/// <summary>
/// Every form that posts carries the antiforgery token. The form tag helper adds it by itself only
/// when the form has no action attribute; a form posting to an explicit URL must ask for it, or a
/// real browser's post is refused (tests that read the token from elsewhere on the page would not see it).
/// </summary>
public sealed partial class FormTokenTests
{
    [GeneratedRegex(@"<form\b(?<attrs>[^>]*)>(?<body>.*?)</form>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Form();

    [Fact]
    public void Every_posting_form_with_an_explicit_action_asks_for_the_antiforgery_token()
    {
        var root = Path.Combine(FindRoot(), "src", "Waishi.Web", "Features");
        var views = Directory.EnumerateFiles(root, "*.cshtml", SearchOption.AllDirectories).ToList();
        Assert.NotEmpty(views);
        var missing = new List<string>();
        foreach (var view in views)
        {
            var text = File.ReadAllText(view);
            foreach (Match m in Form().Matches(text))
            {
                var attrs = m.Groups["attrs"].Value;
                var posts = attrs.Contains("method=\"post\"", StringComparison.OrdinalIgnoreCase);
                var explicitAction = Regex.IsMatch(attrs, @"\saction=");
                var token = attrs.Contains("asp-antiforgery=\"true\"", StringComparison.Ordinal)
                    || m.Groups["body"].Value.Contains("AntiForgeryToken", StringComparison.Ordinal);
                if (posts && explicitAction && !token)
                {
                    var line = text[..m.Index].Count(c => c == '\n') + 1;
                    missing.Add($"{Path.GetRelativePath(root, view)}:{line}");
                }
            }
        }
        Assert.True(missing.Count == 0, "Forms without the antiforgery token (add asp-antiforgery=\"true\"): " + string.Join(", ", missing));
    }

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
