using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Waishi.Web.Platform.Api;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Identity;

namespace Waishi.Web.Features.Projects;

/// <summary>/api/v1/projects: the tenant's cooperation projects with their partners, investigators, outputs and documents.</summary>
public static class ProjectsApi
{
    public sealed record ProjectSummaryDto(Guid Id, long Version, ProjectKind Kind, string TitleEn, string? TitleZh, ProjectStatus Status,
        DateOnly StartOn, DateOnly? EndOn, Guid? UnitId, string? FundingSource, decimal? Amount, string? Currency);

    public sealed record InvestigatorDto(InvestigatorSide Side, Guid? StaffMemberId, string Name, string? Title, string? Email, Guid? PartnerId);

    public sealed record OutputDto(Guid Id, long Version, ProjectOutputKind Kind, string Title, DateOnly? Date, string? Reference);

    public sealed record DocumentDto(Guid Id, ProjectDocumentKind Kind, string FileName, string ContentType, long Size, DateTime UploadedUtc);

    public sealed record ProjectDto(Guid Id, long Version, ProjectKind Kind, string TitleEn, string? TitleZh, IReadOnlyList<Guid> PartnerIds,
        Guid? UnitId, IReadOnlyList<InvestigatorDto> Investigators, string? FundingSource, decimal? Amount, string? Currency,
        DateOnly StartOn, DateOnly? EndOn, ProjectStatus Status, string? Summary, string? Notes, Guid? OfficerUserId, Guid? AgreementId,
        IReadOnlyList<OutputDto> Outputs, IReadOnlyList<DocumentDto> Documents);

    public static void Map(RouteGroupBuilder api)
    {
        var read = api.MapGroup("/projects").WithTags("Projects").RequireAuthorization(Policies.Partners);
        read.MapGet("/", ListAsync).WithName("ListProjects").Produces<Paged<ProjectSummaryDto>>().ProducesValidationProblem()
            .WithSummary("Cooperation projects; filters q (title or partner name), kind, status, partner, country, unit, year (active in); paged.");
        read.MapGet("/{id:guid}", GetAsync).WithName("GetProject").Produces<ProjectDto>().ProducesProblem(StatusCodes.Status404NotFound);

        var edit = api.MapGroup("/projects").WithTags("Projects").RequireAuthorization(ProjectsSetup.EditorPolicy);
        edit.MapPost("/", CreateAsync).WithName("CreateProject").Produces<ProjectDto>(StatusCodes.Status201Created).ProducesValidationProblem();
        edit.MapPut("/{id:guid}", UpdateAsync).WithName("UpdateProject").Produces<ProjectDto>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Replaces the project's terms, partners and investigators; version must be the one read.");
        edit.MapDelete("/{id:guid}", DeleteAsync).WithName("DeleteProject").Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Deletes a project with its outputs and documents; ?version= guards against deleting a newer version.");
        ProjectOutputsApi.Map(read, edit);
    }

    private static async Task<ProjectDto> ToDtoAsync(AppDbContext db, CooperationProject p, CancellationToken ct)
    {
        var documents = await db.Set<ProjectDocument>().AsNoTracking().Where(d => d.ProjectId == p.Id).OrderBy(d => d.UploadedUtc)
            .Select(d => new DocumentDto(d.Id, d.Kind, d.FileName, d.ContentType, d.Size, d.UploadedUtc)).ToListAsync(ct);
        return new(p.Id, p.Version, p.Kind, p.TitleEn, p.TitleZh, p.PartnerIds(), p.UnitId,
            [.. p.Investigators.OrderBy(i => i.SortOrder).Select(i => new InvestigatorDto(i.Side, i.StaffMemberId, i.Name, i.Title, i.Email, i.PartnerId))],
            p.FundingSource, p.Amount, p.Currency, p.StartOn, p.EndOn, p.Status, p.Summary, p.Notes, p.OfficerUserId, p.AgreementId,
            [.. p.Outputs.OrderBy(o => o.Date).ThenBy(o => o.Title).Select(ProjectOutputsApi.ToDto)], documents);
    }

    public static async Task<CooperationProject?> LoadAsync(AppDbContext db, Guid id, bool tracking, CancellationToken ct)
    {
        var query = db.Set<CooperationProject>().Include(p => p.Partners).Include(p => p.Investigators).Include(p => p.Outputs).AsSplitQuery();
        return await (tracking ? query : query.AsNoTracking()).SingleOrDefaultAsync(p => p.Id == id, ct);
    }

