using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Waishi.Web.Features.Trips;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Identity;
using Waishi.Web.Platform.Tenancy;

namespace Waishi.Web.Features.TripCalendar;

/// <summary>
/// GET /feeds/trips/{token}.ics: the trip calendar of the token's owner as iCalendar, for calendar
/// programs that cannot sign in. The token in the address is the only credential: an unknown or
/// revoked token, or a disabled account, is a 404. The feed shows what the owner would see on the
/// calendar page, from a year back on, and nothing of another tenant.
/// </summary>
public static class CalendarFeed
{
    public const string Route = "/feeds/trips/{token}.ics";

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
        var today = TripsSetup.Today(clock);
        var entries = await CalendarTrips.LoadAsync(db, user, today.AddYears(-1), today.AddYears(2), null, null, ct);
        var ics = Write(entries, t, culture.Name.StartsWith("zh", StringComparison.Ordinal), $"{http.Request.Scheme}://{http.Request.Host}",
            user.FindFirst(WaishiClaims.DisplayName)?.Value ?? "");
        http.Response.Headers.CacheControl = "private, no-store";
        return Results.Text(ics, "text/calendar; charset=utf-8", Encoding.UTF8);
    }

    public static string Write(IReadOnlyList<CalendarEntry> entries, IStringLocalizer t, bool chinese, string baseUrl, string owner)
    {
        var ics = new IcsWriter()
            .Raw("BEGIN", "VCALENDAR")
            .Raw("VERSION", "2.0")
            .Raw("PRODID", "-//Waishi//Trip calendar//EN")
            .Raw("CALSCALE", "GREGORIAN")
            .Raw("METHOD", "PUBLISH")
            .Text("X-WR-CALNAME", $"{t["Trip calendar"]} · {owner}");
        foreach (var e in entries)
        {
            var places = string.Join(", ", e.Destinations.Select(d => $"{d.City} ({d.CountryCode})"));
            var members = string.Join("\n", e.Members.Select(m => $"{m.Name(chinese)} ({t[TripLabels.Of(m.Role)]})"));
            ics.Raw("BEGIN", "VEVENT")
                .Raw("UID", $"trip-{e.TripId}@waishi")
                .Utc("DTSTAMP", e.StampUtc)
                .Date("DTSTART", e.Departure)
                .Date("DTEND", e.Return.AddDays(1))
                .Text("SUMMARY", $"{e.Title} · {string.Join(", ", e.Members.Select(m => m.Name(chinese)))}")
                .Text("LOCATION", places)
                .Text("DESCRIPTION", $"{t[TripLabels.Of(e.State)]} · {e.Unit(chinese)}{(e.Number is null ? "" : " · " + e.Number)}\n{members}")
                .Raw("STATUS", e.State == TripState.Approved ? "CONFIRMED" : "TENTATIVE")
                .Raw("TRANSP", "TRANSPARENT")
                .Raw("URL", $"{baseUrl}/Trips/Details/{e.TripId}")
                .Raw("END", "VEVENT");
        }
        return ics.Raw("END", "VCALENDAR").ToString();
    }
}
