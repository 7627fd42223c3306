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
    public const string Agreement = "agreement";

    public static readonly IReadOnlyList<string> All = [Trip, TripAmendment, Visit, Conference, Agreement];

    /// <summary>The English name of a case type, also the key of its translation.</summary>
    public static string Label(string caseType) => caseType switch
    {
        Trip => "Official trip abroad",
        TripAmendment => "Trip amendment",
        Visit => "Inbound visit",
        Conference => "International conference",
        Agreement => "Agreement",
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
            Step(3, Roles.Director),
            Step(4, Roles.FaoOfficer, StepScope.Authority, StepCondition.CityApproval, days: 15),
        ],
        Agreement =>
        [
            Step(1, Roles.OfficerGlobal),
            Step(2, Roles.Director),
            Step(3, Roles.Leader),
        ],
        _ => [],
    };
}
