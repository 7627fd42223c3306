using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Waishi.Web.Features.Organisation;
using Waishi.Web.Features.People;
using Waishi.Web.Features.TravelDocuments;
using Waishi.Web.Features.TripReports;
using Waishi.Web.Features.Trips;
using Waishi.Web.Features.Visas;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Identity;
using Waishi.Web.Platform.Notifications;
using Waishi.Web.Platform.Tenancy;

namespace Waishi.Tests.Support;

/// <summary>
/// How to reach a row of one entity type from another tenant. <see cref="Create"/> inserts a row
/// into tenant B (filters lifted) and returns its id; the URLs use <c>{id}</c>. Page edits and
/// deletes are POSTed with a valid antiforgery token and <see cref="FormFields"/>; the API edit is a
/// PUT of <see cref="ApiBody"/> and the delete a DELETE; <see cref="ApiPosts"/> are API actions
/// POSTed with an empty JSON object. <see cref="User"/> replaces <see cref="CrossTenant.UserA"/> where only
/// another role of tenant A reaches the endpoints at all.
/// </summary>
public sealed record CrossTenantCase(
    string Entity,
    Func<AppDbContext, Guid, Task<Guid>> Create,
    string[] PageReads,
    string[] PageEdits,
    string[] PageDeletes,
    string? ApiUrl = null,
    Dictionary<string, string>? FormFields = null,
    object? ApiBody = null,
    string[]? ApiPosts = null,
    string? User = null)
{
    public override string ToString() => Entity;
}

/// <summary>
/// The cross-tenant sweep's list: one line per entity type. A module that adds an entity with
/// pages or API endpoints adds its line here.
/// </summary>
public static class CrossTenant
{
    public const string TenantA = "CQU";
    public const string TenantB = "CQUPT";
    public const string UserA = "cqu.tenant-admin";

    private static readonly Dictionary<string, string> PersonForm = new()
    {
        ["id"] = "{id}", ["Form.Id"] = "{id}", ["Form.Version"] = "1", ["Form.NameZh"] = "篡改", ["Form.NameEn"] = "Tampered",
        ["Form.StaffNumber"] = "HACK1", ["Form.StudentNumber"] = "HACK1", ["Form.Code"] = "HACK1", ["Form.Kind"] = "Office",
        ["Form.Nationality"] = "CN", ["Form.DisplayName"] = "Tampered", ["Form.IsDisabled"] = "true", ["version"] = "1",
    };

