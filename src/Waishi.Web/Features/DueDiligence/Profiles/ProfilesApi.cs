using Microsoft.EntityFrameworkCore;
using Waishi.Web.Platform.Api;
using Waishi.Web.Platform.Data;

namespace Waishi.Web.Features.DueDiligence.Profiles;

/// <summary>/api/v1/risk-profiles: the tenant's institution risk profiles.</summary>
public static class ProfilesApi
{
    public sealed record ProfileSummaryDto(Guid Id, long Version, string NameEn, string? NameZh, string? CountryCode, RiskLevel RiskLevel,
        IReadOnlyList<InstitutionCategory> Categories, Guid? PartnerId, DateOnly? LastReviewedOn);

    public sealed record AddressDto(string Text, double? Latitude, double? Longitude);

    public sealed record SourceDto(Guid Id, string Title, string? Url, DateOnly? PublishedOn);

    public sealed record ProfileDto(Guid Id, long Version, string NameEn, string? NameZh, IReadOnlyList<string> Aliases, string? CountryCode, string? City,
        RiskLevel RiskLevel, string? RiskRationale, Guid? RiskSourceId, IReadOnlyList<InstitutionCategory> Categories, string? Summary,
        IReadOnlyList<string> SupervisingAgencies, IReadOnlyList<string> DefenceLaboratories, IReadOnlyList<string> DefenceResearchAreas,
        IReadOnlyList<string> SecurityCredentials, IReadOnlyList<string> DefenceLinks, IReadOnlyList<string> InternationalCollaborations,
        IReadOnlyList<string> ResearchTopics, IReadOnlyList<AddressDto> Addresses, IReadOnlyList<SourceDto> Sources,
        DateOnly? LastReviewedOn, string? ReviewerName, Guid? PartnerId, string? ExternalUuid);

    public static void Map(RouteGroupBuilder api)
    {
        var read = api.MapGroup("/risk-profiles").WithTags("Due diligence").RequireAuthorization(DueDiligenceSetup.ReaderPolicy);
        read.MapGet("/", ListAsync).WithName("ListRiskProfiles").Produces<Paged<ProfileSummaryDto>>().ProducesValidationProblem()
            .WithSummary("Institution risk profiles; filters q (any name), riskLevel, category, country, linked, reviewedBefore; paged.");
        read.MapGet("/{id:guid}", GetAsync).WithName("GetRiskProfile").Produces<ProfileDto>().ProducesProblem(StatusCodes.Status404NotFound);

        var edit = api.MapGroup("/risk-profiles").WithTags("Due diligence").RequireAuthorization(DueDiligenceSetup.EditorPolicy);
        edit.MapPost("/", CreateAsync).WithName("CreateRiskProfile").Produces<ProfileDto>(StatusCodes.Status201Created).ProducesValidationProblem()
            .WithSummary("Creates an unrated profile; set its level with POST …/{id}/risk-level.");
        edit.MapPut("/{id:guid}", UpdateAsync).WithName("UpdateRiskProfile").Produces<ProfileDto>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        edit.MapPost("/{id:guid}/risk-level", SetRiskAsync).WithName("SetRiskLevel").Produces<ProfileDto>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Sets the risk level: needs level, rationale (one line), and sourceId or newSourceTitle (+ newSourceUrl); audited.");
        edit.MapDelete("/{id:guid}", DeleteAsync).WithName("DeleteRiskProfile").Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Deletes a profile with its addresses and sources; ?version= guards against deleting a newer version.");
    }

    private static async Task<IResult> DeleteAsync(Guid id, long? version, ProfileWriter writer, AppDbContext db, ApiProblems problems, CancellationToken ct)
    {
        var profile = await writer.LoadAsync(id, ct);
        if (profile is null)
        {
            return problems.NotFound();
        }
        if (version is { } v && v != profile.Version)
        {
            return problems.Stale();
        }
        db.Remove(profile);
        return await writer.SaveAsync(profile, screeningChanged: true, ct) is null ? TypedResults.NoContent() : problems.Stale();
    }

    private static List<InstitutionCategory> Categories(InstitutionCategory all) =>
        [.. Enum.GetValues<InstitutionCategory>().Where(c => c != InstitutionCategory.None && all.HasFlag(c))];

    public static ProfileDto ToDto(InstitutionProfile p) => new(p.Id, p.Version, p.NameEn, p.NameZh, [.. InstitutionProfile.Lines(p.Aliases)],
        p.CountryCode, p.City, p.RiskLevel, p.RiskRationale, p.RiskSourceId, Categories(p.Categories), p.Summary,
        [.. InstitutionProfile.Lines(p.SupervisingAgencies)], [.. InstitutionProfile.Lines(p.DefenceLaboratories)],
        [.. InstitutionProfile.Lines(p.DefenceResearchAreas)], [.. InstitutionProfile.Lines(p.SecurityCredentials)],
        [.. InstitutionProfile.Lines(p.DefenceLinks)], [.. InstitutionProfile.Lines(p.InternationalCollaborations)],
        [.. InstitutionProfile.Lines(p.ResearchTopics)],
        [.. p.Addresses.OrderBy(a => a.SortOrder).Select(a => new AddressDto(a.Text, a.Latitude, a.Longitude))],
        [.. p.Sources.OrderBy(s => s.SortOrder).Select(s => new SourceDto(s.Id, s.Title, s.Url, s.PublishedOn))],
        p.LastReviewedOn, p.ReviewerName, p.PartnerId, p.ExternalUuid);

