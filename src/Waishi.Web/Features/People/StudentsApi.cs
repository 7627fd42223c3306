using Microsoft.EntityFrameworkCore;
using Waishi.Web.Platform.Api;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Identity;

namespace Waishi.Web.Features.People;

/// <summary>/api/v1/students: the students of the caller's tenant.</summary>
public static class StudentsApi
{
    public sealed record StudentDto(
        Guid Id, long Version, string StudentNumber, string NameZh, string? NameEn, Guid? UnitId, DegreeLevel DegreeLevel,
        string Nationality, string? Email, string? Phone, bool IsActive);

    /// <summary>The body of a create or update; <c>version</c> is required on update.</summary>
    public sealed record StudentInput(
        string? StudentNumber, string? NameZh, string? NameEn, Guid? UnitId, DegreeLevel? DegreeLevel, string? Nationality,
        string? Email, string? Phone, bool? IsActive, long? Version);

    public static void Map(RouteGroupBuilder api)
    {
        var students = api.MapGroup("/students").WithTags("Students").RequireAuthorization(Policies.PeopleReader);
        students.MapGet("/", ListAsync).WithName("ListStudents")
            .Produces<Paged<StudentDto>>().ProducesValidationProblem()
            .WithSummary("Students of the tenant; filters q (number or name), unitId, active; paged.");
        students.MapGet("/{id:guid}", Endpoints.GetAsync).WithName("GetStudent")
            .Produces<StudentDto>().ProducesProblem(StatusCodes.Status404NotFound);
        students.MapPost("/", Endpoints.CreateAsync).WithName("CreateStudent").RequireAuthorization(Policies.PeopleEditor)
            .Produces<StudentDto>(StatusCodes.Status201Created).ProducesValidationProblem();
        students.MapPut("/{id:guid}", Endpoints.UpdateAsync).WithName("UpdateStudent").RequireAuthorization(Policies.PeopleEditor)
            .Produces<StudentDto>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        students.MapDelete("/{id:guid}", Endpoints.DeleteAsync).WithName("DeleteStudent").RequireAuthorization(Policies.PeopleEditor)
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Deletes a student who has no user account.");
    }

    private static StudentDto ToDto(Student s) => new(
        s.Id, s.Version, s.StudentNumber, s.NameZh, s.NameEn, s.UnitId, s.DegreeLevel, s.Nationality, s.Email, s.Phone, s.IsActive);

    private static readonly EntityEndpoints<Student, StudentInput, StudentDto> Endpoints = new(
        "/api/v1/students", () => new Student { StudentNumber = "", NameZh = "" }, Apply, PeopleRules.ValidateAsync, ToDto, input => input.Version)
    {
        BeforeDelete = PersonEndpoints.KeepIfUserAccount<Student>(p => u => u.StudentId == p.Id, p => p.StudentNumber),
    };

    private static async Task<IResult> ListAsync(HttpRequest request, AppDbContext db, ApiProblems problems, CancellationToken ct)
    {
        if (!PageRequest.TryRead(request, problems, out var paging, out var error))
        {
            return error!;
        }
        var filter = new ApiQuery(request);
        var q = filter.Text("q")?.ToLowerInvariant();
        var unitId = filter.Id("unitId");
        var active = filter.Flag("active");
        if (filter.Errors.Count > 0)
        {
            return problems.Validation(filter.Errors);
        }
        var query = db.Set<Student>().AsNoTracking();
        if (q is not null)
        {
            query = query.Where(s => s.StudentNumber.ToLower().Contains(q) || s.NameZh.Contains(q) || (s.NameEn != null && s.NameEn.ToLower().Contains(q)));
        }
        if (unitId is not null)
        {
            query = query.Where(s => s.UnitId == unitId);
        }
        if (active is not null)
        {
            query = query.Where(s => s.IsActive == active);
        }
        var page = await query.OrderBy(s => s.StudentNumber)
            .Select(s => new StudentDto(s.Id, s.Version, s.StudentNumber, s.NameZh, s.NameEn, s.UnitId, s.DegreeLevel,
                s.Nationality, s.Email, s.Phone, s.IsActive))
            .ToPageAsync(paging, ct);
        return TypedResults.Ok(page);
    }

    private static List<FieldError> Apply(Student student, StudentInput input)
    {
        var errors = new List<FieldError>();
        student.StudentNumber = input.StudentNumber?.Trim() ?? "";
        student.NameZh = input.NameZh?.Trim() ?? "";
        student.NameEn = TextFields.Optional(input.NameEn);
        student.UnitId = input.UnitId;
        if (input.DegreeLevel is { } degree)
        {
            student.DegreeLevel = degree;
        }
        else
        {
            errors.Add(new(nameof(Student.DegreeLevel), "Choose a degree level from the list."));
        }
        student.Nationality = input.Nationality?.Trim().ToUpperInvariant() ?? "";
        student.Email = TextFields.Optional(input.Email);
        student.Phone = TextFields.Optional(input.Phone);
        student.IsActive = input.IsActive ?? true;
        return errors;
    }
}
