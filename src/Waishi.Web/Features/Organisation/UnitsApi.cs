using Microsoft.EntityFrameworkCore;
using Waishi.Web.Features.People;
using Waishi.Web.Platform.Api;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Identity;

namespace Waishi.Web.Features.Organisation;

/// <summary>/api/v1/units: the organisation tree of the caller's tenant.</summary>
public static class UnitsApi
{
    public sealed record UnitDto(
        Guid Id, long Version, Guid? ParentId, string Code, string NameZh, string NameEn, OrgUnitKind Kind, int SortOrder, bool IsActive);

    /// <summary>The body of a create or update; <c>version</c> is required on update.</summary>
    public sealed record UnitInput(
        Guid? ParentId, string? Code, string? NameZh, string? NameEn, OrgUnitKind? Kind, int? SortOrder, bool? IsActive, long? Version);

    public static void Map(RouteGroupBuilder api)
    {
        var units = api.MapGroup("/units").WithTags("Units").RequireAuthorization(Policies.PeopleReader);
        units.MapGet("/", ListAsync).WithName("ListUnits")
            .Produces<Paged<UnitDto>>().ProducesValidationProblem()
            .WithSummary("Units of the tenant; filters q (code or name), unitId (children of), active; paged.");
        units.MapGet("/{id:guid}", GetAsync).WithName("GetUnit")
            .Produces<UnitDto>().ProducesProblem(StatusCodes.Status404NotFound);
        units.MapPost("/", CreateAsync).WithName("CreateUnit").RequireAuthorization(Policies.PeopleEditor)
            .Produces<UnitDto>(StatusCodes.Status201Created).ProducesValidationProblem();
        units.MapPut("/{id:guid}", UpdateAsync).WithName("UpdateUnit").RequireAuthorization(Policies.PeopleEditor)
            .Produces<UnitDto>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        units.MapDelete("/{id:guid}", DeleteAsync).WithName("DeleteUnit").RequireAuthorization(Policies.PeopleEditor)
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Deletes a unit that has no sub-units, people or role assignments.");
    }

    private static UnitDto ToDto(OrgUnit u) => new(u.Id, u.Version, u.ParentId, u.Code, u.NameZh, u.NameEn, u.Kind, u.SortOrder, u.IsActive);

    private static async Task<IResult> ListAsync(HttpRequest request, AppDbContext db, ApiProblems problems, CancellationToken ct)
    {
        if (!PageRequest.TryRead(request, problems, out var paging, out var error))
        {
            return error!;
        }
        var filter = new ApiQuery(request);
        var q = filter.Text("q")?.ToLowerInvariant();
        var parentId = filter.Id("unitId");
        var active = filter.Flag("active");
        if (filter.Errors.Count > 0)
        {
            return problems.Validation(filter.Errors);
        }
        var query = db.Set<OrgUnit>().AsNoTracking();
        if (q is not null)
        {
            query = query.Where(u => u.Code.ToLower().Contains(q) || u.NameZh.Contains(q) || u.NameEn.ToLower().Contains(q));
        }
        if (parentId is not null)
        {
            query = query.Where(u => u.ParentId == parentId);
        }
        if (active is not null)
        {
            query = query.Where(u => u.IsActive == active);
        }
        var page = await query.OrderBy(u => u.SortOrder).ThenBy(u => u.Code)
            .Select(u => new UnitDto(u.Id, u.Version, u.ParentId, u.Code, u.NameZh, u.NameEn, u.Kind, u.SortOrder, u.IsActive))
            .ToPageAsync(paging, ct);
        return TypedResults.Ok(page);
    }

    private static async Task<IResult> GetAsync(Guid id, AppDbContext db, ApiProblems problems, CancellationToken ct) =>
        await db.Set<OrgUnit>().AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct) is { } unit
            ? TypedResults.Ok(ToDto(unit))
            : problems.NotFound();

    private static async Task<IResult> CreateAsync(UnitInput input, AppDbContext db, ApiProblems problems, CancellationToken ct)
    {
        var unit = new OrgUnit { Code = "", NameZh = "", NameEn = "" };
        var errors = Apply(unit, input);
        errors.AddRange(await PeopleRules.ValidateAsync(db, unit, ct));
        if (errors.Count > 0)
        {
            return problems.Validation(errors);
        }
        db.Add(unit);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/units/{unit.Id}", ToDto(unit));
    }

    private static async Task<IResult> UpdateAsync(Guid id, UnitInput input, AppDbContext db, ApiProblems problems, CancellationToken ct)
    {
        var unit = await db.Set<OrgUnit>().FirstOrDefaultAsync(u => u.Id == id, ct);
        if (unit is null)
        {
            return problems.NotFound();
        }
        if (input.Version is not { } version)
        {
            return problems.Validation("Version", "Send the version of the record you edited (the version field you read).");
        }
        if (version != unit.Version)
        {
            return problems.Stale();
        }
        var errors = Apply(unit, input);
        errors.AddRange(await PeopleRules.ValidateAsync(db, unit, ct));
        if (errors.Count > 0)
        {
            return problems.Validation(errors);
        }
        db.ExpectVersion(unit, version);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ToDto(unit));
    }

    private static async Task<IResult> DeleteAsync(Guid id, HttpRequest request, AppDbContext db, ApiProblems problems, CancellationToken ct)
    {
        var unit = await db.Set<OrgUnit>().FirstOrDefaultAsync(u => u.Id == id, ct);
        if (unit is null)
        {
            return problems.NotFound();
        }
        if (ApiVersions.Stale(request, unit.Version, problems) is { } stale)
        {
            return stale;
        }
        if (await db.Set<OrgUnit>().AnyAsync(u => u.ParentId == id, ct))
        {
            return problems.Conflict("The unit {0} has sub-units: move or delete them first.", unit.Code);
        }
        if (await db.Set<StaffMember>().AnyAsync(s => s.UnitId == id, ct) || await db.Set<Student>().AnyAsync(s => s.UnitId == id, ct))
        {
            return problems.Conflict("The unit {0} still has staff or students: move them to another unit first.", unit.Code);
        }
        if (await db.Set<RoleAssignment>().AnyAsync(r => r.OrgUnitId == id, ct))
        {
            return problems.Conflict("The unit {0} is named in users' roles: change those roles first.", unit.Code);
        }
        db.Remove(unit);
        return await ApiVersions.SaveDeleteAsync(db, problems, ct);
    }

    private static List<FieldError> Apply(OrgUnit unit, UnitInput input)
    {
        var errors = new List<FieldError>();
        unit.ParentId = input.ParentId;
        unit.Code = input.Code?.Trim() ?? "";
        unit.NameZh = input.NameZh?.Trim() ?? "";
        unit.NameEn = input.NameEn?.Trim() ?? "";
        if (input.Kind is { } kind)
        {
            unit.Kind = kind;
        }
        else
        {
            errors.Add(new(nameof(OrgUnit.Kind), "Choose a kind of unit from the list."));
        }
        unit.SortOrder = input.SortOrder ?? 0;
        unit.IsActive = input.IsActive ?? true;
        return errors;
    }
}