    private static async Task<IResult> ListAsync(HttpRequest request, AppDbContext db, ApiProblems problems, CancellationToken ct)
    {
        if (!PageRequest.TryRead(request, problems, out var paging, out var error))
        {
            return error!;
        }
        var query = new ApiQuery(request);
        var filter = new ProfileFilter
        {
            Q = query.Text("q"), Risk = query.Choice<RiskLevel>("riskLevel"), Category = query.Choice<InstitutionCategory>("category"),
            Country = query.Text("country"), Linked = query.Flag("linked"),
        };
        if (query.Text("reviewedBefore") is { } before)
        {
            if (DateOnly.TryParseExact(before, "yyyy-MM-dd", out var date))
            {
                filter.ReviewedBefore = date;
            }
            else
            {
                query.Errors.Add(new("reviewedBefore", "{0} must be a date such as 2026-12-31.", "reviewedBefore"));
            }
        }
        if (query.Errors.Count > 0)
        {
            return problems.Validation(query.Errors);
        }
        var page = await filter.Apply(db).ToPageAsync(paging, ct);
        return TypedResults.Ok(new Paged<ProfileSummaryDto>(
            [.. page.Items.Select(p => new ProfileSummaryDto(p.Id, p.Version, p.NameEn, p.NameZh, p.CountryCode, p.RiskLevel, Categories(p.Categories), p.PartnerId, p.LastReviewedOn))],
            page.Total, page.Page, page.PageSize));
    }

    private static async Task<IResult> GetAsync(Guid id, ProfileWriter writer, ApiProblems problems, CancellationToken ct) =>
        await writer.LoadAsync(id, ct) is { } p ? TypedResults.Ok(ToDto(p)) : problems.NotFound();

    private static async Task<IResult> CreateAsync(ProfileInput input, AppDbContext db, ProfileWriter writer, ApiProblems problems, CancellationToken ct)
    {
        var errors = input.Validate();
        if (!await writer.PartnerExistsAsync(input.PartnerId, ct))
        {
            errors.Add(new(nameof(ProfileInput.PartnerId), "Choose a partner of your institution."));
        }
        if (errors.Count > 0)
        {
            return problems.Validation(errors);
        }
        var profile = writer.New();
        input.ApplyTo(profile);
        db.Add(profile);
        await writer.SaveAsync(profile, screeningChanged: true, ct);
        return TypedResults.Created($"/api/v1/risk-profiles/{profile.Id}", ToDto(profile));
    }

    private static async Task<IResult> UpdateAsync(Guid id, ProfileInput input, ProfileWriter writer, AppDbContext db, ApiProblems problems, CancellationToken ct)
    {
        var profile = await writer.LoadAsync(id, ct);
        if (profile is null)
        {
            return problems.NotFound();
        }
        if (input.Version != profile.Version)
        {
            return problems.Stale();
        }
        var errors = input.Validate();
        if (!await writer.PartnerExistsAsync(input.PartnerId, ct))
        {
            errors.Add(new(nameof(ProfileInput.PartnerId), "Choose a partner of your institution."));
        }
        if (errors.Count > 0)
        {
            return problems.Validation(errors);
        }
        var names = input.ChangesNames(profile);
        input.ApplyTo(profile);
        ProfileChildren.Track(db, profile);
        db.ExpectVersion(profile, input.Version);
        return await writer.SaveAsync(profile, names, ct) is null ? TypedResults.Ok(ToDto(profile)) : problems.Stale();
    }

    private static async Task<IResult> SetRiskAsync(Guid id, RiskChange change, HttpContext http, ProfileWriter writer, AppDbContext db, ApiProblems problems, CancellationToken ct)
    {
        var profile = await writer.LoadAsync(id, ct);
        if (profile is null)
        {
            return problems.NotFound();
        }
        if (change.Version != profile.Version)
        {
            return problems.Stale();
        }
        var errors = change.Validate(profile);
        if (errors.Count > 0)
        {
            return problems.Validation(errors);
        }
        change.ApplyTo(profile, ProfileWriter.ReviewerOf(http.User), writer.Today);
        ProfileChildren.Track(db, profile);
        db.ExpectVersion(profile, change.Version);
        return await writer.SaveAsync(profile, screeningChanged: true, ct) is null ? TypedResults.Ok(ToDto(profile)) : problems.Stale();
    }
}
