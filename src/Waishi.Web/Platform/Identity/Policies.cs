using Microsoft.AspNetCore.Authorization;

namespace Waishi.Web.Platform.Identity;

/// <summary>
/// Named authorisation policies. Every page folder and API group names one of these; an endpoint
/// without a policy (and not on the anonymous allow-list) fails the endpoint sweep test.
/// </summary>
public static class Policies
{
    /// <summary>Any signed-in, enabled user of any tenant.</summary>
    public const string SignedIn = "signed-in";
    /// <summary>Staff of an institution or of the authority (not students).</summary>
    public const string Staff = "staff";
    public const string TenantAdmin = "tenant-admin";
    /// <summary>Reads the audit log: auditors and tenant admins.</summary>
    public const string AuditReader = "audit-reader";
    /// <summary>Reads the staff directory and student records: office staff, unit heads and secretaries, admins, auditors.</summary>
    public const string PeopleReader = "people-reader";
    /// <summary>Edits people and imports the staff directory: tenant admins and the international office.</summary>
    public const string PeopleEditor = "people-editor";
    public const string Authority = "authority";
    /// <summary>Uses the annual outbound plans: unit secretaries and heads, exit officers, directors, leaders and tenant admins.</summary>
    public const string OutboundPlans = "outbound-plans";
    /// <summary>Sees the calendar of who is abroad: staff who use trips, and leaders.</summary>
    public const string TripCalendar = "trip-calendar";
    /// <summary>Uses the trip pages: applicants, unit secretaries and heads, exit officers and directors.</summary>
    public const string Trips = "trips";
    /// <summary>Reads the register of travel documents in custody: exit officers, directors and auditors.</summary>
    public const string TravelDocuments = "travel-documents";
    /// <summary>Keeps the register of travel documents: exit officers.</summary>
    public const string TravelDocumentsEditor = "travel-documents-editor";
    /// <summary>Reads the partner institutions: the office roles and auditors.</summary>
    public const string Partners = "partners";
    /// <summary>Keeps the partner institutions: global relations and HMT officers, and directors.</summary>
    public const string PartnersEditor = "partners-editor";
    /// <summary>Imports the city's ROR registry: the authority's tenant admin.</summary>
    public const string RorAdmin = "ror-admin";
    /// <summary>Reads the partner statistics: the office roles and auditors of an institution, and the authority's staff (city-wide counts).</summary>
    public const string PartnerStatistics = "partner-statistics";
    /// <summary>Imports Erasmus Without Paper agreement files: global relations officers and directors.</summary>
    public const string EwpImport = "ewp-import";
    /// <summary>Keeps the cooperation projects: global relations officers and directors (registered by ProjectsSetup).</summary>
    public const string ProjectsEditor = "projects-editor";
    /// <summary>Reads risk profiles and watchlists: the office roles, security officers and auditors (registered by DueDiligenceSetup).</summary>
    public const string DueDiligence = "due-diligence";
    /// <summary>Keeps risk profiles and watchlists: security officers and directors (registered by DueDiligenceSetup).</summary>
    public const string DueDiligenceEditor = "due-diligence-editor";
    /// <summary>Screens names against the tenant's profiles and lists (registered by ReviewsSetup).</summary>
    public const string Screening = "screening";
    /// <summary>Decides screening hits: security officers and directors (registered by ReviewsSetup).</summary>
    public const string ScreeningReviews = "screening-reviews";
    /// <summary>Uses the conference pages: applicants, unit secretaries and heads, global relations officers, directors, leaders, admins, auditors (registered by ConferencesSetup).</summary>
    public const string Conferences = "conferences";
    /// <summary>Reads the conference applications referred to the authority: FAO officers and directors (registered by ConferencesSetup).</summary>
    public const string ConferenceReferrals = "conference-referrals";
    /// <summary>Files and follows inbound visits (registered by VisitsSetup).</summary>
    public const string Visits = "visits";
    /// <summary>Reads the due-diligence overview: security officers, directors and global relations officers (registered by OverviewSetup).</summary>
    public const string DueDiligenceOverview = "due-diligence-overview";