    public static readonly IReadOnlyList<CrossTenantCase> Cases =
    [
        new("OrgUnit",
            async (db, tenant) => await AddAsync(db, new OrgUnit { TenantId = tenant, Code = "XT-UNIT", NameZh = "跨租户", NameEn = "Cross tenant", Kind = OrgUnitKind.Office }),
            ["/Organisation/Units/Details/{id}", "/Organisation/Units/Edit/{id}"],
            ["/Organisation/Units/Edit/{id}"],
            ["/Organisation/Units/Delete/{id}"],
            "/api/v1/units/{id}", PersonForm,
            new { code = "HACK1", nameZh = "篡改", nameEn = "Tampered", kind = "Office", version = 1 }),
        new("StaffMember",
            async (db, tenant) => await AddAsync(db, new StaffMember { TenantId = tenant, StaffNumber = "XT-STAFF", NameZh = "跨租户" }),
            ["/People/Staff/Details/{id}", "/People/Staff/Edit/{id}"],
            ["/People/Staff/Edit/{id}"],
            ["/People/Staff/Delete/{id}"],
            "/api/v1/staff/{id}", PersonForm,
            new { staffNumber = "HACK1", nameZh = "篡改", version = 1 }),
        new("Student",
            async (db, tenant) => await AddAsync(db, new Student { TenantId = tenant, StudentNumber = "XT-STUDENT", NameZh = "跨租户" }),
            ["/People/Students/Details/{id}", "/People/Students/Edit/{id}"],
            ["/People/Students/Edit/{id}"],
            ["/People/Students/Delete/{id}"],
            "/api/v1/students/{id}", PersonForm,
            new { studentNumber = "HACK1", nameZh = "篡改", degreeLevel = "Master", nationality = "CN", version = 1 }),
        new("AppUser",
            async (db, tenant) => await db.Users.Where(u => u.TenantId == tenant && u.UserName!.EndsWith(".officer-global")).Select(u => u.Id).SingleAsync(),
            ["/Admin/Users/Edit/{id}"],
            [
                "/Admin/Users/Edit/{id}", "/Admin/Users/Edit/{id}?handler=AddRole", "/Admin/Users/Edit/{id}?handler=RemoveRole",
                "/Admin/Users/Edit/{id}?handler=Disable", "/Admin/Users/Edit/{id}?handler=Enable", "/Admin/Users/Edit/{id}?handler=Unlock",
                "/Admin/Users/Edit/{id}?handler=ResetPassword",
            ],
            ["/Admin/Users/Edit/{id}?handler=Delete"],
            FormFields: new(PersonForm) { ["role"] = "tenant-admin", ["newPassword"] = "tampered-password-1", ["assignmentId"] = "{id}" }),
        new("OutboundPlan",
            async (db, tenant) =>
            {
                var unit = await db.Set<OrgUnit>().Where(u => u.TenantId == tenant).Select(u => u.Id).FirstAsync();
                var plan = new Waishi.Web.Features.OutboundPlans.OutboundPlan { TenantId = tenant, Year = 2027, UnitId = unit, State = Waishi.Web.Features.OutboundPlans.PlanState.Submitted };
                plan.Lines.Add(new Waishi.Web.Features.OutboundPlans.OutboundPlanLine { TenantId = tenant, PlanId = plan.Id, Purpose = "Cross tenant", Countries = "JP", People = 1, Month = 1 });
                return await AddAsync(db, plan);
            },
            ["/OutboundPlans/Details/{id}", "/OutboundPlans/Edit/{id}"],
            ["/OutboundPlans/Edit/{id}", "/OutboundPlans/Details/{id}?handler=Submit", "/OutboundPlans/Details/{id}?handler=Accept",
             "/OutboundPlans/Details/{id}?handler=Return"],
            ["/OutboundPlans/Details/{id}?handler=Delete"],
            "/api/v1/outbound-plans/{id}",
            new(PersonForm) { ["Action"] = "save", ["Form.Year"] = "2027", ["Form.Lines[0].Purpose"] = "Tampered", ["Form.Lines[0].Countries"] = "JP" },
            new { year = 2027, note = "Tampered", version = 1, lines = Array.Empty<object>() },
            ["/api/v1/outbound-plans/{id}/submit", "/api/v1/outbound-plans/{id}/accept", "/api/v1/outbound-plans/{id}/return"]),
        new("CalendarFeedToken",
            async (db, tenant) =>
            {
                var user = await db.Users.Where(u => u.TenantId == tenant).Select(u => u.Id).FirstAsync();
                return await AddAsync(db, new Waishi.Web.Features.TripCalendar.CalendarFeedToken { TenantId = tenant, UserId = user, Prefix = "wcal_xt", SecretHash = new string('b', 64), CreatedUtc = DateTime.UtcNow });
            },
            [],
            [],
            ["/TripCalendar/Feed?handler=Revoke"],
            FormFields: PersonForm),
        new("InboxItem",
            async (db, tenant) =>
            {
                var user = await db.Users.Where(u => u.TenantId == tenant).Select(u => u.Id).FirstAsync();
                return await AddAsync(db, new InboxItem
                {
                    TenantId = tenant, UserId = user, MessageId = Guid.NewGuid(), Subject = "cross tenant", Body = "secret", CreatedUtc = DateTime.UtcNow,
                });
            },
            ["/Inbox/Open/{id}"],
            [],
            [],
            ApiPosts: ["/api/v1/inbox/{id}/read"]),
        new("PersonalAccessToken",
            async (db, tenant) =>
            {
                var user = await db.Users.Where(u => u.TenantId == tenant).Select(u => u.Id).FirstAsync();
                return await AddAsync(db, new PersonalAccessToken
                {
                    TenantId = tenant, UserId = user, Name = "cross tenant", Prefix = "wsh_xt", SecretHash = new string('a', 64),
                    CreatedUtc = DateTime.UtcNow, ExpiresUtc = DateTime.UtcNow.AddDays(30),
                });
            },
            [],
            [],
            ["/Account/Tokens?handler=Revoke"],
            FormFields: PersonForm),
        new("TravelDocument",
            async (db, tenant) =>
            {
                var staff = await db.Set<StaffMember>().Where(s => s.TenantId == tenant).OrderBy(s => s.StaffNumber).FirstAsync();
                var doc = new TravelDocument
                {
                    TenantId = tenant, HolderId = staff.Id, Number = "XT1234567", Type = TravelDocumentType.OfficialPassport,
                    IssueDate = new DateOnly(2024, 1, 1), ExpiryDate = new DateOnly(2034, 1, 1), Status = TravelDocumentStatus.InCustody,
                };
                db.Add(new CustodyEntry { TenantId = tenant, DocumentId = doc.Id, Action = CustodyAction.Registered, ByName = "system", AtUtc = DateTime.UtcNow });
                return await AddAsync(db, doc);
            },
            ["/TravelDocuments/Details/{id}", "/TravelDocuments/Edit/{id}", "/TravelDocuments/CheckOut/{id}", "/api/v1/travel-documents/{id}/ledger"],
            ["/TravelDocuments/Edit/{id}", "/TravelDocuments/CheckOut/{id}", "/TravelDocuments/Details/{id}?handler=Return", "/TravelDocuments/Details/{id}?handler=Close"],
            [],
            "/api/v1/travel-documents/{id}",
            new(PersonForm)
            {
                ["Form.Type"] = "OfficialPassport", ["Form.Number"] = "HACK12345", ["TripId"] = "{id}", ["Version"] = "1",
                ["Close.Action"] = "Lost", ["Close.Reason"] = "Tampered", ["Close.Version"] = "1",
            },
            new { type = "OfficialPassport", number = "HACK12345", version = 1 },
            ["/api/v1/travel-documents/{id}/check-out", "/api/v1/travel-documents/{id}/return"],
            User: "cqu.officer-exit"),
        new("WorkflowCase",
            async (db, tenant) =>
            {
                var (version, _) = await Waishi.Web.Platform.Workflow.WorkflowChains.CurrentAsync(db, tenant, "trip");
                var applicant = await db.Users.Where(u => u.TenantId == tenant).Select(u => u.Id).FirstAsync();
                return await AddAsync(db, new Waishi.Web.Platform.Workflow.WorkflowCase { TenantId = tenant, CaseType = "trip", Title = "Cross tenant", ChainVersionId = version.Id, ApplicantUserId = applicant, Step = 1, Round = 1 });
            },
            ["/Workflow/Case/{id}"],
            ["/Workflow/Case/{id}"],
            [],
            FormFields: new() { ["Form.Action"] = "Reject", ["Form.Step"] = "1", ["Form.Version"] = "1", ["Form.Comment"] = "Tampered" }),
        // The approval document of an approved trip of tenant B, already issued: the id is the trip's.
        new("IssuedDocument",
            async (db, tenant) =>
            {
                var staff = await db.Set<StaffMember>().Where(s => s.TenantId == tenant && s.UnitId != null).OrderBy(s => s.StaffNumber).FirstAsync();
                var user = await db.Users.Where(u => u.TenantId == tenant).Select(u => u.Id).FirstAsync();
                var trip = new Trip
                {
                    TenantId = tenant, ApplicantId = staff.Id, FiledByUserId = user, UnitId = staff.UnitId!.Value, Title = "Cross tenant trip",
                    State = TripState.Approved, DepartureDate = new DateOnly(2027, 3, 1), ReturnDate = new DateOnly(2027, 3, 5),
                    Members = [new TripMember { TenantId = tenant, StaffMemberId = staff.Id, Role = DelegationRole.Leader }],
                };
                db.Add(new Waishi.Web.Platform.Documents.IssuedDocument
                {
                    TenantId = tenant, Kind = Waishi.Web.Platform.Documents.DocumentKinds.TripApproval, Number = "XT-0001",
                    Code = Waishi.Web.Platform.Documents.VerificationCode.New(), SubjectId = trip.Id, IssuerZh = "跨租户", IssuerEn = "Cross tenant",
                    Names = staff.NameZh, IssuedUtc = DateTime.UtcNow,
                });
                return await AddAsync(db, trip);
            },
            ["/Trips/{id}/ApprovalDocument", "/api/v1/trips/{id}/approval-document"],
            [],
            []),
        new("Trip",
            async (db, tenant) =>
            {
                var staff = await db.Set<StaffMember>().Where(s => s.TenantId == tenant && s.UnitId != null).OrderBy(s => s.StaffNumber).FirstAsync();
                var user = await db.Users.Where(u => u.TenantId == tenant).Select(u => u.Id).FirstAsync();
                var trip = new Trip
                {
                    TenantId = tenant, ApplicantId = staff.Id, FiledByUserId = user, UnitId = staff.UnitId!.Value, Title = "Cross tenant trip",
                    Members = [new TripMember { TenantId = tenant, StaffMemberId = staff.Id, Role = DelegationRole.Leader }],
                };
                db.Add(new TripLetter { TenantId = tenant, TripId = trip.Id, FileName = "x.pdf", ContentType = "application/pdf", Content = [0x25], Size = 1 });
                return await AddAsync(db, trip);
            },
            ["/Trips/Details/{id}", "/Trips/Edit/{id}", "/Trips/Details/{id}?handler=Letter"],
            ["/Trips/Edit/{id}"],
            [],
            "/api/v1/trips/{id}",
            new(PersonForm) { ["Action"] = "draft", ["Form.Title"] = "Tampered" },
            new { title = "Tampered", version = 1 },
            ["/api/v1/trips/{id}/submit"]),
        new("TripAmendment",
            async (db, tenant) =>
            {
                var staff = await db.Set<StaffMember>().Where(s => s.TenantId == tenant && s.UnitId != null).OrderBy(s => s.StaffNumber).FirstAsync();
                var user = await db.Users.Where(u => u.TenantId == tenant).Select(u => u.Id).FirstAsync();
                var day = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(40);
                var trip = new Trip
                {
                    TenantId = tenant, ApplicantId = staff.Id, FiledByUserId = user, UnitId = staff.UnitId!.Value, Title = "Approved cross tenant trip",
                    State = TripState.Approved, Number = "2099-00001", DepartureDate = day, ReturnDate = day.AddDays(3),
                    Members = [new TripMember { TenantId = tenant, StaffMemberId = staff.Id, Role = DelegationRole.Leader }],
                    Destinations = [new TripDestination { TenantId = tenant, CountryCode = "JP", City = "Kyoto" }],
                };
                db.Add(new TripAmendment
                {
                    TenantId = tenant, TripId = trip.Id, Sequence = 1, State = AmendmentState.Returned, Reason = "Cross tenant",
                    RequestedByUserId = user, Before = TripTerms.Of(trip).ToJson(), After = TripTerms.Of(trip).ToJson(),
                });
                return await AddAsync(db, trip);
            },
            ["/Trips/Details/{id}", "/Trips/Amend/{id}"],
            ["/Trips/Amend/{id}"],
            [],
            FormFields: new(PersonForm)
            {
                ["Form.DepartureDate"] = "2099-01-01", ["Form.ReturnDate"] = "2099-01-02", ["Form.Reason"] = "Tampered",
                ["Form.Destinations[0].CountryCode"] = "FR", ["Form.Destinations[0].City"] = "Paris",
            }),
        new("Visa",
            async (db, tenant) =>
            {
                var trip = await ApprovedTripAsync(db, tenant);
                return await AddAsync(db, new Visa
                {
                    TenantId = tenant, TripId = trip.Id, StaffMemberId = trip.ApplicantId, CountryCode = "JP", Status = VisaStatus.ToApply,
                });
            },
            ["/Visas/Edit/{id}"],
            ["/Visas/Edit/{id}"],
            ["/Visas/Edit/{id}?handler=Delete"],
            "/api/v1/visas/{id}",
            new(PersonForm) { ["Form.CountryCode"] = "JP", ["Form.Status"] = "Refused", ["Form.VisaType"] = "Tampered" },
            new { countryCode = "JP", status = "Withdrawn", visaType = "Tampered", version = 1 }),
        new("TripReport",
            async (db, tenant) =>
            {
                var trip = await ApprovedTripAsync(db, tenant);
                await AddAsync(db, new TripReport
                {
                    TenantId = tenant, TripId = trip.Id, State = ReportState.Submitted, Results = "Secret results",
                    Days = [new TripReportDay { TenantId = tenant, Date = trip.DepartureDate!.Value, City = "Tokyo", Activity = "Talks" }],
                });
                // Report pages and endpoints are addressed by the trip's id, as are the trip's visa pages.
                return trip.Id;
            },
            ["/TripReports/Details/{id}", "/TripReports/Edit/{id}", "/Visas/Trip/{id}", "/Visas/Edit?tripId={id}"],
            ["/TripReports/Edit/{id}", "/TripReports/Details/{id}?handler=Approve", "/TripReports/Details/{id}?handler=Return", "/Visas/Edit"],
            [],
            "/api/v1/trip-reports/{id}",
            new(PersonForm) { ["Action"] = "draft", ["Form.Results"] = "Tampered", ["Comment"] = "Tampered", ["Form.TripId"] = "{id}", ["Form.CountryCode"] = "JP" },
            new { results = "Tampered", version = 1 },
            ["/api/v1/trip-reports/{id}/submit", "/api/v1/trip-reports/{id}/approve", "/api/v1/trip-reports/{id}/return"]),
        new("Partner",
            async (db, tenant) =>
            {
                var partner = new Waishi.Web.Features.Partners.Partner { TenantId = tenant, NameEn = "Cross Tenant University", CountryCode = "GB", RorId = "0xtenant1" };
                partner.Index();
                partner.Contacts.Add(new Waishi.Web.Features.Partners.PartnerContact { TenantId = tenant, Name = "Cross Tenant" });
                return await AddAsync(db, partner);
            },
            ["/Partners/Details/{id}", "/Partners/Edit/{id}"],
            ["/Partners/Edit/{id}", "/Partners/Details/{id}?handler=AddContact", "/Partners/Details/{id}?handler=Merge"],
            ["/Partners/Details/{id}?handler=Delete"],
            "/api/v1/partners/{id}",
            new(PersonForm) { ["Form.NameEn"] = "Tampered", ["Form.CountryCode"] = "GB", ["Form.Type"] = "University", ["Contact.Name"] = "Tampered", ["mergeId"] = "{id}" },
            new { nameEn = "Tampered", countryCode = "GB", type = "University", version = 1 },
            ["/api/v1/partners/{id}/contacts", "/api/v1/partners/{id}/merge"],
            User: "cqu.officer-global"),
        new("AgreementMobility",
            async (db, tenant) => await AddAsync(db, await CrossTenantAgreementAsync(db, tenant, mobility: true)),
            ["/Agreements/Mobilities/Delete/{id}"],
            [],
            ["/Agreements/Mobilities/Delete/{id}"],
            FormFields: new() { ["Version"] = "1" },
            User: "cqu.officer-global"),
        new("AgreementQuotaUse",
            async (db, tenant) =>
            {
                var mobility = (Waishi.Web.Features.Agreements.AgreementMobility)await CrossTenantAgreementAsync(db, tenant, mobility: true);
                await AddAsync(db, mobility);
                return mobility.AgreementId;
            },
            ["/Agreements/Mobilities?Filter.AgreementId={id}", "/Agreements/Mobilities/Record?agreementId={id}",
             "/api/v1/agreements/{id}/quota-use", "/api/v1/agreements/{id}/mobilities"],
            ["/Agreements/Mobilities/Record?agreementId={id}"],
            [],
            FormFields: new() { ["Form.PersonName"] = "Tampered", ["Form.Year"] = "2026", ["Form.Direction"] = "Outgoing", ["Form.Kind"] = "StudentStudies" },
            ApiPosts: ["/api/v1/agreements/{id}/mobilities"],
            User: "cqu.officer-global"),
        new("AgreementIiaExport",
            async (db, tenant) =>
            {
                var partner = new Waishi.Web.Features.Partners.Partner { TenantId = tenant, NameEn = "Cross Tenant University", CountryCode = "PL", EwpHeiId = "xt.edu.pl" };
                partner.Index();
                db.Add(partner);
                db.Add(new Waishi.Web.Features.Agreements.AgreementPolicy { TenantId = tenant, EwpHeiId = "cqupt.edu.cn" });
                var agreement = new Waishi.Web.Features.Agreements.Agreement { TenantId = tenant, Title = "Cross tenant", Number = "AGR-XT-1" };
                agreement.Parties.Add(new Waishi.Web.Features.Agreements.AgreementParty { TenantId = tenant, AgreementId = agreement.Id, PartnerId = partner.Id });
                return await AddAsync(db, agreement);
            },
            ["/Agreements/Ewp/Export/{id}", "/api/v1/agreements/{id}/iia"],
            [],
            [],
            User: "cqu.officer-global"),
        new("CooperationProject", ProjectAsync,
            ["/Projects/Details/{id}", "/Projects/Edit/{id}", "/api/v1/projects/{id}/outputs"],
            ["/Projects/Edit/{id}", "/Projects/Details/{id}?handler=AddOutput", "/Projects/Details/{id}?handler=Upload"],
            ["/Projects/Details/{id}?handler=Delete", "/Projects/Details/{id}?handler=DeleteOutput", "/Projects/Details/{id}?handler=DeleteDocument"],
            "/api/v1/projects/{id}",
            new(PersonForm) { ["Form.TitleEn"] = "Tampered", ["Form.Kind"] = "Other", ["Form.Status"] = "Active", ["Form.StartOn"] = "2026-01-01",
                ["Output.Kind"] = "Event", ["Output.Title"] = "Tampered", ["kind"] = "Other" },
            new { kind = "Other", titleEn = "Tampered", status = "Active", startOn = "2026-01-01", version = 1 },
            ["/api/v1/projects/{id}/outputs"],
            User: "cqu.officer-global"),
        new("Agreement",
            async (db, tenant) =>
            {
                var partner = new Waishi.Web.Features.Partners.Partner { TenantId = tenant, NameEn = "Cross Tenant College", CountryCode = "GB" };
                db.Add(partner);
                var agreement = new Waishi.Tests.Features.Agreements.AgreementBuilder(tenant, partner.Id).Titled("Cross tenant agreement")
                    .InState(Waishi.Web.Features.Agreements.AgreementState.Active);
                var id = await Waishi.Tests.Features.Agreements.AgreementData.AddAsync(db, agreement);
                // The signed PDF shares the agreement's id, so that one {id} reaches its download URLs too.
                var pdf = await db.Set<Waishi.Web.Features.Agreements.AgreementDocument>().SingleAsync(d => d.AgreementId == id);
                db.Remove(pdf);
                db.Add(new Waishi.Web.Features.Agreements.AgreementDocument
                {
                    Id = id, TenantId = tenant, AgreementId = id, Kind = Waishi.Web.Features.Agreements.AgreementDocumentKind.Signed, FileName = "signed.pdf",
                    ContentType = "application/pdf", Content = pdf.Content, Size = pdf.Size, UploadedUtc = pdf.UploadedUtc, UploadedByUserId = pdf.UploadedByUserId,
                });
                await db.SaveChangesAsync();
                return id;
            },
            ["/Agreements/Details/{id}", "/Agreements/Edit/{id}", "/Agreements/Details/{id}?handler=Document&documentId={id}",
             "/api/v1/agreements/{id}/documents/{id}", "/api/v1/agreements/{id}/documents"],
            ["/Agreements/Edit/{id}", "/Agreements/Details/{id}?handler=Submit", "/Agreements/Details/{id}?handler=Sign", "/Agreements/Details/{id}?handler=Terminate",
             "/Agreements/Details/{id}?handler=Renew", "/Agreements/Details/{id}?handler=Upload", "/Agreements/Details/{id}?handler=DeleteDocument"],
            ["/Agreements/Details/{id}?handler=Delete"],
            "/api/v1/agreements/{id}",
            new(PersonForm) { ["Form.Title"] = "Tampered", ["Form.Type"] = "StudentExchange", ["documentId"] = "{id}", ["Termination.Reason"] = "Tampered",
                ["Termination.TerminatedOn"] = "2026-01-01", ["Signing.SignedOn"] = "2026-01-01" },
            new { title = "Tampered", type = "StudentExchange", version = 1 },
            ["/api/v1/agreements/{id}/submit", "/api/v1/agreements/{id}/sign", "/api/v1/agreements/{id}/terminate", "/api/v1/agreements/{id}/renew",
             "/api/v1/agreements/{id}/documents"],
            User: "cqu.officer-global"),
        new("InstitutionProfile", DueDiligenceProfileAsync,
            ["/DueDiligence/Profiles/Details/{id}", "/DueDiligence/Profiles/Edit/{id}"],
            ["/DueDiligence/Profiles/Edit/{id}", "/DueDiligence/Profiles/Details/{id}?handler=Risk"],
            [],
            "/api/v1/risk-profiles/{id}",
            new(PersonForm) { ["Form.NameEn"] = "Tampered", ["Risk.Level"] = "Low", ["Risk.Rationale"] = "Tampered", ["Risk.NewSourceTitle"] = "Tampered", ["Risk.Version"] = "1" },
            new { nameEn = "Tampered", version = 1 },
            ["/api/v1/risk-profiles/{id}/risk-level"],
            User: "cqu.security-officer"),
        new("WatchlistEntry", DueDiligenceWatchlistAsync,
            ["/DueDiligence/Watchlists/Details/{id}", "/DueDiligence/Watchlists/Entries/{id}", "/DueDiligence/Watchlists/Entries/{id}?handler=Export&format=csv",
             "/DueDiligence/Watchlists/Diff/{id}", "/DueDiligence/Watchlists/Import/{id}", "/api/v1/watchlists/{id}", "/api/v1/watchlists/{id}/versions", "/api/v1/watchlists/{id}/entries"],
            ["/DueDiligence/Watchlists/Import/{id}"],
            [],
            FormFields: new() { ["Mapping.NameColumn"] = "name", ["action"] = "import" },
            ApiPosts: ["/api/v1/watchlists/{id}/import"],
            User: "cqu.security-officer"),
        new("ScreeningReview", async (db, tenant) =>
            {
                var review = new Waishi.Web.Features.DueDiligence.Reviews.ScreeningReview { TenantId = tenant, SubjectType = "partner", SubjectId = Guid.NewGuid(), ScreenedName = "Cross Tenant Institute", EntryId = Guid.NewGuid(), EntryName = "Cross Tenant Institute", MatchedName = "Cross Tenant Institute", Explanation = "exact", Score = 1, CreatedUtc = DateTime.UtcNow };
                db.Add(review);
                await db.SaveChangesAsync();
                return review.Id;
            },
            ["/DueDiligence/Reviews/Decide/{id}"], ["/DueDiligence/Reviews/Decide/{id}"], [],
            ApiPosts: ["/api/v1/screening-reviews/{id}/decision"], User: "cqu.security-officer"),
        new("Visit", VisitAsync,
            ["/Visits/Details/{id}", "/Visits/Edit/{id}"],
            ["/Visits/Edit/{id}", "/Visits/Details/{id}?handler=Submit", "/Visits/Details/{id}?handler=Withdraw", "/Visits/Details/{id}?handler=Cancel"],
            ["/Visits/Details/{id}?handler=Delete"],
            "/api/v1/visits/{id}",
            new(PersonForm) { ["Action"] = "draft", ["Form.Title"] = "Tampered", ["Reason"] = "Tampered" },
            new { title = "Tampered", version = 1 },
            ["/api/v1/visits/{id}/submit"],
            User: "cqu.officer-global"),
        new("Conference", ConferenceAsync,
            ["/Conferences/Details/{id}", "/Conferences/Edit/{id}", "/Conferences/Summary/{id}", "/Conferences/Details/{id}?handler=Document&documentId={id}",
             "/api/v1/conferences/{id}"],
            ["/Conferences/Edit/{id}", "/Conferences/Details/{id}?handler=Submit", "/Conferences/Details/{id}?handler=Upload",
             "/Conferences/Details/{id}?handler=DeleteDocument", "/Conferences/Summary/{id}"],
            ["/Conferences/Details/{id}?handler=Delete"],
            "/api/v1/conferences/{id}",
            new(PersonForm) { ["Form.TitleEn"] = "Tampered", ["Form.TitleZh"] = "篡改", ["Form.Outcomes"] = "Tampered", ["Form.ActualParticipants"] = "1",
                ["documentId"] = "{id}", ["kind"] = "Agenda" },
            new { titleEn = "Tampered", titleZh = "篡改", version = 1 },
            ["/api/v1/conferences/{id}/submit"],
            User: "cqu.officer-global"),
        new("ConferencePlan", ConferencePlanAsync,
            ["/Conferences/Plans/Edit?unit={id}&year=2027", "/api/v1/conference-plans/{id}/2027"],
            ["/Conferences/Plans/Edit?unit={id}&year=2027"],
            [],
            FormFields: new() { ["Form.Version"] = "1", ["Form.Items[0].Title"] = "Tampered", ["Form.Items[0].ExpectedParticipants"] = "10",
                ["Form.Items[0].ForeignParticipants"] = "1", ["Then"] = "submit" },
            User: "cqu.officer-global"),
        new("WatchlistImport", async (db, tenant) =>
            {
                var list = await DueDiligenceWatchlistAsync(db, tenant);
                var import = new Waishi.Web.Features.DueDiligence.Watchlists.WatchlistImport { TenantId = tenant, WatchlistId = list, FileName = "secret.csv", MappingJson = "{}", State = Waishi.Web.Features.DueDiligence.Watchlists.WatchlistImportState.Done, RowsTotal = 1, RowsSaved = 1, QueuedBy = "secret", QueuedUtc = DateTime.UtcNow };
                return await AddAsync(db, import);
            },
            ["/DueDiligence/Watchlists/Progress/{id}", "/DueDiligence/Watchlists/Progress/{id}?handler=Status"], [], [], User: "cqu.security-officer"),
        // An approved visit of tenant B with an invitation letter issued: the id is the visit's.
        new("VisitLetter", VisitLetterAsync,
            ["/Visits/Letters/Visit/{id}", "/Visits/Closure/{id}", "/api/v1/visits/{id}/letters"],
            ["/Visits/Letters/Visit/{id}?handler=Issue", "/Visits/Closure/{id}", "/Visits/Closure/{id}?handler=Publish"],
            [],
            FormFields: new() { ["reissue"] = "true", ["version"] = "1", ["Form.Version"] = "1", ["Form.Report"] = "Tampered", ["Form.ActualArrivalDate"] = "2027-03-01", ["Form.ActualDepartureDate"] = "2027-03-03", ["Form.ActualMembersNote"] = "Tampered" },
            ApiPosts: ["/api/v1/visits/{id}/letters", "/api/v1/visits/{id}/closure"],
            User: "cqu.officer-global"),
    ];

