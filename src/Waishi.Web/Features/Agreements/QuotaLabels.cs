using Waishi.Web.Platform.Ewp;

namespace Waishi.Web.Features.Agreements;

/// <summary>English labels (and translation keys) of the agreement values that quota use and the
/// mobility pages show.</summary>
public static class QuotaLabels
{
    public static string Of(MobilityDirection direction) => direction switch
    {
        MobilityDirection.Outgoing => "Outgoing",
        _ => "Incoming",
    };

    public static string Of(MobilityKind kind) => kind switch
    {
        MobilityKind.StudentStudies => "Student studies",
        MobilityKind.StudentTraineeship => "Student traineeship",
        MobilityKind.StaffTeacher => "Staff teaching",
        _ => "Staff training",
    };

    public static string Of(AgreementType type) => type switch
    {
        AgreementType.FrameworkMou => "Framework MoU",
        AgreementType.StudentExchange => "Student exchange",
        AgreementType.StaffExchange => "Staff exchange",
        AgreementType.JointDegree => "Joint degree",
        AgreementType.CooperativeEducation => "Sino-foreign cooperative education",
        AgreementType.ResearchCooperation => "Research cooperation",
        _ => "Summer school",
    };

    public static string Of(AgreementState state) => state switch
    {
        AgreementState.Draft => "Draft",
        AgreementState.InReview => "In review",
        AgreementState.Returned => "Returned",
        AgreementState.Rejected => "Rejected",
        AgreementState.ApprovedForSigning => "Approved for signing",
        AgreementState.Active => "Active",
        AgreementState.Expiring => "Expiring",
        AgreementState.Expired => "Expired",
        AgreementState.Terminated => "Terminated",
        _ => "Renewed",
    };
}
