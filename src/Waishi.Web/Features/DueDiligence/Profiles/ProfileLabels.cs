namespace Waishi.Web.Features.DueDiligence.Profiles;

/// <summary>English labels (translation keys) of the due-diligence choices.</summary>
public static class ProfileLabels
{
    public static string Of(RiskLevel level) => level switch
    {
        RiskLevel.VeryHigh => "Very high risk",
        RiskLevel.High => "High risk",
        RiskLevel.Medium => "Medium risk",
        RiskLevel.Low => "Low risk",
        RiskLevel.None => "No risk",
        _ => "Unrated",
    };

    public static string Of(InstitutionCategory category) => category switch
    {
        InstitutionCategory.Civilian => "Civilian",
        InstitutionCategory.Military => "Military",
        InstitutionCategory.Security => "Security",
        InstitutionCategory.DefenceIndustryConglomerate => "Defence industry conglomerate",
        InstitutionCategory.SevenSons => "Seven Sons of National Defence",
        _ => "None",
    };

    public static readonly InstitutionCategory[] Categories =
    [
        InstitutionCategory.Civilian, InstitutionCategory.Military, InstitutionCategory.Security,
        InstitutionCategory.DefenceIndustryConglomerate, InstitutionCategory.SevenSons,
    ];

    public static IEnumerable<InstitutionCategory> In(InstitutionCategory all) => Categories.Where(c => all.HasFlag(c));

    public static string Badge(RiskLevel level) => level switch
    {
        RiskLevel.VeryHigh or RiskLevel.High => "bg-danger",
        RiskLevel.Medium => "bg-warning text-dark",
        RiskLevel.Low or RiskLevel.None => "bg-success",
        _ => "bg-secondary",
    };
}
