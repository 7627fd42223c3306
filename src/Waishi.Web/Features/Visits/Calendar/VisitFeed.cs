using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Waishi.Web.Features.TripCalendar;
using Waishi.Web.Features.Visits.Letters;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Identity;
using Waishi.Web.Platform.Tenancy;

namespace Waishi.Web.Features.Visits.Calendar;

/// <summary>
/// GET /feeds/visits/{token}.ics: the visits the token's owner sees, as iCalendar: each visit as an
/// all-day event from arrival to departure, and each agenda item as an event of its own (timed in
/// China time when it has times). The token is the user's calendar feed token, the same as for the
/// trip calendar: an unknown or revoked token, or a disabled account, is a 404.
/// </summary>
public static class VisitFeed
{
    public const string Route = "/feeds/visits/{token}.ics";
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    public static void Map(WebApplication app) =>
        app.MapGet(Route, ServeAsync).AllowAnonymous().ExcludeFromDescription();

    private static async Task<IResult> ServeAsync(string token, HttpContext http, AppDbContext db, TenantContext tenant, UserSession session,
        TimeProvider clock, IStringLocalizerFactory localizers, CancellationToken ct)
    {
        if (!token.StartsWith(CalendarFeedToken.TokenPrefix, StringComparison.Ordinal) || token.Length > 100)
        {
            return Results.NotFound();
        }
        var hash = CalendarFeedToken.Hash(token);
        CalendarFeedToken? row;
        using (tenant.AsSystem())
        {
            row = await db.Set<CalendarFeedToken>().AsNoTracking().FirstOrDefaultAsync(t => t.SecretHash == hash && t.RevokedUtc == null, ct);
        }
        var user = row is null ? null : await session.LoadAsync(row.UserId, null, "calendar-feed", ct);
        if (row is null || user is null || user.GetTenantId() != row.TenantId
            || !Enum.TryParse<TenantKind>(user.FindFirst(WaishiClaims.TenantKind)?.Value, out var kind))
        {
            return Results.NotFound();
        }
        tenant.Set(row.TenantId, kind);
        var culture = new CultureInfo(user.FindFirst(WaishiClaims.Culture)?.Value ?? "zh-CN");
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = culture;
        var t = localizers.Create(typeof(SharedResource));
        var today = Trips.TripsSetup.Today(clock);
        var access = await VisitDocsAccess.ForAsync(db, user, ct);
        var entries = await CalendarVisits.LoadAsync(db, access, today.AddYears(-1), today.AddYears(2), null, ct);
        var ics = Write(entries, t, culture.Name.StartsWith("zh", StringComparison.Ordinal), $"{http.Request.Scheme}://{http.Request.Host}",
            user.FindFirst(WaishiClaims.DisplayName)?.Value ?? "");
        http.Response.Headers.CacheControl = "private, no-store";
        return Results.Text(ics, "text/calendar; charset=utf-8", Encoding.UTF8);
    }

    public static string Write(IReadOnlyList<CalendarVisit> entries, IStringLocalizer t, bool chinese, string baseUrl, string owner)
    {
        var ics = new IcsWriter()
            .Raw("BEGIN", "VCALENDAR")
            .Raw("VERSION", "2.0")
            .Raw("PRODID", "-//Waishi//Visit calendar//EN")
            .Raw("CALSCALE", "GREGORIAN")
            .Raw("METHOD", "PUBLISH")
            .Text("X-WR-CALNAME", $"{t["Calendar of visits"]} · {owner}");
        foreach (var e in entries)
        {
            var status = e.State == VisitState.InReview ? "TENTATIVE" : "CONFIRMED";
            ics.Raw("BEGIN", "VEVENT")
                .Raw("UID", $"visit-{e.VisitId}@waishi")
                .Utc("DTSTAMP", e.StampUtc)
                .Date("DTSTART", e.Arrival)
                .Date("DTEND", e.Departure.AddDays(1))
                .Text("SUMMARY", $"{e.Title} · {string.Join(", ", e.Visitors)}")
                .Text("DESCRIPTION", $"{e.Unit(chinese)}{(e.Number is null ? "" : " · " + e.Number)}")
                .Raw("STATUS", status)
                .Raw("TRANSP", "TRANSPARENT")
                .Raw("URL", $"{baseUrl}/Visits/Details/{e.VisitId}")
                .Raw("END", "VEVENT");
            foreach (var a in e.Agenda)
            {
                ics.Raw("BEGIN", "VEVENT").Raw("UID", $"visit-agenda-{a.Id}@waishi").Utc("DTSTAMP", e.StampUtc);
                if (a.Start is { } start)
                {
                    var from = a.Date.ToDateTime(start) - ChinaOffset;
                    var to = a.End is { } end && end > start ? a.Date.ToDateTime(end) - ChinaOffset : from.AddHours(1);
                    ics.Utc("DTSTART", from).Utc("DTEND", to);
                }
                else
                {
                    ics.Date("DTSTART", a.Date).Date("DTEND", a.Date.AddDays(1));
                }
                ics.Text("SUMMARY", $"{a.Description} · {e.Title}")
                    .Text("LOCATION", a.Venue)
                    .Text("DESCRIPTION", $"{t[KindLabel(a.Kind)]} · {e.Unit(chinese)}")
                    .Raw("STATUS", status)
                    .Raw("URL", $"{baseUrl}/Visits/Details/{e.VisitId}")
                    .Raw("END", "VEVENT");
            }
        }
        return ics.Raw("END", "VCALENDAR").ToString();
    }

    /// <summary>The English key of an agenda item's kind.</summary>
    public static string KindLabel(AgendaItemKind kind) => kind switch
    {
        AgendaItemKind.Meeting => "Meeting",
        AgendaItemKind.CampusTour => "Campus tour",
        AgendaItemKind.Lecture => "Lecture",
        AgendaItemKind.Banquet => "Banquet",
        _ => "Other",
    };
}
