using Microsoft.Extensions.Localization;
using Waishi.Web.Features.TripCalendar;
using Waishi.Web.Platform.Data;

namespace Waishi.Web.Features.Visits.Calendar;

/// <summary>
/// The user's private iCalendar feed address for the calendar of visits: the same token as the trip
/// calendar's (one live token per user), shown with the visits feed's address.
/// </summary>
public sealed class FeedModel(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> t)
    : FeedPage(db, clock, t, VisitFeed.Route);