    /// <summary>An approved visit of <paramref name="tenant"/> with a member and a letter for that member; the id is the visit's.</summary>
    private static async Task<Guid> VisitLetterAsync(AppDbContext db, Guid tenant)
    {
        var id = await VisitAsync(db, tenant);
        var visit = await db.Set<Waishi.Web.Features.Visits.Visit>().Include(v => v.Members).SingleAsync(v => v.Id == id);
        visit.State = Waishi.Web.Features.Visits.VisitState.Approved;
        var document = new Waishi.Web.Platform.Documents.IssuedDocument
        {
            TenantId = tenant, Kind = Waishi.Web.Platform.Documents.DocumentKinds.InvitationLetter, Number = "2026-0001",
            Code = Waishi.Web.Platform.Documents.VerificationCode.New(), SubjectId = visit.Members[0].Id, IssuerZh = "跨租户", IssuerEn = "Cross tenant",
            Names = "Secret Visitor", IssuedUtc = DateTime.UtcNow,
        };
        db.Add(document);
        db.Add(new Waishi.Web.Features.Visits.Letters.VisitLetter
        {
            TenantId = tenant, VisitId = id, MemberId = visit.Members[0].Id, DocumentId = document.Id, TitleZh = "邀请函", TitleEn = "Invitation",
            BodyZh = "秘密", BodyEn = "Secret", IssuedByUserId = visit.FiledByUserId, IssuedUtc = DateTime.UtcNow,
        });
        await db.SaveChangesAsync();
        return id;
    }

