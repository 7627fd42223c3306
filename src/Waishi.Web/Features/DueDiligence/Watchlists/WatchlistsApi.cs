using Microsoft.EntityFrameworkCore;
using Waishi.Web.Platform.Api;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Export;

namespace Waishi.Web.Features.DueDiligence.Watchlists;

/// <summary>/api/v1/watchlists: the tenant's screening lists, their versions and entries, and imports.</summary>
public static class WatchlistsApi
{
    public sealed record WatchlistDto(Guid Id, long Version, string Name, string? Description, string? Source, Guid? CurrentVersionId, WatchlistMapping Mapping);

    public sealed record VersionDto(Guid Id, int Number, DateTime ImportedUtc, string ImportedBy, string FileName, int EntryCount,
        int Added, int Removed, int Changed, int BadRows, IReadOnlyList<string> Problems);

    public sealed record EntryDto(Guid Id, string Name, IReadOnlyList<string> Aliases, string? CountryCode, string? Addresses, string? Source,
        string? Programs, DateOnly? StartOn, DateOnly? EndOn, bool Expired, string? Remarks);

    public sealed record WatchlistInput(string? Name, string? Description, string? Source, WatchlistMapping? Mapping);

    public static void Map(RouteGroupBuilder api)
    {
        var read = api.MapGroup("/watchlists").WithTags("Due diligence").RequireAuthorization(DueDiligenceSetup.ReaderPolicy);
        read.MapGet("/", ListAsync).WithName("ListWatchlists").Produces<List<WatchlistDto>>();
        read.MapGet("/{id:guid}", GetAsync).WithName("GetWatchlist").Produces<WatchlistDto>().ProducesProblem(StatusCodes.Status404NotFound);
        read.MapGet("/{id:guid}/versions", VersionsAsync).WithName("ListWatchlistVersions").Produces<List<VersionDto>>().ProducesProblem(StatusCodes.Status404NotFound);
        read.MapGet("/{id:guid}/entries", EntriesAsync).WithName("ListWatchlistEntries").Produces<Paged<EntryDto>>()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesValidationProblem()
            .WithSummary("Entries of the current version (or ?version=N); q searches names and aliases; paged.");

        var edit = api.MapGroup("/watchlists").WithTags("Due diligence").RequireAuthorization(DueDiligenceSetup.EditorPolicy);
        edit.MapPost("/", CreateAsync).WithName("CreateWatchlist").Produces<WatchlistDto>(StatusCodes.Status201Created).ProducesValidationProblem();
        edit.MapPost("/{id:guid}/import", ImportAsync).WithName("ImportWatchlist").Produces<VersionDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .Accepts<string>("text/csv", "application/json")
            .WithSummary("Imports the request body (CSV, or JSON when ?fileName= ends in .json) as a new version with the list's mapping.");
    }

    public static WatchlistDto ToDto(Watchlist w) => new(w.Id, w.Version, w.Name, w.Description, w.Source, w.CurrentVersionId, WatchlistMapping.FromJson(w.MappingJson));

    public static VersionDto ToDto(WatchlistVersion v) => new(v.Id, v.Number, v.ImportedUtc, v.ImportedBy, v.FileName, v.EntryCount, v.Added, v.Removed,
        v.Changed, v.BadRows, [.. Profiles.InstitutionProfile.Lines(v.Problems)]);

    private static async Task<IResult> ListAsync(AppDbContext db, CancellationToken ct) =>
        TypedResults.Ok((await db.Set<Watchlist>().AsNoTracking().OrderBy(w => w.Name).ToListAsync(ct)).Select(ToDto).ToList());

    private static async Task<IResult> GetAsync(Guid id, AppDbContext db, ApiProblems problems, CancellationToken ct) =>
        await db.Set<Watchlist>().AsNoTracking().FirstOrDefaultAsync(w => w.Id == id, ct) is { } w ? TypedResults.Ok(ToDto(w)) : problems.NotFound();

