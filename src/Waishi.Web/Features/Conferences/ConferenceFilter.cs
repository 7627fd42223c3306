using Microsoft.EntityFrameworkCore;
using Waishi.Web.Platform.Data;

namespace Waishi.Web.Features.Conferences;

/// <summary>The filters of the application list, shared by the page, its export and the API.</summary>
public sealed class ConferenceFilter
{
    /// <summary>Number, English or Chinese title, venue or city.</summary>
    public string? Q { get; set; }
    public ConferenceState? State { get; set; }
    public Guid? Unit { get; set; }
    /// <summary>Conferences starting in this calendar year.</summary>
    public int? Year { get; set; }
    /// <summary>Only applications filed late (true) or on time (false).</summary>
    public bool? Late { get; set; }
    /// <summary>Only applications that go to the city (true) or not (false).</summary>
    public bool? City { get; set; }
    /// <summary>Only approved conferences whose summary is overdue.</summary>
    public bool? Overdue { get; set; }

    public IQueryable<Conference> Apply(AppDbContext db, IQueryable<Conference> visible, ConferencePolicy policy, DateOnly today)
    {
        var query = visible.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var text = Q.Trim().ToLower();
            query = query.Where(c => c.TitleEn.ToLower().Contains(text) || (c.TitleZh != null && c.TitleZh.Contains(Q.Trim()))
                || (c.Number != null && c.Number.ToLower().Contains(text)) || c.Venue.ToLower().Contains(text) || c.City.ToLower().Contains(text));
        }
        if (State is { } state)
        {
            query = query.Where(c => c.State == state);
        }
        if (Unit is { } unit)
        {
            query = query.Where(c => c.UnitId == unit);
        }
        if (Year is { } year && year is >= 1900 and <= 2200)
        {
            var first = new DateOnly(year, 1, 1);
            var last = new DateOnly(year, 12, 31);
            query = query.Where(c => c.StartDate >= first && c.StartDate <= last);
        }
        if (Late is { } late)
        {
            query = query.Where(c => c.IsLate == late);
        }
        if (City is { } city)
        {
            query = query.Where(c => c.CityApproval == city);
        }
        if (Overdue == true)
        {
            query = ConferenceSummaries.Overdue(query, policy, today);
        }
        return query.OrderByDescending(c => c.StartDate).ThenBy(c => c.TitleEn).ThenBy(c => c.Id);
    }

    public string Query(int? page = null) => Platform.Web.ListQuery.Of(
        (nameof(Q), Q),
        (nameof(State), State),
        (nameof(Unit), Unit),
        (nameof(Year), Year),
        (nameof(Late), Late),
        (nameof(City), City),
        (nameof(Overdue), Overdue),
        ("PageNo", page));
}
