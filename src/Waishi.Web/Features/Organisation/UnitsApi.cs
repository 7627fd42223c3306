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
        Endpoints.MapItemRoutes(units, "Unit", Policies.PeopleEditor, "Deletes a unit that has no sub-units, people or role assignments.");
    }

    private static UnitDto ToDto(OrgUnit u) => new(u.Id, u.Version, u.ParentId, u.Code, u.NameZh, u.NameEn, u.Kind, u.SortOrder, u.IsActive);

    private static readonly EntityEndpoints<OrgUnit, UnitInput, UnitDto> Endpoints = new(
        "/api/v1/units", () => new OrgUnit { Code = "", NameZh = "", NameEn = "" }, Apply, PeopleRules.ValidateAsync, ToDto, input => input.Version)
    {
        BeforeDelete = KeepIfInUseAsync,
    };

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

    /// <summary>A unit that sub-units, people or role assignments hang on is kept.</summary>
    private static async Task<IResult?> KeepIfInUseAsync(AppDbContext db, OrgUnit unit, ApiProblems problems, CancellationToken ct)
    {
        var id = unit.Id;
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
        return null;
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
