using Waishi.Web.Platform.Data;

namespace Waishi.Web.Platform.Workflow;

public enum CaseState
{
    InProgress,
    Returned,
    Approved,
    Rejected,
}

public enum WorkflowAction
{
    Submit,
    Approve,
    Reject,
    Return,
    Comment,
    Delegate,
    Resubmit,
    /// <summary>A step came into the case because its facts changed (a screening hit opened).</summary>
    StepAdded,
    /// <summary>A step left the case because its facts changed (the last screening hit closed).</summary>
    StepRemoved,
}

/// <summary>What the conditions of a chain look at; the module that owns the case provides them
/// at submission and again at each resubmission.</summary>
public sealed record CaseFacts(
    bool ClassifiedMember = false,
    bool ScreeningHit = false,
    int VipLevel = 0,
    bool SeniorCadreLeader = false,
    bool DestinationTaiwan = false,
    int Size = 0,
    bool CityApproval = false);

/// <summary>One case going through its chain version. <see cref="Version"/> guards every transition.</summary>
public sealed class WorkflowCase : TenantEntity
{
    public required string CaseType { get; set; }
    /// <summary>The module's record (trip, visit ...) this case approves.</summary>
    public Guid? SubjectId { get; set; }
    public required string Title { get; set; }
    /// <summary>What the authority needs to decide, written by the module; the only text of the
    /// institution the authority sees.</summary>
    public string? Summary { get; set; }
    public string? Link { get; set; }
    public Guid ChainVersionId { get; set; }
    public CaseState State { get; set; }
    /// <summary>Position of the current step (while in progress) or of the step that returned or
    /// decided the case.</summary>
    public int Step { get; set; }
    /// <summary>Starts at 1 and grows with each resubmission.</summary>
    public int Round { get; set; }
    public Guid ApplicantUserId { get; set; }
    public Guid? ApplicantUnitId { get; set; }
    /// <summary>The holder the current step was delegated to; only they act on it.</summary>
    public Guid? DelegateUserId { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime StepStartedUtc { get; set; }
    public DateTime? StepDueUtc { get; set; }
    public DateTime? ClosedUtc { get; set; }

    public bool ClassifiedMember { get; set; }
    public bool ScreeningHit { get; set; }
    public int VipLevel { get; set; }
    public bool SeniorCadreLeader { get; set; }
    public bool DestinationTaiwan { get; set; }
    public int Size { get; set; }
    public bool CityApproval { get; set; }

    public CaseFacts Facts
    {
        get => new(ClassifiedMember, ScreeningHit, VipLevel, SeniorCadreLeader, DestinationTaiwan, Size, CityApproval);
        set
        {
            ClassifiedMember = value.ClassifiedMember;
            ScreeningHit = value.ScreeningHit;
            VipLevel = value.VipLevel;
            SeniorCadreLeader = value.SeniorCadreLeader;
            DestinationTaiwan = value.DestinationTaiwan;
            Size = value.Size;
            CityApproval = value.CityApproval;
        }
    }

    public bool IsClosed => State is CaseState.Approved or CaseState.Rejected;
}

/// <summary>One line of a case's history: who did what, when, on which step, with which comment.
/// A decision (approve, reject, return) or a (re)submission also fills <see cref="Transition"/>,
/// which is unique: of two simultaneous decisions on one step only one row can exist.</summary>
public sealed class WorkflowEntry : TenantEntity
{
    public Guid CaseId { get; set; }
    public int Step { get; set; }
    public int Round { get; set; }
    public WorkflowAction Action { get; set; }
    public Guid UserId { get; set; }
    public required string UserName { get; set; }
    public DateTime AtUtc { get; set; }
    public string? Comment { get; set; }
    public Guid? DelegateUserId { get; set; }
    public string? Transition { get; set; }
}

/// <summary>A request that carried an idempotency key, with what it answered: a repeat of the key
/// by the same user gets the same answer and changes nothing.</summary>
[NotAudited]
public sealed class WorkflowRequest : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid UserId { get; set; }
    public required string Key { get; set; }
    public Guid CaseId { get; set; }
    public CaseState State { get; set; }
    public int Step { get; set; }
    public long CaseVersion { get; set; }
    public DateTime CreatedUtc { get; set; }
}

/// <summary>The authority's copy of what an institution routed to it: owned by the authority
/// tenant, holding only the summary the module wrote. The authority never reads the case's tenant.</summary>
public sealed class WorkflowReferral : TenantEntity
{
    public Guid CaseId { get; set; }
    public Guid SourceTenantId { get; set; }
    public required string SourceTenantName { get; set; }
    public required string CaseType { get; set; }
    public required string Title { get; set; }
    public string? Summary { get; set; }
    public required string Role { get; set; }
    /// <summary>The holder the authority's step was delegated to, if any.</summary>
    public Guid? DelegateUserId { get; set; }
    public bool IsOpen { get; set; }
    public int Step { get; set; }
    public int Round { get; set; }
    public DateTime ReferredUtc { get; set; }
    public DateTime? DueUtc { get; set; }
    public CaseState CaseState { get; set; }
}
