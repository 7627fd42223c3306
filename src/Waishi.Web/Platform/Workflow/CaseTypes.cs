using Waishi.Web.Platform.Identity;

namespace Waishi.Web.Platform.Workflow;

/// <summary>The kinds of case that go through approval chains, and the chain each institution
/// starts with (the trip chain of the design; the others in the same spirit).</summary>
public static class CaseTypes
{
    public const string Trip = "trip";
    /// <summary>A change of dates, destinations or members of an approved trip.</summary>
    public const string TripAmendment = "trip-amendment";
    public const string Visit = "visit";
    public const string Conference = "conference";
    /// <summary>The prefix of the agreement case types: each type of agreement has its own chain.</summary>
    public const string Agreement = "agreement";
    public const string AgreementFrameworkMou = "agreement.framework-mou";
    public const string AgreementStudentExchange = "agreement.student-exchange";
    public const string AgreementStaffExchange = "agreement.staff-exchange";
    public const string AgreementJointDegree = "agreement.joint-degree";
    public const string AgreementCooperativeEducation = "agreement.cooperative-education";
    public const string AgreementResearchCooperation = "agreement.research-cooperation";
    public const string AgreementSummerSchool = "agreement.summer-school";

    public static readonly IReadOnlyList<string> Agreements =
    [
        AgreementFrameworkMou, AgreementStudentExchange, AgreementStaffExchange, AgreementJointDegree,
        AgreementCooperativeEducation, AgreementResearchCooperation, AgreementSummerSchool,
    ];

    public static readonly IReadOnlyList<string> All = [Trip, TripAmendment, Visit, Conference, .. Agreements];

    public static bool IsAgreement(string caseType) => caseType.StartsWith(Agreement + ".", StringComparison.Ordinal);

    /// <summary>The English name of a case type, also the key of its translation.</summary>
    public static string Label(string caseType) => caseType switch
    {
        Trip => "Official trip abroad",
        TripAmendment => "Trip amendment",
        Visit => "Inbound visit",
        Conference => "International conference",
        Agreement => "Agreement",
        AgreementFrameworkMou => "Agreement: framework MoU",
        AgreementStudentExchange => "Agreement: student exchange",
        AgreementStaffExchange => "Agreement: staff exchange",
        AgreementJointDegree => "Agreement: joint degree",
        AgreementCooperativeEducation => "Agreement: Sino-foreign cooperative education",
        AgreementResearchCooperation => "Agreement: research cooperation",
        AgreementSummerSchool => "Agreement: summer school",
        _ => caseType,
    };

    /// <summary>The English name of an action as the timeline shows it, also its translation key.</summary>
    public static string Label(WorkflowAction action) => action switch
    {
        WorkflowAction.Submit => "Submitted",
        WorkflowAction.Approve => "Approve",
        WorkflowAction.Reject => "Reject",
        WorkflowAction.Return => "Return for revision",
        WorkflowAction.Comment => "Comment",
        WorkflowAction.Delegate => "Delegate",
        WorkflowAction.Resubmit => "Resubmitted",
        WorkflowAction.StepAdded => "Security review added: screening hit opened",
        WorkflowAction.StepRemoved => "Security review removed: screening hit closed",
        _ => action.ToString(),
    };

    public static string Label(CaseState state) => state switch
    {
        CaseState.InProgress => "In progress",
        CaseState.Returned => "Returned for revision",
        CaseState.Approved => "Approved",
        CaseState.Rejected => "Rejected",
        _ => state.ToString(),
    };

    public static bool IsKnown(string caseType) => All.Contains(caseType);

    private static StepDefinition Step(int position, string role, StepScope scope = StepScope.Tenant,
        StepCondition condition = StepCondition.Always, int? threshold = null, int days = 5) =>
        new(position, role, scope, condition, threshold, days);

    public static IReadOnlyList<StepDefinition> DefaultChain(string caseType) => caseType switch
    {
        Trip or TripAmendment =>
        [
            Step(1, Roles.UnitHead, StepScope.ApplicantUnit),
            Step(2, Roles.OfficerExit),
            Step(3, Roles.SecurityOfficer, condition: StepCondition.ClassifiedMemberOrScreeningHit),
            Step(4, Roles.Director),
            Step(5, Roles.Leader, condition: StepCondition.SeniorCadreLeader),
            Step(6, Roles.FaoOfficer, StepScope.Authority, StepCondition.CityApprovalOrTaiwan, days: 10),
        ],
        Visit =>
        [
            Step(1, Roles.UnitHead, StepScope.ApplicantUnit),
            Step(2, Roles.OfficerGlobal),
            Step(3, Roles.SecurityOfficer, condition: StepCondition.ScreeningHit),
            Step(4, Roles.Director),
            Step(5, Roles.Leader, condition: StepCondition.VipLevelAtLeast, threshold: 2),
            Step(6, Roles.FaoOfficer, StepScope.Authority, StepCondition.VipLevelAtLeast, threshold: 3, days: 10),
        ],
        Conference =>
        [
            Step(1, Roles.UnitHead, StepScope.ApplicantUnit),
            Step(2, Roles.OfficerGlobal),
            Step(3, Roles.SecurityOfficer, condition: StepCondition.ScreeningHit),
            Step(4, Roles.Director),
            Step(5, Roles.FaoOfficer, StepScope.Authority, StepCondition.CityApproval, days: 15),
        ],
        // Agreements: the head of the signing college first (the module sets Size to 1 when a college
        // signs and 0 when the university does), then global relations and the director. Step 3 is
        // the seam of due diligence: it applies when a screening of the partners reports a hit.
        _ when IsAgreement(caseType) =>
        [
            Step(1, Roles.UnitHead, StepScope.ApplicantUnit, StepCondition.SizeOver, threshold: 0),
            Step(2, Roles.OfficerGlobal),
            Step(3, Roles.SecurityOfficer, condition: StepCondition.ScreeningHit),
            Step(4, Roles.Director),
        ],
        _ => [],
    };
}