    /// <summary>A draft visit of tenant <paramref name="tenant"/> with a member, an agenda item with an attendee, a budget line and a gift.</summary>
    private static async Task<Guid> VisitAsync(AppDbContext db, Guid tenant)
    {
        var staff = await db.Set<StaffMember>().Where(s => s.TenantId == tenant && s.UnitId != null).OrderBy(s => s.StaffNumber).FirstAsync();
        var user = await db.Users.Where(u => u.TenantId == tenant).Select(u => u.Id).FirstAsync();
        var visit = new Waishi.Web.Features.Visits.Visit
        {
            TenantId = tenant, UnitId = staff.UnitId!.Value, FiledByUserId = user, Title = "Cross tenant visit", CreatedUtc = DateTime.UtcNow,
            ArrivalDate = new DateOnly(2027, 3, 1), DepartureDate = new DateOnly(2027, 3, 3),
        };
        visit.Members.Add(new Waishi.Web.Features.Visits.VisitMember { TenantId = tenant, NameLatin = "Secret Visitor", Nationality = "DE", Organisation = "Secret Institute", IsLeader = true });
        var item = new Waishi.Web.Features.Visits.VisitAgendaItem { TenantId = tenant, Date = new DateOnly(2027, 3, 2), Description = "Secret meeting" };
        item.Attendees.Add(new Waishi.Web.Features.Visits.VisitAgendaAttendee { TenantId = tenant, StaffMemberId = staff.Id });
        visit.Agenda.Add(item);
        visit.Budget.Add(new Waishi.Web.Features.Visits.VisitBudgetLine { TenantId = tenant, Amount = 100 });
        visit.Gifts.Add(new Waishi.Web.Features.Visits.VisitGift { TenantId = tenant, Description = "Secret gift" });
        return await AddAsync(db, visit);
    }

