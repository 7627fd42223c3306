namespace Waishi.Web.Features.Partners;

/// <summary>English labels (localisation keys) of the partner enums.</summary>
public static class PartnerLabels
{
    public static string Of(PartnerType type) => type switch
    {
        PartnerType.University => "University",
        PartnerType.ResearchInstitute => "Research institute",
        PartnerType.Company => "Company",
        PartnerType.Government => "Government",
        PartnerType.City => "City",
        PartnerType.Ngo => "NGO",
        _ => type.ToString(),
    };

    public static string Of(PartnerRegion region) => region switch
    {
        PartnerRegion.Foreign => "Foreign",
        PartnerRegion.HongKong => "Hong Kong",
        PartnerRegion.Macao => "Macao",
        PartnerRegion.Taiwan => "Taiwan",
        _ => region.ToString(),
    };
}