    public static readonly string[] OfficeRoles =
        [.. Roles.Officers, Roles.Director, Roles.Leader, Roles.TenantAdmin];

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(SignedIn, p => p.RequireAuthenticatedUser());
        options.AddPolicy(Staff, p => p.RequireAuthenticatedUser().RequireAssertion(c =>
            c.User.Claims.Any(x => x.Type == WaishiClaims.Role && x.Value != Roles.Student)));
        options.AddPolicy(TenantAdmin, p => p.RequireAuthenticatedUser().RequireClaim(WaishiClaims.Role, Roles.TenantAdmin));
        options.AddPolicy(AuditReader, p => p.RequireAuthenticatedUser().RequireClaim(WaishiClaims.Role, Roles.Auditor, Roles.TenantAdmin));
        options.AddPolicy(PeopleReader, p => p.RequireAuthenticatedUser().RequireClaim(WaishiClaims.Role,
            [.. OfficeRoles, Roles.UnitHead, Roles.UnitSecretary, Roles.Auditor, Roles.SecurityOfficer, Roles.Counselor,
             Roles.FaoOfficer, Roles.FaoDirector, Roles.FaoAnalyst]));
        options.AddPolicy(PeopleEditor, p => p.RequireAuthenticatedUser().RequireClaim(WaishiClaims.Role, OfficeRoles));
        options.AddPolicy(OutboundPlans, p => p.RequireAuthenticatedUser().RequireClaim(WaishiClaims.Role,
            Roles.UnitSecretary, Roles.UnitHead, Roles.OfficerExit, Roles.Director, Roles.Leader, Roles.TenantAdmin));
        options.AddPolicy(TripCalendar, p => p.RequireAuthenticatedUser().RequireClaim(WaishiClaims.Role,
            Roles.Applicant, Roles.UnitSecretary, Roles.UnitHead, Roles.OfficerExit, Roles.Director, Roles.Leader));
        options.AddPolicy(Trips, p => p.RequireAuthenticatedUser().RequireClaim(WaishiClaims.Role,
            Roles.Applicant, Roles.UnitSecretary, Roles.UnitHead, Roles.OfficerExit, Roles.Director));
        options.AddPolicy(TravelDocuments, p => p.RequireAuthenticatedUser().RequireClaim(WaishiClaims.Role,
            Roles.OfficerExit, Roles.Director, Roles.Auditor));
        options.AddPolicy(TravelDocumentsEditor, p => p.RequireAuthenticatedUser().RequireClaim(WaishiClaims.Role, Roles.OfficerExit));
        options.AddPolicy(Partners, p => p.RequireAuthenticatedUser().RequireClaim(WaishiClaims.Role, [.. OfficeRoles, Roles.Auditor]));
        options.AddPolicy(PartnersEditor, p => p.RequireAuthenticatedUser().RequireClaim(WaishiClaims.Role, Roles.OfficerGlobal, Roles.OfficerHmt, Roles.Director));
        options.AddPolicy(RorAdmin, p => p.RequireAuthenticatedUser().RequireClaim(WaishiClaims.Role, Roles.TenantAdmin)
            .RequireClaim(WaishiClaims.TenantKind, nameof(Tenancy.TenantKind.Authority)));
        options.AddPolicy(PartnerStatistics, p => p.RequireAuthenticatedUser().RequireClaim(WaishiClaims.Role, [.. OfficeRoles, Roles.Auditor, Roles.FaoOfficer, Roles.FaoDirector, Roles.FaoAnalyst]));
        options.AddPolicy(EwpImport, p => p.RequireAuthenticatedUser().RequireClaim(WaishiClaims.Role, Roles.OfficerGlobal, Roles.Director));
        options.AddPolicy(Authority, p => p.RequireAuthenticatedUser().RequireClaim(WaishiClaims.TenantKind, nameof(Tenancy.TenantKind.Authority)));

        // Anything not explicitly opened to anonymous users needs a signed-in user.
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
    }
}
