using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Workflow;

namespace Waishi.Web.Features.Agreements;

/// <summary>Keeps agreements in step with their review cases, and keeps a case from its final
/// approval ("approved for signing") while a party has an open screening hit.</summary>
public sealed class AgreementCases(AppDbContext db, TimeProvider clock, IEnumerable<IAgreementScreening> screenings,
    IStringLocalizer<SharedResource> t) : IWorkflowSubject
{
    public bool Handles(string caseType) => CaseTypes.IsAgreement(caseType);

    public async Task OnMovedAsync(WorkflowCase c, CancellationToken ct)
    {
        if (c.SubjectId is not { } id)
        {
            return;
        }
        var a = db.Set<Agreement>().Local.FirstOrDefault(x => x.Id == id)
            ?? await db.Set<Agreement>().IgnoreQueryFilters().FirstOrDefaultAsync(x => x.Id == id && x.TenantId == c.TenantId, ct);
        if (a is null)
        {
            return;
        }
        a.CaseId = c.Id;
        switch (c.State)
        {
            case CaseState.InProgress:
                a.State = AgreementState.InReview;
                break;
            case CaseState.Returned:
                a.State = AgreementState.Returned;
                break;
            case CaseState.Rejected:
                a.State = AgreementState.Rejected;
                break;
            case CaseState.Approved:
                a.State = AgreementState.ApprovedForSigning;
                a.ApprovedUtc = clock.GetUtcNow().UtcDateTime;
                break;
        }
    }

    /// <summary>The security step normally stands in the way of an open hit; this covers a hit that
    /// opened after the security step was passed.</summary>
    public async Task<string?> RefuseFinalApprovalAsync(WorkflowCase c, CancellationToken ct)
    {
        var a = c.SubjectId is { } id
            ? await db.Set<Agreement>().IgnoreQueryFilters().Include(x => x.Parties).AsNoTracking()
                .FirstOrDefaultAsync(x => x.Id == id && x.TenantId == c.TenantId, ct)
            : null;
        return a is not null && await AgreementActions.OpenHitAsync(screenings, a, ct) is { } hit
            ? t[AgreementActions.OpenHitMessage, hit.PartnerName, hit.ReviewLink].Value
            : null;
    }

    /// <summary>Nobody besides the applicant (who cannot decide anyway) is part of an agreement's case.</summary>
    public Task<IReadOnlyCollection<Guid>> InvolvedUsersAsync(WorkflowCase c, CancellationToken ct) =>
        Task.FromResult<IReadOnlyCollection<Guid>>([]);
}
