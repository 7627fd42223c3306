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
        Endpoints.MapItemRoutes(students, "Student", Policies.PeopleEditor, "Deletes a student who has no user account.");
    }

    private static StudentDto ToDto(Student s) => new(
        s.Id, s.Version, s.StudentNumber, s.NameZh, s.NameEn, s.UnitId, s.DegreeLevel, s.Nationality, s.Email, s.Phone, s.IsActive);

    private static readonly EntityEndpoints<Student, StudentInput, StudentDto> Endpoints = new(
        "/api/v1/students", () => new Student { StudentNumber = "", NameZh = "" }, Apply, PeopleRules.ValidateAsync, ToDto, input => input.Version)
    {
        BeforeDelete = PersonEndpoints.KeepIfUserAccount<Student>(p => u => u.StudentId == p.Id, p => p.StudentNumber),
    };

    private static Task<IResult> ListAsync(HttpRequest request, AppDbContext db, ApiProblems problems, CancellationToken ct) =>
        PersonEndpoints.ListAsync<Student, StudentDto>(request, db, problems, ct,
            q => s => s.StudentNumber.ToLower().Contains(q) || s.NameZh.Contains(q) || (s.NameEn != null && s.NameEn.ToLower().Contains(q)),
            _ => query => query,
            query => query.OrderBy(s => s.StudentNumber)
                .Select(s => new StudentDto(s.Id, s.Version, s.StudentNumber, s.NameZh, s.NameEn, s.UnitId, s.DegreeLevel,
                    s.Nationality, s.Email, s.Phone, s.IsActive)));

    /// <summary>Reads the body through the page form, so that both trim and blank fields alike; the degree level is required.</summary>
    private static List<FieldError> Apply(Student student, StudentInput input)
    {
        var errors = new List<FieldError>();
        if (input.DegreeLevel is null)
        {
            errors.Add(new(nameof(Student.DegreeLevel), "Choose a degree level from the list."));
        }
        new Students.StudentInput
        {
            StudentNumber = input.StudentNumber, NameZh = input.NameZh, NameEn = input.NameEn, UnitId = input.UnitId,
            DegreeLevel = input.DegreeLevel ?? student.DegreeLevel, Nationality = input.Nationality,
            Email = input.Email, Phone = input.Phone, IsActive = input.IsActive ?? true,
        }.ApplyTo(student);
        return errors;
    }
}
