using Waishi.Tests.Features.Agreements;
using Waishi.Tests.Features.Trips;
using Waishi.Tests.Support;
using Waishi.Web.Features.DueDiligence.Profiles;
using Waishi.Web.Features.DueDiligence.Reviews;
using Waishi.Web.Features.DueDiligence.Screening;
using Waishi.Web.Features.Partners;
using Waishi.Web.Platform.Data;

namespace Waishi.Tests.Features.DueDiligence;

/// <summary>Builds the records of the overview tests straight in the database (no screening runs).</summary>
public static class OverviewData
{
    public static Task<Guid> PartnerAsync(AppFactory app, string name, string tenantCode = "CQU") => AgreementData.PartnerAsync(app, name, "CN", tenantCode);

    public static Task<Guid> ProfileAsync(AppFactory app, Guid tenantId, string name, RiskLevel level, Guid? partnerId) => app.WithDbAsync(async db =>
    {
        var profile = new InstitutionProfile
        {
            TenantId = tenantId, NameEn = name, CountryCode = "CN", RiskLevel = level, RiskRationale = level == RiskLevel.Unrated ? null : "Test rationale",
            PartnerId = partnerId, CreatedUtc = DateTime.UtcNow,
        };
        profile.Index();
        db.Add(profile);
        await db.SaveChangesAsync();
        return profile.Id;
    });

    public static Task<Guid> ReviewAsync(AppFactory app, Guid tenantId, string subjectType, Guid subjectId, string entryName, ScreeningReviewState state,
        ScreeningSourceKind kind = ScreeningSourceKind.WatchlistEntry, Guid? entryId = null, DateTime? createdUtc = null) => app.WithDbAsync(async db =>
    {
        var decided = state != ScreeningReviewState.Open;
        var review = new ScreeningReview
        {
            TenantId = tenantId, SubjectType = subjectType, SubjectId = subjectId, ScreenedName = entryName + " (screened)", EntryKind = kind,
            EntryId = entryId ?? Guid.NewGuid(), EntryName = entryName, ListName = kind == ScreeningSourceKind.WatchlistEntry ? "Entity List" : null, Score = 0.95,
            MatchKind = ScreeningMatchKind.Exact, MatchedName = entryName, Explanation = "test", State = state, CreatedUtc = createdUtc ?? DateTime.UtcNow,
            DecidedUtc = decided ? DateTime.UtcNow : null, DecidedBy = decided ? "Security officer" : null, Note = decided ? "checked" : null,
        };
        db.Add(review);
        await db.SaveChangesAsync();
        return review.Id;
    });

    public static Task<Guid> AgreementAsync(AppFactory app, Guid tenantId, string title, params Guid[] partners) =>
        AgreementData.AddAsync(app, new AgreementBuilder(tenantId, partners).Titled(title));

    public static async Task<Guid> TripAsync(AppFactory app, string title, Guid? partnerId, string tenantCode = "CQU")
    {
        var people = await TripPeople.LoadAsync(app, tenantCode);
        var trip = new TripBuilder(people, AgreementData.Today).Change(t => { t.Title = title; t.PartnerId = partnerId; }).Submitted().Build();
        await app.WithDbAsync(async (AppDbContext db) => { db.Add(trip); await db.SaveChangesAsync(); });
        return trip.Id;
    }
}
