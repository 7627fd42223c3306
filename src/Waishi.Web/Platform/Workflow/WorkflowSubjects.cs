namespace Waishi.Web.Platform.Workflow;

/// <summary>
/// The module behind a case type. The engine tells it about every move of one of its cases, in the
/// same unit of work (so a trip's state and its case never disagree), and asks it who is involved
/// in a case besides the applicant: those people cannot decide on it either.
/// </summary>
public interface IWorkflowSubject
{
    bool Handles(string caseType);

    /// <summary>Called after the case moved (submitted, approved at a step, returned, resubmitted,
    /// rejected, finally approved); the case is tracked and not saved yet. Runs with the tenant
    /// filter lifted when the authority decides: load the subject by the case's ids.</summary>
    Task OnMovedAsync(WorkflowCase c, CancellationToken ct);

    /// <summary>Users who are part of the case (the people travelling, the person filed for).</summary>
    Task<IReadOnlyCollection<Guid>> InvolvedUsersAsync(WorkflowCase c, CancellationToken ct);

    /// <summary>Asked before the approval that would finally approve the case is stored: a message
    /// (already in the reader's language) refuses it, null lets it through.</summary>
    Task<string?> RefuseFinalApprovalAsync(WorkflowCase c, CancellationToken ct) => Task.FromResult<string?>(null);
}