    private static async Task<IResult> VersionsAsync(Guid id, AppDbContext db, ApiProblems problems, CancellationToken ct)
    {
        if (!await db.Set<Watchlist>().AnyAsync(w => w.Id == id, ct))
        {
            return problems.NotFound();
        }
        var versions = await db.Set<WatchlistVersion>().AsNoTracking().Where(v => v.WatchlistId == id).OrderByDescending(v => v.Number).ToListAsync(ct);
        return TypedResults.Ok(versions.Select(ToDto).ToList());
    }

    private static async Task<IResult> EntriesAsync(Guid id, HttpRequest request, AppDbContext db, TimeProvider clock, ApiProblems problems, CancellationToken ct)
    {
        if (!PageRequest.TryRead(request, problems, out var paging, out var error))
        {
            return error!;
        }
        var list = await db.Set<Watchlist>().AsNoTracking().FirstOrDefaultAsync(w => w.Id == id, ct);
        if (list is null)
        {
            return problems.NotFound();
        }
        var query = new ApiQuery(request);
        var filter = new EntryFilter { Q = query.Text("q") };
        if (query.Text("version") is { } raw)
        {
            if (int.TryParse(raw, out var n))
            {
                filter.Number = n;
            }
            else
            {
                query.Errors.Add(new("version", "{0} must be a version number.", "version"));
            }
        }
        if (query.Errors.Count > 0)
        {
            return problems.Validation(query.Errors);
        }
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var page = await (await filter.ApplyAsync(db, list, ct)).ToPageAsync(paging, ct);
        return TypedResults.Ok(new Paged<EntryDto>([.. page.Items.Select(e => ToDto(e, today))], page.Total, page.Page, page.PageSize));
    }

    public static EntryDto ToDto(WatchlistEntry e, DateOnly today) => new(e.Id, e.Name, [.. Profiles.InstitutionProfile.Lines(e.Aliases)], e.CountryCode,
        e.Addresses, e.Source, e.Programs, e.StartOn, e.EndOn, e.IsExpired(today), e.Remarks);

    private static async Task<IResult> CreateAsync(WatchlistInput input, AppDbContext db, TimeProvider clock, ApiProblems problems, CancellationToken ct)
    {
        var errors = WatchlistRules.Validate(input.Name, input.Description, input.Source);
        if (errors.Count == 0 && await WatchlistRules.NameTakenAsync(db, input.Name!, null, ct))
        {
            errors.Add(WatchlistRules.NameTaken);
        }
        if (errors.Count > 0)
        {
            return problems.Validation(errors);
        }
        var list = new Watchlist
        {
            Name = input.Name!.Trim(), Description = input.Description?.Trim(), Source = input.Source?.Trim(),
            MappingJson = (input.Mapping ?? new WatchlistMapping()).ToJson(), CreatedUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(list);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/watchlists/{list.Id}", ToDto(list));
    }

    private static async Task<IResult> ImportAsync(Guid id, HttpRequest request, AppDbContext db, WatchlistImporter importer, ApiProblems problems, CancellationToken ct)
    {
        var list = await db.Set<Watchlist>().FirstOrDefaultAsync(w => w.Id == id, ct);
        if (list is null)
        {
            return problems.NotFound();
        }
        var fileName = request.Query["fileName"].ToString() is { Length: > 0 } name ? name
            : request.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true ? "upload.json" : "upload.csv";
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, ct);
        if (buffer.Length == 0)
        {
            return problems.Validation("file", "Send the list file as the request body.");
        }
        buffer.Position = 0;
        WatchlistImportResult result;
        try
        {
            result = await importer.ImportAsync(list, buffer, fileName, WatchlistMapping.FromJson(list.MappingJson), request.HttpContext.User.Identity?.Name ?? "api", ct);
        }
        catch (TabularFormatException e)
        {
            return problems.Validation("file", e.Message);
        }
        return TypedResults.Created($"/api/v1/watchlists/{id}/versions", ToDto(result.Version));
    }
}
