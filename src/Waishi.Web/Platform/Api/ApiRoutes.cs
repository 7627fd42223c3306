using Waishi.Web.Platform.Identity;

namespace Waishi.Web.Platform.Api;

/// <summary>The JSON API under /api/v1. Each module maps its group here.</summary>
public static class ApiRoutes
{
    public static void Map(WebApplication app)
    {
        var v1 = app.MapGroup("/api/v1")
            .RequireAuthorization(Policies.SignedIn)
            .WithTags("v1");
        MeApi.Map(v1);
        Features.Organisation.UnitsApi.Map(v1);
        Features.People.StaffApi.Map(v1);
        Features.People.StudentsApi.Map(v1);
        Features.Inbox.InboxApi.Map(v1);
        Features.Workflow.WorkflowApi.Map(v1);
        Features.OutboundPlans.OutboundPlansApi.Map(v1);
        Features.TripCalendar.TripCalendarApi.Map(v1);
        Features.Trips.TripsApi.Map(v1);
        Features.TravelDocuments.TravelDocumentsApi.Map(v1);
        Features.Visas.VisasApi.Map(v1);
        Features.TripReports.TripReportsApi.Map(v1);
        Features.Trips.ApprovalDocumentApi.Map(v1);
        Features.Partners.PartnersApi.Map(v1);
        Features.Ror.RorApi.Map(v1);
        Features.Ror.RorImportRunner.Map(v1);
        Features.PartnerStats.PartnerStatsApi.Map(v1);
        Features.Agreements.AgreementMobilitiesApi.Map(v1);
        Features.Agreements.Ewp.AgreementsEwpApi.Map(v1);
        Features.Projects.ProjectsApi.Map(v1);
        Features.Agreements.AgreementsApi.Map(v1);
        Features.DueDiligence.Profiles.ProfilesApi.Map(v1);
        Features.DueDiligence.Watchlists.WatchlistsApi.Map(v1);
        Features.DueDiligence.Reviews.ScreeningApi.Map(v1);
        Features.Conferences.ConferencesApi.Map(v1);
        Features.Visits.VisitsApi.Map(v1);
        Features.Visits.Letters.LettersApi.Map(v1);
        Features.Visits.Closure.ClosureApi.Map(v1);
    }
}
