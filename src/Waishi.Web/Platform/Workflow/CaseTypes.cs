using Waishi.Web.Platform.Identity;

namespace Waishi.Web.Platform.Workflow;

/// <summary>The kinds of case that go through approval chains, and the chain each institution
/// starts with (the trip chain of the design; the others in the same spirit).</summary>
public static class CaseTypes
{
    public const string Trip = "trip";
    public const string Visit = "visit";
    public const string Conference = "conference";
    public const string Agreement = "agreement";

    public static readonly IReadOnlyList<string> All = [Trip, Visit, Conference, Agreement];

    public static bool IsKnown(string caseType) => All.Contains(caseType);

    private static StepDefinition Step(int position, string role, StepScope scope = StepScope.Tenant,
        StepCondition condition = StepCondition.Always, int? threshold = null, int days = 5) =>
        new(position, role, scope, condition, threshold, days);

    public static IReadOnlyList<StepDefinition> DefaultChain(string caseType) => caseType switch
    {
        Trip =>
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
