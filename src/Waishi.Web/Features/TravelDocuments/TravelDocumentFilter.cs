using Microsoft.EntityFrameworkCore;
using Waishi.Web.Features.People;
using Waishi.Web.Platform.Data;

namespace Waishi.Web.Features.TravelDocuments;

/// <summary>The filters of the document list, shared by the page, its export and the API.</summary>
public sealed class TravelDocumentFilter
{
    /// <summary>Document number, or the holder's name or staff number.</summary>
    public string? Q { get; set; }
    /// <summary>The holder's unit.</summary>
    public Guid? Unit { get; set; }
    /// <summary>The status as of today (overdue and expired included).</summary>
    public TravelDocumentStatus? Status { get; set; }
    public TravelDocumentType? Type { get; set; }
    public Guid? Holder { get; set; }
    /// <summary>Documents that expire on or before this date.</summary>
    public DateOnly? ExpiringBefore { get; set; }

    public IQueryable<TravelDocument> Apply(AppDbContext db, DateOnly today)
    {
        var query = db.Set<TravelDocument>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim().ToLower();
            query = query.Where(d => d.Number.ToLower().Contains(q)
                || db.Set<StaffMember>().Any(s => s.Id == d.HolderId
                    && (s.NameZh.ToLower().Contains(q) || (s.NameEn != null && s.NameEn.ToLower().Contains(q)) || s.StaffNumber.ToLower() == q)));
        }
        if (Unit is { } unit)
        {
            query = query.Where(d => db.Set<StaffMember>().Any(s => s.Id == d.HolderId && s.UnitId == unit));
        }
        if (Status is { } status)
        {
            query = WithStatus(query, status, today);
        }
        if (Type is { } type)
        {
            query = query.Where(d => d.Type == type);
        }
        if (Holder is { } holder)
        {
            query = query.Where(d => d.HolderId == holder);
        }
        if (ExpiringBefore is { } before)
        {
            query = query.Where(d => d.ExpiryDate <= before);
        }
        return query.OrderBy(d => d.ExpiryDate).ThenBy(d => d.Number);
    }

    /// <summary>Documents whose status on <paramref name="today"/> is <paramref name="status"/>.</summary>
    public static IQueryable<TravelDocument> WithStatus(IQueryable<TravelDocument> query, TravelDocumentStatus status, DateOnly today) => status switch
    {
        TravelDocumentStatus.InCustody => query.Where(d => d.Status == TravelDocumentStatus.InCustody && d.ExpiryDate >= today),
        TravelDocumentStatus.Expired => query.Where(d => d.Status == TravelDocumentStatus.InCustody && d.ExpiryDate < today),
        TravelDocumentStatus.CheckedOut => query.Where(d => d.Status == TravelDocumentStatus.CheckedOut && d.ReturnDue >= today),
        TravelDocumentStatus.Overdue => query.Where(d => d.Status == TravelDocumentStatus.CheckedOut && d.ReturnDue < today),
        _ => query.Where(d => d.Status == status),
    };

    /// <summary>The query string of these filters, with another page if given.</summary>
    public string Query(int? page = null)
    {
        return Platform.Web.ListQuery.Of(
            (nameof(Q), Q),
            (nameof(Unit), Unit),
            (nameof(Status), Status),
            (nameof(Type), Type),
            (nameof(Holder), Holder),
            (nameof(ExpiringBefore), ExpiringBefore),
            ("PageNo", page));
    }
}
