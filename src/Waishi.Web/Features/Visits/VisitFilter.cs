using Microsoft.EntityFrameworkCore;
using Waishi.Web.Platform.Data;

namespace Waishi.Web.Features.Visits;

/// <summary>The filters of the visit list, shared by the page, its export and the API.</summary>
public sealed class VisitFilter
{
    /// <summary>Title, number, or a member's name or organisation.</summary>
    public string? Q { get; set; }
    public Guid? Unit { get; set; }
    public VisitState? State { get; set; }
    public VipLevel? Vip { get; set; }
    /// <summary>The visiting institution, or a member's partner organisation.</summary>
    public Guid? Partner { get; set; }
    /// <summary>Visits that end on or after this date.</summary>
    public DateOnly? From { get; set; }
    /// <summary>Visits that begin on or before this date.</summary>
    public DateOnly? To { get; set; }

    public IQueryable<Visit> Apply(AppDbContext db, VisitAccess access)
    {
        var query = access.Visible(db).AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim().ToLower();
            query = query.Where(v => v.Title.ToLower().Contains(q) || (v.Number != null && v.Number.ToLower().Contains(q))
                || db.Set<VisitMember>().Any(m => m.VisitId == v.Id && (m.NameLatin.ToLower().Contains(q)
                    || (m.NameZh != null && m.NameZh.Contains(q)) || m.Organisation.ToLower().Contains(q))));
        }
        if (Unit is { } unit)
        {
            query = query.Where(v => v.UnitId == unit);
        }
        if (State is { } state)
        {
            query = query.Where(v => v.State == state);
        }
        if (Vip is { } vip)
        {
            query = query.Where(v => v.VipLevel == vip);
        }
        if (Partner is { } partner)
        {
            query = query.Where(v => v.PartnerId == partner || db.Set<VisitMember>().Any(m => m.VisitId == v.Id && m.PartnerId == partner));
        }
        if (From is { } from)
        {
            query = query.Where(v => v.DepartureDate >= from);
        }
        if (To is { } to)
        {
            query = query.Where(v => v.ArrivalDate <= to);
        }
        return query.OrderByDescending(v => v.ArrivalDate).ThenByDescending(v => v.CreatedUtc);
    }

    /// <summary>The query string of these filters, with another page if given.</summary>
    public string Query(int? page = null) => Platform.Web.ListQuery.Of(
        (nameof(Q), Q), (nameof(Unit), Unit), (nameof(State), State), (nameof(Vip), Vip), (nameof(Partner), Partner),
        (nameof(From), From), (nameof(To), To), ("PageNo", page));
}
