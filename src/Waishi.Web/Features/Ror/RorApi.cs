using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Waishi.Web.Features.Partners;
using Waishi.Web.Platform.Api;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Identity;

namespace Waishi.Web.Features.Ror;

/// <summary>/api/v1/ror: search and read the city's copy of the ROR registry (every tenant's staff).</summary>
public static class RorApi
{
    public sealed record RorSummaryDto(string RorId, string Url, string Name, string Status, string Types, string? CountryCode, string? City);

    public sealed record RorDto(string RorId, string Url, string Name, string Status, IReadOnlyList<string> Types, string? CountryCode,
        string? CountryName, string? City, double? Latitude, double? Longitude, string? Website, string? Wikipedia, int? Established,
        DateOnly? LastModified, IReadOnlyList<RorName> Names, IReadOnlyList<RorLocation> Locations, IReadOnlyList<RorLink> Links,
        IReadOnlyList<RorExternalId> ExternalIds, IReadOnlyList<RorRelationship> Relationships);

    public static void Map(RouteGroupBuilder api)
    {
        var ror = api.MapGroup("/ror").WithTags("ROR registry").RequireAuthorization(Policies.Staff);
        ror.MapGet("/", SearchAsync).WithName("SearchRor").Produces<Paged<RorSummaryDto>>().ProducesValidationProblem()
            .WithSummary("Organisations of the ROR registry; filters q (any name, normalised), country, type, status; paged.");
        ror.MapGet("/{rorId}", GetAsync).WithName("GetRor").Produces<RorDto>().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("One organisation by its ROR id (the 9 characters or the full https://ror.org/ address, URL-encoded).");
    }

    /// <summary>The registry search shared by the page and the API.</summary>
    public static IQueryable<RorOrganisation> Search(AppDbContext db, string? q, string? country, string? type, string? status)
    {
        var query = db.Set<RorOrganisation>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(country))
        {
            var cc = country.Trim().ToUpperInvariant();
            query = query.Where(r => r.CountryCode == cc);
        }
        if (!string.IsNullOrWhiteSpace(type))
        {
            var t = type.Trim().ToLowerInvariant();
            query = query.Where(r => ("," + r.Types + ",").Contains("," + t + ","));
        }
        if (!string.IsNullOrWhiteSpace(status))
        {
            var s = status.Trim().ToLowerInvariant();
            query = query.Where(r => r.Status == s);
        }
        if (RorRecord.ParseId(q) is { } id)
        {
            return query.Where(r => r.RorId == id);
        }
        var text = NameNormaliser.Normalise(q);
        if (text.Length > 0)
        {
            query = query.Where(r => r.SearchText.Contains(text));
        }
        return query.OrderBy(r => r.DisplayName).ThenBy(r => r.RorId);
    }

    private static async Task<IResult> SearchAsync(HttpRequest request, AppDbContext db, ApiProblems problems, CancellationToken ct)
    {
        if (!PageRequest.TryRead(request, problems, out var paging, out var error))
        {
            return error!;
        }
        var query = new ApiQuery(request);
        var page = await Search(db, query.Text("q"), query.Text("country"), query.Text("type"), query.Text("status"))
            .Select(r => new RorSummaryDto(r.RorId, RorOrganisation.UrlPrefix + r.RorId, r.DisplayName, r.Status, r.Types, r.CountryCode, r.City))
            .ToPageAsync(paging, ct);
        return TypedResults.Ok(page);
    }

    private static async Task<IResult> GetAsync(string rorId, AppDbContext db, ApiProblems problems, CancellationToken ct)
    {
        var id = RorRecord.ParseId(Uri.UnescapeDataString(rorId));
        var r = id is null ? null : await db.Set<RorOrganisation>().AsNoTracking().SingleOrDefaultAsync(o => o.RorId == id, ct);
        return r is null ? problems.NotFound() : TypedResults.Ok(ToDto(r));
    }

    public static RorDto ToDto(RorOrganisation r) => new(r.RorId, r.Url, r.DisplayName, r.Status, r.Types.Split(',', StringSplitOptions.RemoveEmptyEntries),
        r.CountryCode, r.CountryName, r.City, r.Latitude, r.Longitude, r.Website, r.Wikipedia, r.Established, r.LastModified,
        JsonSerializer.Deserialize<List<RorName>>(r.NamesJson, RorRecord.Json)!, JsonSerializer.Deserialize<List<RorLocation>>(r.LocationsJson, RorRecord.Json)!,
        JsonSerializer.Deserialize<List<RorLink>>(r.LinksJson, RorRecord.Json)!, JsonSerializer.Deserialize<List<RorExternalId>>(r.ExternalIdsJson, RorRecord.Json)!,
        JsonSerializer.Deserialize<List<RorRelationship>>(r.RelationshipsJson, RorRecord.Json)!);
}
