using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Waishi.Web.Features.TripReports;
using Waishi.Web.Features.Trips;
using Waishi.Web.Platform.Api;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Identity;

namespace Waishi.Web.Features.Visas;

/// <summary>/api/v1/visas: the visas of the trips the caller may see; exit officers, applicants and
/// filers record and update them.</summary>
public static class VisasApi
{
    public sealed record VisaDto(Guid Id, long Version, Guid TripId, Guid StaffMemberId, string CountryCode, string? VisaType, VisaStatus Status,
        DateOnly? AppliedOn, DateOnly? DecidedOn, string? Result, string? Notes, DateTime UpdatedUtc);

    public static void Map(RouteGroupBuilder api)
    {
        var visas = api.MapGroup("/visas").WithTags("Visas").RequireAuthorization(Policies.Trips);
        visas.MapGet("/", ListAsync).WithName("ListVisas").Produces<Paged<VisaDto>>().ProducesValidationProblem()
            .WithSummary("Visas the caller may see; filters q, unitId, status, country, from, to (departure, yyyy-MM-dd), personId, tripId, pending (to apply or applied, departing within 30 days); paged.");
        visas.MapGet("/{id:guid}", GetAsync).WithName("GetVisa").Produces<VisaDto>().ProducesProblem(StatusCodes.Status404NotFound);
        visas.MapPost("/", CreateAsync).WithName("CreateVisa").Produces<VisaDto>(StatusCodes.Status201Created).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).WithSummary("Records the visa of a member for a destination country of a trip.");
        visas.MapPut("/{id:guid}", UpdateAsync).WithName("UpdateVisa").Produces<VisaDto>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        visas.MapDelete("/{id:guid}", DeleteAsync).WithName("DeleteVisa").Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Deletes a visa row recorded by mistake; ?version= guards against deleting a newer version.");
    }

    private static async Task<IResult> ListAsync(HttpRequest request, HttpContext http, AppDbContext db, VisaWriter writer, TimeProvider clock,
        ApiProblems problems, CancellationToken ct)
    {
        if (!PageRequest.TryRead(request, problems, out var paging, out var error))
        {
            return error!;
        }
        var query = new ApiQuery(request);
        var filter = new VisaFilter
        {
            Q = query.Text("q"), Unit = query.Id("unitId"), Status = query.Choice<VisaStatus>("status"), Country = query.Text("country"),
            From = TripReportsApi.Date(query, "from"), To = TripReportsApi.Date(query, "to"), Person = query.Id("personId"),
            Trip = query.Id("tripId"), Pending = query.Flag("pending") ?? false,
        };
        if (query.Errors.Count > 0)
        {
            return problems.Validation(query.Errors);
        }
        var access = await TripAccess.ForAsync(db, http.User, ct);
        var page = await filter.Apply(db, writer.Visible(access), TripsSetup.Today(clock)).Select(AsDto).ToPageAsync(paging, ct);
        return TypedResults.Ok(page);
    }

    private static async Task<IResult> GetAsync(Guid id, HttpContext http, AppDbContext db, VisaWriter writer, ApiProblems problems, CancellationToken ct)
    {
        var access = await TripAccess.ForAsync(db, http.User, ct);
        var visa = await writer.Visible(access).AsNoTracking().FirstOrDefaultAsync(v => v.Id == id, ct);
        return visa is null ? problems.NotFound() : TypedResults.Ok(ToDto(visa));
    }

    private static async Task<IResult> CreateAsync(VisaInput input, HttpContext http, AppDbContext db, VisaWriter writer, ApiProblems problems, CancellationToken ct)
    {
        var access = await TripAccess.ForAsync(db, http.User, ct);
        if (await writer.TripAsync(access, input.TripId, ct) is not { } trip)
        {
            return problems.Validation("TripId", "There is no such trip, or you may not see it: send the id of a trip you can open.");
        }
        if (!VisaRules.CanEdit(access, trip))
        {
            return Forbidden(http);
        }
        var visa = new Visa { TenantId = trip.TenantId, TripId = trip.Id };
        var errors = await writer.ApplyAsync(trip, visa, input, ct);
        if (errors.Count > 0)
        {
            return problems.Validation(errors);
        }
        db.Add(visa);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/visas/{visa.Id}", ToDto(visa));
    }

    private static async Task<IResult> UpdateAsync(Guid id, VisaInput input, HttpContext http, AppDbContext db, VisaWriter writer, ApiProblems problems, CancellationToken ct)
    {
        var (visa, trip, refusal) = await LoadEditableAsync(id, http, db, writer, problems, ct);
        if (refusal is not null)
        {
            return refusal;
        }
        if (input.Version != visa!.Version)
        {
            return problems.Stale();
        }
        var errors = await writer.ApplyAsync(trip!, visa, input, ct);
        if (errors.Count > 0)
        {
            return problems.Validation(errors);
        }
        db.ExpectVersion(visa, input.Version);
        return await db.TrySaveAsync(ct) is null ? TypedResults.Ok(ToDto(visa)) : problems.Stale();
    }

    private static async Task<IResult> DeleteAsync(Guid id, HttpRequest request, HttpContext http, AppDbContext db, VisaWriter writer, ApiProblems problems, CancellationToken ct)
    {
        var (visa, _, refusal) = await LoadEditableAsync(id, http, db, writer, problems, ct);
        if (refusal is not null)
        {
            return refusal;
        }
        if (ApiVersions.Stale(request, visa!.Version, problems) is { } stale)
        {
            return stale;
        }
        db.Remove(visa);
        return await ApiVersions.SaveDeleteAsync(db, problems, ct);
    }

    private static async Task<(Visa?, Trip?, IResult?)> LoadEditableAsync(Guid id, HttpContext http, AppDbContext db, VisaWriter writer, ApiProblems problems, CancellationToken ct)
    {
        var access = await TripAccess.ForAsync(db, http.User, ct);
        var visa = await writer.Visible(access).FirstOrDefaultAsync(v => v.Id == id, ct);
        if (visa is null || await writer.TripAsync(access, visa.TripId, ct) is not { } trip)
        {
            return (null, null, problems.NotFound());
        }
        return VisaRules.CanEdit(access, trip) ? (visa, trip, null) : (null, null, Forbidden(http));
    }

    private static IResult Forbidden(HttpContext http)
    {
        var t = http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: t["Forbidden."],
            detail: t["Only an exit officer, the applicant or the filer keeps the visas of this trip, and only while it goes ahead."]);
    }

    private static readonly System.Linq.Expressions.Expression<Func<Visa, VisaDto>> AsDto = v =>
        new VisaDto(v.Id, v.Version, v.TripId, v.StaffMemberId, v.CountryCode, v.VisaType, v.Status, v.AppliedOn, v.DecidedOn, v.Result, v.Notes, v.UpdatedUtc);

    private static VisaDto ToDto(Visa v) =>
        new(v.Id, v.Version, v.TripId, v.StaffMemberId, v.CountryCode, v.VisaType, v.Status, v.AppliedOn, v.DecidedOn, v.Result, v.Notes, v.UpdatedUtc);
}
