using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using PdfSharp.Fonts;

namespace Waishi.Web.Platform.Documents;

/// <summary>Raised when no CJK font file can be found; the message says where it was looked for.</summary>
public sealed class CjkFontMissingException(string message) : Exception(message);

/// <summary>
/// The TrueType font that generated PDFs embed (a subset of), so that Chinese renders on any reader.
/// Looked for at <c>Documents:CjkFontPath</c> when set (relative to the content root), otherwise
/// where the build puts Noto Sans SC: next to the binaries in <c>fonts/</c>, or in the project's
/// npm packages (a <c>dotnet run</c> or a test run from the source tree).
/// </summary>
public sealed class CjkFont(IConfiguration configuration, IWebHostEnvironment environment)
{
    public const string ConfigKey = "Documents:CjkFontPath";
    public const string FileName = "NotoSansSC_400Regular.ttf";
    private static readonly string NpmPath = Path.Combine("node_modules", "@expo-google-fonts", "noto-sans-sc", "400Regular", FileName);

    private string? _family;

    /// <summary>The places looked at, in order.</summary>
    public IReadOnlyList<string> Candidates()
    {
        if (configuration[ConfigKey] is { Length: > 0 } configured)
        {
            return [Path.GetFullPath(Path.Combine(environment.ContentRootPath, configured))];
        }
        return [Path.Combine(AppContext.BaseDirectory, "fonts", FileName), Path.Combine(environment.ContentRootPath, NpmPath)];
    }

    /// <summary>The font family name to hand to XFont; throws <see cref="CjkFontMissingException"/> when no file exists.</summary>
    public string Family => _family ??= PdfFonts.Register(Candidates().FirstOrDefault(File.Exists)
        ?? throw new CjkFontMissingException($"No CJK font for PDF documents: looked at {string.Join(", ", Candidates())}. " +
            $"Build the project (it restores the font from npm) or set {ConfigKey} to a TrueType (.ttf) font file."));
}

/// <summary>
/// PDFsharp's font resolver is process-wide and set once; it serves the font files registered
/// here, each under a family name of its own, and simulates bold and italic.
/// </summary>
internal sealed class PdfFonts : IFontResolver
{
    private static readonly ConcurrentDictionary<string, string> Files = new();
    private static readonly ConcurrentDictionary<string, byte[]> Loaded = new();
    private static readonly Lock Gate = new();
    private static bool _installed;

    public static string Register(string path)
    {
        lock (Gate)
        {
            if (!_installed)
            {
                GlobalFontSettings.FontResolver = new PdfFonts();
                _installed = true;
            }
        }
        var family = "Waishi " + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(path)))[..12];
        Files.TryAdd(family, path);
        return family;
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        Files.ContainsKey(familyName) ? new FontResolverInfo(familyName, bold, italic) : null;

    public byte[]? GetFont(string faceName) =>
        Files.TryGetValue(faceName, out var path) ? Loaded.GetOrAdd(faceName, _ => File.ReadAllBytes(path)) : null;
}