    /// <summary>An approved conference of tenant <paramref name="tenant"/> with a co-organiser, countries and an
    /// attachment that shares its id (so that one {id} reaches the download URL too).</summary>
    private static async Task<Guid> ConferenceAsync(AppDbContext db, Guid tenant)
    {
        var unit = await db.Set<OrgUnit>().Where(u => u.TenantId == tenant).OrderBy(u => u.Code).FirstAsync();
        var user = await db.Set<AppUser>().Where(u => u.TenantId == tenant).OrderBy(u => u.UserName).FirstAsync();
        var c = new Waishi.Web.Features.Conferences.Conference
        {
            TenantId = tenant, TitleEn = "Cross tenant conference", TitleZh = "跨租户会议", StartDate = new DateOnly(2026, 1, 10), EndDate = new DateOnly(2026, 1, 12),
            Venue = "Hall", City = "Chongqing", UnitId = unit.Id, FiledByUserId = user.Id, ExpectedParticipants = 100, ExpectedForeign = 10,
            State = Waishi.Web.Features.Conferences.ConferenceState.Draft, CreatedUtc = DateTime.UtcNow,
        };
        c.CoOrganisers.Add(new Waishi.Web.Features.Conferences.ConferenceCoOrganiser { TenantId = tenant, ConferenceId = c.Id, Name = "Secret co-organiser" });
        c.Countries.Add(new Waishi.Web.Features.Conferences.ConferenceCountry { TenantId = tenant, ConferenceId = c.Id, CountryCode = "DE", Count = 5 });
        await AddAsync(db, c);
        await AddAsync(db, new Waishi.Web.Features.Conferences.ConferenceDocument
        {
            Id = c.Id, TenantId = tenant, ConferenceId = c.Id, FileName = "agenda.pdf", ContentType = "application/pdf", Content = [0x25, 0x50, 0x44, 0x46], Size = 4,
            UploadedUtc = DateTime.UtcNow, UploadedByUserId = user.Id,
        });
        return c.Id;
    }

