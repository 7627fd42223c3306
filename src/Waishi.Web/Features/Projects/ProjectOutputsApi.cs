using Microsoft.EntityFrameworkCore;
using Waishi.Web.Platform.Api;
using Waishi.Web.Platform.Data;
using static Waishi.Web.Features.Projects.ProjectsApi;

namespace Waishi.Web.Features.Projects;

/// <summary>/api/v1/projects/{id}/outputs and the documents' download; mapped with the project groups of <see cref="ProjectsApi"/>.</summary>
public static class ProjectOutputsApi
{
    public sealed record OutputInput(ProjectOutputKind? Kind, string? Title, DateOnly? Date, string? Reference);

    public static void Map(RouteGroupBuilder read, RouteGroupBuilder edit)
    {
        read.MapGet("/{id:guid}/outputs", OutputsAsync).WithName("ListProjectOutputs").Produces<List<OutputDto>>().ProducesProblem(StatusCodes.Status404NotFound);
        read.MapGet("/{id:guid}/documents/{documentId:guid}", DocumentAsync).WithName("DownloadProjectDocument")
            .Produces(StatusCodes.Status200OK).ProducesProblem(StatusCodes.Status404NotFound);
        edit.MapPost("/{id:guid}/outputs", AddOutputAsync).WithName("AddProjectOutput").Produces<OutputDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        edit.MapDelete("/{id:guid}/outputs/{outputId:guid}", DeleteOutputAsync).WithName("DeleteProjectOutput")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound);
    }

    public static OutputDto ToDto(ProjectOutput o) => new(o.Id, o.Version, o.Kind, o.Title, o.Date, o.Reference);

    private static async Task<IResult> DocumentAsync(Guid id, Guid documentId, AppDbContext db, ApiProblems problems, CancellationToken ct) =>
        await db.Set<ProjectDocument>().AsNoTracking().SingleOrDefaultAsync(d => d.Id == documentId && d.ProjectId == id, ct) is { } d
            ? TypedResults.File(d.Content, d.ContentType, d.FileName)
            : problems.NotFound();

    private static async Task<IResult> OutputsAsync(Guid id, AppDbContext db, ApiProblems problems, CancellationToken ct) =>
        await LoadAsync(db, id, false, ct) is { } p ? TypedResults.Ok(p.Outputs.OrderBy(o => o.Date).ThenBy(o => o.Title).Select(ToDto).ToList()) : problems.NotFound();

    public static List<FieldError> Validate(OutputInput input)
    {
        var errors = new List<FieldError>();
        if (input.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            errors.Add(new("Kind", "Choose the kind of output: publication, patent, event or other."));
        }
        if (string.IsNullOrWhiteSpace(input.Title))
        {
            errors.Add(new("Title", "Enter the title of the output."));
        }
        else if (input.Title.Trim().Length > 500)
        {
            errors.Add(new("Title", "Shorten this to at most {0} characters.", 500));
        }
        if (input.Reference?.Trim().Length > 500)
        {
            errors.Add(new("Reference", "Shorten this to at most {0} characters.", 500));
        }
        return errors;
    }

    public static ProjectOutput NewOutput(Guid projectId, OutputInput input) => new()
    {
        ProjectId = projectId, Kind = input.Kind!.Value, Title = input.Title!.Trim(), Date = input.Date, Reference = ProjectInput.Clean(input.Reference),
    };

    private static async Task<IResult> AddOutputAsync(Guid id, OutputInput input, AppDbContext db, ApiProblems problems, CancellationToken ct)
    {
        if (!await db.Set<CooperationProject>().AnyAsync(p => p.Id == id, ct))
        {
            return problems.NotFound();
        }
        if (Validate(input) is { Count: > 0 } errors)
        {
            return problems.Validation(errors);
        }
        var output = NewOutput(id, input);
        db.Add(output);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/projects/{id}/outputs/{output.Id}", ToDto(output));
    }

    private static async Task<IResult> DeleteOutputAsync(Guid id, Guid outputId, AppDbContext db, ApiProblems problems, CancellationToken ct)
    {
        var output = await db.Set<ProjectOutput>().SingleOrDefaultAsync(o => o.Id == outputId && o.ProjectId == id, ct);
        if (output is null)
        {
            return problems.NotFound();
        }
        db.Remove(output);
        return await ApiVersions.SaveDeleteAsync(db, problems, ct);
    }
}
