using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Waishi.Web.Platform.Api;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Identity;

namespace Waishi.Web.Features.People;

/// <summary>
/// The get, create, update and delete handlers of a JSON resource over one entity type: the entity
/// is loaded through the tenant-filtered context (another tenant's row is a 404), the body is applied
/// and validated before anything is written, and updates and deletes honour the version the caller read.
/// </summary>
/// <param name="path">The resource's collection path, e.g. <c>/api/v1/staff</c>; a created row's location is below it.</param>
/// <param name="create">A blank entity for a create.</param>
/// <param name="apply">Copies the body onto the entity and returns the errors of fields it could not read.</param>
/// <param name="validate">The rules the entity must pass before it is saved.</param>
/// <param name="toDto">The JSON shape of the entity.</param>
/// <param name="version">The version a body says it edits (required on update).</param>
public sealed class EntityEndpoints<TEntity, TInput, TDto>(
    string path,
    Func<TEntity> create,
    Func<TEntity, TInput, List<FieldError>> apply,
    Func<AppDbContext, TEntity, CancellationToken, Task<List<FieldError>>> validate,
    Func<TEntity, TDto> toDto,
    Func<TInput, long?> version)
    where TEntity : Entity
{
    /// <summary>A check before a delete: a result (a problem) keeps the row and is answered instead.</summary>
    public Func<AppDbContext, TEntity, ApiProblems, CancellationToken, Task<IResult?>>? BeforeDelete { get; init; }

    /// <summary>
    /// Maps GET, PUT and DELETE <c>/{id}</c> and POST <c>/</c> on the group, named Get/Create/Update/Delete
    /// plus <paramref name="name"/>; writes need <paramref name="writePolicy"/>.
    /// </summary>
    public void MapItemRoutes(RouteGroupBuilder group, string name, string writePolicy, string deleteSummary)
    {
        // Handed over as plain delegates: the route-handler analyzer does not follow method groups of a
        // generic type, and the request delegate generator cannot either, so these four are built at run time.
#pragma warning disable RDG002
        Delegate get = GetAsync, create = CreateAsync, update = UpdateAsync, delete = DeleteAsync;
        group.MapGet("/{id:guid}", get).WithName($"Get{name}")
            .Produces<TDto>().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/", create).WithName($"Create{name}").RequireAuthorization(writePolicy)
            .Produces<TDto>(StatusCodes.Status201Created).ProducesValidationProblem();
        group.MapPut("/{id:guid}", update).WithName($"Update{name}").RequireAuthorization(writePolicy)
            .Produces<TDto>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapDelete("/{id:guid}", delete).WithName($"Delete{name}").RequireAuthorization(writePolicy)
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary(deleteSummary);
#pragma warning restore RDG002
    }

    public async Task<IResult> GetAsync(Guid id, AppDbContext db, ApiProblems problems, CancellationToken ct) =>
        await db.Set<TEntity>().AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct) is { } entity
            ? TypedResults.Ok(toDto(entity))
            : problems.NotFound();

    public async Task<IResult> CreateAsync(TInput input, AppDbContext db, ApiProblems problems, CancellationToken ct)
    {
        var entity = create();
        var errors = apply(entity, input);
        errors.AddRange(await validate(db, entity, ct));
        if (errors.Count > 0)
        {
            return problems.Validation(errors);
        }
        db.Add(entity);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"{path}/{entity.Id}", toDto(entity));
    }

    public async Task<IResult> UpdateAsync(Guid id, TInput input, AppDbContext db, ApiProblems problems, CancellationToken ct)
    {
        var entity = await db.Set<TEntity>().FirstOrDefaultAsync(e => e.Id == id, ct);
        if (entity is null)
        {
            return problems.NotFound();
        }
        if (version(input) is not { } read)
        {
            return problems.Validation("Version", "Send the version of the record you edited (the version field you read).");
        }
        if (read != entity.Version)
        {
            return problems.Stale();
        }
        var errors = apply(entity, input);
        errors.AddRange(await validate(db, entity, ct));
        if (errors.Count > 0)
        {
            return problems.Validation(errors);
        }
        db.ExpectVersion(entity, read);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(toDto(entity));
    }

    public async Task<IResult> DeleteAsync(Guid id, HttpRequest request, AppDbContext db, ApiProblems problems, CancellationToken ct)
    {
        var entity = await db.Set<TEntity>().FirstOrDefaultAsync(e => e.Id == id, ct);
        if (entity is null)
        {
            return problems.NotFound();
        }
        if (ApiVersions.Stale(request, entity.Version, problems) is { } stale)
        {
            return stale;
        }
        if (BeforeDelete is not null && await BeforeDelete(db, entity, problems, ct) is { } refused)
        {
            return refused;
        }
        db.Remove(entity);
        return await ApiVersions.SaveDeleteAsync(db, problems, ct);
    }
}

/// <summary>Pieces the staff and student resources share.</summary>
public static class PersonEndpoints
{
    /// <summary>
    /// A page of the tenant's people: the filters q (number or name, lower case), unitId and active, then
    /// those of the kind of person (read by <paramref name="more"/> so that all bad filters are reported together).
    /// </summary>
    public static async Task<IResult> ListAsync<TPerson, TDto>(
        HttpRequest request, AppDbContext db, ApiProblems problems, CancellationToken ct,
        Func<string, Expression<Func<TPerson, bool>>> matches,
        Func<ApiQuery, Func<IQueryable<TPerson>, IQueryable<TPerson>>> more,
        Func<IQueryable<TPerson>, IQueryable<TDto>> orderAndShape)
        where TPerson : Entity, IPerson
    {
        if (!PageRequest.TryRead(request, problems, out var paging, out var error))
        {
            return error!;
        }
        var filter = new ApiQuery(request);
        var q = filter.Text("q")?.ToLowerInvariant();
        var unitId = filter.Id("unitId");
        var active = filter.Flag("active");
        var narrow = more(filter);
        if (filter.Errors.Count > 0)
        {
            return problems.Validation(filter.Errors);
        }
        var query = db.Set<TPerson>().AsNoTracking();
        if (q is not null)
        {
            query = query.Where(matches(q));
        }
        if (unitId is not null)
        {
            query = query.Where(s => s.UnitId == unitId);
        }
        if (active is not null)
        {
            query = query.Where(s => s.IsActive == active);
        }
        return TypedResults.Ok(await orderAndShape(narrow(query)).ToPageAsync(paging, ct));
    }

    /// <summary>A person linked to a user account is not deleted (the account would lose its person).</summary>
    public static Func<AppDbContext, TPerson, ApiProblems, CancellationToken, Task<IResult?>> KeepIfUserAccount<TPerson>(
        Func<TPerson, Expression<Func<AppUser, bool>>> linked, Func<TPerson, string> number) =>
        async (db, person, problems, ct) => await db.Users.AnyAsync(linked(person), ct)
            ? problems.Conflict("{0} has a user account: disable or unlink the account first, or set the person inactive.", number(person))
            : null;
}