    /// <summary>A plan of a unit of tenant <paramref name="tenant"/> for 2027; the id is the unit's.</summary>
    private static async Task<Guid> ConferencePlanAsync(AppDbContext db, Guid tenant)
    {
        var unit = await db.Set<OrgUnit>().Where(u => u.TenantId == tenant).OrderBy(u => u.Code).FirstAsync();
        var plan = new Waishi.Web.Features.Conferences.ConferencePlan { TenantId = tenant, UnitId = unit.Id, Year = 2027 };
        plan.Items.Add(new Waishi.Web.Features.Conferences.ConferencePlanItem { TenantId = tenant, PlanId = plan.Id, Title = "Secret plan", ExpectedParticipants = 50 });
        await AddAsync(db, plan);
        return unit.Id;
    }

    /// <summary>A risk profile of tenant <paramref name="tenant"/> with an address and a source.</summary>
    private static async Task<Guid> DueDiligenceProfileAsync(AppDbContext db, Guid tenant)
    {
        var profile = new Waishi.Web.Features.DueDiligence.Profiles.InstitutionProfile { TenantId = tenant, NameEn = "Cross Tenant Institute", CountryCode = "CN" };
        profile.Index();
        profile.Addresses.Add(new Waishi.Web.Features.DueDiligence.Profiles.ProfileAddress { TenantId = tenant, ProfileId = profile.Id, Text = "Secret road 1", Latitude = 1, Longitude = 2 });
        profile.Sources.Add(new Waishi.Web.Features.DueDiligence.Profiles.ProfileSource { TenantId = tenant, ProfileId = profile.Id, Title = "Secret source" });
        db.Add(new Waishi.Web.Features.DueDiligence.Profiles.DueDiligenceStamp { TenantId = tenant, Value = 1 });
        return await AddAsync(db, profile);
    }

