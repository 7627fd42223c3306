using Waishi.Web.Features.Ror;
using Waishi.Web.Platform.Data;

namespace Waishi.Web.Features.Partners;

/// <summary>What a user types for a partner, on the form and in the API body.</summary>
public sealed partial class PartnerInput
{
    public Guid? Id { get; set; }
    public long Version { get; set; }
    public string? NameEn { get; set; }
    public string? NameZh { get; set; }
    public string? NameLocal { get; set; }
    public string? Acronyms { get; set; }
    public string? FormerNames { get; set; }
    public string? CountryCode { get; set; }
    public string? City { get; set; }
    public PartnerType? Type { get; set; }
    /// <summary>Empty: derived from the country (HK, MO, TW are the regions).</summary>
    public PartnerRegion? Region { get; set; }
    public string? RorId { get; set; }
    /// <summary>The Erasmus Without Paper HEI id (a domain name such as uw.edu.pl).</summary>
    public string? EwpHeiId { get; set; }
    public string? Website { get; set; }
    public string? Notes { get; set; }
    /// <summary>The user saw the possible duplicates and wants this record anyway.</summary>
    public bool CreateAnyway { get; set; }

    public static PartnerInput From(Partner p) => new()
    {
        Id = p.Id, Version = p.Version, NameEn = p.NameEn, NameZh = p.NameZh, NameLocal = p.NameLocal, Acronyms = p.Acronyms,
        FormerNames = p.FormerNames, CountryCode = p.CountryCode, City = p.City, Type = p.Type, Region = p.Region, RorId = p.RorId,
        EwpHeiId = p.EwpHeiId, Website = p.Website, Notes = p.Notes,
    };

    public static PartnerInput From(RorOrganisation r)
    {
        var names = System.Text.Json.JsonSerializer.Deserialize<List<RorName>>(r.NamesJson, RorRecord.Json) ?? [];
        var types = r.Types.Split(',');
        return new PartnerInput
        {
            NameEn = r.DisplayName,
            NameZh = names.FirstOrDefault(n => n.Lang is "zh" && !n.Types.Contains("acronym"))?.Value,
            NameLocal = names.FirstOrDefault(n => n.Lang is not (null or "en" or "zh") && n.Types.Contains("label"))?.Value,
            Acronyms = string.Join('\n', names.Where(n => n.Types.Contains("acronym")).Select(n => n.Value)) is { Length: > 0 } a ? a : null,
            CountryCode = r.CountryCode, City = r.City, RorId = r.RorId, Website = r.Website,
            Type = types.Contains("education") ? PartnerType.University
                : types.Contains("company") ? PartnerType.Company
                : types.Contains("government") ? PartnerType.Government
                : types.Contains("nonprofit") ? PartnerType.Ngo
                : types.Contains("facility") || types.Contains("healthcare") || types.Contains("funder") ? PartnerType.ResearchInstitute
                : null,
        };
    }

    /// <summary>Checks the input; each error names the field and says how to fix it.</summary>
    public List<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        NameEn = NameEn?.Trim();
        if (string.IsNullOrEmpty(NameEn))
        {
            errors.Add(new FieldError(nameof(NameEn), "Enter the English name."));
        }
        Check(errors, nameof(NameEn), NameEn, 300);
        Check(errors, nameof(NameZh), NameZh, 300);
        Check(errors, nameof(NameLocal), NameLocal, 300);
        Check(errors, nameof(Acronyms), Acronyms, 500);
        Check(errors, nameof(FormerNames), FormerNames, 2000);
        Check(errors, nameof(City), City, 200);
        Check(errors, nameof(Notes), Notes, 2000);
        CountryCode = CountryCode?.Trim().ToUpperInvariant();
        if (CountryCode is not { Length: 2 } || !CountryCode.All(char.IsAsciiLetterUpper))
        {
            errors.Add(new FieldError(nameof(CountryCode), "Enter the country as a two-letter ISO code, such as GB or HK."));
        }
        if (Type is null || !Enum.IsDefined(Type.Value))
        {
            errors.Add(new FieldError(nameof(Type), "Choose the type of institution."));
        }
        if (Region is { } region && !Enum.IsDefined(region))
        {
            errors.Add(new FieldError(nameof(Region), "Choose the region, or leave it empty to derive it from the country."));
        }
        if (!string.IsNullOrWhiteSpace(RorId))
        {
            if (RorRecord.ParseId(RorId) is { } id)
            {
                RorId = id;
            }
            else
            {
                errors.Add(new FieldError(nameof(RorId), "Enter the ROR id as https://ror.org/0xxxxxxxx or its 9 characters, or leave it empty."));
            }
        }
        else
        {
            RorId = null;
        }
        EwpHeiId = string.IsNullOrWhiteSpace(EwpHeiId) ? null : EwpHeiId.Trim().ToLowerInvariant();
        if (EwpHeiId is not null && (EwpHeiId.Length > 100 || !HeiIdPattern().IsMatch(EwpHeiId)))
        {
            errors.Add(new FieldError(nameof(EwpHeiId), "Enter the EWP HEI id as the institution's domain name, such as uw.edu.pl, or leave it empty."));
        }
        Website = string.IsNullOrWhiteSpace(Website) ? null : Website.Trim();
        if (Website is not null && (Website.Length > 500 || !Uri.TryCreate(Website, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
        {
            errors.Add(new FieldError(nameof(Website), "Enter the website as a full address starting with https://, or leave it empty."));
        }
        return errors;
    }

    private static void Check(List<FieldError> errors, string field, string? value, int max)
    {
        if (value is not null && value.Trim().Length > max)
        {
            errors.Add(new FieldError(field, "Shorten this to at most {0} characters.", max));
        }
    }

    public void ApplyTo(Partner p)
    {
        p.NameEn = NameEn!.Trim();
        p.NameZh = Clean(NameZh);
        p.NameLocal = Clean(NameLocal);
        p.Acronyms = Clean(Acronyms);
        p.FormerNames = Clean(FormerNames);
        p.CountryCode = CountryCode!;
        p.City = Clean(City);
        p.Type = Type!.Value;
        p.Region = Region ?? Partner.RegionOf(CountryCode);
        p.RorId = RorId;
        p.EwpHeiId = EwpHeiId;
        p.Website = Website;
        p.Notes = Clean(Notes);
        p.Index();
    }

    /// <summary>A SCHAC code: a domain name of at least two labels.</summary>
    [System.Text.RegularExpressions.GeneratedRegex("^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$")]
    private static partial System.Text.RegularExpressions.Regex HeiIdPattern();

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
