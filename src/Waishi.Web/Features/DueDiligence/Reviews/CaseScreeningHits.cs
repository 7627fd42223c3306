using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waishi.Web.Features.Agreements;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Identity;
using Waishi.Web.Platform.Workflow;

namespace Waishi.Web.Features.DueDiligence.Reviews;

/// <summary>
/// The open screening hits of a case's subject, with their explanations, on the case page: the
/// trip's inviting organisation, or the parties of an agreement. Shown to the office roles and the
/// security officer; empty for any other case type.
/// </summary>
public sealed class CaseScreeningHits(AppDbContext db, IAuthorizationService authorization) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(WorkflowCase c)
    {
        var ct = HttpContext.RequestAborted;
        var none = Content("");
        if (c.SubjectId is not { } subjectId
            || !(await authorization.AuthorizeAsync(HttpContext.User, Policies.Screening)).Succeeded)
        {
            return none;
        }
        IQueryable<ScreeningReview> open = db.Set<ScreeningReview>().AsNoTracking().Where(r => r.State == ScreeningReviewState.Open);
        if (c.CaseType == CaseTypes.Trip)
        {
            open = open.Where(r => r.SubjectType == ScreeningSubjects.Trip && r.SubjectId == subjectId);
        }
        else if (c.CaseType == CaseTypes.Visit)
        {
            open = open.Where(r => r.SubjectType == ScreeningSubjects.Visit && r.SubjectId == subjectId);
        }
        else if (c.CaseType == CaseTypes.Conference)
        {
            open = open.Where(r => r.SubjectType == ScreeningSubjects.Conference && r.SubjectId == subjectId);
        }
        else if (CaseTypes.IsAgreement(c.CaseType))
        {
            var partners = db.Set<AgreementParty>().Where(p => p.AgreementId == subjectId).Select(p => p.PartnerId);
            open = open.Where(r => r.SubjectType == ScreeningSubjects.Partner && partners.Contains(r.SubjectId));
        }
        else
        {
            return none;
        }
        var hits = await open.OrderByDescending(r => r.Score).ToListAsync(ct);
        return hits.Count == 0 ? none : View("/Features/DueDiligence/Reviews/_CaseScreeningHits.cshtml", hits);
    }
}
