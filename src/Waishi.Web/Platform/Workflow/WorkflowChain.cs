using Waishi.Web.Platform.Data;

namespace Waishi.Web.Platform.Workflow;

/// <summary>Who may act on a step: any holder of the role in the case's tenant, the holder for the
/// applicant's unit (unit heads), or a holder of the role in the authority tenant (the FAO).</summary>
public enum StepScope
{
    Tenant,
    ApplicantUnit,
    Authority,
}

/// <summary>When a step applies, judged from the facts of the case; a step whose condition does not
/// hold is passed over.</summary>
public enum StepCondition
{
    Always,
    ClassifiedMember,
    ScreeningHit,
    ClassifiedMemberOrScreeningHit,
    /// <summary>VIP level of the case at least the step's threshold.</summary>
    VipLevelAtLeast,
    SeniorCadreLeader,
    DestinationTaiwan,
    /// <summary>Size of the case (members, guests, participants) above the step's threshold.</summary>
    SizeOver,
    CityApproval,
    CityApprovalOrTaiwan,
}

/// <summary>The approval chain of one case type in a tenant. Its steps live in immutable
/// versions; an edit adds a version and running cases keep the one they started with.</summary>
public sealed class WorkflowChain : TenantEntity
{
    public required string CaseType { get; set; }
    public int CurrentVersion { get; set; }
}

public sealed class WorkflowChainVersion : TenantEntity
{
    public Guid ChainId { get; set; }
    public int Number { get; set; }
    public DateTime CreatedUtc { get; set; }
    public string? CreatedBy { get; set; }
}

public sealed class WorkflowStep : TenantEntity
{
    public Guid ChainVersionId { get; set; }
    /// <summary>1-based position in the chain.</summary>
    public int Position { get; set; }
    public required string Role { get; set; }
    public StepScope Scope { get; set; }
    public StepCondition Condition { get; set; }
    public int? Threshold { get; set; }
    public int DeadlineDays { get; set; }

    public StepDefinition ToDefinition() => new(Position, Role, Scope, Condition, Threshold, DeadlineDays);
}

/// <summary>A step as the decision logic sees it.</summary>
public sealed record StepDefinition(int Position, string Role, StepScope Scope, StepCondition Condition, int? Threshold, int DeadlineDays);
