using System.Globalization;
using Waishi.Web.Platform.Data;

namespace Waishi.Web.Features.DueDiligence.Profiles;

/// <summary>The editable fields of a profile (everything but the risk level and sources), for the form and the API.</summary>
public sealed class ProfileInput
{
    public string? NameEn { get; set; }
    public string? NameZh { get; set; }
    public string? Aliases { get; set; }
    public string? CountryCode { get; set; }
    public string? City { get; set; }
    public List<InstitutionCategory> Categories { get; set; } = [];
    public string? Summary { get; set; }
    public string? SupervisingAgencies { get; set; }
    public string? DefenceLaboratories { get; set; }
    public string? DefenceResearchAreas { get; set; }
    public string? SecurityCredentials { get; set; }
    public string? DefenceLinks { get; set; }
    public string? InternationalCollaborations { get; set; }
    public string? ResearchTopics { get; set; }
    /// <summary>One address a line: "address | latitude | longitude" (the coordinates optional).</summary>
    public string? Addresses { get; set; }
    public Guid? PartnerId { get; set; }
    public long Version { get; set; }

    public static ProfileInput From(InstitutionProfile p) => new()
    {
        NameEn = p.NameEn, NameZh = p.NameZh, Aliases = p.Aliases, CountryCode = p.CountryCode, City = p.City,
        Categories = [.. Enum.GetValues<InstitutionCategory>().Where(c => c != InstitutionCategory.None && p.Categories.HasFlag(c))],
        Summary = p.Summary, SupervisingAgencies = p.SupervisingAgencies, DefenceLaboratories = p.DefenceLaboratories,
        DefenceResearchAreas = p.DefenceResearchAreas, SecurityCredentials = p.SecurityCredentials, DefenceLinks = p.DefenceLinks,
        InternationalCollaborations = p.InternationalCollaborations, ResearchTopics = p.ResearchTopics,
        Addresses = string.Join("\n", p.Addresses.OrderBy(a => a.SortOrder).Select(FormatAddress)),
        PartnerId = p.PartnerId, Version = p.Version,
    };

    public static string FormatAddress(ProfileAddress a) => a.Latitude is { } lat && a.Longitude is { } lon
        ? string.Create(CultureInfo.InvariantCulture, $"{a.Text} | {lat} | {lon}") : a.Text;

    public List<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(NameEn))
        {
            errors.Add(new(nameof(NameEn), "Enter the institution's English name."));
        }
        else if (NameEn.Trim().Length > 300)
        {
            errors.Add(new(nameof(NameEn), "Shorten the English name to 300 characters."));
        }
        if (NameZh?.Trim().Length > 300)
        {
            errors.Add(new(nameof(NameZh), "Shorten the Chinese name to 300 characters."));
        }
        if (Aliases?.Length > 4000)
        {
            errors.Add(new(nameof(Aliases), "Keep the other names under 4,000 characters."));
        }
        var country = CountryCode?.Trim() ?? "";
        if (country.Length > 0 && (country.Length != 2 || !country.All(char.IsAsciiLetter)))
        {
            errors.Add(new(nameof(CountryCode), "Enter the country as a two-letter ISO code, e.g. CN."));
        }
        if (City?.Trim().Length > 200)
        {
            errors.Add(new(nameof(City), "Shorten the city to 200 characters."));
        }
        var line = 0;
        foreach (var address in InstitutionProfile.Lines(Addresses))
        {
            line++;
            if (ParseAddress(address) is null)
            {
                errors.Add(new(nameof(Addresses), "Address line {0}: write \"address | latitude | longitude\" with coordinates such as 29.56 and 106.55, or the address alone.", line));
                break;
            }
        }
        return errors;
    }

    private static (string Text, double? Lat, double? Lon)? ParseAddress(string line)
    {
        var parts = line.Split('|', StringSplitOptions.TrimEntries);
        if (parts.Length == 1)
        {
            return parts[0].Length is > 0 and <= 500 ? (parts[0], null, null) : null;
        }
        if (parts.Length == 3 && parts[0].Length is > 0 and <= 500
            && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var lat) && lat is >= -90 and <= 90
            && double.TryParse(parts[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var lon) && lon is >= -180 and <= 180)
        {
            return (parts[0], lat, lon);
        }
        return null;
    }

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim().Replace("\r\n", "\n", StringComparison.Ordinal);

    /// <summary>Whether applying would change what screening matches against (names or country).</summary>
    public bool ChangesNames(InstitutionProfile p) =>
        p.NameEn != NameEn?.Trim() || p.NameZh != Text(NameZh) || p.Aliases != Text(Aliases) || p.CountryCode != Text(CountryCode)?.ToUpperInvariant();

    public void ApplyTo(InstitutionProfile p)
    {
        p.NameEn = NameEn!.Trim();
        p.NameZh = Text(NameZh);
        p.Aliases = Text(Aliases);
        p.CountryCode = Text(CountryCode)?.ToUpperInvariant();
        p.City = Text(City);
        p.Categories = Categories.Aggregate(InstitutionCategory.None, (all, c) => all | c);
        p.Summary = Text(Summary);
        p.SupervisingAgencies = Text(SupervisingAgencies);
        p.DefenceLaboratories = Text(DefenceLaboratories);
        p.DefenceResearchAreas = Text(DefenceResearchAreas);
        p.SecurityCredentials = Text(SecurityCredentials);
        p.DefenceLinks = Text(DefenceLinks);
        p.InternationalCollaborations = Text(InternationalCollaborations);
        p.ResearchTopics = Text(ResearchTopics);
        p.PartnerId = PartnerId;
        var wanted = InstitutionProfile.Lines(Addresses).Select(ParseAddress).OfType<(string Text, double? Lat, double? Lon)>().ToList();
        for (var i = 0; i < wanted.Count; i++)
        {
            var row = p.Addresses.FirstOrDefault(a => a.SortOrder == i);
            if (row is null)
            {
                row = new ProfileAddress { TenantId = p.TenantId, ProfileId = p.Id, SortOrder = i };
                p.Addresses.Add(row);
            }
            (row.Text, row.Latitude, row.Longitude) = wanted[i];
        }
        p.Addresses.RemoveAll(a => a.SortOrder >= wanted.Count);
        p.Index();
    }
}
