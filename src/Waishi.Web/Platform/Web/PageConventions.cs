using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Waishi.Web.Platform.Identity;

namespace Waishi.Web.Platform.Web;

/// <summary>
/// Which policy guards which page folder. Everything not listed here needs a signed-in user
/// (fallback policy); the anonymous pages are the explicit allow-list.
/// </summary>
public static class PageConventions
{
    public static readonly string[] AnonymousPages =
    [
        "/Account/SignIn", "/Account/Denied", "/Account/Culture", "/Error", "/Public/Notices", "/Public/Verify",
    ];

    public static void Apply(PageConventionCollection pages)
    {
        pages.AuthorizeFolder("/", Policies.SignedIn);
        pages.AuthorizeFolder("/Admin", Policies.TenantAdmin);
        pages.AuthorizeFolder("/Audit", Policies.AuditReader);
        pages.AuthorizeFolder("/People", Policies.PeopleReader);
        pages.AuthorizeFolder("/Organisation", Policies.PeopleReader);
        pages.AuthorizeFolder("/Jobs", Policies.TenantAdmin);
        pages.AuthorizeFolder("/Workflow/Chains", Policies.TenantAdmin);
        pages.AuthorizeFolder("/OutboundPlans", Policies.OutboundPlans);
        pages.AuthorizeFolder("/TripCalendar", Policies.TripCalendar);
        pages.AuthorizeFolder("/Trips", Policies.Trips);
        // Every member of staff sees their own documents; the register's pages name their own policy.
        pages.AuthorizeFolder("/TravelDocuments", Policies.Staff);
        pages.AuthorizeFolder("/Visas", Policies.Trips);
        pages.AuthorizeFolder("/TripReports", Policies.Trips);
        pages.AuthorizeFolder("/Partners", Policies.Partners);
        // The registry is read by every tenant's staff; its import page names its own policy.
        pages.AuthorizeFolder("/Ror", Policies.Staff);
        pages.AuthorizeFolder("/PartnerStats", Policies.PartnerStatistics);
        pages.AuthorizeFolder("/Projects", Policies.Partners);
        // Read by the office roles; the forms and actions check AgreementAccess (officers and directors).
        pages.AuthorizeFolder("/Agreements", Policies.Partners);
        pages.AuthorizeFolder("/DueDiligence", Features.DueDiligence.DueDiligenceSetup.ReaderPolicy);
        pages.AuthorizeFolder("/DueDiligence/Reviews", Policies.ScreeningReviews);
        pages.AuthorizeFolder("/Visits", Features.Visits.VisitsSetup.Policy);
        pages.AuthorizeFolder("/DueDiligence/Overview", Policies.DueDiligenceOverview);
        // Letters, closure and calendar of visits: VisitDocsAccess decides what each user sees and does.
        pages.AuthorizeFolder("/Visits/Letters", Policies.Staff);
        pages.AuthorizeFolder("/Visits/Closure", Policies.Staff);
        pages.AuthorizeFolder("/Visits/Calendar", Policies.Staff);
        foreach (var page in AnonymousPages)
        {
            pages.AllowAnonymousToPage(page);
        }
    }
}
