using Microsoft.EntityFrameworkCore;

namespace Waishi.Web.Platform.Api;

/// <summary>Optimistic concurrency and reference checks shared by the API's write endpoints.</summary>
public static class ApiVersions
{
    /// <summary>A delete may name the version it saw (<c>?version=</c>); an older one is a 409.</summary>
    public static IResult? Stale(HttpRequest request, long current, ApiProblems problems)
    {
        var raw = request.Query["version"].ToString();
        if (raw.Length == 0)
        {
            return null;
        }
        if (!long.TryParse(raw, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var version))
        {
            return problems.Validation("version", "{0} must be a whole number.", "version");
        }
        return version == current ? null : problems.Stale();
    }

    /// <summary>Saves a delete; a row that other records still point to is a 409, not a 500.</summary>
    public static async Task<IResult> SaveDeleteAsync(Data.AppDbContext db, ApiProblems problems, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return TypedResults.NoContent();
        }
        catch (DbUpdateConcurrencyException)
        {
            return problems.Stale();
        }
        catch (DbUpdateException)
        {
            return problems.Conflict("Other records still refer to this one, so it cannot be deleted. Set it inactive instead.");
        }
    }
}