    /// <summary>A watchlist of tenant <paramref name="tenant"/> with a version and an entry; the id is the list's.</summary>
    private static async Task<Guid> DueDiligenceWatchlistAsync(AppDbContext db, Guid tenant)
    {
        var list = new Waishi.Web.Features.DueDiligence.Watchlists.Watchlist { TenantId = tenant, Name = "Cross tenant list" };
        var version = new Waishi.Web.Features.DueDiligence.Watchlists.WatchlistVersion { TenantId = tenant, WatchlistId = list.Id, Number = 1, FileName = "x.csv", EntryCount = 1 };
        list.CurrentVersionId = version.Id;
        db.Add(list);
        db.Add(version);
        db.Add(new Waishi.Web.Features.DueDiligence.Watchlists.WatchlistEntry
        {
            TenantId = tenant, WatchlistId = list.Id, VersionId = version.Id, Key = "secret", Name = "Secret Entry", RawRow = "{}", ContentHash = "0",
        });
        await db.SaveChangesAsync();
        return list.Id;
    }

    /// <summary>A project of tenant <paramref name="tenant"/> with a partner, an investigator, an output and a document.</summary>
    private static async Task<Guid> ProjectAsync(AppDbContext db, Guid tenant)
    {
        var partner = new Waishi.Web.Features.Partners.Partner { TenantId = tenant, NameEn = "Cross Tenant Institute", CountryCode = "DE" };
        partner.Index();
        await AddAsync(db, partner);
        var project = new Waishi.Web.Features.Projects.CooperationProject
        {
            TenantId = tenant, TitleEn = "Cross tenant project", StartOn = new DateOnly(2026, 1, 1), Status = Waishi.Web.Features.Projects.ProjectStatus.Active,
        };
        project.Partners.Add(new Waishi.Web.Features.Projects.ProjectPartner { TenantId = tenant, ProjectId = project.Id, PartnerId = partner.Id });
        project.Investigators.Add(new Waishi.Web.Features.Projects.ProjectInvestigator
        {
            TenantId = tenant, ProjectId = project.Id, Side = Waishi.Web.Features.Projects.InvestigatorSide.Partner, Name = "Cross Tenant", PartnerId = partner.Id,
        });
        project.Outputs.Add(new Waishi.Web.Features.Projects.ProjectOutput { TenantId = tenant, ProjectId = project.Id, Title = "Secret output" });
        await AddAsync(db, project);
        await AddAsync(db, new Waishi.Web.Features.Projects.ProjectDocument
        {
            TenantId = tenant, ProjectId = project.Id, FileName = "secret.pdf", ContentType = "application/pdf", Content = [0x25, 0x50, 0x44, 0x46], Size = 4,
        });
        return project.Id;
    }

