using Waishi.Web.Platform.Ewp;

namespace Waishi.Web.Features.Agreements;

/// <summary>English labels (localisation keys) of the agreement enums.</summary>
public static class AgreementLabels
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

    public static string Of(AgreementState state) => state switch
    {
        AgreementState.Draft => "Draft",
        AgreementState.InReview => "In review",
        AgreementState.Returned => "Returned for revision",
        AgreementState.Rejected => "Rejected",
        AgreementState.ApprovedForSigning => "Approved for signing",
        AgreementState.Active => "Active",
        AgreementState.Expiring => "Expiring",
        AgreementState.Expired => "Expired",
        AgreementState.Terminated => "Terminated",
        AgreementState.Renewed => "Renewed",
        _ => state.ToString(),
    };

    public static string Of(MobilityDirection direction) => direction switch
    {
        MobilityDirection.Outgoing => "Outgoing",
        MobilityDirection.Incoming => "Incoming",
        _ => direction.ToString(),
    };

    public static string Of(MobilityKind kind) => kind switch
    {
        MobilityKind.StudentStudies => "Student studies",
        MobilityKind.StudentTraineeship => "Student traineeship",
        MobilityKind.StaffTeacher => "Staff teaching",
        MobilityKind.StaffTraining => "Staff training",
        _ => kind.ToString(),
    };

    public static string Of(AgreementDocumentKind kind) => kind switch
    {
        AgreementDocumentKind.Draft => "Draft",
        AgreementDocumentKind.Signed => "Signed agreement",
        AgreementDocumentKind.Other => "Other",
        _ => kind.ToString(),
    };

    public static bool IsStudent(MobilityKind kind) => kind is MobilityKind.StudentStudies or MobilityKind.StudentTraineeship;
}
