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
        var rows = db.Set<VisitLetter>().AsNoTracking()
            .Join(db.Set<IssuedDocument>(), l => l.DocumentId, d => d.Id, (l, d) => new { l, d })
            .Join(visible, x => x.l.VisitId, v => v.Id, (x, v) => new LetterRow(x.l.Id, v.Id, v.Title, v.Number, x.d.Number, x.d.Names,
                x.d.StartDate, x.d.EndDate, x.d.IssuedUtc, x.d.Revoked, x.l.MemberId == null));
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim().ToLower();
            rows = rows.Where(r => r.Number.ToLower().Contains(q) || r.Names.ToLower().Contains(q) || r.VisitTitle.ToLower().Contains(q)
                || (r.VisitNumber != null && r.VisitNumber.ToLower().Contains(q)));
        }
        if (Status == "valid")
        {
            rows = rows.Where(r => !r.Revoked);
        }
        else if (Status == "revoked")
        {
            rows = rows.Where(r => r.Revoked);
        }
        if (Year is { } year)
        {
            var from = new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Utc);
            var to = from.AddYears(1);
            rows = rows.Where(r => r.IssuedUtc >= from && r.IssuedUtc < to);
        }
        return rows.OrderByDescending(r => r.IssuedUtc);
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
