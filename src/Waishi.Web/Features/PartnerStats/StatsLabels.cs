using Waishi.Web.Features.Agreements;

namespace Waishi.Web.Features.PartnerStats;

/// <summary>English labels (localisation keys) of the agreement types, as the statistics filter shows them.</summary>
public static class StatsLabels
{
    public static string Of(AgreementType type) => type switch
    {
        AgreementType.FrameworkMou => "Framework MoU",
        AgreementType.StudentExchange => "Student exchange",
        AgreementType.StaffExchange => "Staff exchange",
        AgreementType.JointDegree => "Joint degree",
        AgreementType.CooperativeEducation => "Sino-foreign cooperative education",
        AgreementType.ResearchCooperation => "Research cooperation",
        AgreementType.SummerSchool => "Summer school",
        _ => type.ToString(),
    };
}
