using Microsoft.EntityFrameworkCore;
using Waishi.Web.Platform.Data;

namespace Waishi.Web.Features.DueDiligence.Watchlists;

public static class WatchlistRules
{
    public static readonly FieldError NameTaken = new(nameof(Watchlist.Name), "Another watchlist has this name; choose another.");

    public static List<FieldError> Validate(string? name, string? description, string? source)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(name))
        {
            errors.Add(new(nameof(Watchlist.Name), "Name the watchlist, e.g. US Consolidated Screening List."));
        }
        else if (name.Trim().Length > 200)
        {
            errors.Add(new(nameof(Watchlist.Name), "Shorten the name to 200 characters."));
        }
        if (description?.Length > 2000)
        {
            errors.Add(new(nameof(Watchlist.Description), "Shorten the description to 2,000 characters."));
        }
        if (source?.Length > 500)
        {
            errors.Add(new(nameof(Watchlist.Source), "Shorten the source to 500 characters."));
        }
        return errors;
    }

    public static Task<bool> NameTakenAsync(AppDbContext db, string name, Guid? except, CancellationToken ct)
    {
        var trimmed = name.Trim();
        return db.Set<Watchlist>().AnyAsync(w => w.Name == trimmed && w.Id != except, ct);
    }
}

/// <summary>The entries of one version of a list (the current one by default), searched by name and alias.</summary>
public sealed class EntryFilter
{
    public string? Q { get; set; }
    public int? Number { get; set; }

    public async Task<IQueryable<WatchlistEntry>> ApplyAsync(AppDbContext db, Watchlist list, CancellationToken ct)
    {
        var versionId = Number is { } n
            ? await db.Set<WatchlistVersion>().Where(v => v.WatchlistId == list.Id && v.Number == n).Select(v => (Guid?)v.Id).FirstOrDefaultAsync(ct)
            : list.CurrentVersionId;
        var query = db.Set<WatchlistEntry>().AsNoTracking().Where(e => e.VersionId == versionId);
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim().ToLower();
            query = query.Where(e => e.Name.ToLower().Contains(q) || (e.Aliases != null && e.Aliases.ToLower().Contains(q)));
        }
        return query.OrderBy(e => e.Name).ThenBy(e => e.Id);
    }
}
