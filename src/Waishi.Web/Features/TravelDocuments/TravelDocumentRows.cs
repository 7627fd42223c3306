using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Waishi.Web.Features.Organisation;
using Waishi.Web.Features.People;
using Waishi.Web.Features.Trips;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Export;
using Waishi.Web.Platform.Localization;

namespace Waishi.Web.Features.TravelDocuments;

/// <summary>A document as the lists show it: with its holder, the holder's unit and the trip it is out on.</summary>
public sealed record TravelDocumentRow(TravelDocument Document, TravelDocumentStatus Status, string Holder, string HolderNumber, string Unit,
    string? Trip, int DaysOverdue)
{
    public static async Task<List<TravelDocumentRow>> LoadAsync(AppDbContext db, IQueryable<TravelDocument> query, DateOnly today, CancellationToken ct)
    {
        var chinese = LocalizationSetup.IsChinese;
        var docs = await query.ToListAsync(ct);
        var holderIds = docs.Select(d => d.HolderId).Distinct().ToList();
        var holders = await db.Set<StaffMember>().AsNoTracking().Where(s => holderIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
        var unitIds = holders.Values.Where(s => s.UnitId != null).Select(s => s.UnitId!.Value).Distinct().ToList();
        var units = await db.Set<OrgUnit>().AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, ct);
        var tripIds = docs.Where(d => d.TripId != null).Select(d => d.TripId!.Value).Distinct().ToList();
        var trips = await db.Set<Trip>().AsNoTracking().Where(t => tripIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Title, ct);
        return [.. docs.Select(d =>
        {
            var holder = holders.GetValueOrDefault(d.HolderId);
            var unit = holder?.UnitId is { } u ? units.GetValueOrDefault(u)?.Name(chinese) : null;
            return new TravelDocumentRow(d, d.StatusOn(today), holder?.Name(chinese) ?? "", holder?.StaffNumber ?? "", unit ?? "",
                d.TripId is { } t ? trips.GetValueOrDefault(t) : null, d.DaysOverdue(today));
        })];
    }

    public static ExportTable Export(IEnumerable<TravelDocumentRow> rows, IStringLocalizer t) => new(
        [t["Document type"], t["Number"], t["Holder"], t["Staff number"], t["Unit"], t["Issue date"], t["Expiry date"], t["Status"],
         t["Trip"], t["Due back"], t["Days overdue"]],
        [.. rows.Select(r => (IReadOnlyList<string?>)
        [
            t[TravelDocumentLabels.Of(r.Document.Type)], r.Document.Number, r.Holder, r.HolderNumber, r.Unit,
            TravelDocumentRules.Day(r.Document.IssueDate), TravelDocumentRules.Day(r.Document.ExpiryDate), t[TravelDocumentLabels.Of(r.Status)],
            r.Trip, r.Document.ReturnDue is { } due ? TravelDocumentRules.Day(due) : null, r.DaysOverdue > 0 ? r.DaysOverdue.ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
        ])]);
}
