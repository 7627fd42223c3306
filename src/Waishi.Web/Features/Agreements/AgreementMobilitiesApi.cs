using Microsoft.EntityFrameworkCore;
using Waishi.Web.Features.Agreements.Mobilities;
using Waishi.Web.Features.Trips;
using Waishi.Web.Platform.Api;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Ewp;
using Waishi.Web.Platform.Identity;

namespace Waishi.Web.Features.Agreements;

/// <summary>/api/v1/agreements/{id}/mobilities and /quota-use, and /api/v1/agreement-mobilities/{id}:
/// the mobilities recorded against an agreement and what they leave of its quotas.</summary>
public static class AgreementMobilitiesApi
{
    public sealed record MobilityDto(Guid Id, long Version, Guid AgreementId, Guid PartnerId, MobilityDirection Direction, MobilityKind Kind,
        int Year, string AcademicYear, string PersonName, DateOnly? StartOn, DateOnly? EndOn, string? Notes, string? SourceType, DateTime RecordedUtc);

    public sealed record QuotaUseDto(Guid PartnerId, string PartnerName, MobilityDirection Direction, MobilityKind Kind, int Year,
        string AcademicYear, int Places, int Used, int Remaining, bool OverQuota);

    public static void Map(RouteGroupBuilder api)
    {
        var read = api.MapGroup("/agreements").WithTags("Agreement mobilities").RequireAuthorization(Policies.Partners);
        read.MapGet("/{id:guid}/mobilities", ListAsync).WithName("ListAgreementMobilities").Produces<Paged<MobilityDto>>()
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Mobilities recorded against the agreement; filters year, direction, kind; paged.");
        read.MapGet("/{id:guid}/quota-use", QuotaUseAsync).WithName("GetAgreementQuotaUse").Produces<List<QuotaUseDto>>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Places, used and remaining per partner, direction, kind and academic year (remaining below zero: over quota).");

        var edit = api.MapGroup("").WithTags("Agreement mobilities").RequireAuthorization(Policies.PartnersEditor);
        edit.MapPost("/agreements/{id:guid}/mobilities", CreateAsync).WithName("RecordAgreementMobility").Produces<MobilityDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Records a mobility by hand under an agreement in force, with one of its parties.");
        edit.MapDelete("/agreement-mobilities/{id:guid}", DeleteAsync).WithName("DeleteAgreementMobility").Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Deletes a recorded mobility; ?version= guards against deleting a newer version.");
    }

    public static MobilityDto ToDto(AgreementMobility m) => new(m.Id, m.Version, m.AgreementId, m.PartnerId, m.Direction, m.Kind, m.Year,
        AgreementQuota.AcademicYear(m.Year), m.PersonName, m.StartOn, m.EndOn, m.Notes, m.SourceType, m.RecordedUtc);

    private static async Task<IResult> ListAsync(Guid id, HttpRequest request, AppDbContext db, ApiProblems problems, CancellationToken ct)
    {
        if (!await db.Set<Agreement>().AnyAsync(a => a.Id == id, ct))
        {
            return problems.NotFound();
        }
        if (!PageRequest.TryRead(request, problems, out var paging, out var error))
        {
            return error!;
        }
        var query = new ApiQuery(request);
        var filter = new MobilityFilter
        {
            AgreementId = id, Direction = query.Choice<MobilityDirection>("direction"), Kind = query.Choice<MobilityKind>("kind"),
        };
        if (query.Text("year") is { } year)
        {
            if (int.TryParse(year, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var y))
            {
                filter.Year = y;
            }
            else
            {
                query.Errors.Add(new FieldError("year", "{0} must be a whole number.", "year"));
            }
        }
        if (query.Errors.Count > 0)
        {
            return problems.Validation(query.Errors);
        }
        var page = await filter.Apply(db.Set<AgreementMobility>().AsNoTracking()).ToPageAsync(paging, ct);
        return TypedResults.Ok(new Paged<MobilityDto>([.. page.Items.Select(ToDto)], page.Total, page.Page, page.PageSize));
    }

    private static async Task<IResult> QuotaUseAsync(Guid id, HttpContext http, AppDbContext db, QuotaUse quotas, ApiProblems problems, CancellationToken ct)
    {
        if (!await db.Set<Agreement>().AnyAsync(a => a.Id == id, ct))
        {
            return problems.NotFound();
        }
        var chinese = Platform.Localization.LocalizationSetup.IsChinese;
        var rows = await quotas.ForAsync(id, ct);
        return TypedResults.Ok(rows.Select(r => new QuotaUseDto(r.PartnerId, r.PartnerName(chinese), r.Direction, r.Kind, r.Year, r.AcademicYear,
            r.Places, r.Used, r.Remaining, r.OverQuota)).ToList());
    }

    private static async Task<IResult> CreateAsync(Guid id, MobilityInput input, HttpContext http, AppDbContext db, TimeProvider clock,
        ApiProblems problems, CancellationToken ct)
    {
        var agreement = await MobilityInput.LoadAgreementAsync(db, id, ct);
        if (agreement is null)
        {
            return problems.NotFound();
        }
        var errors = input.Validate(agreement);
        if (errors.Count > 0)
        {
            return problems.Validation(errors);
        }
        var policy = await AgreementPolicy.LoadAsync(db, ct);
        var mobility = input.Create(agreement, policy, TripsSetup.Today(clock), clock.GetUtcNow().UtcDateTime, http.User.GetUserId()!.Value);
        db.Add(mobility);
        if (await db.TrySaveAsync(ct) is not null)
        {
            return problems.Stale();
        }
        return TypedResults.Created($"/api/v1/agreements/{id}/mobilities", ToDto(mobility));
    }

    private static async Task<IResult> DeleteAsync(Guid id, HttpRequest request, AppDbContext db, ApiProblems problems, CancellationToken ct)
    {
        var mobility = await db.Set<AgreementMobility>().SingleOrDefaultAsync(m => m.Id == id, ct);
        if (mobility is null)
        {
            return problems.NotFound();
        }
        if (ApiVersions.Stale(request, mobility.Version, problems) is { } stale)
        {
            return stale;
        }
        db.Remove(mobility);
        return await ApiVersions.SaveDeleteAsync(db, problems, ct);
    }
}