    /// <summary>An approved trip of tenant <paramref name="tenant"/>, back a month ago.</summary>
    private static async Task<Trip> ApprovedTripAsync(AppDbContext db, Guid tenant)
    {
        var staff = await db.Set<StaffMember>().Where(s => s.TenantId == tenant && s.UnitId != null).OrderBy(s => s.StaffNumber).FirstAsync();
        var user = await db.Users.Where(u => u.TenantId == tenant).Select(u => u.Id).FirstAsync();
        var back = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-30);
        var trip = new Trip
        {
            TenantId = tenant, ApplicantId = staff.Id, FiledByUserId = user, UnitId = staff.UnitId!.Value, Title = "Cross tenant approved trip",
            State = TripState.Approved, DepartureDate = back.AddDays(-2), ReturnDate = back,
            Members = [new TripMember { TenantId = tenant, StaffMemberId = staff.Id, Role = DelegationRole.Leader }],
            Destinations = [new TripDestination { TenantId = tenant, CountryCode = "JP", City = "Tokyo" }],
        };
        await AddAsync(db, trip);
        return trip;
    }

    /// <summary>An agreement in force of <paramref name="tenant"/> with a partner and a quota; with
    /// <paramref name="mobility"/> also a mobility under it (returned, not saved), else the agreement.</summary>
    private static async Task<Entity> CrossTenantAgreementAsync(AppDbContext db, Guid tenant, bool mobility)
    {
        var partner = new Waishi.Web.Features.Partners.Partner { TenantId = tenant, NameEn = "Cross Tenant Partner", CountryCode = "DE", RorId = "0xtenant2" };
        partner.Index();
        db.Add(partner);
        var agreement = new Waishi.Web.Features.Agreements.Agreement
        {
            TenantId = tenant, Title = "Cross tenant agreement", Number = "AGR-XT-0001", State = Waishi.Web.Features.Agreements.AgreementState.Active,
            ExpiresOn = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(1), CreatedUtc = DateTime.UtcNow,
        };
        agreement.Parties.Add(new Waishi.Web.Features.Agreements.AgreementParty { TenantId = tenant, PartnerId = partner.Id });
        agreement.Quotas.Add(new Waishi.Web.Features.Agreements.AgreementQuota { TenantId = tenant, PartnerId = partner.Id, FirstYear = 2026, LastYear = 2027, PlacesPerYear = 2 });
        db.Add(agreement);
        await db.SaveChangesAsync();
        if (!mobility)
        {
            return agreement;
        }
        return new Waishi.Web.Features.Agreements.AgreementMobility
        {
            TenantId = tenant, AgreementId = agreement.Id, PartnerId = partner.Id, Year = 2026, PersonName = "Cross Tenant", RecordedUtc = DateTime.UtcNow,
        };
    }

    private static async Task<Guid> AddAsync<T>(AppDbContext db, T row) where T : Entity
    {
        db.Add(row);
        await db.SaveChangesAsync();
        return row.Id;
    }

    public static Task<Guid> TenantIdAsync(AppDbContext db, string code) =>
        db.Set<Tenant>().Where(t => t.Code == code).Select(t => t.Id).SingleAsync();

    /// <summary>A hash of every row of <paramref name="tenantId"/> in every table that has a TenantId column.</summary>
    public static string HashOfTenant(AppDbContext db, Guid tenantId)
    {
        var text = new StringBuilder();
        var set = typeof(DbContext).GetMethod(nameof(DbContext.Set), Type.EmptyTypes)!;
        foreach (var type in db.Model.GetEntityTypes().Where(t => t.FindProperty("TenantId") is not null && !t.IsOwned()).OrderBy(t => t.Name))
        {
            var properties = type.GetProperties().Where(p => p.PropertyInfo is not null).OrderBy(p => p.Name).ToList();
            var tenant = type.FindProperty("TenantId")!.PropertyInfo!;
            var rows = ((IQueryable<object>)set.MakeGenericMethod(type.ClrType).Invoke(db, null)!).AsNoTracking().AsEnumerable()
                .Where(row => Equals(tenant.GetValue(row), tenantId))
                .Select(row => string.Join('|', properties.Select(p => Convert.ToString(p.PropertyInfo!.GetValue(row), System.Globalization.CultureInfo.InvariantCulture))))
                .Order(StringComparer.Ordinal);
            text.Append(type.Name).Append('\n');
            foreach (var row in rows)
            {
                text.Append(row).Append('\n');
            }
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
