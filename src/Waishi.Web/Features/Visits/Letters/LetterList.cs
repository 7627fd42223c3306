using Microsoft.EntityFrameworkCore;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Documents;

namespace Waishi.Web.Features.Visits.Letters;

/// <summary>A row of the letters list: the letter, its register entry and its visit.</summary>
public sealed record LetterRow(Guid LetterId, Guid VisitId, string VisitTitle, string? VisitNumber, string Number, string Names,
    DateOnly? Arrival, DateOnly? Departure, DateTime IssuedUtc, bool Revoked, bool ForDelegation);

/// <summary>The filters of /Visits/Letters: search (number, names, visit), validity and year of issue.</summary>
public sealed class LetterFilter
{
    public string? Q { get; set; }
    /// <summary>"valid" or "revoked"; anything else shows both.</summary>
    public string? Status { get; set; }
    public int? Year { get; set; }

    public IQueryable<LetterRow> Apply(AppDbContext db, IQueryable<Visit> visible)
    {
        // Filtered before the projection: EF translates conditions on entities, not on a record's constructor arguments.
        var rows = db.Set<VisitLetter>().AsNoTracking()
            .Join(db.Set<IssuedDocument>(), l => l.DocumentId, d => d.Id, (l, d) => new { l, d })
            .Join(visible, x => x.l.VisitId, v => v.Id, (x, v) => new { x.l, x.d, v });
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim().ToLower();
            rows = rows.Where(r => r.d.Number.ToLower().Contains(q) || r.d.Names.ToLower().Contains(q) || r.v.Title.ToLower().Contains(q)
                || (r.v.Number != null && r.v.Number.ToLower().Contains(q)));
        }
        if (Status == "valid")
        {
            rows = rows.Where(r => !r.d.Revoked);
        }
        else if (Status == "revoked")
        {
            rows = rows.Where(r => r.d.Revoked);
        }
        if (Year is { } year)
        {
            var from = new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Utc);
            var to = from.AddYears(1);
            rows = rows.Where(r => r.d.IssuedUtc >= from && r.d.IssuedUtc < to);
        }
        return rows.OrderByDescending(r => r.d.IssuedUtc).ThenBy(r => r.d.Number)
            .Select(r => new LetterRow(r.l.Id, r.v.Id, r.v.Title, r.v.Number, r.d.Number, r.d.Names,
                r.d.StartDate, r.d.EndDate, r.d.IssuedUtc, r.d.Revoked, r.l.MemberId == null));
    }

    public string Query(int? page = null)
    {
        var parts = new List<string>();
        void Add(string name, object? value)
        {
            if (value is not null && value.ToString() is { Length: > 0 } text)
            {
                parts.Add($"{name}={Uri.EscapeDataString(text)}");
            }
        }
        Add("Filter.Q", Q);
        Add("Filter.Status", Status);
        Add("Filter.Year", Year);
        Add("PageNo", page);
        return string.Join("&", parts);
    }
}
