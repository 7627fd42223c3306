using Microsoft.EntityFrameworkCore;
using Waishi.Web.Platform.Api;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Identity;

namespace Waishi.Web.Features.People;

/// <summary>/api/v1/staff: the staff directory of the caller's tenant.</summary>
public static class StaffApi
{
    public sealed record StaffDto(
        Guid Id, long Version, string StaffNumber, string NameZh, string? NameEn, Guid? UnitId, string? Title,
        CadreLevel CadreLevel, bool IsClassified, ClassifiedLevel ClassifiedLevel, string? Email, string? Phone, string? Mobile, bool IsActive);

    /// <summary>The body of a create or update; <c>version</c> is required on update.</summary>
    public sealed record StaffInput(
        string? StaffNumber, string? NameZh, string? NameEn, Guid? UnitId, string? Title, CadreLevel? CadreLevel,
        bool? IsClassified, ClassifiedLevel? ClassifiedLevel, string? Email, string? Phone, string? Mobile, bool? IsActive, long? Version);

    public static void Map(RouteGroupBuilder api)
    {
        var staff = api.MapGroup("/staff").WithTags("Staff").RequireAuthorization(Policies.PeopleReader);
        staff.MapGet("/", ListAsync).WithName("ListStaff")
            .Produces<Paged<StaffDto>>().ProducesValidationProblem()
            .WithSummary("Staff of the tenant; filters q (number or name), unitId, active, classified, cadreLevel; paged.");
        Endpoints.MapItemRoutes(staff, "StaffMember", Policies.PeopleEditor, "Deletes a staff member who has no user account.");
    }

    private static StaffDto ToDto(StaffMember s) => new(
        s.Id, s.Version, s.StaffNumber, s.NameZh, s.NameEn, s.UnitId, s.Title, s.CadreLevel, s.IsClassified, s.ClassifiedLevel,
        s.Email, s.Phone, s.Mobile, s.IsActive);

    private static readonly EntityEndpoints<StaffMember, StaffInput, StaffDto> Endpoints = new(
        "/api/v1/staff", () => new StaffMember { StaffNumber = "", NameZh = "" }, Apply, PeopleRules.ValidateAsync, ToDto, input => input.Version)
    {
        BeforeDelete = PersonEndpoints.KeepIfUserAccount<StaffMember>(p => u => u.StaffMemberId == p.Id, p => p.StaffNumber),
    };

    private static Task<IResult> ListAsync(HttpRequest request, AppDbContext db, ApiProblems problems, CancellationToken ct) =>
        PersonEndpoints.ListAsync<StaffMember, StaffDto>(request, db, problems, ct,
            q => s => s.StaffNumber.ToLower().Contains(q) || s.NameZh.Contains(q) || (s.NameEn != null && s.NameEn.ToLower().Contains(q)),
            filter =>
            {
                var classified = filter.Flag("classified");
                var cadre = filter.Choice<CadreLevel>("cadreLevel");
                return query =>
                {
                    if (classified is not null)
                    {
                        query = query.Where(s => s.IsClassified == classified);
                    }
                    return cadre is null ? query : query.Where(s => s.CadreLevel == cadre);
                };
            },
            query => query.OrderBy(s => s.StaffNumber)
                .Select(s => new StaffDto(s.Id, s.Version, s.StaffNumber, s.NameZh, s.NameEn, s.UnitId, s.Title, s.CadreLevel,
                    s.IsClassified, s.ClassifiedLevel, s.Email, s.Phone, s.Mobile, s.IsActive)));

    /// <summary>Reads the body through the page form, so that both trim and blank fields alike; absent values take the defaults.</summary>
    private static List<FieldError> Apply(StaffMember staff, StaffInput input)
    {
        new Staff.StaffInput
        {
            StaffNumber = input.StaffNumber, NameZh = input.NameZh, NameEn = input.NameEn, UnitId = input.UnitId, Title = input.Title,
            CadreLevel = input.CadreLevel ?? CadreLevel.None, IsClassified = input.IsClassified ?? false,
            ClassifiedLevel = input.ClassifiedLevel ?? ClassifiedLevel.None,
            Email = input.Email, Phone = input.Phone, Mobile = input.Mobile, IsActive = input.IsActive ?? true,
        }.ApplyTo(staff);
        return [];
    }
}