    private static async Task<IResult> ListAsync(HttpRequest request, AppDbContext db, ApiProblems problems, CancellationToken ct)
    {
        if (!PageRequest.TryRead(request, problems, out var paging, out var error))
        {
            return error!;
        }
        var query = new ApiQuery(request);
        var filter = new ProjectFilter
        {
            Q = query.Text("q"), Kind = query.Choice<ProjectKind>("kind"), Status = query.Choice<ProjectStatus>("status"),
            Partner = query.Id("partner"), Country = query.Text("country"), Unit = query.Id("unit"),
        };
        if (query.Text("year") is { } year)
        {
            if (int.TryParse(year, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var y) && y is >= 1900 and <= 2200)
            {
                filter.Year = y;
            }
            else
            {
                query.Errors.Add(new("year", "{0} must be a year such as 2026.", "year"));
            }
        }
        if (query.Errors.Count > 0)
        {
            return problems.Validation(query.Errors);
        }
        var page = await filter.Apply(db)
            .Select(p => new ProjectSummaryDto(p.Id, p.Version, p.Kind, p.TitleEn, p.TitleZh, p.Status, p.StartOn, p.EndOn, p.UnitId,
                p.FundingSource, p.Amount, p.Currency))
            .ToPageAsync(paging, ct);
        return TypedResults.Ok(page);
    }

    private static async Task<IResult> GetAsync(Guid id, AppDbContext db, ApiProblems problems, CancellationToken ct) =>
        await LoadAsync(db, id, false, ct) is { } p ? TypedResults.Ok(await ToDtoAsync(db, p, ct)) : problems.NotFound();

    private static async Task<IResult> CreateAsync(ProjectInput input, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, ApiProblems problems, CancellationToken ct)
    {
        var project = new CooperationProject { CreatedUtc = clock.GetUtcNow().UtcDateTime, CreatedByUserId = user.GetUserId() ?? Guid.Empty };
        if (await ProjectWriter.ApplyAsync(db, project, input, ct) is { Count: > 0 } errors)
        {
            return problems.Validation(errors);
        }
        db.Add(project);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/projects/{project.Id}", await ToDtoAsync(db, project, ct));
    }

    private static async Task<IResult> UpdateAsync(Guid id, ProjectInput input, AppDbContext db, ApiProblems problems, CancellationToken ct)
    {
        var project = await LoadAsync(db, id, true, ct);
        if (project is null)
        {
            return problems.NotFound();
        }
        if (input.Version != project.Version)
        {
            return problems.Stale();
        }
        if (await ProjectWriter.ApplyAsync(db, project, input, ct) is { Count: > 0 } errors)
        {
            return problems.Validation(errors);
        }
        db.ExpectVersion(project, input.Version);
        if (await db.TrySaveAsync(ct) is not null)
        {
            return problems.Stale();
        }
        return TypedResults.Ok(await ToDtoAsync(db, project, ct));
    }

    private static async Task<IResult> DeleteAsync(Guid id, HttpRequest request, AppDbContext db, ApiProblems problems, CancellationToken ct)
    {
        var project = await LoadAsync(db, id, true, ct);
        if (project is null)
        {
            return problems.NotFound();
        }
        if (ApiVersions.Stale(request, project.Version, problems) is { } stale)
        {
            return stale;
        }
        await RemoveAsync(db, project, ct);
        return await ApiVersions.SaveDeleteAsync(db, problems, ct);
    }

    /// <summary>Removes a loaded project with its documents (the other children cascade with it).</summary>
    public static async Task RemoveAsync(AppDbContext db, CooperationProject project, CancellationToken ct)
    {
        // Loaded without their bytes: only the keys are needed to delete them (and audit the deletion).
        var documents = await db.Set<ProjectDocument>().Where(d => d.ProjectId == project.Id)
            .Select(d => new ProjectDocument { Id = d.Id, TenantId = d.TenantId, Version = d.Version, ProjectId = d.ProjectId, Kind = d.Kind,
                FileName = d.FileName, ContentType = d.ContentType, Size = d.Size, UploadedUtc = d.UploadedUtc, UploadedByUserId = d.UploadedByUserId })
            .ToListAsync(ct);
        db.RemoveRange(documents);
        db.Remove(project);
    }
}
